import { listAudit } from "@complaints/db";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { csvRecords, csvText, requireTemplate, templateFields, type FieldValue } from "@complaints/domain";
import { exampleReturnValues } from "@complaints/domain/testing";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { convertWithLibreOffice, libreOfficeTestsRun } from "@complaints/office/testing";
import { createWorld, rejection, type World } from "../testing/world.ts";
import { headerText, readOds, readXlsx, type Grid, type GridCell } from "@complaints/office";
import { readCsv } from "./spreadsheet/read-csv.ts";
import { returnSheet, sheetColumns, sheetValueText, type SheetValue } from "./spreadsheet/rows.ts";

/**
 * The spreadsheet route of a return, through the API as the agency app calls it, on each database:
 * downloads read back by our readers and by real LibreOffice, uploads of files LibreOffice made, and
 * bad, hostile and malformed files refused with the row and question named and nothing stored.
 */

// Fails (in CI) rather than skips when LibreOffice is missing.
const withLibreOffice = libreOfficeTestsRun();
const itLibreOffice = withLibreOffice ? it : it.skip;

const serviceAreas = [{ code: "licences", label: "Licences" }];
const fields = templateFields(requireTemplate(2), serviceAreas);
const labelOf = (id: string) => fields.find((f) => f.id === id)!.label;
/** The row of a field in a CSV (header on row 1) and in our XLSX and ODS (title, guidance, header). */
const csvRow = (id: string) => fields.findIndex((f) => f.id === id) + 2;
const sheetRow = (id: string) => fields.findIndex((f) => f.id === id) + 4;

const formulaText = '=HYPERLINK("http://example.com/steal","Click")';
const storedValues = exampleReturnValues({
  "received_by_service_area.licences": 120,
  important_issues: formulaText,
  other_insight: "Two lines,\nthe second with  two spaces",
  compliments: "[x]",
});

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
const bytesOf = (b64: string) => new Uint8Array(Buffer.from(b64, "base64"));

/** The value cells of a read sheet by id. */
function valuesById(grids: Grid[]): Map<string, GridCell> {
  for (const grid of grids) {
    const index = grid.rows.findIndex((r) => r.cells.map(headerText).includes("id"));
    if (index < 0) continue;
    const names = grid.rows[index]!.cells.map(headerText);
    const [idColumn, valueColumn] = [names.indexOf("id"), names.indexOf("value")];
    const out = new Map<string, GridCell>();
    for (const r of grid.rows.slice(index + 1)) {
      const id = r.cells[idColumn];
      if (id?.kind === "text") out.set(id.text, r.cells[valueColumn] ?? { kind: "blank" });
    }
    return out;
  }
  throw new Error("no header row");
}

/** A cell as our model expects it: numbers as numbers, text as text, blanks blank. */
function asExpected(value: SheetValue): GridCell {
  return value.kind === "blank" ? { kind: "blank" } : value.kind === "number" ? { kind: "number", value: value.value } : { kind: "text", text: value.text };
}

/** The text LibreOffice shows for a cell of a CSV it wrote, by id. */
function csvValuesById(bytes: Uint8Array): Map<string, string> {
  const rows = csvRecords(Buffer.from(bytes).toString("utf8"));
  const index = rows.findIndex((r) => r.includes("id") && r.includes("value"));
  const [idColumn, valueColumn] = [rows[index]!.indexOf("id"), rows[index]!.indexOf("value")];
  return new Map(rows.slice(index + 1).map((r) => [r[idColumn]!, r[valueColumn] ?? ""]));
}

