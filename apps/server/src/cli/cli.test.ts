import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findReturnId, listAudit, listCurrentReturns, listOrganisations, loadRevision, openDatabase, sql } from "@complaints/db";
import { addDays, exampleCaseFile, formatPeriodCode, periodContaining, periodDates, periodIndex, periodLabelOf, previousPeriod, requirePeriod, subtreeCodes, ukDateOf } from "@complaints/domain";
import { afterAll, describe, expect, it } from "vitest";
import { complaintsBin, serveCommand } from "../../test/serve-command.ts";

/** The real `complaints` command in a child process, against an SQLite file of its own. */
const dir = mkdtempSync(join(tmpdir(), "cli-test-"));
const databaseUrl = `sqlite:${join(dir, "cli.sqlite")}`;

/** Each field added up over a department's bodies' returns for a financial year, as sent to the department. */
async function sentTotals(departmentCode: string, financialYear: string): Promise<(id: string) => number> {
  const c = openDatabase(databaseUrl);
  try {
    const organisations = await listOrganisations(c.db);
    const below = new Set(subtreeCodes(organisations, departmentCode));
    const bodies = organisations.filter((o) => o.kind === "body" && below.has(o.code)).map((o) => o.code);
    const quarter = (q: number) => periodIndex(requirePeriod(`${financialYear} Q${q}`));
    const returns = await listCurrentReturns(c.db, bodies, quarter(1), quarter(4), { revision: "sent" });
    return (id) => returns.reduce((sum, r) => sum + (typeof r.values[id] === "number" ? (r.values[id] as number) : 0), 0);
  } finally {
    await c.close();
  }
}

