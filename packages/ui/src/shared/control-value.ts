/**
 * The macros' `value` is what the server-rendered field starts with. In React that is
 * `defaultValue`, unless the app controls the field (passes `onChange`): then it is `value`.
 * Both render the same HTML, and an uncontrolled field stays editable.
 */
export function valueProps<V>(value: V | undefined, onChange: unknown): { value?: V; defaultValue?: V } {
  if (value === undefined || value === null) return {};
  return onChange ? { value } : { defaultValue: value };
}
