import { listAudit, listCurrentReturns, listRevisions, sql, upsertOrganisations } from "@complaints/db";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import type { Organisation } from "@complaints/domain";
import { exampleReturnValues } from "@complaints/domain/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { currentTemplate, fixedField, requireTemplate, writeCell } from "@complaints/domain";
import { exportReturnsCsv } from "../export-returns.ts";
import { importReturns } from "./import-returns.ts";
import type { ImportReport } from "./report.ts";

const organisations: Organisation[] = [
  { code: "DEPT", name: "Department", kind: "department", bodyType: "ministerial department", parentCode: null, region: "england-and-wales", activeFrom: "2015-04-01", activeTo: null, serviceAreas: [] },
  { code: "AGY", name: "The Agency", kind: "body", bodyType: "executive agency", parentCode: "DEPT", region: "england-and-wales", activeFrom: "2015-04-01", activeTo: null, serviceAreas: [{ code: "licences", label: "Licences" }] },
  { code: "NEW", name: "New Body", kind: "body", bodyType: "executive agency", parentCode: "DEPT", region: "scotland", activeFrom: "2025-07-01", activeTo: null, serviceAreas: [] },
];

/** A file's bytes as an upload or the CLI hands them over: UTF-8 unless given as bytes. */
function file(content: string | Uint8Array): Uint8Array {
  return typeof content === "string" ? Buffer.from(content, "utf8") : content;
}

const fields = ["received", "withdrawn", "brought_forward", "carried_forward", "er_closed", "cl_closed", "key_themes", "payments_total"] as const;
const header = ["organisation_code", "period", ...fields].join(",");
function row(code: string, period: string, overrides: Partial<Record<(typeof fields)[number], string>> = {}): string {
  const v = exampleReturnValues();
  const cells = fields.map((f) => overrides[f] ?? writeCell(fixedField(currentTemplate, f), v[f]));
  return [code, period, ...cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c))].join(",");
}
const good = [header, row("AGY", "2025-26 Q1"), row("AGY", "Jul to Sep 2025")].join("\n");

