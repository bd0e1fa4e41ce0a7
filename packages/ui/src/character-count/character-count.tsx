import { useEffect, useRef, useState, type ChangeEvent } from "react";
import { Hint } from "../hint/hint.tsx";
import { classNames, type GovukAttributes } from "../shared/attributes.ts";
import { SideContent } from "../shared/form-group.tsx";
import { i18nAttributes } from "../shared/i18n-attributes.ts";
import { useMounted } from "../shared/use-mounted.ts";
import { Textarea, type TextareaProps } from "../textarea/textarea.tsx";
import { countMessage, countOf, countSettings, isOverThreshold, type CountMessageTexts, type CountType } from "./count-message.ts";

/** govuk-frontend `govukCharacterCount` (components/character-count/template.njk); props mirror its macro options. */
export interface CharacterCountOptions extends CountMessageTexts {
  id?: string;
  name: string;
  rows?: number;
  value?: string;
  maxlength?: number;
  /** Deprecated upstream: `maxlength` with `countType: "words"` instead. */
  maxwords?: number;
  /** Percentage of the limit from which the count message shows. */
  threshold?: number;
  countType?: CountType;
  label?: TextareaProps["label"];
  hint?: TextareaProps["hint"];
  errorMessage?: TextareaProps["errorMessage"];
  formGroup?: TextareaProps["formGroup"];
  classes?: string;
  attributes?: GovukAttributes;
  spellcheck?: boolean;
  countMessage?: { classes?: string };
  textareaDescriptionText?: string;
}

export type CharacterCountProps = CharacterCountOptions & Omit<TextareaProps, keyof CharacterCountOptions>;

/** How long typing must pause before the screen-reader count is announced (character-count.mjs checks each second). */
const announceDelay = 1000;

/**
 * The first render is the template's HTML; after mount the count message works as
 * character-count.mjs makes it: the description becomes visually hidden, a visible status follows
 * every keystroke, and a polite live region announces the count once typing pauses.
 */
export function CharacterCount(props: CharacterCountProps) {
  const { maxlength, maxwords, threshold, countType: givenType, countMessage: countMessageOptions, textareaDescriptionText, charactersUnderLimitText, charactersAtLimitText, charactersOverLimitText, wordsUnderLimitText, wordsAtLimitText, wordsOverLimitText, formGroup, classes, attributes, value, onChange, ...textarea } = props;
  const texts = { charactersUnderLimitText, charactersAtLimitText, charactersOverLimitText, wordsUnderLimitText, wordsAtLimitText, wordsOverLimitText };
  const id = props.id || props.name;
  const countTypeAttribute = givenType || (maxwords ? "words" : undefined);
  const hasNoLimit = !maxwords && !maxlength;
  const limit = maxwords || maxlength;
  const description = hasNoLimit ? "" : (textareaDescriptionText || `You can enter up to %{count} ${countTypeAttribute === "words" ? "words" : "characters"}`).replaceAll("%{count}", String(limit));

  const [ownText, setOwnText] = useState(value ?? "");
  const text = onChange && value !== undefined ? value : ownText;
  const [locale, setLocale] = useState("en");
  const mounted = useMounted();
  // Without a limit govuk-frontend's script stops with a configuration error: the markup stays static.
  const enhanced = mounted && !hasNoLimit;

  const { countType, maxLength, legacyMaxwords } = countSettings({ maxlength, maxwords, countType: givenType });
  const count = countOf(text, countType, legacyMaxwords, locale);
  const remaining = maxLength - count;
  const message = countMessage(remaining, countType, texts, locale);
  const overThreshold = isOverThreshold(count, maxLength, threshold);

  const announced = useAnnouncedCount(enhanced, message, overThreshold);
  useEffect(() => {
    const lang = closestLang(id);
    if (lang) setLocale(lang);
  }, [id]);

  const groupAttributes: GovukAttributes = {
    ...countAttributes({ maxlength, maxwords, threshold, countType: countTypeAttribute, textareaDescriptionText: hasNoLimit ? textareaDescriptionText : undefined, ...texts }),
    ...formGroup?.attributes,
  };
  const isError = remaining < 0;
  const messageClasses = classNames("govuk-character-count__message", countMessageOptions?.classes);
  // The script removes a maxlength attribute: the browser would stop typing at the limit
  // instead of letting the user see and fix what is over.
  const textareaAttributes = enhanced && attributes ? Object.fromEntries(Object.entries(attributes).filter(([name]) => name !== "maxlength")) : attributes;

  return (
    <Textarea
      {...textarea}
      id={id}
      describedBy={`${id}-info`}
      // Controlled only when the app controls it; otherwise `value` is where the field starts.
      {...(onChange && value !== undefined ? { value } : value !== undefined ? { defaultValue: value } : {})}
      onChange={(event: ChangeEvent<HTMLTextAreaElement>) => {
        setOwnText(event.target.value);
        onChange?.(event);
      }}
      classes={classNames("govuk-js-character-count", classes, enhanced && isError && !props.errorMessage && "govuk-textarea--error")}
      attributes={textareaAttributes}
      formGroup={{
        classes: classNames("govuk-character-count", formGroup?.classes),
        attributes: groupAttributes,
        beforeInput: formGroup?.beforeInput,
        afterInput: {
          children: (
            <>
              <Hint id={`${id}-info`} classes={classNames(messageClasses, enhanced && "govuk-visually-hidden")} text={description} />
              {enhanced ? <CountStatus messageClasses={messageClasses} message={message} overThreshold={overThreshold} isError={isError} announced={announced} /> : null}
              <SideContent content={formGroup?.afterInput} />
            </>
          ),
        },
      }}
    />
  );
}

