import { describe, expect, it } from "vitest";
import type { Cell, PackTable } from "../model.ts";
import { tidyRows } from "../tidy.ts";
import { measureFigure } from "../tidy.ts";
import { buildBoardPack, longDate } from "./board-pack.ts";
import type { PackData } from "./input.ts";

/** A department of two bodies for one quarter, small enough to check by hand. */
function data(overrides: Partial<PackData> = {}): PackData {
  const measure = { id: "within_timescale", label: "Complaints closed within timescale", kind: "proportion" as const, polarity: "higher-is-better" as const, unit: "%", nouns: { numerator: "complaints closed within timescale", denominator: "complaints closed" }, decimals: 1 };
  const cell = (value: number | null, numerator: number, denominator: number) => ({ id: measure.id, value, numerator, denominator, interval95: value === null ? null : { lower: value - 0.05, upper: value + 0.05 } });
  return {
    scope: { kind: "department", code: "DES", name: "Department for Example Services", departmentCode: "DES", departmentName: "Department for Example Services" },
    period: { code: "2025-26 Q1", label: "Apr to Jun 2025", quarters: ["2025-26 Q1"] },
    produced: "2025-08-01T09:30:00.000Z",
    contact: "oversight@des.example",
    comparison: {
      measures: [measure],
      bodies: { expected: 3, included: 2 },
      missing: [{ organisationCode: "DES-C", name: "Body C" }],
      benchmark: { returns: 2, provisional: false, measures: [cell(0.8, 80, 100)] },
      rows: [
        { organisationCode: "DES-A", name: "Body A", provisional: false, measures: [{ ...cell(0.75, 30, 40), comparison95: "similar" }] },
        { organisationCode: "DES-B", name: "Body B", provisional: false, measures: [{ ...cell(0.8333, 50, 60), comparison95: "better" }] },
      ],
    },
    rollup: {
      label: "Apr to Jun 2025",
      yearEarlier: { label: "Apr to Jun 2024" },
      fields: [
        { id: "received", label: "Complaints received", type: "count" },
        { id: "payments_total", label: "Total paid", type: "money" },
      ],
      measures: [measure],
      // Everyone who has sent so far: Bodies A and B of the three expected.
      current: {
        bodies: { expected: 3, counted: 2 },
        returns: 2,
        provisional: false,
        fields: [
          { id: "received", value: 120 },
          { id: "payments_total", value: 123_456 },
        ],
        measures: [cell(0.8, 80, 100)],
      },
      // Bodies A and B sent the same quarter a year earlier; Body C has not sent yet.
      comparison: {
        panel: { expected: 3, covered: [{ organisationCode: "DES-A", name: "Body A" }, { organisationCode: "DES-B", name: "Body B" }], partly: [], leftOut: [{ name: "Body C", words: "no return counts for Apr to Jun 2025 yet" }], lowCoverage: false },
        current: { bodies: { expected: 3, counted: 2 }, returns: 2, provisional: false, fields: [{ id: "received", value: 120 }, { id: "payments_total", value: 123_456 }], measures: [cell(0.8, 80, 100)] },
        previousYear: { bodies: { expected: 3, counted: 2 }, returns: 2, fields: [{ id: "received", value: 100 }, { id: "payments_total", value: null }], measures: [cell(0.78, 78, 100)], provisional: false },
        changes: {
          fields: [
            { id: "received", direction: "up", percent: 20, points: null, words: "up 20%" },
            { id: "payments_total", direction: "not compared", percent: null, points: null, words: "not compared" },
          ],
          measures: [{ id: measure.id, direction: "up", percent: 2.6, points: 2.04, words: "up 2 percentage points", intervals: "similar" }],
        },
      },
    },
    tracker: [
      {
        period: "2025-26 Q1",
        periodLabel: "Apr to Jun 2025",
        rows: [
          { organisationCode: "DES-A", name: "Body A", statusLabel: "Accepted", timeliness: "on time", dueDate: "2025-07-29", receivedAt: "2025-07-20T10:00:00Z" },
          { organisationCode: "DES-C", name: "Body C", statusLabel: "Not started", timeliness: "overdue", dueDate: "2025-07-29", receivedAt: null },
        ],
      },
    ],
    figures: [
      {
        key: "flow",
        title: "Flow of complaints",
        description: ["Summed."],
        columns: [
          { key: "received", label: "Complaints received", type: "count" },
          { key: "payments_total", label: "Total paid", type: "money" },
        ],
        rows: [
          { organisationCode: "DES-A", name: "Body A", values: [40, 12_345] },
          { organisationCode: "DES-B", name: "Body B", values: [80, "x"] },
          { organisationCode: "DES", name: "Department for Example Services", values: [120, 12_345] },
        ],
      },
    ],
    themes: { themes: [], periods: [], bodies: [], department: { series: [] }, emerging: [] },
    funnel: null,
    trend: null,
    actions: [
      { organisationCode: "DES-A", organisationName: "Body A", action: "Rewrite letters", kindLabel: "Improve the service", themes: ["Communication"], owner: "Letters team", dueDate: "2025-09-01", statusLabel: "In progress", overdue: false, completedDate: null },
      { organisationCode: "DES-B", organisationName: "Body B", action: "=cmd|' /C calc'!A0", kindLabel: "Put right", themes: [], owner: "Team B", dueDate: "2025-05-01", statusLabel: "Overdue", overdue: true, completedDate: null },
    ],
    learning: [],
    // 3 + 40 + 12 = 55: the 3 is suppressed, and the 12 too (otherwise 55 − 40 gives the 3 away).
    equality: [{ characteristic: "Sex", returns: 2, categories: [{ label: "Female", count: 3 }, { label: "Male", count: 40 }, { label: "Not known", count: 12 }] }],
    specialPayments: [],
    // Body A corrected its return after acceptance: received and the total paid changed.
    revisions: [{ organisationCode: "DES-A", period: "2025-26 Q1", fields: ["received", "payments_total"] }],
    provisional: [],
    caveats: [],
    ...overrides,
  };
}

