import { describe, expect, it } from "vitest";
import { financialYearOf, formatFileSize, packRequests, readPackChoice, writePackChoice } from "./pack-choice.ts";

const latest = "2026-27 Q2";

describe("the board pack choice in the address", () => {
  it.each([
    ["", { period: { kind: "quarter", period: latest }, body: null, format: "ods" }],
    ["period=2025-26-q3&body=DES-LIC1&format=pdf", { period: { kind: "quarter", period: "2025-26 Q3" }, body: "DES-LIC1", format: "pdf" }],
    ["period=2025-26&format=csv", { period: { kind: "year", financialYear: "2025-26" }, body: null, format: "csv" }],
    // Not choices: the defaults, never an error page for a mistyped link.
    ["period=2025-27&body=%3Cscript%3E&format=csvw", { period: { kind: "quarter", period: latest }, body: null, format: "ods" }],
    ["period=2025-26-q5&format=XLSX&body=des-lic1", { period: { kind: "quarter", period: latest }, body: "DES-LIC1", format: "xlsx" }],
  ])("reads ?%s", (search, expected) => {
    expect(readPackChoice(new URLSearchParams(search), latest)).toEqual(expected);
  });

  it("writes what it reads", () => {
    for (const search of ["period=2025-26-q3&body=DES-LIC1&format=pdf", "period=2025-26&format=csv"]) {
      expect(writePackChoice(readPackChoice(new URLSearchParams(search), latest)).toString()).toBe(search);
    }
  });
});

describe("the files a choice downloads", () => {
  it("asks for one file, or the CSV and its CSVW metadata", () => {
    expect(packRequests("DES", { period: { kind: "quarter", period: "2025-26 Q2" }, body: null, format: "ods" })).toEqual([{ departmentCode: "DES", period: "2025-26 Q2", format: "ods" }]);
    expect(packRequests("DES", { period: { kind: "year", financialYear: "2025-26" }, body: "DES-LIC1", format: "csv" })).toEqual([
      { departmentCode: "DES", financialYear: "2025-26", bodyCode: "DES-LIC1", format: "csv" },
      { departmentCode: "DES", financialYear: "2025-26", bodyCode: "DES-LIC1", format: "csvw" },
    ]);
  });

  it.each([
    [{ kind: "quarter", period: "2025-26 Q4" } as const, "2025-26"],
    [{ kind: "quarter", period: "2026-27 Q1" } as const, "2026-27"],
    [{ kind: "year", financialYear: "2024-25" } as const, "2024-25"],
  ])("puts %o in financial year %s", (period, year) => {
    expect(financialYearOf(period)).toBe(year);
  });

  it.each([
    [1, "1 KB"],
    [1536, "2 KB"],
    [2_000_000, "1,953 KB"],
  ])("says %i bytes is %s", (bytes, words) => {
    expect(formatFileSize(bytes)).toBe(words);
  });
});
