import { randomUUID } from "node:crypto";
import { insertReturn, insertRevision, loadRevision, replaceValues, updateRevision, upsertOrganisations, type Database, type Kysely } from "@complaints/db";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { periodIndex, requirePeriod, type Organisation, type ReturnStatus } from "@complaints/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, worldOrganisations, type World, rejection } from "./testing/world.ts";


/** Four more bodies in Department A, so a funnel has enough points (A-OLD closed in 2024 and is never expected). */
const extraBodies: Organisation[] = ["A3", "A4", "A5", "A6"].map((code) => ({ ...worldOrganisations.find((o) => o.code === "A2")!, code, name: `Agency ${code}` }));

/** Complaints closed and closed within timescale (early resolution only; closer look 0 of 0). */
const timescale = (within: number, closed: number) => ({ er_closed: closed, er_within_timescale: within, cl_closed: 0, cl_within_timescale: 0 });

/**
 * Returns with figures chosen so the expected numbers can be worked by hand. Drafts and returns
 * sent back carry absurd figures: if they were counted, every assertion below would fail.
 */
const returns: [string, string, ReturnStatus, Record<string, number>][] = [
  ["A2", "2023-24 Q3", "accepted", { theme_delay: 10 }],
  ["A2", "2023-24 Q4", "accepted", { theme_delay: 11 }],
  ["A1", "2024-25 Q1", "accepted", { ...timescale(50, 100), theme_delay: 5 }],
  ["A2", "2024-25 Q1", "accepted", { theme_delay: 9 }],
  ["A1", "2024-25 Q2", "accepted", { ...timescale(60, 100), theme_delay: 5 }],
  ["A2", "2024-25 Q2", "accepted", { theme_delay: 10 }],
  // A1 made no return for 2024-25 Q3.
  ["A2", "2024-25 Q3", "accepted", { theme_delay: 12 }],
  ["A1", "2024-25 Q4", "accepted", { ...timescale(70, 100), theme_delay: 5 }],
  ["A2", "2024-25 Q4", "accepted", { theme_delay: 10 }],
  // A large body and a small one: pooled 902 / 1010 = 89.3%, but the mean of 90% and 20% is 55%.
  ["A1", "2025-26 Q1", "accepted", { ...timescale(900, 1000), er_working_days_total: 5000, theme_delay: 5 }],
  ["A2", "2025-26 Q1", "approved", { ...timescale(2, 10), er_working_days_total: 100, theme_delay: 11 }],
  ["A3", "2025-26 Q1", "draft", { ...timescale(0, 100_000), theme_delay: 999 }],
  // Awaiting the body's own sign-off: not yet sent to the department.
  ["A5", "2025-26 Q1", "submitted", { ...timescale(0, 100_000), theme_delay: 999 }],
  ["A4", "2025-26 Q1", "returned", { ...timescale(0, 100_000), theme_delay: 999 }],
  // Six bodies for a funnel: 80% at every size except A6 at 30% of 100.
  ["A1", "2025-26 Q2", "approved", { ...timescale(80, 100), theme_delay: 5 }],
  ["A2", "2025-26 Q2", "accepted", { ...timescale(160, 200), theme_delay: 40 }],
  ["A3", "2025-26 Q2", "accepted", timescale(240, 300)],
  ["A4", "2025-26 Q2", "accepted", timescale(320, 400)],
  ["A5", "2025-26 Q2", "accepted", timescale(400, 500)],
  ["A6", "2025-26 Q2", "accepted", timescale(30, 100)],
  // A draft after the latest counted quarter: it must not move the default range.
  ["A1", "2025-26 Q3", "draft", { ...timescale(0, 100_000), theme_delay: 999 }],
  // Department B: never part of Department A's figures.
  ["B1", "2025-26 Q1", "accepted", { ...timescale(0, 100_000), theme_delay: 999 }],
];

async function insertReturns(db: Kysely<Database>, by: string, now: string) {
  for (const [organisationCode, period, status, values] of returns) {
    const returnId = randomUUID();
    await insertReturn(db, { id: returnId, organisationCode, period, periodIndex: periodIndex(requirePeriod(period)), now, received: status === "draft" ? null : { at: now, dueDate: "2099-01-01" } });
    await insertRevision(db, { id: randomUUID(), returnId, revision: 1, templateVersion: 1, status, values, notes: {}, explanations: {}, by, now });
  }
}

