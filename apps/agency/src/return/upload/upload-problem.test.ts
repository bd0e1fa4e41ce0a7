import { describe, expect, it } from "vitest";
import { problemQuestion, problemWithoutPlace, type UploadProblem } from "./upload-problem.ts";

// Messages as services/return-spreadsheet.ts writes them.
const cases: [UploadProblem, string, string][] = [
  [
    { row: 12, column: "received", label: "Complaints received", message: "Row 12, ‘Complaints received’: “twelve” is not a whole number." },
    "Complaints received",
    "“twelve” is not a whole number.",
  ],
  [
    { row: 40, column: "not_a_field", label: null, message: "Row 40: “not_a_field” is not a field of this return." },
    "“not_a_field” (not a question of this return)",
    "“not_a_field” is not a field of this return.",
  ],
  [
    { row: 9, column: "upheld", label: "Upheld", message: "Row 9: the most is 1,000,000." },
    "Upheld",
    "The most is 1,000,000.",
  ],
  [
    { row: 3, column: null, label: null, message: "Row 3 has a value but no id: put the field's id in the id column, or delete the value." },
    "The whole file",
    "Row 3 has a value but no id: put the field's id in the id column, or delete the value.",
  ],
  [{ row: null, column: null, label: null, message: "The file is empty." }, "The whole file", "The file is empty."],
];

describe("a problem in an uploaded file, in the table's columns", () => {
  it.each(cases)("%j", (problem, question, text) => {
    expect(problemQuestion(problem)).toBe(question);
    expect(problemWithoutPlace(problem)).toBe(text);
  });
});