function cli(args: string[], input?: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [complaintsBin, ...args], {
    env: { DATABASE_URL: databaseUrl, LOG_LEVEL: "silent", ...env },
    input,
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the complaints command", () => {
  afterAll(() => {});

  it("prints usage and exits 2 for an unknown command", () => {
    const result = cli(["frobnicate"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("“frobnicate” is not a command");
    expect(result.stderr).toContain("Usage: pnpm cli <command> [options]");
  });

  it("migrates, loads the demo, and lists organisations as CSV", () => {
    expect(cli(["migrate"]).stdout).toMatch(/^Database up to date/);
    const seeded = cli(["seed", "--demo"]);
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(/^Loaded the demo: 3 departments, 40 bodies, \d+ returns for \d{4}-\d{2} Q\d to \d{4}-\d{2} Q\d\.$/m);
    const again = cli(["seed", "--demo"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("the demo loads only into an empty database");
    const list = cli(["organisations", "list", "--format", "csv"]);
    const lines = list.stdout.trim().split("\n");
    expect(lines[0]).toBe("code,name,type,parent_code,region,active_from,active_to");
    expect(lines).toHaveLength(1 + 43);
    expect(lines).toContain("DES,Department for Example Services (synthetic),department,,England and Wales,2010-04-01,");
  });

  it("adds users, refusing a role that does not fit the organisation", () => {
    const added = cli(["users", "add", "--email", "new@demo.example", "--role", "oversight", "--organisation", "MSA", "--password-stdin"], "a long enough password\n");
    expect(added.code).toBe(0);
    expect(added.stdout).toBe("Added new@demo.example as oversight for Ministry of Sample Affairs (synthetic).\n");
    const wrong = cli(["users", "add", "--email", "x@demo.example", "--role", "submitter", "--organisation", "MSA"]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe("A submitter belongs to a body, but MSA is a department.\n");
    const generated = cli(["users", "add", "--email", "y@demo.example", "--role", "approver", "--organisation", "DES-LIC1"]);
    expect(generated.stdout).toMatch(/Password \(shown once; pass it on securely\): [\w-]{16}\n$/);
  });

  it("lets a body's user act for another body as well, refusing departments and department users", () => {
    const granted = cli(["users", "grant", "--email", "submitter@demo.example", "--organisation", "DES-GRA5"]);
    expect(granted.stdout).toContain("submitter@demo.example now acts for Grants Commission (synthetic) (DES-GRA5) as well.");
    expect(granted.code).toBe(0);
    const department = cli(["users", "grant", "--email", "submitter@demo.example", "--organisation", "MSA"]);
    expect(department.code).toBe(1);
    expect(department.stderr).toContain("MSA is a department; a body's user can act only for bodies.");
    const oversight = cli(["users", "grant", "--email", "oversight@demo.example", "--organisation", "DES-GRA5"]);
    expect(oversight.code).toBe(1);
    expect(oversight.stderr).toContain("acts for a department");
    expect(cli(["users", "grant", "--email", "nobody@demo.example", "--organisation", "DES-GRA5"]).stderr).toContain("There is no account for nobody@demo.example.");
  });

  it("manages people as the people page does: invites, changes a role, deactivates, reactivates, sends a reset link, each audited", { timeout: 300_000 }, async () => {
    const invited = cli(["users", "invite", "--email", "new.person@demo.example", "--role", "submitter", "--organisation", "DES-GRA5"]);
    expect(invited.stdout).toBe("Invitation for new.person@demo.example queued: the link works for 7 days.\n");
    expect(cli(["users", "list", "--organisation", "DES-GRA5"]).stdout).toMatch(/^new\.person@demo\.example\t\(invited\)\tsubmitter\tDES-GRA5\tinvited until \d{4}-\d{2}-\d{2}$/m);
    const wrong = cli(["users", "invite", "--email", "x@demo.example", "--role", "submitter", "--organisation", "MSA"]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("belongs to a body, but");
    expect(cli(["users", "invite", "--email", "x@demo.example", "--role", "boss", "--organisation", "MSA"]).stderr).toContain("“boss” is not a role");
    expect(cli(["users", "role", "--email", "approver@demo.example", "--role", "submitter", "--organisation", "DES-LIC1"]).stdout).toBe("approver@demo.example is now submitter for DES-LIC1.\n");
    expect(cli(["users", "deactivate", "--email", "approver@demo.example"]).stdout).toMatch(/^approver@demo\.example is deactivated; \d+ sessions? ended\.$/m);
    expect(cli(["users", "list", "--organisation", "DES-LIC1"]).stdout).toMatch(/^approver@demo\.example\t.*\tdeactivated$/m);
    expect(cli(["users", "reset-password", "--email", "approver@demo.example"]).stderr).toContain("is deactivated. Reactivate it first.");
    expect(cli(["users", "reactivate", "--email", "approver@demo.example"]).stdout).toBe("approver@demo.example can sign in again.\n");
    expect(cli(["users", "reset-password", "--email", "approver@demo.example"]).stdout).toBe("Password-reset link for approver@demo.example queued: it works for 1 hour.\n");
    expect(cli(["users", "revoke", "--email", "submitter@demo.example", "--organisation", "DES-GRA5"]).code).toBe(0);
    const c = openDatabase(databaseUrl);
    try {
      const actions = (await c.db.selectFrom("audit_log").select(["action", "actor"]).where("action", "like", "user.%").execute()).map((a) => `${a.action} by ${a.actor}`);
      expect(actions).toEqual(expect.arrayContaining(["user.invited by cli", "user.role-changed by cli", "user.deactivated by cli", "user.reactivated by cli", "user.password-reset-sent by cli", "user.revoked by cli"]));
      const jobs = await c.db.selectFrom("jobs").select("idempotency_key").execute();
      expect(jobs.map((j) => j.idempotency_key.split(":")[0])).toEqual(expect.arrayContaining(["invitation", "password-reset"]));
    } finally {
      await c.close();
    }
  });

  it("exports returns and refuses a bad import with a report, changing nothing", () => {
    const out = join(dir, "des.csv");
    const exported = cli(["export", "returns", "--department", "DES", "--from", "2025-26 Q1", "--out", out]);
    expect(exported.code).toBe(0);
    const csv = readFileSync(out, "utf8");
    expect(csv.split("\n")[0]).toMatch(/^organisation_code,period,template_version,brought_forward,received,/);
    const bad = join(dir, "bad.csv");
    const [header, first] = csv.split("\n");
    writeFileSync(bad, `${header}\n${first!.replace(/^([^,]+,[^,]+,\d+,\d+,)\d+/, "$1-4")}\n`);
    const refused = cli(["import", "returns", bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Nothing was imported: the file has 1 problem.");
    expect(refused.stderr).toContain("row 2, column received: ‘Complaints received’: expected a whole number of 0 or more, but found a negative number (-4).");
    const same = cli(["import", "returns", out]);
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/^Imported \d+ rows: 0 new returns, 0 new revisions, \d+ already up to date\.$/m);
  });

  it("writes a department's annual report complaints section as HTML or plain text, refusing other files and unknown departments", async () => {
    const html = join(dir, "annual.html");
    const written = cli(["annual-report", "--department", "DES", "--year", "2025-26", "--out", html]);
    expect(written).toMatchObject({ code: 0, stdout: `Wrote the 2025-26 annual report complaints section for Department for Example Services (synthetic) (DES) to ${html} as HTML.\n` });
    const page = readFileSync(html, "utf8");
    // A whole document that opens on its own, as the portal's download (WCAG 2.2 3.1.1 and 2.4.2).
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n<title>Complaints: annual report section 2025-26, Department for Example Services \(synthetic\)<\/title>\n<\/head>\n<body>\n<h2 class="govuk-heading-l">Complaints<\/h2>/);
    expect(page.trimEnd().endsWith("</body>\n</html>")).toBe(true);
    expect(page).toContain("<caption class=\"govuk-table__caption govuk-table__caption--s\">Outcomes of the investigations the Ombudsman reported on, 2025-26</caption>");

    const txt = join(dir, "annual.txt");
    expect(cli(["annual-report", "--department", "DES", "--year", "2025-26", "--out", txt]).code).toBe(0);
    const text = readFileSync(txt, "utf8");
    expect(text).not.toContain("<");
    // The figures are the demo's: DES's bodies' 2025-26 returns as sent to the department, added up here.
    const total = await sentTotals("DES", "2025-26");
    const n = (x: number) => x.toLocaleString("en-GB");
    expect(text).toContain(`These figures are for the Ombudsman’s financial year 2025-26 (April 2025 to March 2026).`);
    expect(text).toContain(`The Ombudsman accepted ${n(total("phso_accepted"))} complaints for investigation.`);
    expect(text).toContain(`The Ombudsman reported on ${n(total("phso_reported"))} investigations.`);
    expect(total("phso_reported")).toBeGreaterThan(0);
    expect(text).toContain(`- Upheld in full: ${n(total("phso_upheld"))} (${((total("phso_upheld") / total("phso_reported")) * 100).toFixed(1)}%)`);
    expect(text).toContain(`In 2025-26 they received ${n(total("received"))} complaints`);
    expect(text).toContain(`made ${n(total("payments_maladministration_count"))} payments of compensation for maladministration in 2025-26, totalling £${n(Math.round(total("payments_maladministration_total") / 100))}.`);

    const pdf = join(dir, "annual.pdf");
    expect(cli(["annual-report", "--department", "DES", "--year", "2025-26", "--out", pdf])).toMatchObject({
      code: 1,
      stderr: `The annual report section is written as HTML or plain text: end the file name with .html or .txt, not “${pdf}”.\n`,
    });
    expect(cli(["annual-report", "--department", "NOPE", "--year", "2025-26", "--out", txt])).toMatchObject({ code: 1, stderr: "There is no organisation with code NOPE.\n" });
    const badYear = cli(["annual-report", "--department", "DES", "--year", "2025", "--out", txt]);
    expect(badYear.code).toBe(2);
    expect(badYear.stderr).toContain("“2025” is not a financial year: write it like 2025-26");
  });

  it("writes a board pack in each format, for a department or a body and a quarter or a year, refusing what it cannot do", { timeout: 240_000 }, () => {
    const ods = join(dir, "pack.ods");
    const written = cli(["pack", "--department", "DES", "--period", "Jul to Sep 2026", "--format", "ods", "--out", ods]);
    expect(written.code, written.stderr).toBe(0);
    // Every section of the return has a per-body table, other insight and context and resources included.
    expect(written.stdout).toBe(`Wrote “Complaints board pack: Department for Example Services (synthetic), Jul to Sep 2026” (17 tables) to ${ods} in ${/in (\d+\.\d) s/.exec(written.stdout)![1]} s.\n`);
    expect(written.stderr).toBe("Building the board pack…\n");
    const bytes = readFileSync(ods);
    // An ODF package: a zip whose first entry is the mimetype, stored uncompressed.
    expect(bytes.subarray(30, 38).toString("latin1")).toBe("mimetype");
    expect(bytes.subarray(38, 84).toString("latin1")).toBe("application/vnd.oasis.opendocument.spreadsheet");

    const csv = join(dir, "pack.csv");
    expect(cli(["pack", "--department", "DES", "--body", "DES-LIC1", "--year", "2025-26", "--format", "csv", "--out", csv]).code).toBe(0);
    const rows = readFileSync(csv, "utf8").split("\r\n");
    expect(rows[0]).toBe("\ufefftable,organisation,organisation_name,period,label,measure_code,measure,statistic,panel,unit,value,marker");
    expect(new Set(rows.slice(1, -1).map((r) => r.split(",")[1]))).toEqual(new Set(["DES-LIC1", "DES"]));
    const metadata = JSON.parse(readFileSync(`${csv}-metadata.json`, "utf8")) as { url: string; "@context": unknown };
    expect(metadata.url).toBe("pack.csv");

    const pdf = join(dir, "pack.pdf");
    expect(cli(["pack", "--department", "DES", "--period", "2026-27 Q1", "--format", "pdf", "--out", pdf]).code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    expect(cli(["pack", "--department", "NOPE", "--period", "2026-27 Q1", "--format", "pdf", "--out", pdf])).toMatchObject({ code: 1, stderr: "Building the board pack…\nThere is no organisation with code NOPE.\n" });
    expect(cli(["pack", "--department", "DES", "--body", "MSA-COU8", "--period", "2026-27 Q1", "--format", "pdf", "--out", pdf]).stderr).toContain("MSA-COU8 is not one of Department for Example Services (synthetic)'s bodies.");
    const both = cli(["pack", "--department", "DES", "--period", "2026-27 Q1", "--year", "2025-26", "--format", "pdf", "--out", pdf]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("pack needs either --period");
    expect(cli(["pack", "--department", "DES", "--period", "2026-27 Q1", "--format", "docx", "--out", pdf]).stderr).toContain("--format is one of ods, xlsx, pdf, csv, not “docx”");
  });

  it("refuses a missing file, and a file over IMPORT_MAX_BYTES before reading it", () => {
    const missing = join(dir, "missing.csv");
    expect(cli(["import", "returns", missing])).toMatchObject({ code: 1, stderr: `Nothing was imported: the file has 1 problem.\n  There is no file at ${missing}.\n` });
    const big = join(dir, "big.csv");
    writeFileSync(big, "organisation_code,period\n".repeat(100));
    expect(cli(["import", "returns", big], undefined, { IMPORT_MAX_BYTES: "1000" })).toMatchObject({
      code: 1,
      stderr: "Nothing was imported: the file has 1 problem.\n  The file is 0.0 MB; the most this system accepts is 0.0 MB (IMPORT_MAX_BYTES). Split it into smaller files.\n",
    });
  });

  it("computes a body's returns from its case file: a dry run, the export's CSV, a refused file, then the cases stored and the open quarter's draft written", async () => {
    const sample = join(import.meta.dirname, "..", "..", "samples", "cases.csv");
    // The sample's cases received in Apr to Jun 2025, counted here from the file (both date formats).
    const received = readFileSync(sample, "utf8")
      .split("\r\n")
      .slice(1, -1)
      .map((line) => line.split(",")[1]!)
      .map((d) => (d.includes("/") ? d.split("/").toReversed().join("-") : d))
      .filter((d) => d >= "2025-04-01" && d <= "2025-06-30").length;
    expect(received).toBeGreaterThan(10);
    const dry = cli(["import", "cases", sample, "--organisation", "DES-LIC1", "--dry-run"]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`Apr to Jun 2025 (2025-26 Q1)\n  Open at the start of the quarter: 0\n  Complaints received: ${received}\n`);
    expect(dry.stdout).toContain("Dry run: checked 40 cases for Licensing Agency (synthetic) (DES-LIC1); nothing was stored.");
    // The quarters after the file's last event only carry its open cases on to today: named, not listed.
    expect(dry.stdout).toMatch(/\nNot listed: Oct to Dec 2025 to [A-Z][a-z]{2} to [A-Z][a-z]{2} \d{4}, when nothing in the file happened \(\d+ cases open throughout\)\.\n/);
    expect(dry.stdout).not.toContain("(2025-26 Q3)\n  Open at the start");
    // The demo's returns for 2025-26 have been accepted: they are not changed.
    expect(dry.stdout).toContain("Skipped Apr to Jun 2025 (2025-26 Q1): The return for Apr to Jun 2025 cannot take the computed figures: You cannot save a return that is accepted.");

    const csv = cli(["import", "cases", sample, "--organisation", "DES-LIC1", "--dry-run", "--format", "csv"]);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^organisation_code,period,template_version,brought_forward,received,withdrawn,carried_forward,/);
    expect(lines[1]).toMatch(new RegExp(`^DES-LIC1,2025-26 Q1,2,0,${received},`));
    expect(lines.map((l) => l.split(",")[1])).toEqual(["period", "2025-26 Q1", "2025-26 Q2"]);
    expect(csv.stderr).toContain("Not listed: Oct to Dec 2025 to ");

    const bad = join(dir, "bad-cases.csv");
    const rows = readFileSync(sample, "utf8").split("\r\n");
    rows[2] = rows[2]!.replace(/,online,/, ",fax,");
    writeFileSync(bad, rows.join("\r\n"));
    const refused = cli(["import", "cases", bad, "--organisation", "DES-LIC1"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^Nothing was stored: 1 problem\.\n {2}row 3, column channel: .*fax/m);

    // Three cases in the last quarter that has ended, whose draft is open in the demo.
    const quarter = previousPeriod(periodContaining(ukDateOf(new Date())));
    const { start } = periodDates(quarter);
    const recent = join(dir, "recent-cases.csv");
    writeFileSync(
      recent,
      [
        "case_ref,received_date,stage,closed_date,outcome,channel",
        `R-1,${addDays(start, 1)},early_resolution,${addDays(start, 3)},upheld,online`,
        `R-2,${addDays(start, 8)},early_resolution,,,email`,
        `R-3,${addDays(start, 20)},early_resolution,${addDays(start, 22)},not_upheld,phone`,
        "",
      ].join("\n"),
    );
    const code = formatPeriodCode(quarter);
    const stored = cli(["import", "cases", recent, "--organisation", "DES-LIC1"]);
    expect(stored.code, stored.stderr).toBe(0);
    expect(stored.stdout).toContain("Stored 3 cases for Licensing Agency (synthetic) (DES-LIC1), replacing those stored before.");
    expect(stored.stdout).toContain(`Wrote the computed figures into the drafts for ${periodLabelOf(code)} (${code}).`);
    // What changed in the draft, headline figures before → after.
    expect(stored.stdout).toMatch(new RegExp(`\\n${periodLabelOf(code)} \\(${code}\\): [\\d,]+ figures? changed: Complaints received (blank|[\\d,]+) → 3;`));
    // The same file again: a dry run says nothing would change.
    expect(cli(["import", "cases", recent, "--organisation", "DES-LIC1", "--dry-run"]).stdout).toContain(`${periodLabelOf(code)} (${code}): no figure would change.`);
    // The example file, without --dry-run, is only checked: nothing is stored.
    const example = join(dir, "example-cases.csv");
    writeFileSync(example, exampleCaseFile(code, ["enforcement"]));
    const tried = cli(["import", "cases", example, "--organisation", "DES-LIC1", "--period", code]);
    expect(tried.code, tried.stderr).toBe(0);
    expect(tried.stdout).toContain("Example file: its 12 cases are made up (every reference starts EXAMPLE-), so it is only checked, as with --dry-run; nothing was stored.");
    expect(tried.stdout).toMatch(new RegExp(`${periodLabelOf(code)} \\(${code}\\): [\\d,]+ figures would change: Complaints received 3 → 11;`));
    const c = openDatabase(databaseUrl);
    try {
      const id = (await findReturnId(c.db, "DES-LIC1", code))!;
      const draft = (await loadRevision(c.db, id))!;
      expect(draft.status).toBe("draft");
      expect(draft.values).toMatchObject({ received: 3, er_closed: 2, er_upheld: 1, er_not_upheld: 1 });
      const computed = (await listAudit(c.db, "return", id)).filter((e) => e.action === "return.computedFromCases");
      expect(computed.at(-1)).toMatchObject({ actor: "cli", reason: "Computed from the case file recent-cases.csv (3 cases)" });
      const refs = (await sql<{ case_ref: string }>`select case_ref from cases where organisation_code = 'DES-LIC1' order by case_ref`.execute(c.db)).rows.map((r) => r.case_ref);
      expect(refs).toEqual(["R-1", "R-2", "R-3"]);
    } finally {
      await c.close();
    }

    // A quarter whose return was accepted is refused by name, and nothing changes.
    const accepted = cli(["import", "cases", sample, "--organisation", "DES-LIC1", "--period", "2025-26 Q1"]);
    expect(accepted.code).toBe(1);
    expect(accepted.stderr).toContain("Nothing was stored: 1 problem.\n  The return for Apr to Jun 2025 cannot take the computed figures");
    expect(cli(["import", "cases", join(dir, "none.csv"), "--organisation", "DES-LIC1"])).toMatchObject({ code: 1, stderr: `There is no file at ${join(dir, "none.csv")}.\n` });
    expect(cli(["import", "cases", sample]).code).toBe(2);
  });

  it("serves until SIGTERM, then shuts down cleanly", async () => {
    const { child, url, output } = await serveCommand(databaseUrl);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output()).toContain('"msg":"shutting down"');
  });

  it("reads an uploaded return spreadsheet in the reader's thread, built beside the server", async () => {
    const { child, url } = await serveCommand(databaseUrl);
    try {
      const signedIn = await fetch(`${url}/trpc/auth.signIn`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "submitter@demo.example", password: "complaints-demo-2026" }) });
      const headers = { "content-type": "application/json", cookie: signedIn.headers.get("set-cookie")!.split(";")[0]! };
      const call = async <T,>(path: string, input: unknown) => ((await (await fetch(`${url}/trpc/${path}`, { method: "POST", headers, body: JSON.stringify(input) })).json()) as { result: { data: T } }).result.data;
      // The demo's last quarter is the one before today's, and still open.
      const period = formatPeriodCode(previousPeriod(periodContaining(ukDateOf(new Date()))));
      const draft = await call<{ returnId: string; version: number }>("returns.openDraft", { organisationCode: "DES-LIC1", period });
      const bytes = Buffer.from("PK\x03\x04 and then nothing a zip file has");
      const answer = await call("returns.uploadSpreadsheet", { returnId: draft.returnId, expectedVersion: draft.version, fileName: "return.xlsx", contentBase64: bytes.toString("base64") });
      expect(answer).toMatchObject({ ok: false, problems: [{ message: "The file cannot be read: it is damaged: it starts like a zip file but its directory cannot be read." }] });
    } finally {
      child.kill("SIGTERM");
    }
  });
});
