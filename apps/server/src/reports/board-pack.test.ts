import { boardPack, createCaller, createContext, defaultApiConfig, systemServiceContext } from "@complaints/api";
import { findUserByEmail, listCurrentReturns, listOrganisations } from "@complaints/db";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { csvTable, measureFigure, periodIndex, requirePeriod, type Role } from "@complaints/domain";
import { cellText, safeText, tidyRows, yearLabel, type BoardPack } from "@complaints/reports";
import { spreadsheetToCsv } from "@complaints/office/testing";
import { gssProblems, pdfInfo, pdfText } from "@complaints/reports/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../demo/seed.ts";

/**
 * The same figures everywhere: a board pack built from the demo carries, table by table,
 * the portal's API answers for the same period (metrics.comparison, metrics.rollup, tracker.forPeriod,
 * metrics.themes) and the database's own sums of the returns that count. The tidy CSV is checked
 * against those; the pack model is the CSV's figures; and the ODS and XLSX as LibreOffice shows them,
 * and the PDF's text, are the model's tables cell by cell. So every format carries the same figures.
 */

type Caller = ReturnType<typeof createCaller>;
interface TidyCsvRow {
  table: string;
  organisation: string;
  organisation_name: string;
  period: string;
  label: string;
  measure_code: string;
  measure: string;
  statistic: string;
  panel: string;
  unit: string;
  value: string;
  marker: string;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The pack's CSV rows, as a spreadsheet or an R or Python user would read the file. */
export function readTidyCsv(base64: string): TidyCsvRow[] {
  const text = Buffer.from(base64, "base64").toString("utf8");
  expect(text.startsWith("\ufeff"), "the CSV starts with a byte-order mark").toBe(true);
  return csvTable(text.slice(1)) as unknown as TidyCsvRow[];
}

function finder(rows: readonly TidyCsvRow[]) {
  const index = new Map<string, TidyCsvRow>();
  for (const r of rows) {
    const key = [r.table, r.organisation, r.label, r.measure_code, r.statistic].join("|");
    expect(index.has(key), `one value per row: ${key}`).toBe(false);
    index.set(key, r);
  }
  return (table: string, organisation: string, label: string, measureCode: string, statistic = "value") => {
    const found = index.get([table, organisation, label, measureCode, statistic].join("|"));
    expect(found, `${table} ${organisation} ${label} ${measureCode} ${statistic}`).toBeDefined();
    return found!;
  };
}

/** A value as the CSV holds it: a number, or the shorthand that stands in for it. */
const expectValue = (row: TidyCsvRow, expected: number | null, what: string) => {
  if (expected === null) {
    expect(row.value, what).toBe("");
    expect(["[x]", "[z]", "[c]"], what).toContain(row.marker);
  } else {
    expect(Number(row.value), what).toBe(expected);
  }
};

describe.each(testDialects())("board packs built from the demo on %s", (dialect) => {
  let t: TestDatabase;
  let secretariat: Caller;
  const now = new Date("2026-12-01T12:00:00Z");

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await seedDemo(t.db, now);
    const u = (await findUserByEmail(t.db, "secretariat@demo.example"))!;
    secretariat = createCaller(
      createContext({ db: t.db, clock: () => now, config: defaultApiConfig, user: { id: u.id, email: u.email, displayName: u.display_name, role: u.role as Role, organisationCode: u.organisation_code } }),
    );
  }, 180_000);
  afterAll(() => t.close());

