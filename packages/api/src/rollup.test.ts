import { randomUUID } from "node:crypto";
import { insertReturn, insertRevision, upsertOrganisations, type Database, type Kysely } from "@complaints/db";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { periodIndex, requirePeriod, type Organisation, type ReturnStatus } from "@complaints/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeChange } from "./services/metrics/rollup.ts";
import { createWorld, rejection, worldOrganisations, type World } from "./testing/world.ts";

/** A third body in Department A, an executive agency like A1 (A2 is an executive NDPB; A-OLD closed in 2024). */
const a3: Organisation = { ...worldOrganisations.find((o) => o.code === "A1")!, code: "A3", name: "Agency A3" };

/** A quarter's flow: open at the start, received, closed at each stage (none withdrawn), and closed within timescale at each stage. */
function flow(bf: number, received: number, er: number, cl: number, erWithin: number, clWithin: number): Record<string, number> {
  return { brought_forward: bf, received, withdrawn: 0, er_closed: er, cl_closed: cl, carried_forward: bf + received - er - cl, er_within_timescale: erWithin, cl_within_timescale: clWithin };
}
const absurd = flow(0, 100_000, 100_000, 0, 0, 0);

/**
 * Figures chosen to be added up by hand. Returns that must not count (a draft, one sent back, another
 * department's) carry absurd figures: counting any of them breaks every total below.
 */
const returns: [string, string, ReturnStatus, Record<string, number>][] = [
  ["A1", "2024-25 Q1", "accepted", flow(10, 100, 80, 10, 60, 5)],
  ["A1", "2024-25 Q2", "accepted", flow(20, 120, 90, 20, 70, 10)],
  ["A2", "2024-25 Q2", "accepted", flow(5, 10, 5, 5, 2, 1)],
  ["A1", "2024-25 Q3", "accepted", flow(30, 100, 100, 10, 80, 5)],
  ["A1", "2024-25 Q4", "accepted", flow(20, 80, 70, 10, 60, 5)],
  ["A2", "2024-25 Q4", "accepted", flow(5, 20, 10, 5, 5, 2)],
  ["A1", "2025-26 Q1", "accepted", flow(20, 150, 120, 20, 100, 15)],
  ["A2", "2025-26 Q1", "returned", absurd],
  ["A1", "2025-26 Q2", "approved", flow(30, 180, 150, 20, 140, 18)],
  ["A2", "2025-26 Q2", "accepted", flow(10, 20, 10, 10, 9, 9)],
  ["A3", "2025-26 Q2", "draft", absurd],
  ["B1", "2025-26 Q2", "accepted", absurd],
];

async function insertReturns(db: Kysely<Database>, by: string, now: string) {
  for (const [organisationCode, period, status, values] of returns) {
    const returnId = randomUUID();
    await insertReturn(db, { id: returnId, organisationCode, period, periodIndex: periodIndex(requirePeriod(period)), now, received: status === "draft" ? null : { at: now, dueDate: "2099-01-01" } });
    await insertRevision(db, { id: randomUUID(), returnId, revision: 1, templateVersion: 1, status, values, notes: {}, explanations: {}, by, now });
  }
}

type Answer = Awaited<ReturnType<ReturnType<World["caller"]>["metrics"]["rollup"]>>;
const field = (side: { fields: { id: string; value: number | null }[] }, id: string) => side.fields.find((f) => f.id === id)!.value;
const measure = <T extends { id: string }>(side: { measures: T[] }, id: string): T => side.measures.find((m) => m.id === id)!;
const change = (answer: Pick<Answer, "comparison">, kind: "fields" | "measures", id: string) => answer.comparison.changes[kind].find((c) => c.id === id)!;

describe("the change from a year earlier, in words", () => {
  it.each([
    [200, 130, "count", "up 54%"],
    [350, 430, "count", "down 19%"],
    [100, 100, "count", "no change"],
    [5, 0, "count", "up from 0"],
    [1001, 1000, "count", "up less than 1%"],
    [null, 30, "count", "not compared"],
    [30, null, "count", "not compared"],
    [0.75, 0.5, "proportion", "up 25 percentage points"],
    [0.5, 0.51, "proportion", "down 1 percentage point"],
    [0.5, 0.5004, "proportion", "down less than 0.1 percentage points"],
    [4.5, 5, "other", "down 10%"],
  ] as const)("%s against %s (%s) is “%s”", (now, then, kind, words) => {
    expect(describeChange(now, then, kind).words).toBe(words);
  });
});

