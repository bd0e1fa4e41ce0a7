import { randomUUID } from "node:crypto";
import { insertReturn, insertRevision, upsertOrganisations, type Database, type Kysely } from "@complaints/db";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { periodIndex, requirePeriod, type Organisation, type ReturnStatus } from "@complaints/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, rejection, worldOrganisations, type World } from "./testing/world.ts";

const extraBodies: Organisation[] = ["A3", "A4", "A5", "A6"].map((code) => ({ ...worldOrganisations.find((o) => o.code === "A2")!, code, name: `Agency ${code}` }));

const quarters = ["2023-24 Q3", "2023-24 Q4", "2024-25 Q1", "2024-25 Q2", "2024-25 Q3", "2024-25 Q4", "2025-26 Q1", "2025-26 Q2"];

/**
 * Figures chosen to be worked by hand (complaints received, complaints about delay):
 * - A1, large: 1,000 received every quarter; delay 100, 102, 98, 101, 99, 100, 101, then 200: 20 per 100, emerging.
 * - A2, small then growing: 100 received, then 400 in the last quarter; delay 20, 21, 19, 20, 21, 19, 20, then 80.
 *   The count quadruples but the rate stays at 20 per 100: not emerging.
 * - A3 misses 2024-25 Q2, so it is left out of the department's panel; steady at about 50 per 100.
 * - A4 reports only the last quarter (45 of 50): left out of the panel. If the department summed whoever
 *   reported, A3 and A4 would move the department's figures; over the panel {A1, A2} they do not.
 * Drafts, returns awaiting sign-off, returns sent back and Department B carry absurd figures.
 */
const returns: [string, string, ReturnStatus, Record<string, number>][] = [
  ...quarters.map((period, i): [string, string, ReturnStatus, Record<string, number>] => [
    "A1",
    period,
    i === 7 ? "approved" : "accepted",
    { received: 1000, theme_delay: [100, 102, 98, 101, 99, 100, 101, 200][i]!, theme_policy: 10 },
  ]),
  ...quarters.map((period, i): [string, string, ReturnStatus, Record<string, number>] => [
    "A2",
    period,
    "accepted",
    { received: i === 7 ? 400 : 100, theme_delay: [20, 21, 19, 20, 21, 19, 20, 80][i]!, theme_policy: 1 },
  ]),
  ...quarters
    .map((period, i): [string, string, ReturnStatus, Record<string, number>] => ["A3", period, "accepted", { received: 500, theme_delay: [250, 255, 245, 0, 250, 252, 248, 250][i]! }])
    .filter(([, period]) => period !== "2024-25 Q2"),
  ["A4", "2025-26 Q2", "accepted", { received: 50, theme_delay: 45 }],
  ["A5", "2025-26 Q2", "submitted", { received: 1, theme_delay: 999 }],
  ["A6", "2025-26 Q2", "returned", { received: 1, theme_delay: 999 }],
  ["A6", "2025-26 Q1", "draft", { received: 1, theme_delay: 999 }],
  // A draft after the latest counted quarter: it must not move the default range.
  ["A1", "2025-26 Q3", "draft", { received: 1, theme_delay: 999 }],
  ["B1", "2025-26 Q2", "accepted", { received: 1, theme_delay: 999 }],
];

async function insertReturns(db: Kysely<Database>, by: string, now: string) {
  for (const [organisationCode, period, status, values] of returns) {
    const returnId = randomUUID();
    await insertReturn(db, { id: returnId, organisationCode, period, periodIndex: periodIndex(requirePeriod(period)), now, received: status === "draft" ? null : { at: now, dueDate: "2099-01-01" } });
    await insertRevision(db, { id: randomUUID(), returnId, revision: 1, templateVersion: 1, status, values, notes: {}, explanations: {}, by, now });
  }
}

