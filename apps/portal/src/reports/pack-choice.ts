import { financialYearCode, parsePeriodCode, periodChoiceFromAddress, periodChoiceToAddress, type PeriodChoice } from "@complaints/domain";

/** The formats a person chooses between; "csv" brings its CSVW metadata file with it. */
export const packFormatChoices = ["ods", "xlsx", "pdf", "csv"] as const;
export type PackFormatChoice = (typeof packFormatChoices)[number];

/** What the board pack is for: a quarter or a financial year, the whole department or one body, and a format. */
export interface PackChoice {
  period: PeriodChoice;
  /** A body's code, or null for the whole department. */
  body: string | null;
  format: PackFormatChoice;
}

/** The API's input for one file (reports.pack). */
export interface PackRequest {
  departmentCode: string;
  period?: string;
  financialYear?: string;
  bodyCode?: string;
  format: PackFormatChoice | "csvw";
}

/** As organisationCodeSchema (packages/domain organisations.ts). */
const bodyCodePattern = /^[A-Z0-9][A-Z0-9-]{1,19}$/;

/**
 * The choice from the query string (`?period=2025-26-q2&body=DES-LIC1&format=ods`, the address
 * style of the other pages: a period as in `/summary/2025-26-q2`, or `2025-26` for a year).
 * Anything missing or not a choice is the default: the latest quarter, the whole department, ODS
 * (the open standard for editable documents, Cabinet Office open standards for government).
 */
export function readPackChoice(params: URLSearchParams, latestQuarter: string): PackChoice {
  const period = periodChoiceFromAddress(params.get("period")?.trim() ?? "") ?? { kind: "quarter", period: latestQuarter };
  const body = params.get("body")?.trim().toUpperCase() ?? "";
  const format = params.get("format")?.trim().toLowerCase() ?? "";
  return {
    period,
    body: bodyCodePattern.test(body) ? body : null,
    format: (packFormatChoices as readonly string[]).includes(format) ? (format as PackFormatChoice) : "ods",
  };
}

/** The query string for a choice, every part written so a copied address says what it is. */
export function writePackChoice(choice: PackChoice): URLSearchParams {
  const params = new URLSearchParams({ period: periodChoiceToAddress(choice.period) });
  if (choice.body) params.set("body", choice.body);
  params.set("format", choice.format);
  return params;
}

/** The files a choice downloads: one, or for CSV the data and its CSVW metadata (W3C "Metadata Vocabulary for Tabular Data"). */
export function packRequests(departmentCode: string, choice: PackChoice): PackRequest[] {
  const base: Omit<PackRequest, "format"> = {
    departmentCode,
    ...(choice.period.kind === "quarter" ? { period: choice.period.period } : { financialYear: choice.period.financialYear }),
    ...(choice.body ? { bodyCode: choice.body } : {}),
  };
  return choice.format === "csv" ? [{ ...base, format: "csv" }, { ...base, format: "csvw" }] : [{ ...base, format: choice.format }];
}

/** The financial year a period falls in (`2025-26`), for the annual report section. */
export function financialYearOf(period: PeriodChoice): string {
  return period.kind === "year" ? period.financialYear : financialYearCode(parsePeriodCode(period.period)!.startYear);
}

const kilobytes = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });

/** A file's size as people read it: "12 KB" (1 KB = 1,024 bytes, at least 1). */
export function formatFileSize(bytes: number): string {
  return `${kilobytes.format(Math.max(1, Math.round(bytes / 1024)))} KB`;
}
