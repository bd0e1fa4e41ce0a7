import { describe, expect, it } from "vitest";
import { fileProblem, maxSpreadsheetBytes } from "./file-check.ts";

describe("checking a chosen file before it is sent", () => {
  it.each([
    [null, "Select your completed return"],
    [{ name: "return.xlsx", size: 12_000 }, null],
    [{ name: "RETURN.ODS", size: 12_000 }, null],
    [{ name: "des-lic1-2026-27-q2-return.csv", size: maxSpreadsheetBytes }, null],
    [{ name: "return.csv", size: maxSpreadsheetBytes + 1 }, "The selected file must be smaller than 700 KB"],
    [{ name: "return.csv", size: 0 }, "The selected file is empty"],
    [{ name: "return.xls", size: 12_000 }, "The selected file must be an XLSX, ODS or CSV"],
    [{ name: "return.pdf", size: 0 }, "The selected file must be an XLSX, ODS or CSV"],
    [{ name: "return", size: 10 }, "The selected file must be an XLSX, ODS or CSV"],
    [{ name: "csv", size: 10 }, "The selected file must be an XLSX, ODS or CSV"],
  ])("%j: %s", (file, problem) => {
    expect(fileProblem(file)).toBe(problem);
  });
});
