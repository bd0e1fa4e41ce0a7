import { isMarker, type FieldType } from "@complaints/domain";
import { memo } from "react";
import { Input } from "@complaints/ui";
import { CasesLink } from "./cases-link.tsx";
import { hintOf, type FieldProps } from "./field-props.tsx";
import { MarkerChoice } from "./marker-choice.tsx";

/**
 * How each kind of figure is typed (GOV.UK "Ask users for numbers"): counts are whole numbers,
 * money is pounds and pence with a £ prefix, staff time is FTE to one decimal place. The text goes
 * to the draft as typed; the domain's cell codec (readCell) reads it.
 */
const kinds: Partial<Record<FieldType, { inputmode: "numeric" | "decimal"; width: string; prefix?: string }>> = {
  count: { inputmode: "numeric", width: "govuk-input--width-10" },
  money: { inputmode: "decimal", width: "govuk-input--width-10", prefix: "£" },
  fte: { inputmode: "decimal", width: "govuk-input--width-5" },
};

function NumberFieldView(props: FieldProps) {
  const { field, text, error, readOnly, onInput } = props;
  const kind = kinds[field.type] ?? kinds.count!;
  const marker = isMarker(text);
  // The unit follows the figure ("42 complaints", "3.5 FTE"), except money's £, which leads it.
  const suffix = field.unit && field.unit !== kind.prefix ? field.unit : undefined;
  return (
    <div className="app-field">
      <Input
        id={field.id}
        name={field.id}
        label={{ text: field.label, classes: "govuk-label--s" }}
        hint={hintOf(field, text)}
        errorMessage={error ? { text: error } : false}
        inputmode={kind.inputmode}
        spellcheck={false}
        autoComplete="off"
        classes={kind.width}
        {...(kind.prefix ? { prefix: { text: kind.prefix } } : {})}
        {...(suffix ? { suffix: { text: suffix } } : {})}
        value={marker ? "" : text}
        readOnly={readOnly}
        formGroup={{ classes: props.onNote || props.cases ? "app-form-group--with-marker" : undefined }}
        onChange={(event) => onInput(field.id, event.target.value)}
      />
      {props.cases ? <CasesLink cases={props.cases} /> : null}
      {props.onNote ? <MarkerChoice {...props} /> : null}
    </div>
  );
}

/** A count, an amount of money or staff time (FTE). */
export const NumberField = memo(NumberFieldView);
