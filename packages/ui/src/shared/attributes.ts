/**
 * govuk-frontend's `attributes` option: extra HTML attributes, each a value or `{ value, optional }`
 * (`optional: true` with a false or missing value leaves it out; govuk-frontend `macros/attributes.njk`).
 */
export type GovukAttributes = Record<string, string | number | boolean | null | undefined | { value?: string | number | boolean | null | undefined; optional?: boolean }>;

/** React's names for the HTML attributes it renames. */
const reactNames: Record<string, string> = { class: "className", for: "htmlFor", tabindex: "tabIndex", readonly: "readOnly", novalidate: "noValidate", autofocus: "autoFocus", maxlength: "maxLength", autocomplete: "autoComplete", spellcheck: "spellCheck", inputmode: "inputMode", autocapitalize: "autoCapitalize" };

/**
 * HTML boolean attributes React renders itself: any value present in the markup means "on",
 * so React gets `true` (a string would render, but React warns that "false" would not turn it off).
 */
const booleanAttributes = new Set(["hidden", "disabled", "readonly", "required", "checked", "multiple", "autofocus", "novalidate", "open", "selected", "inert"]);

/** The `attributes` option as React props. */
export function attributeProps(attributes: GovukAttributes | undefined): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  if (!attributes) return out;
  for (const [name, raw] of Object.entries(attributes)) {
    const entry = typeof raw === "object" && raw !== null ? raw : { value: raw, optional: false };
    const value = entry.value ?? null;
    if (entry.optional && (value === null || value === false)) continue;
    if (booleanAttributes.has(name)) {
      out[reactNames[name] ?? name] = true;
      continue;
    }
    // Not optional: null or undefined render as an empty value, booleans as "true" or "false".
    out[reactNames[name] ?? name] = value === null ? "" : value === true ? (entry.optional ? "" : "true") : value === false ? "false" : value;
  }
  return out;
}

/** Joins class names, leaving out the blank ones. */
export function classNames(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(" ");
}
