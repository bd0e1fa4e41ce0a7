import { describe, expect, it } from "vitest";
import { caseFileProblem, problemText } from "./case-problems.ts";

describe("case file problems in words", () => {
  it.each([
    [{ row: 12, column: "closed_date", message: "The closed date 01/03/2025 is before the received date 02/03/2025" }, "Row 12, column closed_date: the closed date 01/03/2025 is before the received date 02/03/2025"],
    [{ row: 12, column: "closed_date", message: "Row 12, column closed_date: the closed date is missing" }, "Row 12, column closed_date: the closed date is missing"],
    [{ row: 3, column: null, message: "The row has 4 cells; the header has 16" }, "Row 3: the row has 4 cells; the header has 16"],
    [{ row: null, column: "Email", message: "Looks like email addresses: remove the column" }, "Column Email: looks like email addresses: remove the column"],
    [{ row: 7, column: "stage", message: "PHSO is not a stage" }, "Row 7, column stage: PHSO is not a stage"],
    [{ row: null, column: null, message: "the file is empty" }, "The file is empty"],
  ])("%j", (problem, text) => {
    expect(problemText(problem)).toBe(text);
  });

  it.each([
    [null, "Select your case file"],
    [{ name: "cases.CSV", size: 10 }, null],
    [{ name: "cases.csv", size: 0 }, "The selected file is empty"],
    [{ name: "cases.xlsx", size: 10 }, "The selected file must be a CSV"],
    [{ name: "cases.csv", size: 200 * 1024 * 1024 }, null],
    [{ name: "cases.csv", size: 200 * 1024 * 1024 + 1 }, "The selected file must be smaller than 200 MB. Export only the columns the import reads, or ask whoever runs the service to import it from the command line"],
  ])("chosen file %j: %s", (file, problem) => {
    expect(caseFileProblem(file, 200 * 1024 * 1024)).toBe(problem);
  });
});
