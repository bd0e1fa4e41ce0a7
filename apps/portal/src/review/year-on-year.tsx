import { Table } from "@complaints/ui";
import type { FieldDeclaration, FieldValue } from "@complaints/domain";
import { yearOnYear } from "./last-year.ts";

/** The figures that changed since the same quarter last year, side by side: this year, last year, change. */
export function YearOnYear(props: { fields: readonly FieldDeclaration[]; thisYear: { values: Record<string, FieldValue> }; lastYear: { values: Record<string, FieldValue> }; label: string; earlierLabel: string }) {
  const rows = yearOnYear(props.fields, props.thisYear.values, props.lastYear.values);
  if (rows.length === 0) return <p className="govuk-body">Every figure is the same as in {props.earlierLabel}.</p>;
  return (
    <div className="app-table-scroll" tabIndex={0} role="region" aria-label={`Figures that changed since ${props.earlierLabel}`}>
      <Table
        caption={`Figures that changed since ${props.earlierLabel}: ${rows.length}`}
        captionClasses="govuk-table__caption--s"
        firstCellIsHeader
        attributes={{ "data-testid": "year-on-year" }}
        head={[{ text: "Question" }, { text: props.label, format: "numeric" }, { text: props.earlierLabel, format: "numeric" }, { text: "Change", format: "numeric" }]}
        rows={rows.map((r) => [{ text: r.label }, { text: r.thisYear, format: "numeric" }, { text: r.lastYear, format: "numeric" }, { text: r.change, format: "numeric" }])}
      />
    </div>
  );
}
