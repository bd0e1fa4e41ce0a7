import { describe, expect, it } from "vitest";
import { exampleCaseFile, currentTemplate, validateReturn, casesBehindFigure, computeCaseReturns, type CaseRow, type CaseFileResult, type CaseSettings } from "@complaints/domain";
import { readCaseFile } from "./case-file.ts";

/**
 * Hand-computed fixtures. Bank holidays from GOV.UK's published lists for 2025
 * (https://www.gov.uk/bank-holidays): England and Wales have Easter Monday (21 April) and the summer
 * bank holiday on 25 August; Scotland has 2 January, no Easter Monday, and its summer bank holiday
 * on 4 August. Good Friday (18 April) is a bank holiday in both. Each working-day figure is counted
 * by hand in the comments: the working days after the start date, up to and including the end date.
 */
const header = "case_ref,received_date,acknowledged_date,stage,escalated_date,closed_date,withdrawn_date,target_date,outcome,themes,service_area,channel,remedies,payment_amount,payment_type,phso_referred_date";
const file = [
  header,
  // Closer look from the start: 20 Mar → 15 Apr 2025. Mar 21, 24–28, 31, Apr 1–4, 7–11, 14, 15 = 18 days in both nations.
  // Default deadline 20 working days: Apr 16 (19), Apr 17 (20), so within.
  "G7,2025-03-20,2025-03-21,closer_look,,2025-04-15,,,upheld,policy,,email,,,,",
  // Early resolution 17 Apr (Thu) → 22 Apr (Tue). E&W: 18 Good Friday, 19–20 weekend, 21 Easter Monday, 22 = 1 day.
  // Scotland: 21 is a working day: 2 days. Default deadline (5 days): E&W 28 Apr, Scotland 25 Apr; within either way.
  "A1,17/04/2025,17/04/2025,early_resolution,,22/04/2025,,,upheld,delay,,online,apology,,,",
  // 30 May (Fri) → 9 Jun (Mon): Jun 2–6, 9 = 6 days. Target 10 Jun is after the default deadline (6 Jun): an extension, and within it.
  "B2,2025-05-30,2025-06-02,early_resolution,,2025-06-09,,2025-06-10,not_upheld,communication;delay,,email,,,,",
  // Received 20 Jun, escalated 27 Jun (Fri), closed 5 Aug. Closer look from 27 Jun: Jun 30, 23 weekdays in July, Aug 1, 4, 5 = 27 in E&W;
  // Scotland loses 4 Aug (summer bank holiday): 26. Deadline 20 days after 27 Jun = 25 Jul, so not within.
  "C3,2025-06-20,2025-06-23,closer_look,2025-06-27,2025-08-05,,,partly_upheld,,,phone,explanation;financial,250.00,maladministration,2025-09-01",
  "D4,2025-06-02,,early_resolution,,,2025-06-10,,,decision,,post,,,,",
  // 31 Jul (Thu) → 26 Aug (Tue). E&W: Aug 1, 4–8, 11–15, 18–22, 26 (25th a holiday) = 17; Scotland: Aug 1, 5–8, 11–15, 18–22, 25, 26 = 17.
  // Default deadline: E&W 7 Aug, Scotland 8 Aug; target 29 Aug is later: an extension, and closed within it.
  "E5,2025-07-31,2025-08-01,early_resolution,,2025-08-26,,2025-08-29,not_upheld,staff_conduct,,online,,,,",
  // Still open, and no channel: the Jul to Sep channel breakdown is left for the body.
  "F6,2025-09-29,,early_resolution,,,,,,delay,,,,,,",
].join("\r\n");

const settings = (region: CaseSettings["region"]): CaseSettings => ({ region, serviceAreaCodes: [], earlyResolutionDays: 5, closerLookDays: 20 });
const today = "2025-10-15";

async function read(text: string | Uint8Array, s: CaseSettings = settings("england-and-wales"), extra: Partial<Parameters<typeof readCaseFile>[1]> = {}): Promise<CaseFileResult> {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  // In small pieces, so rows and characters are split across chunks as they are in a real upload.
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
  }
  return readCaseFile(chunks(), { settings: s, today, ...extra });
}

const zeroes = (q: CaseFileResult["quarters"][number]) => Object.fromEntries(Object.entries(q.values).filter(([, v]) => v !== 0));

