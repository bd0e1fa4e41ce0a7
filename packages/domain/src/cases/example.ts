import { addDays } from "../calendar.ts";
import { periodDates, requirePeriod } from "../periods.ts";
import { caseColumns } from "./format.ts";

/**
 * Every reference in the example file starts with this, and a real export's never should: a file
 * whose references all do is the example, which the server only ever checks and computes (a team
 * trying the import must not replace a live draft's figures with made-up ones).
 */
export const exampleCaseReferencePrefix = "EXAMPLE-";

export function isExampleCaseReference(ref: string): boolean {
  return ref.toUpperCase().startsWith(exampleCaseReferencePrefix);
}

/**
 * An example case file for a quarter: a dozen synthetic cases that show every column, both date
 * formats, a case brought forward from the quarter before, escalation, withdrawal, a payment, an
 * Ombudsman referral and cases still open. Offered on the upload page so a team sees the format with
 * its own quarter's dates (and can try the import, which writes nothing); every date lies inside the quarter or the one
 * before, so the file is valid once the quarter has ended.
 */
export function exampleCaseFile(period: string, serviceAreaCodes: readonly string[]): string {
  const { start } = periodDates(requirePeriod(period));
  const iso = (offset: number | null) => (offset === null ? "" : addDays(start, offset));
  const uk = (offset: number | null) => {
    const d = iso(offset);
    return d === "" ? "" : `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
  };
  const area = (i: number) => (serviceAreaCodes.length === 0 ? "" : serviceAreaCodes[i % serviceAreaCodes.length]!);
  // [ref, received, acknowledged, stage, escalated, closed, withdrawn, target, outcome, themes, channel, remedies, payment, payment type, Ombudsman], days from the quarter's start.
  type Row = [string, number, number | null, string, number | null, number | null, number | null, number | null, string, string, string, string, string, string, number | null];
  const rows: Row[] = [
    ["EXAMPLE-0001", -20, -19, "early_resolution", null, 3, null, null, "upheld", "delay", "email", "apology", "", "", null],
    ["EXAMPLE-0002", 2, 3, "early_resolution", null, 6, null, null, "not_upheld", "communication", "online", "explanation", "", "", null],
    ["EXAMPLE-0003", 10, 11, "closer_look", 14, 40, null, null, "partly_upheld", "decision;delay", "phone", "explanation;financial", "150.00", "maladministration", null],
    ["EXAMPLE-0004", 15, 16, "early_resolution", null, null, 20, null, "", "staff_conduct", "post", "", "", "", null],
    ["EXAMPLE-0005", 30, 30, "early_resolution", null, 33, null, 45, "upheld", "digital", "online", "apology;service_provided", "", "", null],
    ["EXAMPLE-0006", 35, 36, "early_resolution", null, 37, null, null, "not_upheld", "", "in_person", "", "", "", null],
    ["EXAMPLE-0007", 50, 51, "closer_look", null, 78, null, 80, "not_upheld", "policy", "email", "explanation", "", "", 84],
    ["EXAMPLE-0008", 55, 56, "closer_look", 60, 86, null, null, "upheld", "process_error;communication", "phone", "apology;decision_changed;financial", "1250.00", "other", null],
    ["EXAMPLE-0009", 62, 63, "early_resolution", null, 63, null, null, "partly_upheld", "charges", "online", "explanation", "", "", null],
    ["EXAMPLE-0010", 70, 71, "early_resolution", null, null, null, null, "", "accessibility", "online", "", "", "", null],
    ["EXAMPLE-0011", 80, null, "closer_look", 85, null, null, 88, "", "complaint_handling", "email", "", "", "", null],
    ["EXAMPLE-0012", 86, null, "early_resolution", null, null, null, null, "", "", "other", "", "", "", null],
  ];
  const lines = rows.map(([ref, received, acknowledged, stage, escalated, closed, withdrawn, target, outcome, themes, channel, remedies, amount, type, ombudsman], i) => {
    // Every other case in UK day-first dates, as many systems export them.
    const date = i % 2 === 0 ? iso : uk;
    return [ref, date(received), date(acknowledged), stage, date(escalated), date(closed), date(withdrawn), date(target), outcome, themes, area(i), channel, remedies, amount, type, date(ombudsman)].join(",");
  });
  return `${[caseColumns.join(","), ...lines].join("\r\n")}\r\n`;
}