const table = (tables: readonly PackTable[], name: string) => tables.find((t) => t.tableName === name)!;
const column = (t: PackTable, key: string) => t.columns.findIndex((c) => c.key === key);

describe("buildBoardPack", () => {
  it("suppresses equality monitoring at the boundary: 1 to 7 as [c], a second cell so it cannot be worked out, the rest rounded to 5", () => {
    const t = table(buildBoardPack(data()).tables, "equality_monitoring");
    const counts = t.rows.map((r) => r[column(t, "complainants")]);
    expect(counts).toEqual<Cell[]>([{ kind: "shorthand", code: "c" }, { kind: "number", value: 40 }, { kind: "shorthand", code: "c" }, { kind: "number", value: 55 }]);
    // Percentages from the rounded figures: 40 / 55.
    expect(t.rows[1]![column(t, "share")]).toEqual({ kind: "number", value: 72.7 });
  });

  it("marks every figure of a revised body [r], and the department's totals when any body is revised", () => {
    const pack = buildBoardPack(data());
    const flow = table(pack.tables, "figures_flow");
    expect(flow.rows[0]!.slice(2)).toEqual([{ kind: "number", value: 40, revised: true }, { kind: "number", value: 123.45, revised: true }]);
    expect(flow.rows[1]!.slice(2)).toEqual([{ kind: "number", value: 80 }, { kind: "shorthand", code: "x" }]);
    const totals = table(pack.tables, "department_totals");
    expect(totals.rows[0]![column(totals, "this_period")]).toEqual({ kind: "number", value: 120, revised: true });
    // A year earlier is not this period's revision.
    expect(totals.rows[0]![column(totals, "year_earlier")]).toEqual({ kind: "number", value: 100 });
    // Money to the nearest pound in the totals, pounds and pence in the figure tables.
    expect(totals.rows[1]![column(totals, "this_period")]).toEqual({ kind: "number", value: 1235, revised: true });
    expect(tidyRows(pack).filter((r) => r.marker === "[r]").length).toBeGreaterThan(3);
  });

  it("marks only the figures a correction changed [r], and every figure from a return not yet accepted [p]", () => {
    const pack = buildBoardPack(data({ provisional: ["DES-B"] }));
    const headline = table(pack.tables, "headline_measures");
    const valueOf = (code: string) => headline.rows.find((r) => r[0]!.kind === "text" && r[0]!.text === code)![column(headline, "value")];
    // Timeliness is worked out from closed and within-timescale counts, which Body A's correction did not change.
    expect(valueOf("DES-A")).toEqual({ kind: "number", value: 75 });
    expect(valueOf("DES-B")).toEqual({ kind: "number", value: 83.3, provisional: true });
    expect(valueOf("DES")).toEqual({ kind: "number", value: 80, provisional: true });
    const flow = table(pack.tables, "figures_flow");
    expect(flow.rows[1]![2]).toEqual({ kind: "number", value: 80, provisional: true });
    expect(flow.rows[2]![2]).toEqual({ kind: "number", value: 120, revised: true, provisional: true });
    expect(flow.description.join(" ")).toContain("[r] revised, [p] provisional");
    expect(tidyRows(pack).filter((r) => r.marker === "[r] [p]").map((r) => `${r.table} ${r.organisation} ${r.measureCode}`)).toContain("figures_flow DES received");
  });

  it("gives proportions as percentages to one decimal place, with their intervals, and the department as the benchmark", () => {
    const t = table(buildBoardPack(data()).tables, "headline_measures");
    const b = t.rows.find((r) => r[0]!.kind === "text" && r[0]!.text === "DES-B")!;
    expect(b[column(t, "value")]).toEqual({ kind: "number", value: 83.3 });
    expect(b[column(t, "lower_95")]).toEqual({ kind: "number", value: 78.3 });
    expect(b[column(t, "comparison")]).toEqual({ kind: "text", text: "Better than the department" });
    expect(t.rows.at(-1)![0]).toEqual({ kind: "text", text: "DES" });
    expect(measureFigure({ kind: "rate-per-10000", decimals: 1 }, 12.345)).toBe(12.3);
  });

  it("lists overdue actions first, and keeps the text a spreadsheet would run as a formula as text (writers neutralise it)", () => {
    const t = table(buildBoardPack(data()).tables, "action_plans");
    expect(t.rows.map((r) => r[column(t, "overdue")])).toEqual([{ kind: "text", text: "Yes" }, { kind: "text", text: "No" }]);
    expect(t.rows[0]![column(t, "action")]).toEqual({ kind: "text", text: "=cmd|' /C calc'!A0" });
    expect(t.rows[0]![column(t, "themes")]).toEqual({ kind: "text", text: "None given" });
  });

  it("says why a table is empty in its description and leaves no blank cells", () => {
    const pack = buildBoardPack(data());
    const payments = table(pack.tables, "special_payments");
    expect(payments.rows).toEqual([]);
    expect(payments.description).toContain("No special payment over £300,000 was reported for this period.");
    for (const t of pack.tables) for (const row of t.rows) {
      expect(row).toHaveLength(t.columns.length);
      for (const c of row) if (c.kind === "text") expect(c.text.trim(), `${t.tableName}`).not.toBe("");
    }
  });

  it("keeps GSS's rules for names and notes: unique sheet names Excel accepts, table names, and every [note N] on the notes sheet", () => {
    const pack = buildBoardPack(data());
    const sheets = pack.tables.map((t) => t.sheetName);
    expect(new Set(sheets).size).toBe(sheets.length);
    for (const s of sheets) expect(s).toMatch(/^[^[\]:*?/\\]{1,31}$/);
    for (const t of pack.tables) expect(t.tableName).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
    const referred = new Set(pack.tables.flatMap((t) => [t.title, ...t.description, ...t.columns.map((c) => c.heading)].flatMap((s) => [...s.matchAll(/\[note (\d+)\]/g)].map((m) => Number(m[1])))));
    expect([...referred].toSorted((a, b) => a - b)).toEqual(pack.notes.map((n) => n.number));
    expect(pack.tables[0]!.title).toBe("Table 1: Submission status of each body's return, Apr to Jun 2025");
    expect(pack.cover.caveats.join(" ")).toContain("1 of 3 bodies have no return");
  });

  it("a body's pack has the body and the department's figures only", () => {
    const pack = buildBoardPack(data({ scope: { kind: "body", code: "DES-A", name: "Body A", departmentCode: "DES", departmentName: "Department for Example Services" } }));
    expect(new Set(tidyRows(pack).map((r) => r.organisation))).toEqual(new Set(["DES-A", "DES"]));
    expect(pack.tables.some((t) => t.tableName === "department_totals")).toBe(false);
    expect(pack.title).toBe("Complaints board pack: Body A, Apr to Jun 2025");
  });

  it("leads the narrative with everyone who has sent (no change), then the change over the same bodies, naming those left out", () => {
    const pack = buildBoardPack(data());
    const paragraphs = pack.narrative.filter((b) => b.kind === "paragraph").map((b) => b.text);
    expect(paragraphs[0]).toBe("2 of 3 bodies have sent their return for Apr to Jun 2025. Together they received 120 complaints. Over the 2 bodies that sent returns for the same quarters a year earlier, complaints received were up 20% on Apr to Jun 2024 (120 against 100).");
    expect(paragraphs).toContain("The comparison with Apr to Jun 2024 covers 2 of 3 bodies expected: the quarters each sent in both periods. Left out: Body C (no return counts for Apr to Jun 2025 yet).");
    const totals = table(pack.tables, "department_totals");
    expect(totals.description.join(" ")).toContain("covers 2 of 3 bodies expected");
    expect(totals.description.join(" ")).toContain("Everyone who has sent so far for Apr to Jun 2025: 2 of 3 bodies (2 returns).");
  });

  it("leads with coverage and gives no headline change when the comparison covers half the bodies or fewer", () => {
    const base = data();
    const r = base.rollup;
    // Of 4 bodies, 2 have sent; only Body A sent a year earlier too.
    const low = {
      ...r,
      current: { ...r.current, bodies: { expected: 4, counted: 2 } },
      comparison: { ...r.comparison, panel: { expected: 4, covered: [{ organisationCode: "DES-A", name: "Body A" }], partly: [], leftOut: [{ name: "Body B", words: "no return counted for Apr to Jun 2024" }, { name: "Body C", words: "no return counts for Apr to Jun 2025 yet" }, { name: "Body D", words: "no return counts for Apr to Jun 2025 yet" }], lowCoverage: true } },
    };
    const pack = buildBoardPack({ ...base, rollup: low });
    const first = pack.narrative.find((b) => b.kind === "paragraph")!;
    expect(first.kind === "paragraph" && first.text).toBe("2 of 4 bodies have sent their return for Apr to Jun 2025; the comparison below covers 1 of them, those that also sent for Apr to Jun 2024. Together they received 120 complaints.");
    expect(JSON.stringify(pack.narrative)).toContain("Left out: Body B (no return counted for Apr to Jun 2024); Body C (no return counts for Apr to Jun 2025 yet); Body D (no return counts for Apr to Jun 2025 yet).");

    const none = { ...low, comparison: { ...low.comparison, panel: { ...low.comparison.panel, covered: [] } } };
    const noneFirst = buildBoardPack({ ...base, rollup: none }).narrative.find((b) => b.kind === "paragraph")!;
    expect(noneFirst.kind === "paragraph" && noneFirst.text).toBe("2 of 4 bodies have sent their return for Apr to Jun 2025; none of them sent for the same quarters of Apr to Jun 2024, so there is no comparison with it. Together they received 120 complaints.");
  });

  it("writes dates as people read them", () => {
    expect(longDate("2025-08-01T09:30:00.000Z")).toBe("1 August 2025");
    expect(longDate("2026-12-31")).toBe("31 December 2026");
  });
});
