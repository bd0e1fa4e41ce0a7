import { currentTemplate, isKnownFieldId, measureTerms } from "@complaints/domain";
import { describe, expect, it } from "vitest";
import { sumReturns, type ReturnForAggregation } from "./aggregate.ts";
import { rateInterval, wilsonInterval } from "@complaints/stats";
import { computeMeasures, measures } from "./measures.ts";

const ret = (organisationCode: string, period: string, values: ReturnForAggregation["values"]): ReturnForAggregation => ({
  organisationCode,
  period,
  values,
});

const measure = (sums: ReturnType<typeof sumReturns>, id: string) => computeMeasures(sums).find((m) => m.id === id)!;

describe("computeMeasures", () => {
  it("uses the pooled ratio of sums, not the mean of the bodies' percentages", () => {
    // A small body where 1 in 10 went wrong and a large one where 900 in 1000 did.
    const sums = sumReturns([
      ret("small", "2025-26 Q1", { er_closed: 10, er_upheld: 1, er_partly_upheld: 0 }),
      ret("large", "2025-26 Q1", { er_closed: 1000, er_upheld: 600, er_partly_upheld: 300 }),
    ]);
    const m = measure(sums, "er_something_went_wrong");
    expect(m.value).toBeCloseTo(901 / 1010, 15);
    expect(m.value).not.toBeCloseTo((0.1 + 0.9) / 2, 2);
    const ci = wilsonInterval(901, 1010);
    expect([m.lower, m.upper]).toEqual([ci.lower, ci.upper]);
  });

  it("computes every kind: proportion with Wilson, rate per 10,000 with Byar/exact Poisson, mean without interval", () => {
    const sums = sumReturns([
      ret("A", "2025-26 Q1", {
        received: 7,
        service_volume: 20_000,
        er_closed: 40,
        er_within_timescale: 30,
        er_working_days_total: 200,
        cl_closed: 10,
        cl_within_timescale: 5,
        cl_upheld: 3,
        cl_partly_upheld: 2,
        er_upheld: 10,
        er_partly_upheld: 5,
        escalated_to_closer_look: 10,
        phso_reported: 4,
        phso_upheld: 1,
        phso_partly_upheld: 1,
        fb_complainant_responses: 20,
        fb_complainant_positive: 15,
      }),
    ]);
    const value = (id: string) => measure(sums, id).value;
    expect(value("something_went_wrong")).toBe(20 / 50);
    expect(value("within_timescale")).toBe(35 / 50);
    expect(value("er_average_working_days")).toBe(5);
    expect(value("escalation_rate")).toBe(10 / 50);
    expect(value("ombudsman_upheld")).toBe(0.5);
    expect(value("complainant_positive_feedback")).toBe(0.75);
    const rate = measure(sums, "complaints_per_10000");
    expect(rate.value).toBe(3.5);
    const ci = rateInterval(7, 20_000, 10_000);
    expect([rate.lower, rate.upper]).toEqual([ci.lower, ci.upper]);
    expect(measure(sums, "er_average_working_days")).toMatchObject({ kind: "mean", lower: null, upper: null });
    expect(measure(sums, "cl_average_working_days").value).toBeNull();
  });

  it("a zero denominator gives no value", () => {
    const sums = sumReturns([ret("A", "2025-26 Q1", { cl_closed: 0, cl_upheld: 0, cl_partly_upheld: 0 })]);
    expect(measure(sums, "cl_something_went_wrong")).toMatchObject({ value: null, returns: 1 });
  });

  it("the measures are the template's declaration, and every field they use is a field of it", () => {
    expect(measures).toBe(currentTemplate.measures);
    const ids = new Set(measures.map((m) => m.id));
    expect(ids.size).toBe(measures.length);
    for (const m of measures) {
      for (const term of [...measureTerms(m.numerator), ...measureTerms(m.denominator)]) {
        expect(isKnownFieldId(currentTemplate, term.field), `${m.id}: ${term.field}`).toBe(true);
      }
    }
  });

  it("leaves learning actions on time out of the return measures: no return field feeds it; actionsCompletedOnTime computes it from the action plans", () => {
    expect(measures.map((m) => m.id)).not.toContain("actions_on_time");
  });

  it("measureTerms signs the right-hand side of a difference negative", () => {
    const terms = measureTerms({ difference: [{ field: "carried_forward" }, { field: "brought_forward" }] });
    expect(terms).toEqual([
      { field: "carried_forward", sign: 1 },
      { field: "brought_forward", sign: -1 },
    ]);
  });
});
