import { Fragment, useMemo, type ReactNode } from "react";
import { templateFields, type FieldDeclaration, type SectionDeclaration, type ServiceArea, type TemplateDeclaration } from "@complaints/domain";
import { BreakdownFields } from "./fields/breakdown-fields.tsx";
import { Field, markerTypes } from "./fields/field.tsx";
import type { CaseLink } from "./fields/field-props.tsx";
import { GroupFields } from "./fields/group-fields.tsx";

export interface SectionFormProps {
  template: TemplateDeclaration;
  section: SectionDeclaration;
  serviceAreas: readonly ServiceArea[];
  inputs: Readonly<Record<string, string>>;
  /** Inline errors by field id, `breakdown:<id>` for a breakdown as a whole, `<id>-note` for a marker's note. */
  errors: Readonly<Record<string, string>>;
  notes: Readonly<Record<string, string>>;
  readOnly: boolean;
  onInput(fieldId: string, text: string): void;
  onNote(fieldId: string, note: string | null): void;
  /** The figures computed from the body's case file, each linking to its cases (none when it has imported no case file). */
  caseLinks?: { fields: ReadonlySet<string>; href(fieldId: string): string } | undefined;
  /** What goes directly beneath a field, by field id: a warning's explanation box beneath the figure it flags. */
  below?: Readonly<Record<string, ReactNode>> | undefined;
}

/**
 * One section of the return, generated from the template declaration alone: its fields in order,
 * then its breakdowns, then its repeating groups (templateFields' order). A field or section added
 * to the template appears here with no change to this code.
 */
export function SectionForm({ template, section, serviceAreas, inputs, errors, notes, readOnly, onInput, onNote, caseLinks, below }: SectionFormProps) {
  // Field declarations keep their identity between keystrokes, so memoised fields skip re-rendering.
  const fields = useMemo(() => templateFields(template, serviceAreas).filter((f) => f.section === section.id), [template, serviceAreas, section.id]);
  const { plain, cellsOf, itemsOf } = useMemo(() => {
    const cells = new Map<string, FieldDeclaration[]>();
    const items = new Map<string, FieldDeclaration[]>();
    for (const f of fields) {
      if (f.breakdown !== undefined) cells.set(f.breakdown, [...(cells.get(f.breakdown) ?? []), f]);
      if (f.group !== undefined) items.set(f.group, [...(items.get(f.group) ?? []), f]);
    }
    return {
      plain: fields.filter((f) => f.breakdown === undefined && f.group === undefined),
      cellsOf: (id: string) => cells.get(id) ?? [],
      itemsOf: (id: string) => items.get(id) ?? [],
    };
  }, [fields]);
  // Built once per set of links, so each field's link keeps its identity between keystrokes too.
  const cases = useMemo(
    () => new Map<string, CaseLink>(caseLinks ? fields.filter((f) => caseLinks.fields.has(f.id)).map((f) => [f.id, { href: caseLinks.href(f.id), of: f.label }]) : []),
    [fields, caseLinks],
  );
  // A required figure may instead be [x] or [z] with a note; a read-only return shows the choice only where one was made.
  const offersMarker = (f: FieldDeclaration) => markerTypes.has(f.type) && ((f.required && !readOnly) || inputs[f.id] === "[x]" || inputs[f.id] === "[z]");
  return (
    <>
      {plain.map((f) => (
        <Fragment key={f.id}>
          <Field
            field={f}
            text={inputs[f.id] ?? ""}
            error={errors[f.id]}
            readOnly={readOnly}
            onInput={onInput}
            cases={cases.get(f.id)}
            {...(offersMarker(f) ? { note: notes[f.id], noteError: errors[`${f.id}-note`], onNote } : {})}
          />
          {below?.[f.id]}
        </Fragment>
      ))}
      {template.breakdowns
        .filter((b) => b.section === section.id)
        .map((b) => (
          <BreakdownFields key={b.id} breakdown={b} cells={cellsOf(b.id)} unit={b.totalOf ? template.fields.find((f) => f.id === b.totalOf)?.unit : undefined} inputs={inputs} errors={errors} error={errors[`breakdown:${b.id}`]} readOnly={readOnly} onInput={onInput} cases={cases} below={below} />
        ))}
      {template.groups
        .filter((g) => g.section === section.id)
        .map((g) => (
          <GroupFields key={g.id} group={g} fields={itemsOf(g.id)} inputs={inputs} errors={errors} readOnly={readOnly} onInput={onInput} below={below} />
        ))}
    </>
  );
}
