import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bankHolidayRegions, currentTemplate, validateReturn, casesBehindFigure, computeCaseReturns, type CaseRow, dayFromIso, isoFromDay, caseChannels, caseColumns, caseRemedies, caseThemes, type CaseSettings } from "@complaints/domain";
import { readCaseFile } from "./case-file.ts";

/**
 * Property tests: any set of valid cases gives returns that pass every rule of the
 * template, whose flows balance quarter to quarter, and whose figures are the sums of the cases
 * listed behind them.
 */
const today = "2026-03-15";
const first = dayFromIso("2024-01-01");
const last = dayFromIso(today);
const serviceAreaCodes = ["licensing", "appeals"];

const caseArbitrary = (ref: number) =>
  fc
    .record({
      received: fc.integer({ min: first, max: last }),
      closedAfter: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
      withdrawnAfter: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
      closerLook: fc.boolean(),
      escalatedAfter: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
      targetAfter: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
      outcome: fc.constantFrom("upheld", "partly_upheld", "not_upheld"),
      themes: fc.uniqueArray(fc.constantFrom(...caseThemes), { maxLength: 3 }),
      serviceArea: fc.option(fc.constantFrom(...serviceAreaCodes), { nil: null, freq: 6 }),
      channel: fc.option(fc.constantFrom(...caseChannels), { nil: null, freq: 8 }),
      remedies: fc.uniqueArray(fc.constantFrom(...caseRemedies), { maxLength: 2 }),
      payment: fc.option(fc.integer({ min: 1, max: 5_000_000 }), { nil: null, freq: 3 }),
      maladministration: fc.boolean(),
      phsoAfter: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null, freq: 4 }),
      isoDates: fc.boolean(),
    })
    .map((g): CaseRow => {
      const at = (after: number | null, from = g.received) => (after === null || from + after > last ? null : from + after);
      const escalated = g.closerLook ? at(g.escalatedAfter) : null;
      const startOfEnd = escalated ?? g.received;
      // A case ends once: closed or withdrawn, never both.
      const closed = at(g.closedAfter, startOfEnd);
      const withdrawn = closed === null ? at(g.withdrawnAfter, startOfEnd) : null;
      const phso = closed === null ? null : at(g.phsoAfter, closed);
      const iso = (d: number | null) => (d === null ? null : isoFromDay(d));
      return {
        case_ref: `C-${ref}`,
        received_date: isoFromDay(g.received),
        acknowledged_date: null,
        stage: g.closerLook ? "closer_look" : "early_resolution",
        escalated_date: iso(escalated),
        closed_date: iso(closed),
        withdrawn_date: iso(withdrawn),
        target_date: iso(at(g.targetAfter)),
        outcome: closed === null ? null : g.outcome,
        themes: g.themes,
        service_area: g.serviceArea,
        channel: g.channel,
        remedies: g.remedies,
        payment_pence: g.payment,
        payment_type: g.payment === null ? null : g.maladministration ? "maladministration" : "other",
        phso_referred_date: iso(phso),
      };
    });

const casesArbitrary = fc.integer({ min: 1, max: 60 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => caseArbitrary(i))));

function toCsv(cases: CaseRow[], dayFirst: boolean): string {
  const date = (d: string | null) => (d === null ? "" : dayFirst ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : d);
  const lines = cases.map((c) =>
    [
      c.case_ref, date(c.received_date), date(c.acknowledged_date), c.stage, date(c.escalated_date), date(c.closed_date), date(c.withdrawn_date), date(c.target_date), c.outcome ?? "",
      c.themes.join(";"), c.service_area ?? "", c.channel ?? "", c.remedies.join(";"), c.payment_pence === null ? "" : (c.payment_pence / 100).toFixed(2), c.payment_type ?? "", date(c.phso_referred_date),
    ].join(","),
  );
  return [caseColumns.join(","), ...lines].join("\n");
}

async function* once(text: string) {
  yield new TextEncoder().encode(text);
}

describe("returns computed from any valid cases", () => {
  it("pass every rule of the template, balance quarter to quarter, and equal the cases behind them", async () => {
    await fc.assert(
      fc.asyncProperty(casesArbitrary, fc.constantFrom(...bankHolidayRegions), fc.boolean(), async (cases, region, dayFirst) => {
        const settings: CaseSettings = { region, serviceAreaCodes, earlyResolutionDays: 5, closerLookDays: 20 };
        const result = await readCaseFile(once(toCsv(cases, dayFirst)), { settings, today });
        expect(result.problems).toEqual([]);
        expect(result.rows).toBe(cases.length);
        const serviceAreas = serviceAreaCodes.map((code) => ({ code, label: code }));
        for (const q of result.quarters) {
          const errors = validateReturn(q.values, { template: currentTemplate, serviceAreas }).errors.filter((e) => !e.id.startsWith("required:"));
          expect(errors, q.period).toEqual([]);
          for (const value of Object.values(q.values)) expect(Number.isInteger(value) && value >= 0).toBe(true);
        }
        for (let i = 1; i < result.quarters.length; i++) expect(result.quarters[i]!.values.brought_forward).toBe(result.quarters[i - 1]!.values.carried_forward);
        expect(result.quarters[0]!.values.brought_forward).toBe(0);
        expect(computeCaseReturns(cases, settings, today)).toEqual(result.quarters);
        for (const q of result.quarters.slice(-3)) {
          for (const field of ["carried_forward", "er_working_days_total", "cl_within_timescale", "theme_delay", "payments_total", "received_by_service_area.licensing"]) {
            if (!(field in q.values)) continue;
            const behind = casesBehindFigure(cases, q.period, field, settings, today);
            expect(behind.reduce((sum, c) => sum + c.amount, 0), `${q.period} ${field}`).toBe(q.values[field]);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
