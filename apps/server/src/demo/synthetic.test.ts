import { currentTemplate, periodIndex, validateReturn } from "@complaints/domain";
import { describe, expect, it } from "vitest";
import { apportion, syntheticOrganisations, syntheticReturns } from "./synthetic.ts";

describe("synthetic data", () => {
  const first = periodIndex({ startYear: 2024, quarter: 3 });
  const last = periodIndex({ startYear: 2026, quarter: 2 });
  const world = syntheticOrganisations({ departments: 3, bodiesPerDepartment: [14, 13, 13], seed: 42, firstPeriodIndex: first, lastPeriodIndex: last });
  const returns = syntheticReturns(world, first, last, 42);

  it("makes returns that break none of the template's rules", () => {
    const bodies = new Map(world.bodies.map((b) => [b.organisation.code, b.organisation]));
    const problems = returns.flatMap((r) =>
      validateReturn(r.values, { template: currentTemplate, serviceAreas: bodies.get(r.organisationCode)!.serviceAreas, notes: Object.fromEntries(Object.entries(r.values).filter(([, v]) => v === "[z]").map(([k]) => [k, "No independent reviewer"])) })
        .errors.map((e) => `${r.organisationCode} ${r.period}: ${e.message}`),
    );
    expect(problems).toEqual([]);
  });

  it("is deterministic and of the requested shape", () => {
    expect(world.departments).toHaveLength(3);
    expect(world.bodies).toHaveLength(40);
    expect(syntheticReturns(world, first, last, 42)).toEqual(returns);
    // Bodies that opened late or closed early have fewer than 8 quarters.
    expect(returns.length).toBeLessThan(40 * 8);
    expect(returns.length).toBeGreaterThan(40 * 7);
  });

  it("apportions exactly", () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
    expect(apportion(7, [0, 0])).toEqual([0, 0]);
  });
});