describe.each(testDialects())("the spreadsheet route of a return on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  let returnId = "";
  const expected = returnSheet({ organisationCode: "A1", organisationName: "Agency A1", period: "2025-26 Q1", templateVersion: 2, serviceAreas, values: storedValues });
  const downloads = {} as Record<"xlsx" | "ods" | "csv", Uint8Array>;

  const submitter = () => world.caller("a1Submitter");
  const current = () => submitter().returns.get({ returnId });
  const upload = async (fileName: string, bytes: Uint8Array, expectedVersion?: number) =>
    submitter().returns.uploadSpreadsheet({ returnId, expectedVersion: expectedVersion ?? (await current()).version, fileName, contentBase64: base64(bytes) });
  /** What a refused upload must leave alone: the return (values, version) and its audit trail. */
  const snapshot = async () => JSON.stringify([await current(), (await listAudit(t.db, "return", returnId)).length]);
  /** Puts the draft back to the stored values. */
  const reset = async () => {
    const now = await current();
    await submitter().returns.save({ returnId, expectedVersion: now.version, values: storedValues });
  };

    /** The downloaded CSV with some value cells changed (CSV text, as a person types it) and rows added. */
    function filledCsv(changes: Record<string, string>, extraRows: string[][] = []): Uint8Array {
      const rows = csvRecords(Buffer.from(downloads.csv).toString("utf8"));
      const out = rows.map((r) => (Object.hasOwn(changes, r[0] ?? "") ? [...r.slice(0, 5), changes[r[0]!]!] : r));
      return Buffer.from(csvText([...out, ...extraRows]), "utf8");
    }

    const filledIn = {
      received: "130",
      carried_forward: "55",
      withdrawn: "[x]",
      payments_total: "2000.75",
      handling_cost: "90000",
      handling_fte: "3.5",
      key_themes: "Longer waits for licence decisions.",
      board_review_date: "2025-06-30",
      standards_learning_culture: "Partly met",
      er_extensions: "",
      eq_asked: "12",
    };

    const badChanges = { received: "twelve", withdrawn: "-5", er_closed: "=1+2", key_themes: '=HYPERLINK("http://x")' };
    const badExtraRows = [
      ["recieved", "", "", "", "", "5"],
      ["cl_closed", "", "", "", "", "30"],
    ];

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await createWorld(t.db);
    const draft = await submitter().returns.openDraft({ organisationCode: "A1", period: "2025-26 Q1" });
    returnId = draft.returnId;
    await submitter().returns.save({ returnId, expectedVersion: draft.version, values: storedValues });
    for (const format of ["xlsx", "ods", "csv"] as const) downloads[format] = bytesOf((await submitter().returns.downloadTemplate({ returnId, format })).contentBase64);
    // Every LibreOffice conversion the tests below make, in three runs rather than one each (a run takes ~20 s).
    if (withLibreOffice) {
      const csvFiles = { "download-c.csv": downloads.csv, "filled-in.csv": filledCsv(filledIn), "bad-file.csv": filledCsv(badChanges, badExtraRows) };
      convertWithLibreOffice(csvFiles, "xlsx");
      convertWithLibreOffice(csvFiles, "ods");
      convertWithLibreOffice({ "download-x.xlsx": downloads.xlsx, "download-o.ods": downloads.ods }, "csv");
      convertWithLibreOffice({ "download-x.xlsx": downloads.xlsx }, "ods");
      convertWithLibreOffice({ "download-o.ods": downloads.ods }, "xlsx");
    }
  }, 600_000);
  afterAll(() => t.close());

  describe("downloading the template pre-filled", () => {
    it.each([
      ["xlsx", "A1-2025-26-q1-return.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      ["ods", "A1-2025-26-q1-return.ods", "application/vnd.oasis.opendocument.spreadsheet"],
      ["csv", "A1-2025-26-q1-return.csv", "text/csv; charset=utf-8"],
    ] as const)("%s is named for the body and quarter", async (format, fileName, mimeType) => {
      const file = await submitter().returns.downloadTemplate({ returnId, format });
      expect([file.fileName, file.mimeType]).toEqual([fileName, mimeType]);
    });

    it("has one row per field of the return's template version and the body's service areas, in form order", () => {
      for (const grids of [readXlsx(downloads.xlsx).sheets, readOds(downloads.ods), [readCsv(downloads.csv)]]) {
        expect([...valuesById(grids).keys()]).toEqual(fields.map((f) => f.id));
      }
      expect(fields.map((f) => f.id)).toContain("received_by_service_area.licences");
      expect(fields.map((f) => f.id)).toContain("special_payments.10.description");
    });

    it("XLSX and ODS, read back, hold the return's values: numbers as numbers (money in pounds), markers and text as text, formula-like text neutralised", () => {
      for (const grids of [readXlsx(downloads.xlsx).sheets, readOds(downloads.ods)]) {
        const cells = valuesById(grids);
        for (const row of expected.rows) expect([row.id, cells.get(row.id)]).toEqual([row.id, asExpected(row.value)]);
        expect(cells.get("payments_total")).toEqual({ kind: "number", value: 1250.5 });
        expect(cells.get("handling_fte")).toEqual({ kind: "number", value: 6.5 });
        expect(cells.get("compliments")).toEqual({ kind: "text", text: "[x]" });
        expect(cells.get("important_issues")).toEqual({ kind: "text", text: `'${formulaText}` });
        expect(cells.get("other_insight")).toEqual({ kind: "text", text: "Two lines,\nthe second with  two spaces" });
        expect(cells.get("standards_thorough_fair")).toEqual({ kind: "text", text: "Partly met" });
        expect(cells.get("important_issues")).not.toEqual({ kind: "formula" });
        expect(cells.get("eq_asked")).toEqual({ kind: "blank" });
      }
    });

    it("CSV has exactly the columns id, section, question, hint, unit, value, money in pounds and pence, formula-like text neutralised", () => {
      const text = Buffer.from(downloads.csv).toString("utf8");
      expect(text.startsWith("\ufeffid,section,question,hint,unit,value\r\n")).toBe(true);
      const rows = csvRecords(text);
      expect(rows[0]).toEqual([...sheetColumns]);
      const byId = new Map(rows.slice(1).map((r) => [r[0]!, r]));
      expect(byId.get("payments_total")).toEqual(["payments_total", "Putting things right", "Total paid", "Total of those payments, in pounds and pence.", "£", "1250.50"]);
      expect(byId.get("handling_fte")![5]).toBe("6.5");
      expect(byId.get("important_issues")![5]).toBe(`'${formulaText}`);
      expect(byId.get("compliments")![5]).toBe("[x]");
      expect(byId.get("eq_asked")![5]).toBe("");
      // No cell of the file could run as a formula.
      for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    });

    it("XLSX: document title and language, the sheet protected without a password, only value cells unlocked, data validation for counts, money, FTE and choices", () => {
      const parts = unzipSync(downloads.xlsx);
      const core = strFromU8(parts["docProps/core.xml"]!);
      expect(core).toContain("<dc:title>Quarterly complaints return: Agency A1 (A1), Apr to Jun 2025</dc:title>");
      expect(core).toContain("<dc:language>en-GB</dc:language>");
      const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]!);
      expect(sheet).toMatch(/<sheetProtection sheet="1"[^>]*\/>/);
      expect(sheet).not.toMatch(/password/i);
      const styles = strFromU8(parts["xl/styles.xml"]!);
      const xfs = [...styles.slice(styles.indexOf("<cellXfs")).matchAll(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/g)].map((m) => m[0]);
      const unlocked = new Set(xfs.flatMap((xf, i) => (xf.includes('locked="0"') ? [String(i)] : [])));
      // Every cell in column F below the header is unlocked; every other cell is locked.
      for (const [, ref, style] of sheet.matchAll(/<c r="([A-Z]+\d+)" s="(\d+)"/g)) {
        const isValue = /^F\d+$/.test(ref!) && Number(ref!.slice(1)) > 3;
        expect([ref, unlocked.has(style!)]).toEqual([ref, isValue]);
      }
      const received = sheetRow("received");
      expect(sheet).toContain(`<formula1>OR(AND(ISNUMBER(F${received}),F${received}&gt;=0,F${received}=INT(F${received})),F${received}=&quot;[x]&quot;,F${received}=&quot;[z]&quot;)</formula1>`);
      const payments = sheetRow("payments_total");
      expect(sheet).toContain(`sqref="F${payments}"><formula1>OR(AND(ISNUMBER(F${payments}),F${payments}&gt;=0,ROUND(F${payments},2)=F${payments}),`);
      expect(sheet).toContain(`sqref="F${sheetRow("standards_welcoming")}"><formula1>&quot;Met,Partly met,Not met,Not assessed,[x],[z]&quot;</formula1>`);
      // Dates and narratives are left unvalidated (the upload checks them).
      expect(sheet).not.toContain(`sqref="F${sheetRow("key_themes")}"`);
    });

    it("ODS: mimetype first and stored, title and language, the table protected, only value cells unprotected, content validations", () => {
      // The first local file header: name at byte 30, compression method (0 = stored) at byte 8.
      expect(strFromU8(downloads.ods.subarray(30, 38))).toBe("mimetype");
      expect(downloads.ods[8]! | (downloads.ods[9]! << 8)).toBe(0);
      expect(strFromU8(downloads.ods.subarray(38, 38 + 46))).toBe("application/vnd.oasis.opendocument.spreadsheet");
      const parts = unzipSync(downloads.ods);
      expect(Object.keys(parts)).toEqual(["mimetype", "content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"]);
      const meta = strFromU8(parts["meta.xml"]!);
      expect(meta).toContain("<dc:title>Quarterly complaints return: Agency A1 (A1), Apr to Jun 2025</dc:title>");
      expect(meta).toContain("<dc:language>en-GB</dc:language>");
      const content = strFromU8(parts["content.xml"]!);
      expect(content).toContain('table:protected="true"');
      expect(content).not.toContain("protection-key");
      for (const style of ["ceValue", "ceWhole", "ceMoney", "ceFte"]) expect(content).toMatch(new RegExp(`style:name="${style}"[^>]*>(<[^>]*>)*?<style:table-cell-properties style:cell-protect="none"`));
      const received = sheetRow("received");
      expect(content).toContain(`table:condition="of:is-true-formula(OR(AND(ISNUMBER([.F${received}]);[.F${received}]&gt;=0;[.F${received}]=INT([.F${received}]));[.F${received}]=&quot;[x]&quot;;[.F${received}]=&quot;[z]&quot;))"`);
      expect(content).toContain('of:cell-content-is-in-list(&quot;Met&quot;;&quot;Partly met&quot;;&quot;Not met&quot;;&quot;Not assessed&quot;;&quot;[x]&quot;;&quot;[z]&quot;)');
    });

    itLibreOffice("LibreOffice opens the XLSX and the ODS and shows the return's values", () => {
      const csv = convertWithLibreOffice({ "download-x.xlsx": downloads.xlsx, "download-o.ods": downloads.ods }, "csv");
      for (const name of ["download-x.xlsx", "download-o.ods"]) {
        const shown = csvValuesById(csv[name]!);
        expect([...shown.keys()]).toEqual(fields.map((f) => f.id));
        for (const row of expected.rows) expect([name, row.id, shown.get(row.id)]).toEqual([name, row.id, sheetValueText(row.value)]);
        expect(shown.get("payments_total")).toBe("1250.50");
        expect(shown.get("handling_fte")).toBe("6.5");
        expect(shown.get("important_issues")).toBe(`'${formulaText}`);
      }
    });

    itLibreOffice("LibreOffice reads the protection, the validation, the title and the language: saving our XLSX as ODS and our ODS as XLSX keeps them", () => {
      const received = sheetRow("received");
      const fromXlsx = unzipSync(convertWithLibreOffice({ "download-x.xlsx": downloads.xlsx }, "ods")["download-x.xlsx"]!);
      const content = strFromU8(fromXlsx["content.xml"]!);
      expect(content).toContain('table:protected="true"');
      expect(content).toContain('style:cell-protect="none"');
      expect(content).toContain(`table:condition="of:is-true-formula(OR(AND(ISNUMBER([.F${received}]);[.F${received}]&gt;=0;[.F${received}]=INT([.F${received}]));[.F${received}]=&quot;[x]&quot;;[.F${received}]=&quot;[z]&quot;))"`);
      const meta = strFromU8(fromXlsx["meta.xml"]!);
      expect(meta).toContain("<dc:title>Quarterly complaints return: Agency A1 (A1), Apr to Jun 2025</dc:title>");
      expect(meta).toContain("<dc:language>en-GB</dc:language>");

      const fromOds = unzipSync(convertWithLibreOffice({ "download-o.ods": downloads.ods }, "xlsx")["download-o.ods"]!);
      const sheet = strFromU8(fromOds["xl/worksheets/sheet1.xml"]!);
      expect(sheet).toMatch(/<sheetProtection sheet="true"/);
      expect(sheet).toMatch(new RegExp(`<dataValidation [^>]*sqref="F${received}" type="custom"><formula1>OR\\(AND\\(ISNUMBER\\(F${received}\\)`));
      expect(sheet).toMatch(new RegExp(`<dataValidation [^>]*sqref="F${sheetRow("standards_welcoming")}" type="list"`));
      expect(strFromU8(fromOds["xl/styles.xml"]!)).toContain('<protection locked="false"');
      const core = strFromU8(fromOds["docProps/core.xml"]!);
      expect(core).toContain("<dc:language>en-GB</dc:language>");
      expect(core).toContain("<dc:title>Quarterly complaints return: Agency A1 (A1), Apr to Jun 2025</dc:title>");
    });

    itLibreOffice("LibreOffice opens the CSV with the same values", () => {
      const xlsx = convertWithLibreOffice({ "download-c.csv": downloads.csv }, "xlsx")["download-c.csv"]!;
      const cells = valuesById(readXlsx(xlsx).sheets);
      for (const row of expected.rows) {
        const cell = cells.get(row.id)!;
        const text = cell.kind === "number" ? String(cell.value) : cell.kind === "text" ? cell.text : cell.kind === "date" ? cell.iso : "";
        const want = row.value.kind === "number" ? String(row.value.value) : sheetValueText(row.value);
        // LibreOffice reads an ISO date in a CSV as a date: a day number in XLSX.
        if (row.field.type === "date" && cell.kind === "number") expect(cell.value).toBe(45_853);
        else expect([row.id, text]).toEqual([row.id, want]);
      }
    });

    it("a department user cannot download a return the body has not sent", async () => {
      const refused = await rejection(world.caller("aOversight").returns.downloadTemplate({ returnId, format: "xlsx" }));
      expect(refused.code).toBe("FORBIDDEN");
    });
  });

  describe("uploading it filled in", () => {
    it.each(["xlsx", "ods", "csv"] as const)("the %s as downloaded uploads unchanged: saved, and nothing changed", async (format) => {
      const before = await current();
      const result = await upload(`return.${format}`, downloads[format]);
      expect(result).toMatchObject({ ok: true, changes: [] });
      if (result.ok) expect(result.return.values).toEqual(before.values);
    });


    const filledValues: Record<string, FieldValue> = {
      ...storedValues,
      received: 130,
      carried_forward: 55,
      withdrawn: "[x]",
      payments_total: 200_075,
      handling_cost: 9_000_000,
      handling_fte: 3.5,
      key_themes: "Longer waits for licence decisions.",
      board_review_date: "2025-06-30",
      standards_learning_culture: "partly_met",
      eq_asked: 12,
    };
    delete filledValues.er_extensions;
    const withoutBlanks = (values: Record<string, FieldValue>) => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));

    itLibreOffice.each(["xlsx", "ods"] as const)("a filled-in CSV that LibreOffice saves as %s uploads into the draft, and the changes are listed", async (format) => {
      await reset();
      const converted = convertWithLibreOffice({ "filled-in.csv": filledCsv(filledIn) }, format)["filled-in.csv"]!;
      const result = await upload(`filled-in.${format}`, converted);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      expect(result.return.values).toEqual(withoutBlanks(filledValues));
      expect((await current()).values).toEqual(withoutBlanks(filledValues));
      expect(result.changes).toEqual([
        { field: "received", label: "Complaints received", from: 120, to: 130 },
        { field: "withdrawn", label: labelOf("withdrawn"), from: 5, to: "[x]" },
        { field: "carried_forward", label: "Open at the end of the quarter", from: 45, to: 55 },
        { field: "er_extensions", label: labelOf("er_extensions"), from: 3, to: null },
        { field: "key_themes", label: labelOf("key_themes"), from: storedValues.key_themes, to: "Longer waits for licence decisions." },
        { field: "payments_total", label: "Total paid", from: 125_050, to: 200_075 },
        { field: "handling_fte", label: labelOf("handling_fte"), from: 6.5, to: 3.5 },
        { field: "handling_cost", label: labelOf("handling_cost"), from: 8_200_000, to: 9_000_000 },
        { field: "standards_learning_culture", label: labelOf("standards_learning_culture"), from: "met", to: "partly_met" },
        { field: "board_review_date", label: labelOf("board_review_date"), from: "2025-07-15", to: "2025-06-30" },
        { field: "eq_asked", label: labelOf("eq_asked"), from: null, to: 12 },
      ]);
      const audit = await listAudit(t.db, "return", returnId);
      expect(audit.at(-1)).toMatchObject({ action: "return.uploaded", reason: `Uploaded from the spreadsheet “filled-in.${format}”.` });
    });

    it("a filled-in CSV uploads into the draft the same way", async () => {
      await reset();
      const result = await upload("filled-in.csv", filledCsv(filledIn));
      expect(result.ok).toBe(true);
      expect((await current()).values).toEqual(withoutBlanks(filledValues));
    });

    it("a Windows-1252 CSV (as Excel saves “CSV (comma delimited)”) with £ and an accent uploads", async () => {
      await reset();
      const text = Buffer.from(filledCsv({ payments_total: "£1,250.75", key_themes: "Café licences took longer." })).toString("utf8");
      const result = await upload("excel.csv", new Uint8Array(Buffer.from(text, "latin1")));
      expect(result.ok).toBe(true);
      expect((await current()).values).toMatchObject({ payments_total: 125_075, key_themes: "Café licences took longer." });
    });

    it("a date written day first (15/09/2025) or as ISO uploads and is stored as ISO; an impossible date is refused naming its row and question", async () => {
      await reset();
      for (const [cell, stored] of [
        ["15/09/2025", "2025-09-15"],
        ["1/9/2025", "2025-09-01"],
        ["2025-06-30", "2025-06-30"],
      ] as const) {
        const result = await upload("dates.csv", filledCsv({ board_review_date: cell }));
        expect([cell, result.ok]).toEqual([cell, true]);
        expect((await current()).values.board_review_date).toBe(stored);
      }
      const before = await snapshot();
      const row = csvRow("board_review_date");
      const label = labelOf("board_review_date");
      expect(await upload("dates.csv", filledCsv({ board_review_date: "31/02/2026" }))).toEqual({
        ok: false,
        problems: [{ row, column: "board_review_date", label, message: `Row ${row}, ‘${label}’: “31/02/2026” is not a real date.` }],
        moreProblems: 0,
        checks: checksUpTo("values", ["values"]),
      });
      expect(await snapshot()).toBe(before);
    });

    const lastRow = fields.length + 1;
    /** The screener's checks of an upload, in order, as far as `ranTo`, those in `failed` failing. */
    const checksUpTo = (ranTo: string, failed: string[]) =>
      ["file", "format", "header", "ids", "values", "notes", "length"].slice(0, ["file", "format", "header", "ids", "values", "notes", "length"].indexOf(ranTo) + 1).map((check) => ({ check, result: failed.includes(check) ? "fail" : "pass" }));
    const commonProblems = (formula: (cell: string) => string) => [
      { row: csvRow("received"), column: "received", label: "Complaints received", message: `Row ${csvRow("received")}, ‘Complaints received’: expected a whole number, [x] or [z], but found “twelve”.` },
      { row: csvRow("withdrawn"), column: "withdrawn", label: labelOf("withdrawn"), message: `Row ${csvRow("withdrawn")}, ‘${labelOf("withdrawn")}’: expected a whole number of 0 or more, but found a negative number (-5).` },
      { row: csvRow("er_closed"), column: "er_closed", label: labelOf("er_closed"), message: `Row ${csvRow("er_closed")}, ‘${labelOf("er_closed")}’: ${formula("=1+2")}.` },
      { row: csvRow("key_themes"), column: "key_themes", label: labelOf("key_themes"), message: `Row ${csvRow("key_themes")}, ‘${labelOf("key_themes")}’: ${formula('=HYPERLINK("http://x")')}.` },
      { row: lastRow + 1, column: "recieved", label: null, message: `Row ${lastRow + 1}: “recieved” is not a field of this return. Did you mean “received”?` },
      { row: lastRow + 2, column: "cl_closed", label: labelOf("cl_closed"), message: `Row ${lastRow + 2}, ‘${labelOf("cl_closed")}’: the id “cl_closed” is already on row ${csvRow("cl_closed")}; give each field once.` },
    ];
    const formulaCell = (cell: string) => `the cell holds a formula (${cell}); enter the value itself`;

    it("a CSV with text in a count, a negative number, formulas, an unknown id and a repeated id is refused, each problem with its row and question, and nothing is stored", async () => {
      const before = await snapshot();
      const result = await upload("bad.csv", filledCsv(badChanges, badExtraRows));
      const csvFormula = (cell: string) =>
        cell.startsWith("=1")
          ? `found what looks like a spreadsheet formula (${cell}); enter the number itself`
          : "text starting with “=” could run as a formula when the file is opened in a spreadsheet; start the cell with an apostrophe (') to keep it as text";
      expect(result).toEqual({ ok: false, problems: commonProblems(csvFormula), moreProblems: 0, checks: checksUpTo("values", ["ids", "values"]) });
      expect(await snapshot()).toBe(before);
    });

    itLibreOffice.each(["xlsx", "ods"] as const)("the same mistakes in an %s LibreOffice saved (formulas as real formulas) are refused the same way, and nothing is stored", async (format) => {
      const converted = convertWithLibreOffice({ "bad-file.csv": filledCsv(badChanges, badExtraRows) }, format)["bad-file.csv"]!;
      const before = await snapshot();
      const result = await upload(`bad.${format}`, converted);
      expect(result).toEqual({ ok: false, problems: commonProblems(formulaCell), moreProblems: 0, checks: checksUpTo("values", ["ids", "values"]) });
      expect(await snapshot()).toBe(before);
    });

    it("our own XLSX and ODS with a bad value are refused naming the sheet's row", async () => {
      for (const format of ["xlsx", "ods"] as const) {
        const parts = unzipSync(downloads[format]);
        const part = format === "xlsx" ? "xl/worksheets/sheet1.xml" : "content.xml";
        const row = sheetRow("received");
        let xml = strFromU8(parts[part]!);
        xml =
          format === "xlsx"
            ? xml.replace(`<c r="F${row}" s="5"><v>120</v></c>`, `<c r="F${row}" s="5"><v>-3</v></c>`)
            : xml.replace('office:value="120"', 'office:value="-3"');
        const before = await snapshot();
        const result = await upload(`bad.${format}`, zipSync({ ...parts, [part]: strToU8(xml) }));
        expect(result).toEqual({ ok: false, problems: [{ row, column: "received", label: "Complaints received", message: `Row ${row}, ‘Complaints received’: expected a whole number of 0 or more, but found a negative number (-3).` }], moreProblems: 0, checks: checksUpTo("values", ["values"]) });
        expect(await snapshot()).toBe(before);
      }
    });

    it("more than 100 problems: the first 100 listed, the rest counted", async () => {
      const extra = Array.from({ length: 150 }, (_, i) => [`unknown_${i}`, "", "", "", "", "1"]);
      const result = await upload("many.csv", filledCsv({}, extra));
      expect(result.ok).toBe(false);
      if (!result.ok) expect([result.problems.length, result.moreProblems]).toEqual([100, 50]);
    });

    const xlsxWith = (part: string, edit: (xml: string) => string) => {
      const parts = unzipSync(downloads.xlsx);
      return zipSync({ ...parts, [part]: strToU8(edit(strFromU8(parts[part]!))) });
    };
    const bomb = (entries: Record<string, Uint8Array>) => zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, [v, { level: 9 }]])));
    /** A zip whose directory says the part `name` unpacks to 100 bytes, whatever it really holds. */
    const lyingAboutSize = (zip: Uint8Array, name: string) => {
      const out = new Uint8Array(zip);
      const view = new DataView(out.buffer);
      for (let i = 0; i + 46 <= out.length; i += 1) {
        if (view.getUint32(i, true) !== 0x02014b50) continue;
        const length = view.getUint16(i + 28, true);
        if (strFromU8(out.subarray(i + 46, i + 46 + length)) === name) view.setUint32(i + 24, 100, true);
      }
      return out;
    };
    /** Our workbook with its sheet swapped for 64 MB of XML. */
    const hugeSheet = () => {
      const parts = unzipSync(downloads.xlsx);
      const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]!);
      const cut = sheet.indexOf("<sheetData>") + "<sheetData>".length;
      const [head, tail] = [strToU8(sheet.slice(0, cut)), strToU8(sheet.slice(cut))];
      const huge = new Uint8Array(head.length + sixtyFourMegabytes.length + tail.length);
      huge.set(head);
      huge.set(sixtyFourMegabytes, head.length);
      huge.set(tail, head.length + sixtyFourMegabytes.length);
      return bomb({ ...parts, "xl/worksheets/sheet1.xml": huge });
    };
    const sixtyFourMegabytes = new Uint8Array(64 * 1024 * 1024).fill(0x20);
    const odsMime = strToU8("application/vnd.oasis.opendocument.spreadsheet");

    it.each([
      ["a Windows-1252 CSV with a byte that is no character (0x81)", "excel.csv", () => new Uint8Array([...Buffer.from("id,value\r\nkey_themes,Caf\xe9 \xa35\r\n", "latin1"), 0x81, 0x0d, 0x0a]),
        "The file is not UTF-8, and line 3 has a byte (0x81) that is not a character in Windows-1252 either, so the file's encoding is unknown. Save it from your spreadsheet as “CSV UTF-8 (comma delimited)” and try again."],
      ["a zip bomb named .xlsx", "return.xlsx", () => bomb({ "xl/workbook.xml": strToU8("<workbook/>"), "xl/worksheets/sheet1.xml": sixtyFourMegabytes }),
        "The file cannot be read: its part xl/worksheets/sheet1.xml unpacks to more than 4 MB, far more than a return needs: it may be a “zip bomb”, or not our template."],
      ["a zip bomb named .ods", "return.ods", () => zipSync({ mimetype: [odsMime, { level: 0 }], "content.xml": [sixtyFourMegabytes, { level: 9 }] }),
        "The file cannot be read: its part content.xml unpacks to more than 4 MB, far more than a return needs: it may be a “zip bomb”, or not our template."],
      ["a zip bomb named .xlsx that lies about its size (only the first 100 bytes are unpacked)", "return.xlsx", () => lyingAboutSize(hugeSheet(), "xl/worksheets/sheet1.xml"),
        "The file cannot be read: its part xl/worksheets/sheet1.xml is not well-formed XML (it may be damaged)."],
      ["a file named .xlsx that is not a zip", "return.xlsx", () => strToU8("id,value\nreceived,5\n"),
        "The file is named “return.xlsx” but is not an Excel workbook: its content is not a zip file. It may be damaged, or renamed. Save it again from your spreadsheet and upload that."],
      ["an XLSX whose sheet declares a DOCTYPE with entities (billion laughs)", "return.xlsx",
        () => xlsxWith("xl/worksheets/sheet1.xml", (xml) => xml.replace("<worksheet ", '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet ').replace("Fill in the value column", "&b;")),
        "The file cannot be read: its part xl/worksheets/sheet1.xml declares a DOCTYPE or entities, which spreadsheets never need and which can be used to attack the system."],
      ["an XLSX whose shared strings name an external entity", "return.xlsx",
        () => { const parts = unzipSync(downloads.xlsx); return zipSync({ ...parts, "xl/sharedStrings.xml": strToU8('<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]><sst><si><t>&x;</t></si></sst>') }); },
        "The file cannot be read: its part xl/sharedStrings.xml declares a DOCTYPE or entities, which spreadsheets never need and which can be used to attack the system."],
      ["an ODS whose content declares a DOCTYPE", "return.ods",
        () => { const parts = unzipSync(downloads.ods); return zipSync({ mimetype: [parts.mimetype!, { level: 0 }], "content.xml": strToU8(strFromU8(parts["content.xml"]!).replace("<office:document-content", "<!DOCTYPE office:document-content><office:document-content")) }); },
        "The file cannot be read: its part content.xml declares a DOCTYPE or entities, which spreadsheets never need and which can be used to attack the system."],
      ["a zip that is not a spreadsheet", "return.xlsx", () => zipSync({ "word/document.xml": strToU8("<w/>") }),
        "The file is a zip archive but not an Excel (.xlsx) or OpenDocument (.ods) spreadsheet. Upload the return as .xlsx, .ods or .csv."],
      ["an OpenDocument text document", "return.ods", () => zipSync({ mimetype: [strToU8("application/vnd.oasis.opendocument.text"), { level: 0 }], "content.xml": strToU8("<x/>") }),
        "The file is an OpenDocument file of another kind (application/vnd.oasis.opendocument.text), not a spreadsheet. Upload the return as .ods, .xlsx or .csv."],
      ["an ODS nested 100,000 elements deep", "return.ods",
        () => zipSync({ mimetype: [odsMime, { level: 0 }], "content.xml": strToU8(`<office:document-content><office:body><office:spreadsheet>${"<text:span>".repeat(100_000)}x${"</text:span>".repeat(100_000)}</office:spreadsheet></office:body></office:document-content>`) }),
        "The file cannot be read: its part content.xml is nested far more deeply than any spreadsheet's (over 200 levels)."],
      ["a file without the header row", "return.csv", () => strToU8("received,5\r\n"),
        "The file has no header row: a row within its first 20 with the column names “id” and “value”, as in the downloaded template. Download the template again and fill in its value column."],
      ["a file larger than 700 KB", "return.csv", () => strToU8(`id,value\r\nkey_themes,${"a".repeat(720 * 1024)}\r\n`),
        "The file is 721 KB; the most is 700 KB. A filled-in return is far smaller: download the template again and fill in its value column, or save it as CSV."],
    ])("%s is refused with a clear message, and nothing is stored", async (_name, fileName, make, message) => {
      const before = await snapshot();
      const file = make();
      const started = Date.now();
      const result = await upload(fileName, file);
      // The check that refuses each: the file's size, then whether it can be read at all, then its header row.
      const check = /^The file is \d/.test(message) ? "file" : message.startsWith("The file has no header row") ? "header" : "format";
      expect(result).toEqual({ ok: false, problems: [{ row: null, column: null, label: null, message }], moreProblems: 0, checks: checksUpTo(check, [check]) });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(await snapshot()).toBe(before);
    });

    it("a file whose content is not base64 is refused", async () => {
      const result = await submitter().returns.uploadSpreadsheet({ returnId, expectedVersion: (await current()).version, fileName: "x.csv", contentBase64: "not base64!" });
      expect(result).toMatchObject({ ok: false, problems: [{ message: "The file did not arrive whole (its content is not base64). Try uploading it again." }] });
    });

    it("blanking a field that has a note is refused: the note needs a figure or a marker", async () => {
      await reset();
      const now = await current();
      await submitter().returns.save({ returnId, expectedVersion: now.version, values: { ...storedValues, compliments: "[x]" }, notes: { compliments: "Not counted this quarter." } });
      const before = await snapshot();
      const result = await upload("blank.csv", filledCsv({ compliments: "" }));
      const row = csvRow("compliments");
      expect(result).toEqual({ ok: false, problems: [{ row, column: "compliments", label: labelOf("compliments"), message: `Row ${row}, ‘${labelOf("compliments")}’ has a note (“Not counted this quarter.”), so it needs a figure, or [x] or [z]: fill in the value, or delete the note in the form first.` }], moreProblems: 0, checks: checksUpTo("length", ["notes"]) });
      expect(await snapshot()).toBe(before);
    });

    it("a stale expected version is a CONFLICT, as for a save, and nothing is stored", async () => {
      const now = await current();
      const before = await snapshot();
      const refused = await rejection(upload("filled-in.csv", filledCsv(filledIn), now.version - 1));
      expect(refused.code).toBe("CONFLICT");
      expect(await snapshot()).toBe(before);
    });

    it("a submitted return is refused, as a save is", async () => {
      const a2 = world.caller("a2Submitter");
      const draft = await a2.returns.openDraft({ organisationCode: "A2", period: "2025-26 Q1" });
      const saved = await a2.returns.save({ returnId: draft.returnId, expectedVersion: draft.version, values: exampleReturnValues() });
      const submitted = await a2.returns.submit({ returnId: draft.returnId, expectedVersion: saved.version });
      const csv = strToU8("id,value\r\nreceived,121\r\n");
      const refused = await rejection(a2.returns.uploadSpreadsheet({ returnId: draft.returnId, expectedVersion: submitted.version, fileName: "return.csv", contentBase64: base64(csv) }));
      expect([refused.code, refused.message]).toEqual(["PRECONDITION_FAILED", "You cannot save a return that is waiting for sign-off. That is possible only when it is in draft or returned to the body."]);
      expect((await a2.returns.get({ returnId: draft.returnId })).values.received).toBe(120);
    });

    it("explanations are kept while their warning stands, and dropped when the upload clears it", async () => {
      await reset();
      const now = await current();
      const themes = { theme_delay: 0, theme_communication: 0, theme_decision: 0 };
      const explanations = { themes_cover_received: "We started coding themes halfway through the quarter." };
      await submitter().returns.save({ returnId, expectedVersion: now.version, values: { ...storedValues, ...themes }, explanations });
      const unrelated = await upload("unrelated.csv", strToU8("id,value\r\ncompliments,[z]\r\n"));
      expect(unrelated).toMatchObject({ ok: true, return: { explanations }, changes: [{ field: "compliments", from: "[x]", to: "[z]" }] });
      const cleared = await upload("themes.csv", strToU8("id,value\r\ntheme_delay,50\r\ntheme_communication,30\r\ntheme_decision,20\r\n"));
      expect(cleared).toMatchObject({ ok: true, return: { explanations: {} } });
      expect((await submitter().returns.validate({ returnId })).warnings.map((w) => w.id)).not.toContain("themes_cover_received");
    });

    it("a file with only some rows changes only those fields; the others keep their values", async () => {
      await reset();
      const result = await upload("part.csv", strToU8("id,value\r\nreceived,121\r\ncarried_forward,46\r\n"));
      expect(result).toMatchObject({ ok: true, changes: [{ field: "received", from: 120, to: 121 }, { field: "carried_forward", from: 45, to: 46 }] });
      expect((await current()).values).toEqual(withoutBlanks({ ...storedValues, received: 121, carried_forward: 46 }));
    });

    it("a dry run says what the file would change and stores nothing, so the page can ask first", async () => {
      await reset();
      const before = await snapshot();
      const version = (await current()).version;
      const result = await submitter().returns.uploadSpreadsheet({ returnId, expectedVersion: version, fileName: "part.csv", contentBase64: base64(strToU8("id,value\r\nreceived,121\r\ncarried_forward,46\r\n")), dryRun: true });
      expect(result).toMatchObject({ ok: true, dryRun: true, return: { version }, changes: [{ field: "received", from: 120, to: 121 }, { field: "carried_forward", from: 45, to: 46 }] });
      expect(await snapshot()).toBe(before);
    });
  });
});