  describe.each([{ period: "2026-27 Q2" }, { financialYear: "2025-26" }])("for %o", (choice) => {
    let rows: TidyCsvRow[];
    let at: ReturnType<typeof finder>;
    beforeAll(async () => {
      const file = await secretariat.reports.pack({ departmentCode: "DES", ...choice, format: "csv" });
      expect(file.fileName).toBe(`complaints-board-pack-DES-${(choice.period ?? choice.financialYear)!.replace(" ", "-")}.csv`);
      rows = readTidyCsv(file.contentBase64);
      at = finder(rows);
    }, 60_000);

    it("the CSV is the pack model's figures, one row for each", async () => {
      const model = await boardPack(await systemServiceContext(t.db, now), { departmentCode: "DES", ...choice }, defaultApiConfig.reportContact);
      const expected = tidyRows(model).map((r) => [r.table, r.organisation, r.label, r.measureCode, r.measure, r.statistic, r.panel, r.unit, r.value === null ? "" : String(r.value), r.marker].join("|"));
      expect(rows.map((r) => [r.table, r.organisation, r.label.replace(/^'/, ""), r.measure_code, r.measure, r.statistic, r.panel, r.unit, r.value, r.marker].join("|"))).toEqual(expected);
    });

    it("every row is about the pack's period, and markers are the GSS shorthand", () => {
      expect(rows.length).toBeGreaterThan(500);
      const periodCode = (choice.period ?? choice.financialYear)!;
      for (const r of rows) {
        if (r.table !== "submission_status") expect(r.period).toBe(periodCode);
        expect(["", "[c]", "[x]", "[z]", "[r]", "[p]", "[r] [p]"]).toContain(r.marker);
        expect(r.value === "").toBe(["[c]", "[x]", "[z]"].includes(r.marker));
      }
    });

    it("headline measures are metrics.comparison's values and 95% intervals, for each body and the department", async () => {
      const comparison = await secretariat.metrics.comparison({ departmentCode: "DES", ...choice });
      expect(comparison.rows.length).toBeGreaterThan(5);
      // Each measure's figure in its own declared unit and decimals, whatever kinds and units are declared.
      const scale = (m: (typeof comparison.measures)[number], v: number) => measureFigure(m, v);
      const check = (code: string, cells: typeof comparison.benchmark.measures) =>
        comparison.measures.forEach((m, i) => {
          const cell = cells[i]!;
          const value = at("headline_measures", code, "", m.id, "value");
          expectValue(value, cell.value === null ? null : scale(m, cell.value), `${code} ${m.id}`);
          expect(value, `${code} ${m.id}`).toMatchObject({ measure: m.label, panel: "all", unit: m.unit });
          if (cell.interval95) {
            expectValue(at("headline_measures", code, "", m.id, "lower_95"), scale(m, cell.interval95.lower), `${code} ${m.id} lower`);
            expectValue(at("headline_measures", code, "", m.id, "upper_95"), scale(m, cell.interval95.upper), `${code} ${m.id} upper`);
          }
          // Numerators and denominators are counts, whatever the measure is in.
          expectValue(at("headline_measures", code, "", m.id, "numerator"), cell.numerator, `${code} ${m.id} numerator`);
          expect(at("headline_measures", code, "", m.id, "numerator").unit).toBe("count");
          expectValue(at("headline_measures", code, "", m.id, "denominator"), cell.denominator, `${code} ${m.id} denominator`);
          expect(at("headline_measures", code, "", m.id, "denominator").unit).toBe("count");
        });
      for (const row of comparison.rows) check(row.organisationCode, row.measures);
      check("DES", comparison.benchmark.measures);
    });

    it("the department's totals are metrics.rollup's matched comparison, beside a year earlier over the same bodies and quarters", async () => {
      const rollup = await secretariat.metrics.rollup({ departmentCode: "DES", ...choice });
      for (const f of rollup.fields) {
        const shown = (v: number | null) => (v === null ? null : f.type === "money" ? Math.round(v / 100) : v);
        const label = choice.financialYear ? yearLabel(f.label) : f.label;
        const now = at("department_totals", "DES", "", f.id, "this_period");
        expectValue(now, shown(rollup.comparison.current.fields.find((x) => x.id === f.id)!.value), f.id);
        expect(now, f.id).toMatchObject({ measure: label, unit: f.type === "money" ? "£" : "count", panel: "matched" });
        expectValue(at("department_totals", "DES", "", f.id, "year_earlier"), shown(rollup.comparison.previousYear.fields.find((x) => x.id === f.id)!.value), `${f.id} a year earlier`);
        const change = rollup.comparison.changes.fields.find((x) => x.id === f.id)!;
        expectValue(at("department_totals", "DES", "", f.id, "change"), change.percent === null ? null : round1(change.percent), `${f.id} change`);
        expect(at("department_totals", "DES", "", f.id, "change")).toMatchObject({ unit: "percent change", panel: "matched" });
      }
      rollup.measures.forEach((m, i) => {
        const scale = (v: number | null) => (v === null ? null : measureFigure(m, v));
        expectValue(at("department_measures", "DES", "", m.id, "this_period"), scale(rollup.comparison.current.measures[i]!.value), m.id);
        expectValue(at("department_measures", "DES", "", m.id, "year_earlier"), scale(rollup.comparison.previousYear.measures[i]!.value), `${m.id} a year earlier`);
        // A change of a percentage is the difference in percentage points; of anything else, relative.
        const change = rollup.comparison.changes.measures.find((x) => x.id === m.id)!;
        const size = m.kind === "proportion" ? change.points : change.percent;
        expectValue(at("department_measures", "DES", "", m.id, "change"), size === null ? null : round1(size), `${m.id} change`);
        expect(at("department_measures", "DES", "", m.id, "change")).toMatchObject({ unit: m.kind === "proportion" ? (size === null ? "percent change" : "percentage points") : "percent change", panel: "matched" });
      });
      // The tables say whom the comparison covers, and everyone who has sent so far only with its coverage.
      const model = await boardPack(await systemServiceContext(t.db, now), { departmentCode: "DES", ...choice }, defaultApiConfig.reportContact);
      const described = model.tables.find((x) => x.tableName === "department_totals")!.description.join(" ");
      expect(described).toContain(`covers ${rollup.comparison.panel.covered.length} of ${rollup.comparison.panel.expected} bodies expected`);
      expect(described).toContain(`${rollup.current.bodies.counted} of ${rollup.current.bodies.expected} bodies (${rollup.current.returns} returns)`);
    });

    it("the flow, stage, outcome, remedy, Ombudsman and feedback tables are the database's sums of the returns that count", async () => {
      const bodies = (await listOrganisations(t.db)).filter((o) => o.parentCode === "DES");
      const quarters = choice.period ? [choice.period] : [1, 2, 3, 4].map((q) => `2025-26 Q${q}`);
      const indexes = quarters.map((q) => periodIndex(requirePeriod(q)));
      const sent = await listCurrentReturns(t.db, bodies.map((b) => b.code), Math.min(...indexes), Math.max(...indexes), { revision: "sent" });
      let checked = 0;
      for (const table of ["figures_flow", "figures_stages", "figures_outcomes", "figures_remedies", "figures_review", "figures_feedback"]) {
        const measuresOf = [...new Set(rows.filter((r) => r.table === table).map((r) => r.measure_code))];
        expect(measuresOf.length, table).toBeGreaterThan(3);
        for (const code of [...bodies.map((b) => b.code), "DES"]) {
          const mine = sent.filter((r) => code === "DES" || r.organisationCode === code);
          if (mine.length === 0) continue;
          for (const field of measuresOf) {
            // Stocks over a year: open at its start and at its end; everything else summed.
            const from = field === "brought_forward" ? mine.filter((r) => r.period === quarters[0]) : field === "carried_forward" ? mine.filter((r) => r.period === quarters.at(-1)) : mine;
            const numbers = from.map((r) => r.values[field]).filter((v): v is number => typeof v === "number");
            const sum = numbers.reduce((a, b) => a + b, 0);
            const row = at(table, code, "", field);
            const money = row.unit === "£";
            expect(row.measure.endsWith("(£)")).toBe(money);
            expect(row.panel).toBe("all");
            expectValue(row, numbers.length === 0 ? null : money ? Math.round(sum) / 100 : sum, `${table} ${code} ${field}`);
            checked += 1;
          }
        }
      }
      expect(checked).toBeGreaterThan(200);
    });

    it("the submission table has every body tracker.forPeriod expects for each quarter, with its status", async () => {
      const model = await boardPack(await systemServiceContext(t.db, now), { departmentCode: "DES", ...choice }, defaultApiConfig.reportContact);
      const table = model.tables.find((x) => x.tableName === "submission_status")!;
      const col = (key: string) => table.columns.findIndex((c) => c.key === key);
      const shown = table.rows.map((row) => [row[col("organisation_code")], row[col("quarter")], row[col("status")]].map((c) => (c!.kind === "text" ? c!.text : "?")).join(" "));
      const quarters = choice.period ? [choice.period] : [1, 2, 3, 4].map((q) => `2025-26 Q${q}`);
      const expected: string[] = [];
      for (const q of quarters) {
        const tracker = await secretariat.tracker.forPeriod({ departmentCode: "DES", period: q });
        expect(tracker.rows.length, q).toBeGreaterThan(5);
        for (const r of tracker.rows) expected.push(`${r.organisationCode} ${q} ${r.statusLabel}`);
      }
      expect(shown).toEqual(expected);
      // The submission table has no figures, so the tidy CSV has no rows of it.
      expect(rows.filter((r) => r.table === "submission_status")).toEqual([]);
    });

    it("themes are metrics.themes' counts, summed over the pack's quarters", async () => {
      const last = choice.period ?? "2025-26 Q4";
      const themes = await secretariat.metrics.themes({ departmentCode: "DES", to: last });
      const quarters = new Set(choice.period ? [choice.period] : [1, 2, 3, 4].map((q) => `2025-26 Q${q}`));
      const labelOf = new Map(themes.themes.map((x) => [x.id, x.label]));
      let checked = 0;
      for (const body of themes.bodies) {
        for (const s of body.series) {
          let count = 0;
          let any = false;
          themes.periods.forEach((p, i) => {
            if (!quarters.has(p.period) || s.counts[i] === null || s.received[i] === null) return;
            count += s.counts[i]!;
            any = true;
          });
          expectValue(at("themes_by_body", body.organisationCode, labelOf.get(s.theme)!, "complaints"), any ? count : null, `${body.organisationCode} ${s.theme}`);
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThan(50);
    });

    it("equality monitoring is published only through disclosure control: no count of 1 to 7, every count a multiple of 5", () => {
      const equality = rows.filter((r) => r.table === "equality_monitoring" && r.measure_code === "complainants");
      expect(equality.length).toBeGreaterThan(10);
      for (const r of equality) {
        if (r.marker === "[c]") continue;
        const n = Number(r.value);
        expect(n % 5, `${r.label}: ${n}`).toBe(0);
        expect(n === 0 || n >= 8, `${r.label}: ${n}`).toBe(true);
      }
    });
  });

  describe("the quarter's pack in every format", () => {
    const choice = { period: "2026-27 Q2" } as const;
    let model: BoardPack;
    const fileOf = async (format: "ods" | "xlsx" | "pdf") => new Uint8Array(Buffer.from((await secretariat.reports.pack({ departmentCode: "DES", ...choice, format })).contentBase64, "base64"));
    beforeAll(async () => {
      model = await boardPack(await systemServiceContext(t.db, now), { departmentCode: "DES", ...choice }, defaultApiConfig.reportContact);
    });

    it.each(["ods", "xlsx"] as const)("the %s keeps every GSS rule, read back from its XML", async (ext) => {
      expect(gssProblems(await fileOf(ext), ext, model)).toEqual([]);
    });

    it.each(["ods", "xlsx"] as const)("the %s, opened in LibreOffice, shows every table of the model cell by cell", async (ext) => {
      const sheets = await spreadsheetToCsv(await fileOf(ext), ext);
      expect([...sheets.keys()]).toEqual(["Cover", "Contents", "Notes", ...model.tables.map((x) => x.sheetName)]);
      let cells = 0;
      for (const table of model.tables) {
        const sheet = sheets.get(table.sheetName)!;
        expect(sheet[0]![0], table.sheetName).toBe(table.title);
        const header = sheet.findIndex((row, i) => i > 0 && row[0] === table.columns[0]!.heading && row[1] === (table.columns[1]?.heading ?? ""));
        expect(header, `${table.sheetName}: its header row`).toBeGreaterThan(0);
        expect(sheet[header]!.slice(0, table.columns.length)).toEqual(table.columns.map((c) => c.heading));
        table.rows.forEach((row, r) => {
          row.forEach((cell, c) => {
            const shown = sheet[header + 1 + r]?.[c];
            expect(shown, `${table.sheetName} row ${r + 1} ${table.columns[c]!.heading}`).toBe(cell.kind === "text" ? safeText(cell.text) : cellText(cell, table.columns[c]!));
            cells += 1;
          });
        });
        // Nothing below the table.
        expect(sheet.slice(header + 1 + table.rows.length).every((row) => row.every((v) => v === "")), `${table.sheetName}: nothing below the table`).toBe(true);
      }
      expect(cells).toBeGreaterThan(3000);
    }, 180_000);

    it("the PDF is tagged, titled, and its text has the narrative's tables exactly as the spreadsheets show them", async () => {
      const bytes = await fileOf("pdf");
      const info = await pdfInfo(bytes);
      expect(info.Tagged).toBe("yes");
      expect(info.Title).toBe(model.title);
      const raw = await pdfText(bytes);
      const text = raw.replace(/\s+/g, " ");
      // pdftotext -layout keeps a table row's cells on one line, in order: each row's figures are
      // found together on one line, after its first words, so a figure cannot be matched elsewhere.
      const lines = raw.split("\n").map((l) => l.replace(/\s+/g, " ").trim());
      let checked = 0;
      for (const block of model.narrative) {
        if (block.kind !== "table") continue;
        const table = model.tables.find((x) => x.tableName === block.tableName)!;
        const keys = block.columns ?? table.columns.map((c) => c.key);
        for (const row of table.rows.slice(0, block.maxRows ?? table.rows.length)) {
          const cells = keys.map((key) => table.columns.findIndex((x) => x.key === key)).map((c) => ({ cell: row[c]!, column: table.columns[c]! }));
          const first = cells.find((x) => x.cell.kind === "text")!;
          const lead = (first.cell as { text: string }).text.split(" ").slice(0, 2).join(" ");
          const figures = cells.filter((x) => x.cell.kind !== "text").map((x) => cellText(x.cell, x.column));
          if (figures.length === 0) {
            // A row of words only (action plans): its first word starts a line; narrow columns wrap the rest.
            const word = lead.split(" ")[0]!;
            expect(lines.some((l) => l.startsWith(word)), `${table.tableName}: a line starting "${word}"`).toBe(true);
            continue;
          }
          const line = lines.find((l) => l.startsWith(lead) && figures.every((fig) => l.includes(` ${fig}`)));
          expect(line, `${table.tableName}: a line starting "${lead}" with ${figures.join(", ")}`).toBeDefined();
          let at = line!.indexOf(lead) + lead.length;
          for (const fig of figures) {
            const found = line!.indexOf(` ${fig}`, at);
            expect(found, `${table.tableName} "${lead}": ${fig} in order`).toBeGreaterThanOrEqual(0);
            at = found + fig.length;
            checked += 1;
          }
        }
      }
      expect(checked).toBeGreaterThan(40);
      for (const block of model.narrative) if (block.kind === "heading" && block.level === 2) expect(text).toContain(block.text);
    }, 60_000);
  });

  describe("the financial year's pack", () => {
    const choice = { financialYear: "2025-26" } as const;
    let model: BoardPack;
    beforeAll(async () => {
      model = await boardPack(await systemServiceContext(t.db, now), { departmentCode: "DES", ...choice }, defaultApiConfig.reportContact);
    });

    it.each(["ods", "xlsx"] as const)("the %s keeps every GSS rule, read back from its XML", async (ext) => {
      const file = await secretariat.reports.pack({ departmentCode: "DES", ...choice, format: ext });
      // A pack big enough to exercise every rule: an empty table, revised figures, shorthand and notes.
      const cells = model.tables.flatMap((x) => x.rows.flat());
      expect(cells.length).toBeGreaterThan(3000);
      expect(model.tables.some((x) => x.rows.length === 0)).toBe(true);
      expect(cells.some((c) => c.kind === "number" && c.revised)).toBe(true);
      expect(cells.some((c) => c.kind === "shorthand")).toBe(true);
      expect(model.notes.length).toBeGreaterThan(0);
      expect(gssProblems(new Uint8Array(Buffer.from(file.contentBase64, "base64")), ext, model)).toEqual([]);
    });
  });

  it("a body with no return yet gets a pack that says so, not the department's figures under its name", async () => {
    const bodies = (await listOrganisations(t.db)).filter((o) => o.parentCode === "DES");
    const comparison = await secretariat.metrics.comparison({ departmentCode: "DES", period: "2026-27 Q2" });
    const without = comparison.missing[0]!;
    expect(bodies.map((b) => b.code)).toContain(without.organisationCode);
    const model = await boardPack(await systemServiceContext(t.db, now), { departmentCode: "DES", period: "2026-27 Q2", bodyCode: without.organisationCode }, "x");
    const words = model.narrative.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
    expect(words).toContain(`No return from ${without.name} counts yet for Jul to Sep 2026, so it has no figures here; the workbook has the department's.`);
    expect(model.narrative.some((b) => b.kind === "table" && b.tableName === "headline_measures")).toBe(false);
  });

  it("refuses a quarter that has not started and a body that was not open, and warns when a year is not over", async () => {
    const system = await systemServiceContext(t.db, now);
    await expect(boardPack(system, { departmentCode: "DES", period: "2030-31 Q1" }, "x")).rejects.toThrow("Apr to Jun 2030 has not started yet: there is nothing to report.");
    const closed = (await listOrganisations(t.db)).find((o) => o.parentCode === "DES" && o.activeTo !== null);
    const opened = (await listOrganisations(t.db)).find((o) => o.parentCode === "DES" && o.activeFrom > "2024-07-01");
    const notOpen = closed ? { code: closed.code, name: closed.name, period: "2026-27 Q2" } : { code: opened!.code, name: opened!.name, period: "2024-25 Q3" };
    await expect(boardPack(system, { departmentCode: "DES", period: notOpen.period, bodyCode: notOpen.code }, "x")).rejects.toThrow(`${notOpen.name} was not open in`);
    // 1 December 2026: Apr to Jun and Jul to Sep 2026 have ended; Oct to Dec has not.
    const year = await boardPack(system, { departmentCode: "DES", financialYear: "2026-27" }, "x");
    const caveat = "Apr 2026 to Mar 2027 is not over: only Apr to Jun 2026, Jul to Sep 2026 have ended, so its totals are not the whole year's and complaints open at its end are not known yet.";
    expect(year.cover.caveats).toContain(caveat);
    expect(year.narrative).toContainEqual({ kind: "paragraph", text: caveat });
    const submission = year.tables.find((x) => x.tableName === "submission_status")!;
    expect(new Set(submission.rows.map((r) => (r[2]!.kind === "text" ? r[2]!.text : "")))).toEqual(new Set(["2026-27 Q1", "2026-27 Q2"]));
  });

  it("lists a template version 1 return's count of special payments over £300,000, which has no amounts", async () => {
    const [r] = await listCurrentReturns(t.db, ["DES-LIC1"], periodIndex(requirePeriod("2025-26 Q1")), periodIndex(requirePeriod("2025-26 Q1")), { revision: "sent" });
    expect(r!.templateVersion).toBe(1);
    const revision = await t.db.selectFrom("return_revisions").select("seq").where("return_id", "=", r!.returnId).where("revision", "=", r!.revision).executeTakeFirstOrThrow();
    await t.db.updateTable("return_values").set({ num_value: 2, marker: null }).where("revision_seq", "=", revision.seq).where("field_id", "=", "special_payments_over_threshold").execute();
    const model = await boardPack(await systemServiceContext(t.db, now), { departmentCode: "DES", period: "2025-26 Q1" }, "x");
    const table = model.tables.find((x) => x.tableName === "special_payments")!;
    expect(table.rows).toEqual([
      [
        { kind: "text", text: "DES-LIC1" },
        { kind: "text", text: r!.organisationCode === "DES-LIC1" ? (await listOrganisations(t.db)).find((o) => o.code === "DES-LIC1")!.name : "" },
        { kind: "text", text: "2025-26 Q1" },
        expect.objectContaining({ kind: "number", value: 2 }),
        { kind: "shorthand", code: "x" },
        { kind: "shorthand", code: "x" },
        { kind: "text", text: "2 counted by a template version 1 return, which gives no amounts" },
      ],
    ]);
    const section = await secretariat.reports.annualReport({ departmentCode: "DES", financialYear: "2025-26" });
    expect(section.text).toMatch(/2 special payments over £300,000/);
  });

  it("a body's pack has only that body beside the department", async () => {
    const file = await secretariat.reports.pack({ departmentCode: "DES", period: "2026-27 Q1", bodyCode: "DES-LIC1", format: "csv" });
    const rows = readTidyCsv(file.contentBase64);
    expect(new Set(rows.map((r) => r.organisation))).toEqual(new Set(["DES-LIC1", "DES"]));
    expect(file.fileName).toBe("complaints-board-pack-DES-LIC1-2026-27-Q1.csv");
  });

  it("refuses a body of another department, and a department user of another department", async () => {
    await expect(secretariat.reports.pack({ departmentCode: "DES", period: "2026-27 Q1", bodyCode: "MSA-COU8", format: "csv" })).rejects.toThrow(/not one of/);
    const u = (await findUserByEmail(t.db, "oversight.msa@demo.example"))!;
    const other = createCaller(createContext({ db: t.db, clock: () => now, config: defaultApiConfig, user: { id: u.id, email: u.email, displayName: u.display_name, role: u.role as Role, organisationCode: u.organisation_code } }));
    await expect(other.reports.pack({ departmentCode: "DES", period: "2026-27 Q1", format: "csv" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
