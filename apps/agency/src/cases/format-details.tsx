import { caseColumnDescriptions, caseColumns, requiredCaseColumns } from "@complaints/domain";
import { Details, Table } from "@complaints/ui";

/**
 * The case file's format ("The case file" in docs/case-import.md) as a GOV.UK details component: what a
 * system's export must hold, column by column, from the domain's own descriptions so the page,
 * the guide and the messages say the same.
 */
export function CaseFormatDetails() {
  return (
    <Details summaryText="What the case file must hold" classes="app-case-format">
      <p className="govuk-body">
        A CSV file (UTF-8 or Windows-1252, as Excel saves it) with a header row, then one row per complaint. Dates are written 2025-04-01 or 01/04/2025 (day first), and left empty when
        something has not happened. Columns marked required must be there; the others may be left out. Any other column is ignored and never stored.
      </p>
      <Table
        caption="The case file's columns"
        captionClasses="govuk-table__caption--s"
        classes="app-case-format__table"
        firstCellIsHeader
        head={[{ text: "Column" }, { text: "What it holds" }]}
        rows={caseColumns.map((column) => [
          {
            children: (
              <>
                <code className="app-code">{column}</code>
                {requiredCaseColumns.includes(column) ? <span className="app-case-format__required"> (required)</span> : null}
              </>
            ),
          },
          { text: caseColumnDescriptions[column] },
        ])}
      />
      <p className="govuk-body">Do not include names, email addresses, phone numbers or notes: a column that looks like them is refused, with the reason.</p>
    </Details>
  );
}
