import type { FieldDeclaration, GroupDeclaration } from "@complaints/domain";
import { Fragment, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { Fieldset, Hint } from "@complaints/ui";
import { Field, inputIdOf } from "./field.tsx";

export interface GroupFieldsProps {
  group: GroupDeclaration;
  /** The group's fields for every item as templateFields expands them (`special_payments.1.amount`, …). */
  fields: readonly FieldDeclaration[];
  inputs: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, string>>;
  readOnly: boolean;
  onInput(fieldId: string, text: string): void;
  /** What goes directly beneath a field, by field id (a warning's explanation box). */
  below?: Readonly<Record<string, ReactNode>> | undefined;
}

const lower = (s: string) => `${s.charAt(0).toLowerCase()}${s.slice(1)}`;
const upper = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

/** The fields of one item, labelled by their own name ("Amount") inside the item's fieldset. */
function itemFields(group: GroupDeclaration, fields: readonly FieldDeclaration[], item: number): FieldDeclaration[] {
  const prefix = `${group.label} ${item}: `;
  return fields.filter((f) => f.item === item).map((f) => ({ ...f, label: upper(f.label.startsWith(prefix) ? f.label.slice(prefix.length) : f.label) }));
}

/**
 * A repeating group, as GOV.UK's "add another" pattern: the items given so far, "Add another"
 * up to the template's maxItems, and "Remove" on each. Item numbers are the stable ids of the
 * stored values, so removing one moves the later items up.
 */
export function GroupFields({ group, fields, inputs, errors, readOnly, onInput, below }: GroupFieldsProps) {
  const given = (item: number) => fields.some((f) => f.item === item && (inputs[f.id] ?? "") !== "");
  let lastGiven = 0;
  for (let item = 1; item <= group.maxItems; item += 1) if (given(item)) lastGiven = item;
  const [shown, setShown] = useState(lastGiven);
  const count = Math.max(shown, lastGiven);
  const focusItem = useRef<number | null>(null);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusItem.current === null) return;
    const first = fields.find((f) => f.item === focusItem.current);
    focusItem.current = null;
    if (first) document.getElementById(inputIdOf(first))?.focus();
    else root.current?.querySelector<HTMLElement>("button")?.focus();
  });

  function add() {
    focusItem.current = count + 1;
    setShown(count + 1);
  }

  function remove(item: number) {
    for (let i = item; i < count; i += 1) {
      for (const f of group.fields) {
        const from = fields.find((x) => x.item === i + 1 && x.id.endsWith(`.${f.id}`));
        const to = fields.find((x) => x.item === i && x.id.endsWith(`.${f.id}`));
        if (from && to) onInput(to.id, inputs[from.id] ?? "");
      }
    }
    for (const f of fields.filter((x) => x.item === count)) if ((inputs[f.id] ?? "") !== "") onInput(f.id, "");
    setShown(count - 1);
    focusItem.current = Math.min(item, count - 1) || -1;
  }

  const items = useMemo(() => Array.from({ length: group.maxItems }, (_, i) => itemFields(group, fields, i + 1)), [group, fields]);
  const noun = lower(group.label);
  return (
    <div className="govuk-form-group app-add-another" id={`group-${group.id}`} ref={root}>
      <h2 className="govuk-heading-m">{upper(noun)}s</h2>
      {group.hint ? <Hint text={group.hint} /> : null}
      {count === 0 ? <p className="govuk-body">None listed.</p> : null}
      {Array.from({ length: count }, (_, i) => i + 1).map((item) => (
        <div key={item} className="app-add-another__item">
          <Fieldset legend={{ text: `${group.label} ${item}`, classes: "govuk-fieldset__legend--s" }}>
            {items[item - 1]!.map((f) => (
              <Fragment key={f.id}>
                <Field field={f} text={inputs[f.id] ?? ""} error={errors[f.id]} readOnly={readOnly} onInput={onInput} />
                {below?.[f.id]}
              </Fragment>
            ))}
          </Fieldset>
          {readOnly ? null : (
            <button type="button" className="govuk-button govuk-button--secondary app-add-another__remove" data-module="govuk-button" onClick={() => remove(item)}>
              Remove<span className="govuk-visually-hidden"> {noun} {item}</span>
            </button>
          )}
        </div>
      ))}
      {readOnly || count >= group.maxItems ? (
        count >= group.maxItems ? <p className="govuk-body">You can list up to {group.maxItems}.</p> : null
      ) : (
        <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" onClick={add}>
          {count === 0 ? `Add a ${noun}` : `Add another ${noun}`}
        </button>
      )}
    </div>
  );
}