describe("a quarter's return computed from cases, by hand", () => {
  it("gives every figure for England and Wales", async () => {
    const result = await read(file);
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ ok: true, encoding: "utf-8", rows: 7 });
    expect(result.quarters.map((q) => [q.period, q.complete])).toEqual([
      ["2024-25 Q4", true],
      ["2025-26 Q1", true],
      ["2025-26 Q2", true],
      ["2025-26 Q3", false],
    ]);
    const [q4, q1, q2, q3] = result.quarters;
    expect(zeroes(q4!)).toEqual({ received: 1, carried_forward: 1, theme_policy: 1, "received_by_channel.email": 1 });
    expect(zeroes(q1!)).toEqual({
      brought_forward: 1,
      received: 4,
      withdrawn: 1,
      carried_forward: 1,
      er_closed: 2,
      er_upheld: 1,
      er_not_upheld: 1,
      er_within_timescale: 2,
      er_working_days_total: 7,
      er_extensions: 1,
      cl_closed: 1,
      cl_upheld: 1,
      cl_within_timescale: 1,
      cl_working_days_total: 18,
      escalated_to_closer_look: 1,
      theme_delay: 2,
      theme_communication: 1,
      theme_decision: 1,
      themes_not_recorded: 1,
      "received_by_channel.online": 1,
      "received_by_channel.email": 1,
      "received_by_channel.phone": 1,
      "received_by_channel.post": 1,
      remedy_apology: 1,
    });
    expect(q1!.left).toEqual([]);
    expect(zeroes(q2!)).toEqual({
      brought_forward: 1,
      received: 2,
      carried_forward: 1,
      er_closed: 1,
      er_not_upheld: 1,
      er_within_timescale: 1,
      er_working_days_total: 17,
      er_extensions: 1,
      cl_closed: 1,
      cl_partly_upheld: 1,
      cl_working_days_total: 27,
      theme_staff_conduct: 1,
      theme_delay: 1,
      remedy_explanation: 1,
      remedy_financial: 1,
      payments_count: 1,
      payments_total: 25_000,
      payments_maladministration_count: 1,
      payments_maladministration_total: 25_000,
      phso_referred: 1,
    });
    expect(q2!.values).not.toHaveProperty("received_by_channel.online");
    expect(q2!.left).toEqual([{ field: "received_by_channel", reason: "1 case received in the quarter has no channel, so the channels would not add up to complaints received" }]);
    expect(zeroes(q3!)).toEqual({ brought_forward: 1, carried_forward: 1 });
  });

  it("counts Scotland's bank holidays instead", async () => {
    const result = await read(file, settings("scotland"));
    const [, q1, q2] = result.quarters;
    // A1 takes 2 days in Scotland (Easter Monday is a working day there); C3 loses 4 August.
    expect(q1!.values.er_working_days_total).toBe(8);
    expect(q2!.values.cl_working_days_total).toBe(26);
    expect(q2!.values.er_working_days_total).toBe(17);
  });

  it("uses the body's own default timescales", async () => {
    // With 1 working day for early resolution, A1 (1 day in E&W) is within and, in Scotland (2 days), is not.
    const tight = { earlyResolutionDays: 1, closerLookDays: 20 };
    const eng = await read(file, { ...settings("england-and-wales"), ...tight });
    const sct = await read(file, { ...settings("scotland"), ...tight });
    // B2 has a target date (10 Jun), so stays within in both.
    expect(eng.quarters[1]!.values.er_within_timescale).toBe(2);
    expect(sct.quarters[1]!.values.er_within_timescale).toBe(1);
  });

  it("passes every rule of the template and the flows balance", async () => {
    const result = await read(file);
    for (const q of result.quarters) {
      const issues = validateReturn(q.values, { template: currentTemplate }).errors.filter((e) => !e.id.startsWith("required:"));
      expect(issues, q.period).toEqual([]);
    }
    for (let i = 1; i < result.quarters.length; i++) expect(result.quarters[i]!.values.brought_forward).toBe(result.quarters[i - 1]!.values.carried_forward);
  });

  it("lists the cases behind each figure, adding up to it", async () => {
    const stored: CaseRow[] = [];
    const result = await read(file, settings("england-and-wales"), { onCase: (row) => void stored.push(row) });
    expect(stored.map((c) => c.case_ref)).toEqual(["G7", "A1", "B2", "C3", "D4", "E5", "F6"]);
    expect(stored[3]).toEqual({
      case_ref: "C3",
      received_date: "2025-06-20",
      acknowledged_date: "2025-06-23",
      stage: "closer_look",
      escalated_date: "2025-06-27",
      closed_date: "2025-08-05",
      withdrawn_date: null,
      target_date: null,
      outcome: "partly_upheld",
      themes: [],
      service_area: null,
      channel: "phone",
      remedies: ["explanation", "financial"],
      payment_pence: 25_000,
      payment_type: "maladministration",
      phso_referred_date: "2025-09-01",
    });
    expect(computeCaseReturns(stored, settings("england-and-wales"), today)).toEqual(result.quarters);
    const s = settings("england-and-wales");
    expect(casesBehindFigure(stored, "2025-26 Q1", "er_working_days_total", s, today)).toEqual([
      { ref: "A1", amount: 1 },
      { ref: "B2", amount: 6 },
    ]);
    expect(casesBehindFigure(stored, "2025-26 Q1", "theme_delay", s, today).map((c) => c.ref)).toEqual(["A1", "B2"]);
    expect(casesBehindFigure(stored, "2025-26 Q2", "brought_forward", s, today).map((c) => c.ref)).toEqual(["C3"]);
    expect(casesBehindFigure(stored, "2025-26 Q2", "payments_total", s, today)).toEqual([{ ref: "C3", amount: 25_000 }]);
    expect(casesBehindFigure(stored, "2025-26 Q2", "no_such_field", s, today)).toEqual([]);
  });
});

describe("the example case file offered on the upload page", () => {
  it.each(["2024-25 Q4", "2025-26 Q1", "2025-26 Q2", "2025-26 Q3"])("is valid for %s, in every nation, and gives figures in that quarter", async (period) => {
    for (const region of ["england-and-wales", "scotland", "northern-ireland"] as const) {
      for (const serviceAreaCodes of [[], ["licensing", "appeals"]]) {
        const text = exampleCaseFile(period, serviceAreaCodes);
        async function* once() {
          yield new TextEncoder().encode(text);
        }
        const result = await readCaseFile(once(), { settings: { region, serviceAreaCodes, earlyResolutionDays: 5, closerLookDays: 20 }, today: "2026-06-30" });
        expect(result.problems, `${period} ${region}`).toEqual([]);
        const quarter = result.quarters.find((q) => q.period === period)!;
        expect(quarter.values).toMatchObject({ brought_forward: 1, received: 11, withdrawn: 1, carried_forward: 3, er_closed: 5, cl_closed: 3, escalated_to_closer_look: 3, payments_count: 2, phso_referred: 1 });
        expect(quarter.left).toEqual([]);
      }
    }
  });
});
