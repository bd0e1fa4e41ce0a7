import { randomUUID } from "node:crypto";
import { insertReturn, insertRevision, type Database, type Kysely } from "@complaints/db";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { periodIndex, requirePeriod, type FieldValue, type ReturnStatus } from "@complaints/domain";
import { measures } from "@complaints/metrics";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, rejection, type World } from "./testing/world.ts";

/** Early resolution only: closed within timescale out of 100, 100 received, and complaints about delay. */
const quarter = (within: number, delay: number): Record<string, FieldValue> => ({ er_closed: 100, er_within_timescale: within, cl_closed: 0, cl_within_timescale: 0, received: 100, theme_delay: delay });
const ombudsman = { phso_referred: 4, phso_accepted: 2, phso_reported: 3, phso_upheld: 1, phso_partly_upheld: 1, phso_not_upheld: 1, phso_recommendations: 5, phso_recommendations_complied: 4, phso_recommendations_not_complied: 1 };

/** A1's returns (it made none for 2024-25 Q3); A2's and Department B's must never appear in A1's profile. */
const returns: [string, string, ReturnStatus, Record<string, FieldValue>][] = [
  ["A1", "2024-25 Q1", "accepted", quarter(50, 10)],
  ["A1", "2024-25 Q2", "accepted", quarter(60, 11)],
  ["A1", "2024-25 Q4", "accepted", quarter(70, 9)],
  ["A1", "2025-26 Q1", "accepted", { ...quarter(90, 10), ...ombudsman }],
  ["A1", "2025-26 Q2", "approved", { ...quarter(80, 30), phso_referred: "[x]", phso_reported: 0 }],
  ["A1", "2025-26 Q3", "draft", { ...quarter(0, 999), phso_referred: 999 }],
  ["A2", "2025-26 Q2", "accepted", { ...quarter(5, 99), phso_referred: 77 }],
  ["B1", "2025-26 Q2", "accepted", { ...quarter(5, 99), phso_referred: 88 }],
];

async function insertReturns(db: Kysely<Database>, by: string, now: string) {
  for (const [organisationCode, period, status, values] of returns) {
    const returnId = randomUUID();
    await insertReturn(db, { id: returnId, organisationCode, period, periodIndex: periodIndex(requirePeriod(period)), now, received: status === "draft" ? null : { at: now, dueDate: "2099-01-01" } });
    await insertRevision(db, { id: randomUUID(), returnId, revision: 1, templateVersion: 1, status, values, notes: {}, explanations: {}, by, now });
  }
}

