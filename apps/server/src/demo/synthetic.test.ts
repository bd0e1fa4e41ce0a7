import { periodFromIndex, periodIndex, requireTemplate, specialPaymentThreshold, themeCodes, validateReturn } from "@complaints/domain";
import { emergingThemes, ratePer100 } from "@complaints/metrics";
import { describe, expect, it } from "vitest";
import { apportion } from "./draws.ts";
import { syntheticOrganisations, syntheticReturns } from "./synthetic.ts";

describe("synthetic data", () => {
  const first = periodIndex({ startYear: 2024, quarter: 3 });
  const last = periodIndex({ startYear: 2026, quarter: 2 });
  const world = syntheticOrganisations({ departments: 3, bodiesPerDepartment: [14, 13, 13], seed: 42, firstPeriodIndex: first, lastPeriodIndex: last });
  const returns = syntheticReturns(world, first, last, 42);

  it("makes returns that break none of their template's rules", () => {
    const bodies = new Map(world.bodies.map((b) => [b.organisation.code, b.organisation]));
    const problems = returns.flatMap((r) =>
      validateReturn(r.values, { template: requireTemplate(r.templateVersion), period: periodFromIndex(r.periodIndex), serviceAreas: bodies.get(r.organisationCode)!.serviceAreas, notes: Object.fromEntries(Object.entries(r.values).filter(([, v]) => v === "[z]").map(([k]) => [k, "No independent reviewer"])) })
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

  it("puts the last two quarters on template v2: special payments listed one by one, equality answers adding up to those asked", () => {
    expect(returns.filter((r) => r.templateVersion !== (r.periodIndex >= last - 1 ? 2 : 1))).toEqual([]);
    const v2 = returns.filter((r) => r.templateVersion === 2);
    expect(v2.filter((r) => "special_payments_over_threshold" in r.values)).toEqual([]);
    const payments = v2.flatMap((r) => Object.entries(r.values).filter(([k]) => /^special_payments\.\d+\.amount$/.test(k)).map(([, v]) => v as number));
    expect(payments.length).toBeGreaterThan(0);
    expect(payments.every((p) => p > specialPaymentThreshold)).toBe(true);
    const monitored = v2.filter((r) => r.values.eq_asked !== undefined);
    expect(monitored.length).toBeGreaterThan(v2.length / 4);
    for (const r of monitored) {
      for (const b of requireTemplate(2).breakdowns.filter((x) => x.section === "equality")) {
        const total = Object.entries(r.values).filter(([k]) => k.startsWith(`${b.id}.`)).reduce((sum, [, v]) => sum + (v as number), 0);
        expect(total, `${r.organisationCode} ${r.period} ${b.id}`).toBe(r.values.eq_asked);
      }
    }
  });

  it("gives equality answers in the proportions of the population, with some preferring not to say and some not known", () => {
    const pooled = (breakdown: string) => {
      const sums = new Map<string, number>();
      for (const r of returns) for (const [k, v] of Object.entries(r.values)) if (k.startsWith(`${breakdown}.`)) sums.set(k.slice(breakdown.length + 1), (sums.get(k.slice(breakdown.length + 1)) ?? 0) + (v as number));
      const answered = [...sums.entries()].filter(([c]) => c !== "prefer_not_to_say" && c !== "not_known").reduce((a, [, v]) => a + v, 0);
      return { share: (c: string) => (sums.get(c) ?? 0) / answered, unknowns: [sums.get("prefer_not_to_say") ?? 0, sums.get("not_known") ?? 0] };
    };
    const between = (value: number, low: number, high: number) => expect(value).toSatisfy((v: number) => v >= low && v <= high, `${value} in ${low}..${high}`);
    between(pooled("eq_sexual_orientation").share("heterosexual"), 0.93, 0.99);
    between(pooled("eq_sex").share("female"), 0.47, 0.56);
    between(pooled("eq_ethnicity").share("white"), 0.78, 0.9);
    between(pooled("eq_ethnicity").share("asian"), 0.05, 0.12);
    between(pooled("eq_disability").share("disabled"), 0.14, 0.3);
    between(pooled("eq_religion").share("christian"), 0.38, 0.55);
    for (const b of requireTemplate(2).breakdowns.filter((x) => x.section === "equality")) expect(pooled(b.id).unknowns.every((n) => n > 0), b.id).toBe(true);
  });

  it("gives each body its own theme mix, by its type, drifting from quarter to quarter, with digital complaints emerging in one department", () => {
    const rate = (r: (typeof returns)[number], theme: string) => ratePer100(r.values[`theme_${theme}`] as number, r.values.received as number)!;
    const latest = world.bodies.map((b) => returns.filter((r) => r.organisationCode === b.organisation.code).at(-1)!).filter((r) => (r.values.received as number) >= 200);
    // Rates per 100 received differ between bodies, and delay is commoner at the agencies that deliver at volume.
    const delay = latest.map((r) => rate(r, "delay"));
    expect(Math.max(...delay) - Math.min(...delay)).toBeGreaterThan(15);
    const typeOf = new Map(world.bodies.map((b) => [b.organisation.code, b.organisation.bodyType]));
    const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length;
    expect(mean(latest.filter((r) => typeOf.get(r.organisationCode) === "executive agency").map((r) => rate(r, "delay")))).toBeGreaterThan(mean(latest.filter((r) => typeOf.get(r.organisationCode) !== "executive agency").map((r) => rate(r, "delay"))) + 5);
    // A body's rates move between quarters rather than repeating one mix.
    const quarters = returns.filter((r) => r.organisationCode === latest[0]!.organisationCode).map((r) => rate(r, "communication").toFixed(1));
    expect(new Set(quarters).size).toBeGreaterThan(quarters.length / 2);
    // The emerging theme is digital at the Ministry of Sample Affairs's rising bodies.
    const series = world.bodies.flatMap((b) => {
      const own = returns.filter((r) => r.organisationCode === b.organisation.code);
      return themeCodes.map((theme) => ({ key: b.organisation.code, theme, points: own.map((r) => ({ period: r.period, value: rate(r, theme), received: r.values.received as number })) }));
    });
    const found = emergingThemes(series);
    const planted = new Set(world.bodies.filter((b) => b.risingDigital).map((b) => b.organisation.code));
    const plantedFound = found.filter((e) => e.theme === "digital" && planted.has(e.key));
    expect(plantedFound.length).toBeGreaterThanOrEqual(planted.size - 2);
    // Chance and slow drift raise few others, among 40 bodies × 13 themes.
    expect(found.length - plantedFound.length).toBeLessThanOrEqual(3);
  });

  it("apportions exactly", () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
    expect(apportion(7, [0, 0])).toEqual([0, 0]);
  });
});
