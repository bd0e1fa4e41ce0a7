import { randomUUID } from "node:crypto";
import { insertReturn, insertRevision, upsertOrganisations, type Database, type Kysely } from "@complaints/db";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { periodIndex, requirePeriod, type Organisation } from "@complaints/domain";
import type { Cell } from "@complaints/reports";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boardPack, writePack } from "./services/reports/board-pack.ts";
import { systemServiceContext } from "./system-context.ts";
import { createWorld, worldOrganisations, type World } from "./testing/world.ts";

/**
 * A small case worked out by hand, shown through every output that compares a period with a year
 * earlier: Department A's 2025-26 against 2024-25, with a body missing one quarter, one joining and
 * one closing. Everyone who has sent: 4,560 complaints received against 8,600, which would read
 * "down 47%"; over the same bodies and quarters it is 560 against 550, up 2%.
 *
 * - A1 sent every quarter of both years: 110 received a quarter in 2025-26 (90 + 20 closed, 81 + 14 in
 *   time), 100 in 2024-25 (80 + 20 closed, 60 + 10 in time).
 * - A2 missed Oct to Dec 2025: 40 a quarter in 2025-26 (30 + 10 closed, 27 + 8 in time), 50 in 2024-25
 *   (40 + 10 closed, 30 + 5 in time). It counts for its other three quarters.
 * - A-NEW opened in April 2025: 1,000 a quarter in 2025-26 (900 + 100 closed), nothing before.
 * - A-SHUT closed at the end of March 2025: 2,000 a quarter in 2024-25.
 */
const template = worldOrganisations.find((o) => o.code === "A1")!;
const joining: Organisation = { ...template, code: "A-NEW", name: "Joining body", activeFrom: "2025-04-01" };
const closing: Organisation = { ...template, code: "A-SHUT", name: "Closing body", activeTo: "2025-03-31" };

const quarters = (year: string) => [1, 2, 3, 4].map((q) => `${year} Q${q}`);
const flow = (received: number, er: number, cl: number, erIn: number, clIn: number) => ({ received, er_closed: er, cl_closed: cl, er_within_timescale: erIn, cl_within_timescale: clIn });
const returns: [string, string, Record<string, number>][] = [
  ...quarters("2025-26").map((p): [string, string, Record<string, number>] => ["A1", p, flow(110, 90, 20, 81, 14)]),
  ...quarters("2024-25").map((p): [string, string, Record<string, number>] => ["A1", p, flow(100, 80, 20, 60, 10)]),
  ...quarters("2025-26").filter((p) => p !== "2025-26 Q3").map((p): [string, string, Record<string, number>] => ["A2", p, flow(40, 30, 10, 27, 8)]),
  ...quarters("2024-25").map((p): [string, string, Record<string, number>] => ["A2", p, flow(50, 40, 10, 30, 5)]),
  ...quarters("2025-26").map((p): [string, string, Record<string, number>] => ["A-NEW", p, flow(1000, 900, 100, 0, 0)]),
  ...quarters("2024-25").map((p): [string, string, Record<string, number>] => ["A-SHUT", p, flow(2000, 2000, 0, 0, 0)]),
];

async function insertReturns(db: Kysely<Database>, by: string, now: string) {
  for (const [organisationCode, period, values] of returns) {
    const returnId = randomUUID();
    await insertReturn(db, { id: returnId, organisationCode, period, periodIndex: periodIndex(requirePeriod(period)), now, received: { at: now, dueDate: "2099-01-01" } });
    await insertRevision(db, { id: randomUUID(), returnId, revision: 1, templateVersion: 1, status: "accepted", values, notes: {}, explanations: {}, by, now });
  }
}

const leftOut = ["Joining body (no return counted for Apr 2024 to Mar 2025)", "Closing body (not open in Apr 2025 to Mar 2026)", "Agency A2 (Oct to Dec 2025 left out: not counted in both years)"];