describe.each(testDialects())("department roll-up on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await createWorld(t.db);
    await upsertOrganisations(t.db, [a3], world.now.toISOString());
    await insertReturns(t.db, world.users.a1Submitter.id, world.now.toISOString());
  });
  afterAll(() => t.close());

  it("adds up a quarter's counted returns and recomputes each measure, beside the same quarter a year earlier", async () => {
    const r = await world.caller("aOversight").metrics.rollup({ departmentCode: "DEPT-A", period: "Jul to Sep 2025" });
    expect([r.period, r.label, r.periods]).toEqual(["2025-26 Q2", "Jul to Sep 2025", ["2025-26 Q2"]]);
    expect(r.yearEarlier).toEqual({ period: "2024-25 Q2", financialYear: null, label: "Jul to Sep 2024", periods: ["2024-25 Q2"] });

    // A1 (approved, so provisional) and A2; A3's draft does not count. A1, A2 and A3 were expected; A-OLD had closed.
    expect(r.current).toMatchObject({ bodies: { expected: 3, counted: 2 }, returns: 2, provisional: true });
    expect(["brought_forward", "received", "withdrawn", "er_closed", "cl_closed", "carried_forward"].map((id) => field(r.current, id))).toEqual([40, 200, 0, 160, 30, 50]);
    // Nobody reported payments: not a zero.
    expect(field(r.current, "payments_total")).toBeNull();
    // (140 + 18 + 9 + 9) / (150 + 20 + 10 + 10) = 176 / 190: the ratio of the sums.
    expect(measure(r.current, "within_timescale")).toMatchObject({ numerator: 176, denominator: 190, returns: 2 });
    expect(measure(r.current, "within_timescale").value).toBeCloseTo(176 / 190, 12);
    // The mean of A1's 158/170 and A2's 18/20 would be 91.5%, not 92.6%.
    expect(measure(r.current, "within_timescale").value).not.toBeCloseTo((158 / 170 + 18 / 20) / 2, 3);

    // Everyone who has sent so far carries no change; the comparison is over the bodies that sent both quarters: A1 and A2.
    expect(r.current).not.toHaveProperty("changes");
    expect(r.comparison.panel).toEqual({
      expected: 3,
      covered: [{ organisationCode: "A1", name: "Agency A1" }, { organisationCode: "A2", name: "Agency A2" }],
      partly: [],
      leftOut: [{ organisationCode: "A3", name: "Agency A3", reason: "not-sent", words: "no return counts for Jul to Sep 2025 yet" }],
      lowCoverage: false,
    });
    expect(field(r.comparison.current, "received")).toBe(200);
    expect(r.comparison.previousYear).toMatchObject({ bodies: { expected: 3, counted: 2 }, returns: 2, provisional: false });
    expect(["brought_forward", "received", "er_closed", "cl_closed", "carried_forward"].map((id) => field(r.comparison.previousYear, id))).toEqual([25, 130, 95, 25, 35]);
    expect(measure(r.comparison.previousYear, "within_timescale")).toMatchObject({ numerator: 83, denominator: 120 });

    expect(change(r, "fields", "received")).toMatchObject({ direction: "up", words: "up 54%" });
    expect(change(r, "fields", "received").percent).toBeCloseTo(((200 - 130) / 130) * 100, 10);
    expect(change(r, "fields", "payments_total")).toMatchObject({ direction: "not compared", words: "not compared" });
    // 92.6% against 69.2%: up 23.5 points; Wilson 95% intervals (by hand) 88.01% to 95.56% and 60.42% to 76.73% do not overlap.
    const timescale = change(r, "measures", "within_timescale");
    expect(timescale.points).toBeCloseTo((176 / 190 - 83 / 120) * 100, 10);
    expect(timescale).toMatchObject({ direction: "up", words: "up 23.5 percentage points", intervals: "higher" });
    expect(measure(r.current, "within_timescale").interval95!.lower).toBeCloseTo(0.88013, 5);
    expect(measure(r.comparison.previousYear, "within_timescale").interval95!.upper).toBeCloseTo(0.76727, 5);
  });

  it("takes a financial year's flows from all four quarters, but opening and closing figures from its first and last quarters", async () => {
    const r = await world.caller("aSecretariat").metrics.rollup({ departmentCode: "DEPT-A", financialYear: "2025-26" });
    expect([r.financialYear, r.label, r.periods]).toEqual(["2025-26", "Apr 2025 to Mar 2026", ["2025-26 Q1", "2025-26 Q2", "2025-26 Q3", "2025-26 Q4"]]);
    expect(r.yearEarlier).toMatchObject({ period: null, financialYear: "2024-25", label: "Apr 2024 to Mar 2025" });
    expect(r.current).toMatchObject({ bodies: { expected: 3, counted: 2 }, returns: 3 });
    // Received 150 + 180 + 20; open at the start from Apr to Jun 2025 (A1's 20); nobody has reported Jan to Mar 2026 yet.
    expect(["brought_forward", "received", "er_closed", "cl_closed", "carried_forward"].map((id) => field(r.current, id))).toEqual([20, 350, 280, 50, null]);
    expect(r.current.fields.find((f) => f.id === "brought_forward")).toMatchObject({ reported: 1, missing: 0 });
    expect(measure(r.current, "within_timescale")).toMatchObject({ numerator: 100 + 15 + 140 + 18 + 9 + 9, denominator: 280 + 50 });

    // Everyone who sent in 2024-25 (six returns, 430 received) against 2025-26's three (350) would read
    // "down 19%"; over the quarters each body sent in both years it is up. By hand: A1's Apr to Jun and
    // Jul to Sep and A2's Jul to Sep, both years: received 150 + 180 + 20 = 350 against 100 + 120 + 10 = 230,
    // up 52%; open at the start (Apr to Jun) 20 against 10; no Jan to Mar in both, so no figure open at the end.
    expect(r.comparison.current).toMatchObject({ bodies: { expected: 3, counted: 2 }, returns: 3 });
    expect(r.comparison.previousYear).toMatchObject({ bodies: { expected: 3, counted: 2 }, returns: 3 });
    expect(["brought_forward", "received", "er_closed", "cl_closed", "carried_forward"].map((id) => field(r.comparison.current, id))).toEqual([20, 350, 280, 50, null]);
    expect(["brought_forward", "received", "er_closed", "cl_closed", "carried_forward"].map((id) => field(r.comparison.previousYear, id))).toEqual([10, 230, 175, 35, null]);
    expect(change(r, "fields", "received").words).toBe("up 52%");
    expect(change(r, "fields", "brought_forward").words).toBe("up 100%");
    expect(change(r, "fields", "carried_forward").words).toBe("not compared");
    // (100 + 15 + 140 + 18 + 9 + 9) / 330 against (60 + 5 + 70 + 10 + 2 + 1) / 210.
    expect(measure(r.comparison.previousYear, "within_timescale")).toMatchObject({ numerator: 148, denominator: 210 });
    // A body missing a quarter stays in for its other quarters; the quarters left out are named.
    expect(r.comparison.panel.partly).toEqual([
      { organisationCode: "A1", name: "Agency A1", quarters: ["Oct to Dec 2025", "Jan to Mar 2026"], words: "Oct to Dec 2025, Jan to Mar 2026 left out: not counted in both years" },
      { organisationCode: "A2", name: "Agency A2", quarters: ["Jan to Mar 2026"], words: "Jan to Mar 2026 left out: not counted in both years" },
    ]);
    expect(r.comparison.panel.leftOut.map((b) => [b.organisationCode, b.reason])).toEqual([["A3", "not-sent"]]);
  });

  it("rolls up by body type, leaving out types with no bodies in either period", async () => {
    const r = await world.caller("aAdmin").metrics.rollup({ departmentCode: "DEPT-A", period: "2025-26 Q2" });
    expect(r.byBodyType.map((g) => g.bodyType)).toEqual(["executive agency", "executive non-departmental public body"]);
    const [agencies, ndpbs] = r.byBodyType;
    expect(agencies!.current).toMatchObject({ bodies: { expected: 2, counted: 1 }, returns: 1 });
    expect(field(agencies!.current, "received")).toBe(180);
    // Agencies: A1 sent Jul to Sep in both years, A3 in neither: the comparison covers 1 of 2, half, so it is low coverage.
    expect(field(agencies!.comparison.previousYear, "received")).toBe(120);
    expect(agencies!.comparison.panel).toMatchObject({ expected: 2, lowCoverage: true, covered: [{ organisationCode: "A1" }] });
    expect(measure(agencies!.current, "within_timescale")).toMatchObject({ numerator: 158, denominator: 170 });
    expect(ndpbs!.current).toMatchObject({ bodies: { expected: 1, counted: 1 } });
    expect(field(ndpbs!.current, "received")).toBe(20);
    expect(change(ndpbs!, "fields", "received").words).toBe("up 100%");
    // The types add up to the department.
    expect(field(agencies!.current, "received")! + field(ndpbs!.current, "received")!).toBe(field(r.current, "received"));
  });

  it("refuses a quarter and a year together, and a body's code for the department", async () => {
    const both = await rejection(world.caller("aOversight").metrics.rollup({ departmentCode: "DEPT-A", period: "2025-26 Q2", financialYear: "2025-26" }));
    expect(both.code).toBe("BAD_REQUEST");
    const body = await rejection(world.caller("aOversight").metrics.rollup({ departmentCode: "A1", period: "2025-26 Q2" }));
    expect(body.code).toBe("BAD_REQUEST");
    expect(body.message).toBe("A1 is not a department.");
  });
});
