import type { GovukAttributes } from "./attributes.ts";

/**
 * `data-i18n.<key>` attributes, as govuk-frontend's macros/i18n.njk writes a component's
 * translations: one text, or one per plural rule (`data-i18n.<key>.one`, `.other`…).
 */
export function i18nAttributes(key: string, texts: Partial<Record<string, string>> | string | undefined): GovukAttributes {
  if (!texts) return {};
  if (typeof texts === "string") return { [`data-i18n.${key}`]: texts };
  return Object.fromEntries(Object.entries(texts).map(([rule, text]) => [`data-i18n.${key}.${rule}`, text]));
}