describe.each(testDialects())("a year against the year before over the same bodies and quarters, in every output, on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await createWorld(t.db, new Date("2026-06-01T10:00:00Z"));
    await upsertOrganisations(t.db, [joining, closing], world.now.toISOString());
    await insertReturns(t.db, world.users.a1Submitter.id, world.now.toISOString());
  });
  afterAll(() => t.close());

  it("metrics.rollup: everyone who has sent with no change, and the matched comparison with its panel", async () => {
    const r = await world.caller("aOversight").metrics.rollup({ departmentCode: "DEPT-A", financialYear: "2025-26" });
    const received = (side: { fields: { id: string; value: number | null }[] }) => side.fields.find((f) => f.id === "received")!.value;
    // 440 + 120 + 4,000; three bodies expected (A-OLD and A-SHUT had closed).
    expect(r.current).toMatchObject({ bodies: { expected: 3, counted: 3 }, returns: 11 });
    expect(received(r.current)).toBe(4560);
    expect(r.current).not.toHaveProperty("changes");
    // A1's four quarters and A2's three, both years: 440 + 120 = 560 against 400 + 150 = 550.
    expect([received(r.comparison.current), received(r.comparison.previousYear)]).toEqual([560, 550]);
    expect([r.comparison.current.returns, r.comparison.previousYear.returns]).toEqual([7, 7]);
    expect(r.comparison.changes.fields.find((c) => c.id === "received")!.words).toBe("up 2%");
    // Within timescale (380 + 105) / (440 + 120) = 86.6% against (280 + 105) / (400 + 150) = 70.0%.
    const timescale = (side: typeof r.comparison.current) => side.measures.find((m) => m.id === "within_timescale")!;
    expect(timescale(r.comparison.current)).toMatchObject({ numerator: 485, denominator: 560 });
    expect(timescale(r.comparison.previousYear)).toMatchObject({ numerator: 385, denominator: 550 });
    expect(r.comparison.changes.measures.find((c) => c.id === "within_timescale")).toMatchObject({ words: "up 16.6 percentage points", intervals: "higher" });
    expect(r.comparison.panel).toEqual({
      expected: 3,
      covered: [{ organisationCode: "A1", name: "Agency A1" }, { organisationCode: "A2", name: "Agency A2" }],
      partly: [{ organisationCode: "A2", name: "Agency A2", quarters: ["Oct to Dec 2025"], words: "Oct to Dec 2025 left out: not counted in both years" }],
      leftOut: [
        { organisationCode: "A-NEW", name: "Joining body", reason: "none-earlier", words: "no return counted for Apr 2024 to Mar 2025" },
        { organisationCode: "A-SHUT", name: "Closing body", reason: "not-expected", words: "not open in Apr 2025 to Mar 2026" },
      ],
      lowCoverage: false,
    });
  });

  it("the annual report section: this year's total, then the change over the same bodies and quarters, naming those left out", async () => {
    const { text } = await world.caller("aSecretariat").reports.annualReport({ departmentCode: "DEPT-A", financialYear: "2025-26" });
    expect(text).toContain(
      `In 2025-26 they received 4,560 complaints. 2 of the 3 bodies expected to report sent returns for the same quarters of 2025-26 and 2024-25. Over those quarters they received 560 complaints, up 2% from 550 in 2024-25. Left out of the comparison: ${leftOut.join("; ")}.`,
    );
    expect(text).not.toMatch(/down 47%|8,600/);
  });

  it("the board pack: the narrative, the totals and measures tables and the CSV compare the same bodies and quarters", async () => {
    const pack = await boardPack(await systemServiceContext(t.db, world.now), { departmentCode: "DEPT-A", financialYear: "2025-26" }, "Test contact");
    const paragraphs = pack.narrative.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
    expect(paragraphs[0]).toBe(
      "3 of 3 bodies have sent returns for Apr 2025 to Mar 2026. Together they received 4,560 complaints and closed 4,560. Over the 2 bodies that sent returns for the same quarters a year earlier, complaints received were up 2% on Apr 2024 to Mar 2025 (560 against 550).",
    );
    const coverage = `The comparison with Apr 2024 to Mar 2025 covers 2 of 3 bodies expected: the quarters each sent in both periods. Left out: ${leftOut.join("; ")}.`;
    expect(paragraphs).toContain(coverage);
    const lists = pack.narrative.flatMap((b) => (b.kind === "list" ? b.items : []));
    expect(lists).toContain("Complaints received: up 2% on Apr 2024 to Mar 2025.");
    expect(lists).toContain("Complaints closed within timescale: up 16.6 percentage points, a clear change (the 95% intervals do not overlap).");

    const row = (tableName: string, label: string) => {
      const table = pack.tables.find((x) => x.tableName === tableName)!;
      const found = table.rows.find((r) => r[0]!.kind === "text" && r[0]!.text === label)!;
      return Object.fromEntries(table.columns.map((c, i) => [c.key, found[i]!])) as Record<string, Cell>;
    };
    const totals = pack.tables.find((x) => x.tableName === "department_totals")!;
    expect(totals.description.join(" ")).toContain(coverage);
    expect(totals.description.join(" ")).toContain("Everyone who has sent so far for Apr 2025 to Mar 2026: 3 of 3 bodies (11 returns).");
    expect(row("department_totals", "Complaints received")).toMatchObject({ this_period: { kind: "number", value: 560 }, year_earlier: { kind: "number", value: 550 }, change: { kind: "text", text: "up 2%" } });
    expect(row("department_measures", "Complaints closed within timescale")).toMatchObject({ this_period: { kind: "number", value: 86.6 }, year_earlier: { kind: "number", value: 70 } });

    const csv = new TextDecoder().decode(await writePack(pack, "csv"));
    expect(csv).toMatch(/\ndepartment_totals,DEPT-A,Department A,2025-26,,received,Complaints received,this_period,matched,count,560,/);
    expect(csv).toMatch(/\ndepartment_totals,DEPT-A,Department A,2025-26,,received,Complaints received,year_earlier,matched,count,550,/);
  });
});
