/**
 * The counting and messages of govuk-frontend's character-count.mjs (`updateCount`,
 * `formatCountMessage`, `isOverThreshold`) and its i18n.mjs plural and number formatting.
 */
export type CountType = "length" | "characters" | "words";

/** Translations by plural rule (`one`, `other`…), as the macro's `*UnderLimitText` options. */
export type PluralTexts = Partial<Record<Intl.LDMLPluralRule, string>>;

export interface CountMessageTexts {
  charactersUnderLimitText?: PluralTexts;
  charactersAtLimitText?: string;
  charactersOverLimitText?: PluralTexts;
  wordsUnderLimitText?: PluralTexts;
  wordsAtLimitText?: string;
  wordsOverLimitText?: PluralTexts;
}

const defaults = {
  charactersUnderLimitText: { one: "You have %{count} character remaining", other: "You have %{count} characters remaining" },
  charactersAtLimitText: "You have 0 characters remaining",
  charactersOverLimitText: { one: "You have %{count} character too many", other: "You have %{count} characters too many" },
  wordsUnderLimitText: { one: "You have %{count} word remaining", other: "You have %{count} words remaining" },
  wordsAtLimitText: "You have 0 words remaining",
  wordsOverLimitText: { one: "You have %{count} word too many", other: "You have %{count} words too many" },
} satisfies Required<CountMessageTexts>;

/**
 * What character-count.mjs's configuration ends up as from the template's data attributes: the
 * count type attribute (`countType`, or "words" for the deprecated `maxwords`) else "length"; the
 * limit `maxlength`, else `maxwords`; words counted the old way whenever `maxwords` is given.
 */
export function countSettings(options: { maxlength?: number; maxwords?: number; countType?: CountType }): { countType: CountType; maxLength: number; legacyMaxwords: boolean } {
  return {
    countType: options.countType || (options.maxwords ? "words" : "length"),
    maxLength: options.maxlength ?? options.maxwords ?? Infinity,
    legacyMaxwords: options.maxwords !== undefined,
  };
}

/**
 * How much of the limit `text` uses. `length` counts UTF-16 code units (as the browser's maxlength),
 * `characters` graphemes, `words` word-like segments; the deprecated `maxwords` option counts
 * runs of non-space instead.
 */
export function countOf(text: string, countType: CountType, legacyMaxwords: boolean, locale: string): number {
  if (countType === "characters") return [...new Intl.Segmenter(locale, { granularity: "grapheme" }).segment(text)].length;
  if (countType === "words") {
    if (legacyMaxwords) return text.match(/\S+/g)?.length ?? 0;
    return [...new Intl.Segmenter(locale, { granularity: "word" }).segment(text)].filter((s) => s.isWordLike).length;
  }
  return text.length;
}

/** "You have 12 characters remaining", "You have 3 words too many"… */
export function countMessage(remaining: number, countType: CountType, texts: CountMessageTexts, locale: string): string {
  const unit = countType === "words" ? "words" : "characters";
  if (remaining === 0) return texts[`${unit}AtLimitText`] || defaults[`${unit}AtLimitText`];
  const key = `${unit}${remaining < 0 ? "Over" : "Under"}LimitText` as const;
  const forms: PluralTexts = texts[key] ?? defaults[key];
  const count = Math.abs(remaining);
  const form = forms[new Intl.PluralRules(locale).select(count)] ?? forms.other ?? "";
  return form.replace(/%\{count\}/g, new Intl.NumberFormat(locale).format(count));
}

/** Whether the count message shows: always without a threshold, else from `threshold` percent of the limit. */
export function isOverThreshold(count: number, maxLength: number, threshold: number | undefined): boolean {
  if (!threshold) return true;
  return (maxLength * threshold) / 100 <= count;
}