/** The count message's translations and settings as the data attributes character-count.mjs reads. */
function countAttributes(o: CountMessageTexts & { maxlength?: number; maxwords?: number; threshold?: number; countType?: string; textareaDescriptionText?: string }): GovukAttributes {
  return {
    "data-module": "govuk-character-count",
    "data-maxlength": { value: o.maxlength, optional: true },
    "data-maxwords": { value: o.maxwords, optional: true },
    "data-threshold": { value: o.threshold, optional: true },
    "data-count-type": { value: o.countType, optional: true },
    ...(o.textareaDescriptionText ? i18nAttributes("textarea-description", { other: o.textareaDescriptionText }) : {}),
    ...i18nAttributes("characters-under-limit", o.charactersUnderLimitText),
    ...i18nAttributes("characters-at-limit", o.charactersAtLimitText),
    ...i18nAttributes("characters-over-limit", o.charactersOverLimitText),
    ...i18nAttributes("words-under-limit", o.wordsUnderLimitText),
    ...i18nAttributes("words-at-limit", o.wordsAtLimitText),
    ...i18nAttributes("words-over-limit", o.wordsOverLimitText),
  };
}

interface Announcement {
  message: string;
  overThreshold: boolean;
}

/** The screen-reader status: set at once on mount, then after each pause in typing. */
function useAnnouncedCount(enhanced: boolean, message: string, overThreshold: boolean): Announcement | null {
  const [announced, setAnnounced] = useState<Announcement | null>(null);
  const announcedOnce = useRef(false);
  useEffect(() => {
    if (!enhanced) return;
    if (!announcedOnce.current) {
      announcedOnce.current = true;
      setAnnounced({ message, overThreshold });
      return;
    }
    const timer = setTimeout(() => setAnnounced({ message, overThreshold }), announceDelay);
    return () => clearTimeout(timer);
  }, [enhanced, message, overThreshold]);
  return announced;
}

/** The message language follows the closest `lang`, as govuk-frontend's i18n does. */
function closestLang(id: string): string | null | undefined {
  return document.getElementById(id)?.closest("[lang]")?.getAttribute("lang");
}

/** Once the script runs: the visible count after every keystroke, and the polite live region a screen reader hears. */
function CountStatus({ messageClasses, message, overThreshold, isError, announced }: { messageClasses: string; message: string; overThreshold: boolean; isError: boolean; announced: Announcement | null }) {
  return (
    <>
      <div className={classNames(messageClasses, "govuk-character-count__status", !overThreshold && "govuk-character-count__message--disabled", isError ? "govuk-error-message" : "govuk-hint")} aria-hidden="true">
        {message}
      </div>
      <div className="govuk-character-count__sr-status govuk-visually-hidden" aria-live="polite" {...(announced && !announced.overThreshold ? { "aria-hidden": "true" } : {})}>
        {announced?.message}
      </div>
    </>
  );
}
