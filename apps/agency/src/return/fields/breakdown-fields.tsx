import type { BreakdownDeclaration, FieldDeclaration } from "@complaints/domain";
import { Fragment, useMemo, type ReactNode } from "react";
import { ErrorMessage, Fieldset, Hint } from "@complaints/ui";
import { Field } from "./field.tsx";
import type { CaseLink } from "./field-props.tsx";

export interface BreakdownFieldsProps {
  breakdown: BreakdownDeclaration;
  /** The breakdown's cells as templateFields expands them (`received_by_channel.online`, …). */
  cells: readonly FieldDeclaration[];
  inputs: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, string>>;
  /** The unit of each cell: that of the figure the cells add up to ("complaints", "complainants"), if any. */
  unit?: string | undefined;
  /** An error about the breakdown as a whole (its cells do not add up), shown under the legend. */
  error?: string | undefined;
  readOnly: boolean;
  onInput(fieldId: string, text: string): void;
  /** Cells computed from the case file, by field id: each links to its cases. */
  cases?: ReadonlyMap<string, CaseLink> | undefined;
  /** What goes directly beneath a cell, by field id (a warning's explanation box). */
  below?: Readonly<Record<string, ReactNode>> | undefined;
}

/** A cell's own name: the expanded label less the breakdown's ("Complaints received by channel: Email" → "Email"). */
export function cellLabel(breakdown: { label: string }, cell: FieldDeclaration): string {
  const prefix = `${breakdown.label}: `;
  return cell.label.startsWith(prefix) ? cell.label.slice(prefix.length) : cell.label;
}

/** A breakdown: one fieldset, one count per category, each input's id the cell's field id. */
export function BreakdownFields({ breakdown, cells, unit, inputs, errors, error, readOnly, onInput, cases, below }: BreakdownFieldsProps) {
  const id = `breakdown-${breakdown.id}`;
  const labelled = useMemo(() => cells.map((cell) => ({ ...cell, label: cellLabel(breakdown, cell), ...(unit ? { unit } : {}) })), [breakdown, cells, unit]);
  const describedBy = [breakdown.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`} id={id}>
      <Fieldset legend={{ text: breakdown.label, classes: "govuk-fieldset__legend--m" }} {...(describedBy ? { describedBy } : {})}>
        {breakdown.hint ? <Hint id={`${id}-hint`} text={breakdown.hint} /> : null}
        {error ? <ErrorMessage id={`${id}-error`} text={error} /> : null}
        {cells.length === 0 ? <p className="govuk-body">Your department has not set up any categories for your body.</p> : null}
        {labelled.map((cell) => (
          <Fragment key={cell.id}>
            <Field field={cell} text={inputs[cell.id] ?? ""} error={errors[cell.id]} readOnly={readOnly} onInput={onInput} cases={cases?.get(cell.id)} />
            {below?.[cell.id]}
          </Fragment>
        ))}
      </Fieldset>
    </div>
  );
}