describe.each(testDialects())("a body's profile on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await createWorld(t.db);
    await insertReturns(t.db, world.users.a1Submitter.id, world.now.toISOString());
  });
  afterAll(() => t.close());

  it("gives every measure's trend with its XmR chart, in one answer, from the body's first return (at most 12 quarters back) to the latest it sent", async () => {
    const profile = await world.caller("aOversight").metrics.profile({ organisationCode: "A1" });
    expect(profile.organisation).toMatchObject({ code: "A1", name: "Agency A1", bodyType: "executive agency", departmentCode: "DEPT-A", departmentName: "Department A" });
    expect([profile.from, profile.to]).toEqual(["2024-25 Q1", "2025-26 Q2"]);
    expect(profile.periods.slice(1).map((p) => [p.period, p.reported, p.provisional])).toEqual([
      ["2024-25 Q2", true, false],
      ["2024-25 Q3", false, false],
      ["2024-25 Q4", true, false],
      ["2025-26 Q1", true, false],
      ["2025-26 Q2", true, true],
    ]);
    expect(profile.measures.map((m) => m.measure.id)).toEqual(measures.map((m) => m.id));

    const timescale = profile.measures.find((m) => m.measure.id === "within_timescale")!;
    expect(timescale.points.map((p) => p.value)).toEqual([0.5, 0.6, null, 0.7, 0.9, 0.8]);
    // The same hand calculation as metrics.trend: mean 0.7, moving ranges 0.1, 0.2, 0.1 (none across the gap).
    expect(timescale.chart!.mean).toBeCloseTo(0.7, 12);
    expect(timescale.chart!.upperLimit).toBeCloseTo(0.7 + 2.66 * (0.4 / 3), 12);
    expect(timescale.chart).toMatchObject({ trial: true, improvement: "increase", variation: "common-cause", assurance: null });
    const same = await world.caller("aOversight").metrics.trend({ organisationCode: "A1", measure: "within_timescale", from: "2024-25 Q1" });
    expect(timescale.points).toEqual(same.points);
    // Nobody reported feedback: no values and no chart.
    expect(profile.measures.find((m) => m.measure.id === "complainant_positive_feedback")!.chart).toBeNull();
  });

  it("gives the body's themes as rates per 100 received and its Ombudsman figures by quarter, markers kept", async () => {
    const profile = await world.caller("aAdmin").metrics.profile({ organisationCode: "A1", from: "2024-25 Q1" });
    expect(profile.periods.map((p) => p.period)).toEqual(["2024-25 Q1", "2024-25 Q2", "2024-25 Q3", "2024-25 Q4", "2025-26 Q1", "2025-26 Q2"]);
    const delay = profile.themes.series.find((s) => s.theme === "theme_delay")!;
    expect(delay.counts).toEqual([10, 11, null, 9, 10, 30]);
    expect(delay.rates).toEqual([10, 11, null, 9, 10, 30]);
    expect(delay.total).toMatchObject({ count: 70, received: 500, quarters: 5 });
    expect(delay.total.rate).toBeCloseTo(14, 12);
    expect(profile.themes.themes[0]).toEqual({ id: "theme_delay", label: "Delay" });

    expect(profile.ombudsman.fields.map((f) => f.id)).toEqual(Object.keys(ombudsman));
    expect(profile.ombudsman.fields.find((f) => f.id === "phso_upheld")!.label).toBe("upheld in full");
    expect(profile.ombudsman.rows.map((r) => r.period)).toEqual(["2024-25 Q1", "2024-25 Q2", "2024-25 Q4", "2025-26 Q1", "2025-26 Q2"]);
    expect(profile.ombudsman.rows[3]).toEqual({ period: "2025-26 Q1", periodLabel: "Apr to Jun 2025", provisional: false, values: ombudsman });
    expect(profile.ombudsman.rows[4]!.values).toMatchObject({ phso_referred: "[x]", phso_reported: 0, phso_accepted: null });
    expect(profile.ombudsman.rows[4]!.provisional).toBe(true);
  });

  it("answers an empty profile for a body that has sent nothing", async () => {
    const profile = await world.caller("aOversight").metrics.profile({ organisationCode: "A-OLD" });
    expect(profile).toMatchObject({ from: null, to: null, periods: [], ombudsman: { rows: [] }, themes: { series: [] } });
    expect(profile.measures.every((m) => m.chart === null && m.points.length === 0)).toBe(true);
  });

  it("refuses another department's body, says an unknown code is not found, and a department is not a body", async () => {
    const other = await rejection(world.caller("aOversight").metrics.profile({ organisationCode: "B1" }));
    expect(`${other.code}: ${other.message}`).toBe("FORBIDDEN: You do not have access to that organisation.");
    const otherDepartment = await rejection(world.caller("aOversight").metrics.profile({ organisationCode: "DEPT-B" }));
    expect(otherDepartment.code).toBe("FORBIDDEN");
    const unknown = await rejection(world.caller("aOversight").metrics.profile({ organisationCode: "NOPE" }));
    expect(`${unknown.code}: ${unknown.message}`).toBe("NOT_FOUND: There is no organisation with code NOPE.");
    const department = await rejection(world.caller("aOversight").metrics.profile({ organisationCode: "DEPT-A" }));
    expect(department.code).toBe("BAD_REQUEST");
    // A body's own people use the agency app: the profile is for department roles.
    const own = await rejection(world.caller("a1Approver").metrics.profile({ organisationCode: "A1" }));
    expect(`${own.code}: ${own.message}`).toBe("FORBIDDEN: Your role does not allow this.");
    const b = await world.caller("bOversight").metrics.profile({ organisationCode: "B1" });
    expect(b.ombudsman.rows.map((r) => r.values.phso_referred)).toEqual([88]);
  });
});