/** Wilson score limits (Newcombe & Altman 2000, pp 46–48), written out again here as the hand calculation. */
function wilson(x: number, n: number, z: number) {
  const centre = x + (z * z) / 2;
  const spread = z * Math.sqrt((x * (n - x)) / n + (z * z) / 4);
  return { lower: (centre - spread) / (n + z * z), upper: (centre + spread) / (n + z * z) };
}
const z95 = 1.959963984540054;

describe.each(testDialects())("oversight metrics on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await createWorld(t.db);
    await upsertOrganisations(t.db, extraBodies, world.now.toISOString());
    await insertReturns(t.db, world.users.a1Submitter.id, world.now.toISOString());
  });
  afterAll(() => t.close());

  it("compares bodies with the department's pooled benchmark, not the mean of their percentages", async () => {
    const result = await world.caller("aOversight").metrics.comparison({ departmentCode: "DEPT-A", period: "Apr to Jun 2025", measures: ["within_timescale", "er_average_working_days", "complaints_per_10000"] });
    expect(result.period).toBe("2025-26 Q1");
    expect(result.label).toBe("Apr to Jun 2025");
    // A1–A6 are expected (A-OLD closed in 2024); only A1 and A2 have returns that count.
    expect(result.bodies).toEqual({ expected: 6, included: 2 });
    expect(result.missing.map((m) => m.organisationCode)).toEqual(["A3", "A4", "A5", "A6"]);
    expect(result.measures.map((m) => m.id)).toEqual(["within_timescale", "er_average_working_days", "complaints_per_10000"]);

    const [benchmark, days, rate] = result.benchmark.measures;
    expect(benchmark!.value).toBeCloseTo(902 / 1010, 12);
    expect(benchmark!.value).not.toBeCloseTo((0.9 + 0.2) / 2, 2);
    expect([benchmark!.numerator, benchmark!.denominator, benchmark!.returns]).toEqual([902, 1010, 2]);
    expect(days!.value).toBeCloseTo(5100 / 1010, 12);
    expect(rate!.value).toBeNull();
    expect(result.benchmark.provisional).toBe(true);

    const [a1, a2] = result.rows;
    expect(a1!.organisationCode).toBe("A1");
    expect(a1!.provisional).toBe(false);
    expect(a2!.provisional).toBe(true);
    const a1Timescale = a1!.measures[0]!;
    expect(a1Timescale.value).toBe(0.9);
    // Wilson 95% for 900 of 1000 by hand: 0.87985 to 0.91709, which contains 0.89307.
    expect(a1Timescale.interval95!.lower).toBeCloseTo(0.87985, 5);
    expect(a1Timescale.interval95!.upper).toBeCloseTo(0.91709, 5);
    expect(a1Timescale.comparison95).toBe("similar");
    expect(a1Timescale.comparison998).toBe("similar");
    const a2Timescale = a2!.measures[0]!;
    // Wilson 95% for 2 of 10: 0.05668 to 0.50984, wholly below the benchmark; higher is better.
    expect(a2Timescale.interval95!.lower).toBeCloseTo(0.05668, 5);
    expect(a2Timescale.interval95!.upper).toBeCloseTo(0.50984, 5);
    expect(a2Timescale.interval95!.upper).toBeCloseTo(wilson(2, 10, z95).upper, 12);
    expect(a2Timescale.interval998!.upper).toBeGreaterThan(a2Timescale.interval95!.upper);
    expect(a2Timescale.comparison95).toBe("worse");
    expect(a2Timescale.comparison998).toBe("worse");
    // A mean has no interval and a measure nobody reported has no value: neither is compared.
    expect(a2!.measures[1]).toMatchObject({ value: 10, interval95: null, comparison95: "not compared", comparison998: "not compared" });
    expect(a2!.measures[2]).toMatchObject({ value: null, interval95: null, comparison95: "not compared" });
  });

  it("compares a financial year from the sum of its quarters", async () => {
    const result = await world.caller("aSecretariat").metrics.comparison({ departmentCode: "DEPT-A", financialYear: "2024-25", measures: ["within_timescale"] });
    expect(result.periods).toEqual(["2024-25 Q1", "2024-25 Q2", "2024-25 Q3", "2024-25 Q4"]);
    expect(result.label).toBe("Apr 2024 to Mar 2025");
    expect(result.bodies).toEqual({ expected: 6, included: 2 });
    const [a1, a2] = result.rows;
    expect(a1!.periods).toEqual(["2024-25 Q1", "2024-25 Q2", "2024-25 Q4"]);
    expect(a1!.measures[0]).toMatchObject({ value: 0.6, numerator: 180, denominator: 300, returns: 3, comparison95: "similar" });
    // A2 reported themes only that year: included, but the measure is not compared.
    expect(a2!.measures[0]).toMatchObject({ value: null, comparison95: "not compared" });
    expect(result.benchmark.measures[0]!.value).toBeCloseTo(0.6, 12);

    const all = await world.caller("aAdmin").metrics.comparison({ departmentCode: "DEPT-A", financialYear: "2025-26" });
    expect(all.measures.length).toBeGreaterThan(10);
    expect(all.rows).toHaveLength(6);
  });

  it("draws a body's trend with an XmR chart over the 12 quarters up to the latest it reported", async () => {
    const trend = await world.caller("aOversight").metrics.trend({ organisationCode: "A1", measure: "within_timescale" });
    // The 2025-26 Q3 draft does not count, so the series ends in 2025-26 Q2.
    expect([trend.from, trend.to]).toEqual(["2022-23 Q3", "2025-26 Q2"]);
    expect(trend.points.map((p) => p.value)).toEqual([null, null, null, null, null, null, 0.5, 0.6, null, 0.7, 0.9, 0.8]);
    // Mean of 0.5, 0.6, 0.7, 0.9, 0.8 = 0.7; moving ranges between neighbours only: 0.1, 0.2, 0.1.
    expect(trend.chart!.mean).toBeCloseTo(0.7, 12);
    expect(trend.chart!.upperLimit).toBeCloseTo(0.7 + 2.66 * (0.4 / 3), 12);
    expect(trend.chart!.lowerLimit).toBeCloseTo(0.7 - 2.66 * (0.4 / 3), 12);
    expect(trend.chart!.trial).toBe(true);
    expect(trend.chart!.improvement).toBe("increase");
    expect(trend.points.at(-1)).toMatchObject({ period: "2025-26 Q2", periodLabel: "Jul to Sep 2025", numerator: 80, denominator: 100, bodies: 1, variation: "common-cause" });

    const chosen = await world.caller("aOversight").metrics.trend({ organisationCode: "A1", measure: "within_timescale", from: "2024-25 Q1", to: "Jan to Mar 2025" });
    expect(chosen.points.map((p) => [p.period, p.value])).toEqual([["2024-25 Q1", 0.5], ["2024-25 Q2", 0.6], ["2024-25 Q3", null], ["2024-25 Q4", 0.7]]);

    const backwards = await rejection(world.caller("aOversight").metrics.trend({ organisationCode: "A1", measure: "within_timescale", from: "2025-26 Q1", to: "2024-25 Q1" }));
    expect(backwards.code).toBe("BAD_REQUEST");
  });

  it("draws a department's trend from its bodies' pooled figures", async () => {
    const trend = await world.caller("aSecretariat").metrics.trend({ organisationCode: "DEPT-A", measure: "within_timescale", from: "2025-26 Q1" });
    expect(trend.to).toBe("2025-26 Q2");
    expect(trend.points.map((p) => [p.period, p.numerator, p.denominator, p.bodies])).toEqual([
      ["2025-26 Q1", 902, 1010, 2],
      ["2025-26 Q2", 1230, 1600, 6],
    ]);
    expect(trend.points[1]!.value).toBeCloseTo(1230 / 1600, 12);
  });

  it("flags the obvious outlier on a funnel plot", async () => {
    const funnel = await world.caller("aAdmin").metrics.funnel({ departmentCode: "DEPT-A", period: "2025-26 Q2", measure: "within_timescale" });
    const pooled = 1230 / 1600;
    expect(funnel.pooledProportion).toBeCloseTo(pooled, 12);
    expect(funnel.bodies).toEqual({ expected: 6, included: 6 });
    expect(funnel.overdispersion).toBeNull();
    expect(funnel.points.filter((p) => p.outside95).map((p) => [p.organisationCode, p.side, p.outside998])).toEqual([["A6", "below", true]]);
    // Limits at n = 100: the pooled proportion ± z √(π(1 − π)/n).
    const a6 = funnel.points.find((p) => p.organisationCode === "A6")!;
    const half = z95 * Math.sqrt((pooled * (1 - pooled)) / 100);
    expect(a6.limits95!.lower).toBeCloseTo(pooled - half, 10);
    expect(a6.limits95!.upper).toBeCloseTo(pooled + half, 10);
    expect(a6.proportion).toBe(0.3);

    const adjusted = await world.caller("aOversight").metrics.funnel({ departmentCode: "DEPT-A", period: "2025-26 Q2", measure: "within_timescale", overdispersion: true });
    expect(adjusted.overdispersion!.phi).toBeGreaterThan(1);
    expect(adjusted.points.find((p) => p.organisationCode === "A6")!.limits95!.lower).toBeLessThan(a6.limits95!.lower);

    // The limits as curves: 100 sizes from 1 to 530 (500 × 1.05 rounded up to two digits, as PHEindicatormethods' axis).
    expect(funnel.curve).toHaveLength(100);
    expect([funnel.curve[0]!.trials, funnel.curve.at(-1)!.trials]).toEqual([1, 530]);
    const end = funnel.curve.at(-1)!;
    const halfAt530 = z95 * Math.sqrt((pooled * (1 - pooled)) / 530);
    expect(end.lower95).toBeCloseTo(pooled - halfAt530, 10);
    expect(end.upper95).toBeCloseTo(pooled + halfAt530, 10);
    expect(end.lower998).toBeLessThan(end.lower95);
    // Adjusted for over-dispersion, the curves widen with the bodies' limits.
    const adjustedEnd = adjusted.curve.at(-1)!;
    expect(adjustedEnd.trials).toBe(530);
    expect(adjustedEnd.upper95 - adjustedEnd.lower95).toBeGreaterThan(end.upper95 - end.lower95);
    const tau2 = adjusted.overdispersion!.tau2;
    const theta = Math.asin(Math.sqrt(pooled));
    expect(adjustedEnd.lower95).toBeCloseTo(Math.sin(theta - z95 * Math.sqrt(1 / (4 * 530) + tau2)) ** 2, 10);

    // A body that did not report the measure is listed, not plotted.
    const year = await world.caller("aOversight").metrics.funnel({ departmentCode: "DEPT-A", financialYear: "2024-25", measure: "within_timescale" });
    expect(year.points.map((p) => p.organisationCode)).toEqual(["A1"]);
    expect(year.excluded).toEqual([{ organisationCode: "A2", name: "Agency A2", reason: "did not report the figures for this measure" }]);
  });

  it("refuses a funnel plot of anything but a proportion", async () => {
    const refused = await rejection(world.caller("aOversight").metrics.funnel({ departmentCode: "DEPT-A", period: "2025-26 Q2", measure: "complaints_per_10000" }));
    expect(`${refused.code}: ${refused.message}`).toBe("BAD_REQUEST: A funnel plot needs a proportion; ‘Complaints per 10,000 interactions’ is a rate per 10,000.");
    const mean = await rejection(world.caller("aOversight").metrics.funnel({ departmentCode: "DEPT-A", period: "2025-26 Q2", measure: "er_average_working_days" }));
    expect(mean.code).toBe("BAD_REQUEST");
  });

  it("keeps each department to its own figures and each role to what it may do", async () => {
    const forbidden = await rejection(world.caller("bOversight").metrics.comparison({ departmentCode: "DEPT-A", period: "2025-26 Q1" }));
    expect(`${forbidden.code}: ${forbidden.message}`).toBe("FORBIDDEN: You do not have access to that organisation.");
    const body = await rejection(world.caller("aOversight").metrics.trend({ organisationCode: "B1", measure: "within_timescale" }));
    expect(`${body.code}: ${body.message}`).toBe("FORBIDDEN: You do not have access to that organisation.");
    const role = await rejection(world.caller("a1Submitter").metrics.themes({ departmentCode: "DEPT-A" }));
    expect(`${role.code}: ${role.message}`).toBe("FORBIDDEN: Your role does not allow this.");

    const own = await world.caller("bOversight").metrics.comparison({ departmentCode: "DEPT-B", period: "2025-26 Q1", measures: ["within_timescale"] });
    expect(own.rows.map((r) => r.organisationCode)).toEqual(["B1"]);
    expect(own.benchmark.measures[0]).toMatchObject({ value: 0, numerator: 0, denominator: 100_000 });
  });

  it("counts a reopened return with its accepted figures until the correction is approved, and the tracker says so", async () => {
    const before = await world.caller("aOversight").metrics.comparison({ departmentCode: "DEPT-A", period: "2025-26 Q2", measures: ["within_timescale"] });
    const a6 = (r: typeof before) => r.rows.find((row) => row.organisationCode === "A6")!.measures[0]!;
    expect(a6(before)).toMatchObject({ numerator: 30, denominator: 100 });
    const found = (await world.caller("aOversight").returns.find({ organisationCode: "A6", period: "2025-26 Q2" }))!;
    const reopened = await world.caller("aOversight").returns.reopen({ returnId: found.returnId, expectedVersion: found.version, reason: "Correction" });
    // The department keeps seeing the accepted figures; the body works on revision 2.
    expect(reopened).toMatchObject({ status: "accepted", revision: 1 });
    const during = await world.caller("aOversight").metrics.comparison({ departmentCode: "DEPT-A", period: "2025-26 Q2", measures: ["within_timescale"] });
    expect(during.bodies.included).toBe(before.bodies.included);
    expect(a6(during)).toMatchObject({ numerator: 30, denominator: 100 });
    const trackerRow = async () => (await world.caller("aOversight").tracker.forPeriod({ departmentCode: "DEPT-A", period: "2025-26 Q2" })).rows.find((r) => r.organisationCode === "A6")!;
    expect(await trackerRow()).toMatchObject({ status: "accepted", statusLabel: "Accepted, correction in progress", correctionInProgress: true, revision: 1 });

    // The correction is submitted, awaiting the body's sign-off: the accepted figures still count.
    const correction = (await loadRevision(world.db, found.returnId))!;
    await replaceValues(world.db, correction.seq, timescale(99, 100), {});
    expect(await updateRevision(world.db, correction.id, correction.version, { status: "submitted", updated_at: world.now.toISOString(), updated_by: "test" })).toBe(true);
    const submitted = await world.caller("aOversight").metrics.comparison({ departmentCode: "DEPT-A", period: "2025-26 Q2", measures: ["within_timescale"] });
    expect(a6(submitted)).toMatchObject({ numerator: 30, denominator: 100 });
    expect(await trackerRow()).toMatchObject({ status: "accepted", statusLabel: "Accepted, correction in progress" });
    // The department cannot read the correction's figures, only the accepted ones.
    const seen = await world.caller("aOversight").returns.get({ returnId: found.returnId });
    expect(seen).toMatchObject({ revision: 1, status: "accepted" });
    expect((await rejection(world.caller("aOversight").returns.get({ returnId: found.returnId, revision: 2 }))).code).toBe("FORBIDDEN");

    // Approved by the body: the correction is with the department and replaces the accepted figures.
    expect(await updateRevision(world.db, correction.id, correction.version + 1, { status: "approved", updated_at: world.now.toISOString(), updated_by: "test" })).toBe(true);
    const approved = await world.caller("aOversight").metrics.comparison({ departmentCode: "DEPT-A", period: "2025-26 Q2", measures: ["within_timescale"] });
    expect(a6(approved)).toMatchObject({ numerator: 99, denominator: 100 });
    expect(await trackerRow()).toMatchObject({ status: "approved", statusLabel: "Sent to the department", correctionInProgress: false, revision: 2 });
  });

  it("refuses unclear inputs with the reason", async () => {
    const oversight = world.caller("aOversight");
    const both = await rejection(oversight.metrics.comparison({ departmentCode: "DEPT-A", period: "2025-26 Q1", financialYear: "2025-26" }));
    expect(both.code).toBe("BAD_REQUEST");
    expect(both.message).toContain("Choose either a quarter or a financial year");
    expect((await rejection(oversight.metrics.comparison({ departmentCode: "DEPT-A", financialYear: "2025-27" }))).message).toContain("Enter a financial year like 2025-26");
    expect((await rejection(oversight.metrics.comparison({ departmentCode: "DEPT-A", period: "2025-26 Q1", measures: ["happiness"] }))).code).toBe("BAD_REQUEST");
    const notDepartment = await rejection(oversight.metrics.themes({ departmentCode: "A1" }));
    expect(`${notDepartment.code}: ${notDepartment.message}`).toBe("BAD_REQUEST: A1 is not a department.");
  });

  it("gives empty series when nothing has been reported", async () => {
    const trend = await world.caller("aOversight").metrics.trend({ organisationCode: "A-OLD", measure: "within_timescale" });
    expect(trend).toMatchObject({ from: null, to: null, points: [], chart: null });
    const themes = await world.caller("bOversight").metrics.themes({ departmentCode: "DEPT-B", from: "2030-31 Q1" });
    expect(themes.periods.map((p) => p.period)).toEqual(["2030-31 Q1"]);
    expect(themes.bodies).toEqual([]);
    expect(themes.emerging).toEqual([]);
  });
});
