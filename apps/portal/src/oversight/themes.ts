import { actionThemeCodes, currentTemplate, themeFields } from "@complaints/domain/browser";

/** The template's themes with their labels ("Theme: delay" → "Delay"): the list returns and action plans share. */
export const themeChoices: { code: string; label: string }[] = themeFields(currentTemplate)
  .filter((f) => f.theme !== undefined && actionThemeCodes.includes(f.theme))
  .map((f) => {
    const label = f.label.replace(/^Theme:\s*/, "");
    return { code: f.theme!, label: label.charAt(0).toUpperCase() + label.slice(1) };
  });

export function themeLabel(code: string): string {
  return themeChoices.find((t) => t.code === code)?.label ?? code;
}