describe.each(testDialects())("importing returns from CSV on %s", (dialect) => {
  let t: TestDatabase;
  const options = { actor: "test", now: "2026-01-01T00:00:00.000Z", maxBytes: 1_000_000 };
  const stored = async () => listCurrentReturns(t.db, ["AGY", "NEW"], 0, 1_000_000);
  const problems = (report: ImportReport) => report.problems.map((p) => `${p.row ?? "-"}|${p.column ?? "-"}|${p.message}`);

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await upsertOrganisations(t.db, organisations, options.now);
  });
  afterAll(() => t.close());

  describe("refuses bad files with a specific message and changes nothing", () => {
    beforeEach(async () => expect(await stored()).toEqual([]));

    it.each([
      ["an unclosed quote", `${header}\nAGY,2025-26 Q1,"120`, ["2|-|The file could not be read as CSV near line 2: a quoted cell is never closed."]],
      ["a row with too many cells", `${header}\n${row("AGY", "2025-26 Q1")},extra`, ["2|-|The file could not be read as CSV near line 2: a row has a different number of columns from the header row."]],
      ["no header row", row("AGY", "2025-26 Q1"), [`1|-|The first row must be the column names, starting “organisation_code”, “period”, then field ids such as “received”. It starts “AGY”, “2025-26 Q1”.`]],
      ["a missing period column", `organisation_code,received\nAGY,5`, [`1|-|The first row must be the column names, starting “organisation_code”, “period”, then field ids such as “received”. It starts “organisation_code”, “received”.`]],
      ["a misspelt column", `organisation_code,period,recieved\nAGY,2025-26 Q1,5`, ["1|recieved|Column 3, “recieved”, is not a field of the return. Did you mean “received”?"]],
      ["a repeated column", `organisation_code,period,received,received\nAGY,2025-26 Q1,5,5`, ["1|received|Column 4 repeats the column “received” (first in column 3)."]],
      ["only a header", header, ["-|-|The file has no returns in it: it needs a header row and at least one row of figures."]],
      ["text in a count", `${header}\n${row("AGY", "2025-26 Q1", { received: "twelve" })}`, ["2|received|‘Complaints received’: expected a whole number, [x] or [z], but found “twelve”."]],
      ["a negative number", `${header}\n${row("AGY", "2025-26 Q1", { withdrawn: "-5" })}`, ["2|withdrawn|‘Complaints withdrawn’: expected a whole number of 0 or more, but found a negative number (-5)."]],
      ["a fraction in a count", `${header}\n${row("AGY", "2025-26 Q1", { er_closed: "80.5" })}`, ["2|er_closed|‘Early resolution: complaints closed’: expected a whole number, but found 80.5."]],
      ["a bad amount", `${header}\n${row("AGY", "2025-26 Q1", { payments_total: "12.345" })}`, ["2|payments_total|‘Total paid’: expected an amount in pounds and pence like 1234.50, but found “12.345”."]],
      ["an unknown marker", `${header}\n${row("AGY", "2025-26 Q1", { withdrawn: "[c]" })}`, ["2|withdrawn|‘Complaints withdrawn’: [c] is not a marker this return uses: use [x] for not available or [z] for not applicable."]],
      ["an unknown organisation", `${header}\n${row("NOPE", "2025-26 Q1")}`, ["2|organisation_code|There is no organisation with code “NOPE”."]],
      ["a department", `${header}\n${row("DEPT", "2025-26 Q1")}`, ["2|organisation_code|DEPT is a department; returns are made by its bodies."]],
      ["an unknown period", `${header}\n${row("AGY", "2025-26 Q5")}`, ["2|period|“2025-26 Q5” is not a period: write it like 2025-26 Q1 or Apr to Jun 2025."]],
      ["a period outside the years supported", `${header}\n${row("AGY", "0000-01 Q1")}`, ["2|period|“0000-01 Q1” is outside the years the service takes, April 2000 to March 2100."]],
      ["a period before the body existed", `${header}\n${row("NEW", "2025-26 Q1")}`, ["2|period|New Body was not active in Apr to Jun 2025."]],
      ["a duplicate row", `${header}\n${row("AGY", "2025-26 Q1")}\n${row("AGY", "Apr to Jun 2025")}`, ["3|-|This row repeats the return for AGY 2025-26 Q1 already on line 2."]],
      ["a formula in text", `${header}\n${row("AGY", "2025-26 Q1", { key_themes: '=HYPERLINK("http://x")' })}`, ["2|key_themes|‘Key themes this quarter’: text starting with “=” could run as a formula when the file is opened in a spreadsheet; start the cell with an apostrophe (') to keep it as text."]],
      ["+, - and @ formulas", `${header}\n${row("AGY", "2025-26 Q1", { key_themes: "+1" })}\n${row("AGY", "2025-26 Q2", { key_themes: "-2+3" })}\n${row("AGY", "2025-26 Q3", { key_themes: "@SUM(A1)" })}`, [
        "2|key_themes|‘Key themes this quarter’: text starting with “+” could run as a formula when the file is opened in a spreadsheet; start the cell with an apostrophe (') to keep it as text.",
        "3|key_themes|‘Key themes this quarter’: text starting with “-” could run as a formula when the file is opened in a spreadsheet; start the cell with an apostrophe (') to keep it as text.",
        "4|key_themes|‘Key themes this quarter’: text starting with “@” could run as a formula when the file is opened in a spreadsheet; start the cell with an apostrophe (') to keep it as text.",
      ]],
      ["a formula behind a leading space", `${header}\n${row("AGY", "2025-26 Q1", { key_themes: ' =HYPERLINK("http://x")' })}`, ["2|key_themes|‘Key themes this quarter’: text starting with “=” could run as a formula when the file is opened in a spreadsheet; start the cell with an apostrophe (') to keep it as text."]],
      ["a formula behind a no-break space", `${header}\n${row("AGY", "2025-26 Q1", { key_themes: '\u00a0=HYPERLINK("http://x")' })}`, ["2|key_themes|‘Key themes this quarter’: text starting with “=” could run as a formula when the file is opened in a spreadsheet; start the cell with an apostrophe (') to keep it as text."]],
      ["a full-width formula", `${header}\n${row("AGY", "2025-26 Q1", { key_themes: "＝1+1" })}`, ["2|key_themes|‘Key themes this quarter’: text starting with “＝” could run as a formula when the file is opened in a spreadsheet; start the cell with an apostrophe (') to keep it as text."]],
      ["a control character in a narrative", `${header}\n${row("AGY", "2025-26 Q1", { key_themes: "Delays\u001b" })}`, ["2|key_themes|‘Key themes this quarter’: the text contains a control character (U+001B) at character 7, which cannot be stored: delete it and type the text again."]],
      ["a field of template version 2 in a file without versions", `organisation_code,period,eq_asked\nAGY,2025-26 Q1,5`, [`2|eq_asked|‘${fixedField(requireTemplate(2), "eq_asked")!.label}’ is not a field of template version 1: leave it blank, or add a “template_version” column after “period”.`]],
      ["a field of version 1 in a version 2 row", `organisation_code,period,template_version,special_payments_over_threshold\nAGY,2025-26 Q1,2,1`, [`2|special_payments_over_threshold|‘Special payments over £300,000’ is not a field of template version 2: leave it blank.`]],
      ["an impossible date", `organisation_code,period,template_version,received,special_payments.1.amount,special_payments.1.date_paid,special_payments.1.description\nAGY,2025-26 Q1,2,5,350000.00,31/02/2026,Settlement`, ["2|special_payments.1.date_paid|‘Special payment 1: date paid’: “31/02/2026” is not a real date."]],
      ["an unknown template version", `organisation_code,period,template_version,received\nAGY,2025-26 Q1,3,5`, ["2|template_version|“3” is not a template version: use 1 or 2."]],
      ["a template_version column out of place", `organisation_code,period,received,template_version\nAGY,2025-26 Q1,5,1`, ["1|template_version|Column 4 is “template_version”, which must be the third column, straight after “period”."]],
      ["figures that do not add up", `${header}\n${row("AGY", "2025-26 Q1", { carried_forward: "44" })}`, ["2|carried_forward|‘Open at the end of the quarter’ is 44, but open at the start plus received, minus withdrawn and closed at both stages, comes to 45."]],
      ["one bad row among good ones", `${good}\n${row("AGY", "2025-26 Q3", { received: "x1" })}`, ["4|received|‘Complaints received’: expected a whole number, [x] or [z], but found “x1”."]],
    ])("%s", async (_name, content, expected) => {
      const report = await importReturns(t.db, file(content), options);
      expect(report.ok).toBe(false);
      expect(problems(report)).toEqual(expected);
    });

    it("a file larger than the limit", async () => {
      const report = await importReturns(t.db, file(good), { ...options, maxBytes: 100 });
      expect(problems(report)).toEqual([`-|-|The file is 0.0 MB; the most this system accepts is 0.0 MB (IMPORT_MAX_BYTES). Split it into smaller files.`]);
    });

    it("a UTF-16 file", async () => {
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good, "utf16le")]);
      expect(problems(await importReturns(t.db, file(utf16), options))).toEqual([
        "-|-|The file is saved as UTF-16 (Excel's “Unicode text”). Save it as “CSV UTF-8 (comma delimited)” and try again.",
      ]);
    });

    it.each([
      ["a NUL", "Delays\u0000 at Leeds", "‘Key themes this quarter’: the text contains a NUL character (U+0000) at character 7, which cannot be stored: delete it and type the text again."],
    ])("text given directly with %s in a narrative", async (_name, themes, message) => {
      const report = await importReturns(t.db, [header, row("AGY", "2025-26 Q1", { key_themes: themes })].join("\n"), options);
      expect(report).toMatchObject({ ok: false, encoding: null });
      expect(problems(report)).toEqual([`2|key_themes|${message}`]);
    });

    it("text given directly with a lone surrogate in a narrative", async () => {
      const line = row("AGY", "2025-26 Q1", { key_themes: "Thanks \ud83d" });
      const report = await importReturns(t.db, [header, line].join("\n"), options);
      expect(problems(report)).toEqual([
        `2|-|Line 2 contains half of a character (U+D83D, a lone surrogate, often from text cut part-way through an emoji) at character ${line.indexOf("\ud83d") + 1}, which cannot be stored: delete it and type the text again.`,
      ]);
    });

    it("a NUL byte in a file", async () => {
      const bytes = Buffer.from([header, row("AGY", "2025-26 Q1", { key_themes: "Delays\u0000" })].join("\n"), "utf8");
      expect(problems(await importReturns(t.db, bytes, options))).toEqual(["-|-|The file contains binary data: it is not a CSV file. Save it from your spreadsheet as CSV."]);
    });

    it("a Windows-1252 file with a byte that is not a character in it", async () => {
      const bytes = Buffer.concat([Buffer.from(`${header}\n${row("AGY", "2025-26 Q1", { key_themes: "Caf\xe9" })}\n`, "latin1"), Buffer.from(row("AGY", "2025-26 Q2", { key_themes: "x\x9dy" }), "latin1")]);
      expect(problems(await importReturns(t.db, bytes, options))).toEqual([
        "-|-|The file is not UTF-8, and line 3 has a byte (0x9D) that is not a character in Windows-1252 either, so the file's encoding is unknown. Save it from your spreadsheet as “CSV UTF-8 (comma delimited)” and try again.",
      ]);
    });

    it("names each check the screener ran, failing those that found problems", async () => {
      const report = await importReturns(t.db, file(`${header}\n${row("AGY", "2025-26 Q1", { received: "twelve" })}`), options);
      expect(report.checks.map((c) => `${c.check}: ${c.result}`)).toEqual(["file: pass", "encoding: pass", "csv structure: pass", "header: pass", "rows: pass", "cells: fail", "arithmetic: pass"]);
      const broken = await importReturns(t.db, file(`${header}\nAGY,2025-26 Q1,"120`), options);
      expect(broken.checks.map((c) => `${c.check}: ${c.result}`)).toEqual(["file: pass", "encoding: pass", "csv structure: fail", "header: pass", "rows: pass", "cells: pass", "arithmetic: pass"]);
    });

    it("caps the list at 100 problems and counts the rest", async () => {
      const rows = Array.from({ length: 150 }, (_, i) => row("NOPE", "2025-26 Q1").replace("NOPE", `NOPE${i}`));
      const report = await importReturns(t.db, file([header, ...rows].join("\n")), options);
      expect(report.problems).toHaveLength(100);
      expect(report.moreProblems).toBe(50);
    });
  });

  describe("loads good files", () => {
    it("reads Windows-1252 and a byte-order mark, keeps escaped formulas as text, and converts pounds to pence", async () => {
      const themes = "Café “closures” – fees over £50 or €60, Ö’s";
      const text = [header, row("AGY", "2025-26 Q1", { key_themes: themes, payments_total: "£1,250.50" }), row("AGY", "2025-26 Q2", { key_themes: "'=not a formula" })].join("\r\n");
      // Each character as its single Windows-1252 byte: Latin-1 for é, £ and Ö; 0x80–0x9F for the rest.
      const cp1252: Record<string, number> = { "€": 0x80, "’": 0x92, "“": 0x93, "”": 0x94, "–": 0x96 };
      const bytes = Uint8Array.from([...text].map((c) => cp1252[c] ?? c.charCodeAt(0)));
      expect(bytes.every((b) => b < 0x100)).toBe(true);
      const report = await importReturns(t.db, file(bytes), options);
      expect(problems(report)).toEqual([]);
      expect(report).toMatchObject({ ok: true, encoding: "windows-1252", created: 2 });
      expect(report.checks.every((c) => c.result === "pass")).toBe(true);
      expect(report.checks.map((c) => c.check)).toEqual(["file", "encoding", "csv structure", "header", "rows", "cells", "arithmetic", "stored returns"]);
      const [q1, q2] = await stored();
      expect(q1!.values.key_themes).toBe(themes);
      expect(q1!.values.payments_total).toBe(125_050);
      expect(q2!.values.key_themes).toBe("=not a formula");

      const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([header, row("AGY", "2025-26 Q3")].join("\n"), "utf8")]);
      expect(await importReturns(t.db, file(bom), options)).toMatchObject({ ok: true, encoding: "utf-8", created: 1 });
    });

    it("importing the same file twice creates no duplicates; changed figures need --revise", async () => {
      const path = file([header, row("AGY", "2025-26 Q4"), row("AGY", "2026-27 Q1")].join("\n"));
      expect(await importReturns(t.db, path, options)).toMatchObject({ ok: true, created: 2, unchanged: 0 });
      expect(await importReturns(t.db, path, options)).toMatchObject({ ok: true, created: 0, unchanged: 2 });
      const before = await stored();

      const changed = file([header, row("AGY", "2025-26 Q4", { received: "121", carried_forward: "46" })].join("\n"));
      const refused = await importReturns(t.db, changed, options);
      expect(problems(refused)).toEqual(["2|-|AGY already has a return for 2025-26 Q4 with different figures. Run the import with --revise to record these as a new revision."]);
      expect(await stored()).toEqual(before);

      const revised = await importReturns(t.db, changed, { ...options, revise: true });
      expect(revised).toMatchObject({ ok: true, revised: 1 });
      const q4 = (await stored()).find((r) => r.period === "2025-26 Q4")!;
      expect(q4.revision).toBe(2);
      expect(q4.values.received).toBe(121);
      expect((await listRevisions(t.db, q4.returnId)).map((r) => r.revision)).toEqual([1, 2]);

      // The audit entries name each field set, then each field changed with its old and new value.
      const v = exampleReturnValues();
      const entries = await listAudit(t.db, "return", q4.returnId);
      expect(entries.map((e) => e.action)).toEqual(["return.imported", "return.revisedByImport"]);
      expect(entries[0]!.changes).toEqual([
        { field: "revision", old: null, new: 1 },
        { field: "fields", old: null, new: fields.filter((f) => v[f] !== null && v[f] !== undefined).sort() },
      ]);
      expect(entries[1]!.changes).toEqual([
        { field: "revision", old: 1, new: 2 },
        { field: "carried_forward", old: v.carried_forward, new: 46 },
        { field: "received", old: v.received, new: 121 },
      ]);
    });

    it("leaves nothing behind when writing fails part-way", async () => {
      const counts = async () =>
        Promise.all(
          (["returns", "return_revisions", "return_values", "audit_log"] as const).map(async (table) =>
            Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n),
          ),
        );
      const before = await counts();
      // The audit entries are written last, after the returns and their values: fail there.
      if (dialect === "postgres") {
        await sql`create function fail_import() returns trigger language plpgsql as $$ begin raise exception 'simulated failure'; end $$`.execute(t.db);
        await sql`create trigger fail_import before insert on audit_log for each row when (new.action = 'return.imported') execute function fail_import()`.execute(t.db);
      } else {
        await sql`create trigger fail_import before insert on audit_log when new.action = 'return.imported' begin select raise(abort, 'simulated failure'); end`.execute(t.db);
      }
      try {
        await expect(importReturns(t.db, file([header, row("AGY", "2026-27 Q2"), row("AGY", "2026-27 Q3")].join("\n")), options)).rejects.toThrow(/simulated failure/);
      } finally {
        await sql`drop trigger fail_import${dialect === "postgres" ? sql` on audit_log` : sql``}`.execute(t.db);
        if (dialect === "postgres") await sql`drop function fail_import()`.execute(t.db);
      }
      expect(await counts()).toEqual(before);
    });

    it("reads a template version 2 row beside version 1 ones, with its special payments listed", async () => {
      const v2 = "organisation_code,period,template_version,received,eq_asked,special_payments.1.amount,special_payments.1.date_paid,special_payments.1.description\nAGY,2023-24 Q1,2,5,4,350000.00,2023-05-02,Settlement of a long-running claim";
      expect(await importReturns(t.db, file(v2), options)).toMatchObject({ ok: true, created: 1 });
      const [loaded] = await listCurrentReturns(t.db, ["AGY"], 0, 1_000_000);
      expect(loaded).toMatchObject({ period: "2023-24 Q1", templateVersion: 2, values: { received: 5, eq_asked: 4, "special_payments.1.amount": 35_000_000, "special_payments.1.date_paid": "2023-05-02" } });
    });

    it("an export of both versions imports into an empty database unchanged", async () => {
      const { csv, rows } = await exportReturnsCsv(t.db, { departmentCode: "DEPT" });
      expect(rows).toBe(6);
      // One column for each field of either version; each row says its version.
      const [head, firstRow, secondRow] = csv.split("\n");
      expect(head).toMatch(/^organisation_code,period,template_version,brought_forward,/);
      expect(head).toContain(",special_payments_over_threshold,");
      expect(head).toContain(",special_payments.1.amount,");
      expect(firstRow).toMatch(/^AGY,2023-24 Q1,2,/);
      expect(secondRow).toMatch(/^AGY,2025-26 Q1,1,/);
      expect(csv).toContain("'=not a formula");
      const other = await createTestDatabase(dialect);
      try {
        await upsertOrganisations(other.db, organisations, options.now);
        expect(await importReturns(other.db, file(csv), options)).toMatchObject({ ok: true, created: 6 });
        const a = await listCurrentReturns(t.db, ["AGY"], 0, 1_000_000);
        const b = await listCurrentReturns(other.db, ["AGY"], 0, 1_000_000);
        expect(b.map((r) => [r.period, r.templateVersion, r.values])).toEqual(a.map((r) => [r.period, r.templateVersion, r.values]));
        expect((await exportReturnsCsv(other.db, { departmentCode: "DEPT" })).csv).toBe(csv);
      } finally {
        await other.close();
      }
    });

    it("reads a date written day first as ISO", async () => {
      const head = "organisation_code,period,template_version,received,special_payments.1.amount,special_payments.1.date_paid,special_payments.1.description";
      expect(await importReturns(t.db, file(`${head}\nAGY,2022-23 Q1,2,5,350000.00,2/5/2022,Settlement`), options)).toMatchObject({ ok: true, created: 1 });
      const loaded = (await listCurrentReturns(t.db, ["AGY"], 0, 1_000_000)).find((r) => r.period === "2022-23 Q1");
      expect(loaded?.values["special_payments.1.date_paid"]).toBe("2022-05-02");
    });
  });
});