describe.each(testDialects())("themes as rates per 100 received on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await createWorld(t.db);
    await upsertOrganisations(t.db, extraBodies, world.now.toISOString());
    await insertReturns(t.db, world.users.a1Submitter.id, world.now.toISOString());
  });
  afterAll(() => t.close());

  const delay = <S extends { theme: string }>(series: S[]) => series.find((s) => s.theme === "theme_delay")!;

  it("starts the default range at the first quarter reported, not 12 quarters back, and ends at the latest counted", async () => {
    const themes = await world.caller("aOversight").metrics.themes({ departmentCode: "DEPT-A" });
    expect([themes.from, themes.to]).toEqual(["2023-24 Q3", "2025-26 Q2"]);
    expect(themes.periods.map((p) => p.period)).toEqual(quarters);
    expect(themes.periods[0]!.periodLabel).toBe("Oct to Dec 2023");
    expect(themes.themes[0]).toEqual({ id: "theme_delay", label: "Delay" });
    // Bodies whose returns count; A5 (awaiting sign-off) and A6 (draft, sent back) do not.
    expect(themes.bodies.map((b) => [b.organisationCode, b.inPanel])).toEqual([["A1", true], ["A2", true], ["A3", false], ["A4", false]]);
  });

  it("pools the department over the fixed panel of bodies that reported every quarter, naming those left out", async () => {
    const themes = await world.caller("aOversight").metrics.themes({ departmentCode: "DEPT-A" });
    expect(themes.panel.bodies).toEqual([{ organisationCode: "A1", name: "Agency A1" }, { organisationCode: "A2", name: "Agency A2" }]);
    expect(themes.panel.leftOut.map((l) => [l.organisationCode, l.missing.map((m) => m.period)])).toEqual([
      ["A3", ["2024-25 Q2"]],
      ["A4", quarters.slice(0, 7)],
    ]);
    expect(themes.panel.leftOut[0]!.missing[0]!.periodLabel).toBe("Jul to Sep 2024");
    expect(themes.department.bodies).toBe(2);
    expect(themes.department.received).toEqual([1100, 1100, 1100, 1100, 1100, 1100, 1100, 1400]);
    const d = delay(themes.department.series);
    // A1 + A2 only: A3's 250 a quarter and A4's 45 are not in the department's counts.
    expect(d.counts).toEqual([120, 123, 117, 121, 120, 119, 121, 280]);
    expect(d.received).toEqual([1100, 1100, 1100, 1100, 1100, 1100, 1100, 1400]);
    expect(d.rates[0]).toBeCloseTo((120 / 1100) * 100, 12);
    expect(d.rates[7]).toBeCloseTo(20, 12);
    // Over the range: (841 + 280) / (7,700 + 1,400) × 100.
    expect(d.total.count).toBe(1121);
    expect(d.total.received).toBe(9100);
    expect(d.total.rate).toBeCloseTo((1121 / 9100) * 100, 12);
  });

  it("gives each body's rate per 100 received beside its counts, with gaps where it made no return", async () => {
    const themes = await world.caller("aOversight").metrics.themes({ departmentCode: "DEPT-A" });
    const a2 = delay(themes.bodies.find((b) => b.organisationCode === "A2")!.series);
    expect(a2.counts).toEqual([20, 21, 19, 20, 21, 19, 20, 80]);
    expect(a2.received).toEqual([100, 100, 100, 100, 100, 100, 100, 400]);
    expect(a2.rates).toEqual([20, 21, 19, 20, 21, 19, 20, 20]);
    const a3 = delay(themes.bodies.find((b) => b.organisationCode === "A3")!.series);
    expect(a3.counts[3]).toBeNull();
    expect(a3.rates).toEqual([50, 51, 49, null, 50, 50.4, 49.6, 50]);
    // A theme a body gave no figure for has no rate.
    const policy = themes.bodies.find((b) => b.organisationCode === "A3")!.series.find((s) => s.theme === "theme_policy")!;
    expect(policy.rates.every((r) => r === null)).toBe(true);
  });

  it("flags emerging themes on rates, not counts: the large body's jump and the department's, not the growing body's", async () => {
    const themes = await world.caller("aOversight").metrics.themes({ departmentCode: "DEPT-A" });
    expect(themes.emerging.map((e) => [e.scope, e.organisationCode, e.theme, e.reason])).toEqual([
      ["department", "DEPT-A", "theme_delay", "above-upper-limit"],
      ["body", "A1", "theme_delay", "above-upper-limit"],
    ]);
    expect(delay(themes.bodies.find((b) => b.organisationCode === "A2")!.series).emerging).toBeNull();
    expect(delay(themes.department.series).emerging).toBe("above-upper-limit");

    const [dept, a1] = themes.emerging;
    // Department: rates (841/11 per 100 over 7 quarters, then 20); moving ranges 3, 6, 4, 1, 1, 2 (÷ 11) and the
    // jump of 9 screened out (≥ 3.267 × their mean), so the mean moving range is 17/66.
    expect(dept).toMatchObject({ name: "Department A", themeLabel: "Delay", period: "2025-26 Q2", periodLabel: "Jul to Sep 2025", count: 280, received: 1400, trial: true });
    expect(dept!.value).toBeCloseTo(20, 12);
    expect(dept!.mean).toBeCloseTo((841 / 11 + 20) / 8, 12);
    expect(dept!.upperLimit).toBeCloseTo((841 / 11 + 20) / 8 + 2.66 * (17 / 66), 12);
    expect(dept!.reasonText).toBe("above the upper process limit");
    // A1: rates 10, 10.2, 9.8, 10.1, 9.9, 10, 10.1, 20: mean 90.1 / 8; moving ranges 0.2, 0.4, 0.3, 0.2, 0.1, 0.1 (9.9 screened).
    expect(a1).toMatchObject({ name: "Agency A1", count: 200, received: 1000, value: 20 });
    expect(a1!.mean).toBeCloseTo(90.1 / 8, 12);
    expect(a1!.upperLimit).toBeCloseTo(90.1 / 8 + 2.66 * (1.3 / 6), 12);
  });

  it("takes a chosen range: a shorter one puts A3 back in the panel", async () => {
    const themes = await world.caller("aSecretariat").metrics.themes({ departmentCode: "DEPT-A", from: "2024-25 Q3", to: "Jan to Mar 2025" });
    expect(themes.periods.map((p) => p.period)).toEqual(["2024-25 Q3", "2024-25 Q4"]);
    expect(themes.panel.bodies.map((b) => b.organisationCode)).toEqual(["A1", "A2", "A3"]);
    expect(themes.panel.leftOut).toEqual([]);
    expect(delay(themes.department.series).counts).toEqual([99 + 21 + 250, 100 + 19 + 252]);
    expect(delay(themes.department.series).rates[0]).toBeCloseTo((370 / 1600) * 100, 12);

    // A range starting before anyone reported: nobody reported every quarter, so there is no department series.
    const early = await world.caller("aSecretariat").metrics.themes({ departmentCode: "DEPT-A", from: "2023-24 Q1", to: "2023-24 Q4" });
    expect(early.panel.bodies).toEqual([]);
    expect(early.panel.leftOut.map((l) => [l.organisationCode, l.missing.length])).toEqual([["A1", 2], ["A2", 2], ["A3", 2]]);
    expect(delay(early.department.series).rates).toEqual([null, null, null, null]);

    const backwards = await rejection(world.caller("aOversight").metrics.themes({ departmentCode: "DEPT-A", from: "2025-26 Q1", to: "2024-25 Q1" }));
    expect(backwards.code).toBe("BAD_REQUEST");
  });

  it("keeps Department B's figures to itself", async () => {
    const b = await world.caller("bOversight").metrics.themes({ departmentCode: "DEPT-B" });
    expect(b.bodies.map((x) => x.organisationCode)).toEqual(["B1"]);
    expect(delay(b.bodies[0]!.series).counts).toEqual([999]);
    const refused = await rejection(world.caller("bOversight").metrics.themes({ departmentCode: "DEPT-A" }));
    expect(`${refused.code}: ${refused.message}`).toBe("FORBIDDEN: You do not have access to that organisation.");
  });
});
