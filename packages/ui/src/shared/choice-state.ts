/** What a radio or checkbox item needs for the checked-state rules below. */
export interface ChoiceState {
  name: string;
  exclusive: boolean;
}

/**
 * The checked state of every item after item `index` changed to `checked`: a radio unchecks the
 * others of its name; a checkbox with `behaviour: "exclusive"` ("None of these") unchecks the
 * others of its name, and any other checkbox unchecks the exclusive ones
 * (govuk-frontend radios.mjs and checkboxes.mjs `handleClick`).
 */
export function nextChecked(kind: "radios" | "checkboxes", items: (ChoiceState | null)[], current: boolean[], index: number, checked: boolean): boolean[] {
  const changed = items[index];
  return current.map((was, i) => {
    if (i === index) return checked;
    const item = items[i];
    if (!changed || !item || !checked || item.name !== changed.name) return was;
    if (kind === "radios" || changed.exclusive) return false;
    return item.exclusive ? false : was;
  });
}
