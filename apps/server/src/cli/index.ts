import { createReadStream } from "node:fs";
import { readFile, stat, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { randomBytes, randomUUID } from "node:crypto";
import {
  annualReportSection,
  boardPack,
  exportReturnsCsv,
  fileRefusedReport,
  fileSizeProblem,
  hashPassword,
  importCases,
  lastActiveQuarter,
  importReturns,
  passwordProblem,
  systemServiceContext,
  writePack,
  writeReturnsCsv,
  type CaseImportResult,
  type PackFormat,
  type ImportOptions,
  type ImportReport,
} from "@complaints/api";
import { appendAudit, countUsers, findUserByEmail, getOrganisation, grantUserOrganisation, insertUser, listOrganisations, migrateToLatest, openDatabase, type Connection } from "@complaints/db";
import { csvText, answerText, bankHolidayRegionLabels, currentTemplate, financialYearCode, isSupportedYear, formatCount, formatPeriodCode, headlineChanges, organisationKindForRole, parsePeriod, periodLabelOf, roleSchema, roles, templateFields, type Organisation } from "@complaints/domain";
import { writePackCsvMetadata } from "@complaints/reports";
import { demoAccounts, demoPassword, seedDemo } from "../demo/seed.ts";
import { loadEnv, type Env } from "../env.ts";
import { createLogger, startServer } from "../http/serve.ts";
import { progressReporter } from "./progress.ts";

const usage = `Complaints oversight: command line

Usage: pnpm cli <command> [options]

  migrate                              bring the database schema up to date
  seed --demo                          load synthetic demo data into an empty database
  users add --email E --role R --organisation CODE [--name N] [--password-stdin]
                                       add an account (roles: ${roles.join(", ")}); without
                                       --password-stdin a random password is printed once
  users grant --email E --organisation CODE
                                       let a body's user act for another body as well
  organisations list [--format csv]    list organisations: code, name, type, parent, region, dates
  import returns FILE.csv [--revise]   load returns from a wide CSV, all or nothing
  import cases FILE --organisation CODE [--mapping NAME] [--period "2025-26 Q2"] [--dry-run]
       [--format text|csv]             compute a body's returns from its case file and print them;
                                       stores the cases and writes the drafts of the quarters open
                                       for editing (or only --period), all or nothing
  export returns --department CODE [--from PERIOD] [--to PERIOD] --out FILE.csv
                                       write a department's accepted returns in the same format
  pack --department CODE (--period "2025-26 Q2" | --year 2025-26) [--body CODE]
       --format ods|xlsx|pdf|csv --out FILE
                                       write a board pack: a department's (or one of its bodies')
                                       for a quarter or a financial year; csv also writes its CSVW
                                       metadata beside it (FILE.csv-metadata.json)
  annual-report --department CODE --year 2025-26 --out FILE.html
                                       write the complaints section of a department's annual
                                       report for a financial year (FILE.txt for plain text)
  serve                                start the web server (migrating first)
  start [--demo]                       migrate, load the demo if the database is empty, serve

The database is DATABASE_URL (default: an SQLite file under data/). Exit status: 0 done,
1 the command failed (the reason is printed), 2 the command was not understood.`;

class UsageError extends Error {}

async function withDatabase<T>(env: Env, run: (c: Connection) => Promise<T>): Promise<T> {
  const connection = openDatabase(env.DATABASE_URL);
  try {
    await migrateToLatest(connection);
    return await run(connection);
  } finally {
    await connection.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

/** Reads a returns file from disk, its size checked before it is read, and imports it. */
async function importReturnsFile(db: Connection["db"], path: string, options: ImportOptions): Promise<ImportReport> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return fileRefusedReport(`There is no file at ${path}.`);
  }
  const tooLarge = fileSizeProblem(size, options.maxBytes);
  if (tooLarge) return fileRefusedReport(tooLarge);
  return importReturns(db, await readFile(path), options);
}

function printImportReport(report: ImportReport): void {
  if (report.ok) {
    console.log(
      `Imported ${report.rows.toLocaleString("en-GB")} rows${report.encoding === "windows-1252" ? " (read as Windows-1252)" : ""}: ${report.created} new returns, ${report.revised} new revisions, ${report.unchanged} already up to date.`,
    );
    return;
  }
  console.error(`Nothing was imported: the file has ${report.problems.length + report.moreProblems} ${report.problems.length + report.moreProblems === 1 ? "problem" : "problems"}.`);
  printProblems(report.problems, report.moreProblems);
}

/** Each problem as "row 12, column closed_date: …" (the message alone for the file as a whole), then how many more. */
function printProblems(problems: readonly { row: number | null; column: string | null; message: string }[], more: number): void {
  for (const p of problems) {
    const where = [p.row !== null ? `row ${p.row}` : null, p.column ? `column ${p.column}` : null].filter(Boolean).join(", ");
    console.error(`  ${where ? `${where}: ` : ""}${p.message}`);
  }
  if (more > 0) console.error(`  …and ${more.toLocaleString("en-GB")} more.`);
}

export async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  const env = loadEnv();
  switch (command) {
    case undefined:
    case "help":
    case "--help":
      console.log(usage);
      return 0;

    case "migrate":
      return withDatabase(env, async (c) => {
        console.log(`Database up to date (${c.description}).`);
        return 0;
      });

    case "seed": {
      const { values } = parseArgs({ args: [sub, ...rest].filter((a): a is string => a !== undefined), options: { demo: { type: "boolean" } } });
      if (!values.demo) throw new UsageError("seed needs --demo (the only data set there is)");
      return withDatabase(env, async (c) => {
        const summary = await seedDemo(c.db, new Date());
        console.log(`Loaded the demo: ${summary.departments} departments, ${summary.bodies} bodies, ${summary.returns} returns for ${summary.periods[0]} to ${summary.periods.at(-1)}.`);
        return 0;
      });
    }

    case "users": {
      if (sub === "grant") return grantOrganisation(env, rest);
      if (sub !== "add") throw new UsageError("users has two commands: users add, users grant");
      const { values } = parseArgs({
        args: rest,
        options: { email: { type: "string" }, role: { type: "string" }, organisation: { type: "string" }, name: { type: "string" }, "password-stdin": { type: "boolean" } },
      });
      if (!values.email || !values.role || !values.organisation) throw new UsageError("users add needs --email, --role and --organisation");
      const role = roleSchema.safeParse(values.role);
      if (!role.success) throw new Error(`“${values.role}” is not a role. Use one of: ${roles.join(", ")}.`);
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email)) throw new Error(`“${values.email}” is not an email address.`);
      const generated = !values["password-stdin"];
      const password = generated ? randomBytes(12).toString("base64url") : await readStdin();
      const problem = passwordProblem(password);
      if (problem) throw new Error(problem);
      return withDatabase(env, async (c) => {
        const org = await getOrganisation(c.db, values.organisation!);
        if (!org) throw new Error(`There is no organisation with code ${values.organisation}.`);
        const kind = organisationKindForRole(role.data);
        if (org.kind !== kind) throw new Error(`A ${role.data} belongs to a ${kind}, but ${org.code} is a ${org.kind}.`);
        if (await findUserByEmail(c.db, values.email!)) throw new Error(`There is already an account for ${values.email}.`);
        const id = randomUUID();
        const now = new Date().toISOString();
        const passwordHash = await hashPassword(password);
        await c.db.transaction().execute(async (trx) => {
          await insertUser(trx, { id, email: values.email!, displayName: values.name ?? values.email!, passwordHash, role: role.data, organisationCode: org.code }, now);
          await appendAudit(trx, {
            at: now,
            actorUserId: null,
            actor: "cli",
            action: "user.added",
            entityType: "user",
            entityId: id,
            organisationCode: org.code,
            changes: [
              { field: "email", old: null, new: values.email!.toLowerCase() },
              { field: "role", old: null, new: role.data },
            ],
            reason: null,
          });
        });
        console.log(`Added ${values.email} as ${role.data} for ${org.name}.`);
        if (generated) console.log(`Password (shown once; pass it on securely): ${password}`);
        return 0;
      });
    }

    case "organisations": {
      if (sub !== "list") throw new UsageError("organisations has one command: organisations list");
      const { values } = parseArgs({ args: rest, options: { format: { type: "string", default: "table" } } });
      if (values.format !== "csv" && values.format !== "table") throw new UsageError("--format is csv or table");
      return withDatabase(env, async (c) => {
        const orgs = await listOrganisations(c.db);
        const rows = orgs.map((o) => [o.code, o.name, o.kind === "department" ? "department" : o.bodyType, o.parentCode ?? "", bankHolidayRegionLabels[o.region], o.activeFrom, o.activeTo ?? ""]);
        const header = ["code", "name", "type", "parent_code", "region", "active_from", "active_to"];
        if (values.format === "csv") process.stdout.write(csvText([header, ...rows], { lineEnd: "\n" }));
        else {
          const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
          for (const r of [header, ...rows]) console.log(r.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd());
        }
        return 0;
      });
    }

    case "import": {
      if (sub === "cases") return importCasesCommand(env, rest);
      if (sub !== "returns") throw new UsageError("import has two commands: import returns FILE.csv, import cases FILE");
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { revise: { type: "boolean" } } });
      if (positionals.length !== 1) throw new UsageError("import returns needs one file name");
      return withDatabase(env, async (c) => {
        const progress = progressReporter();
        const report = await importReturnsFile(c.db, positionals[0]!, {
          actor: "import",
          now: new Date().toISOString(),
          maxBytes: env.IMPORT_MAX_BYTES,
          revise: values.revise ?? false,
          onProgress: (phase, done, total) => total > 0 && progress(phase === "checking" ? "Checking rows" : "Writing returns", done, total),
        });
        printImportReport(report);
        return report.ok ? 0 : 1;
      });
    }

    case "export": {
      if (sub !== "returns") throw new UsageError("export has one command: export returns");
      const { values } = parseArgs({ args: rest, options: { department: { type: "string" }, from: { type: "string" }, to: { type: "string" }, out: { type: "string" } } });
      if (!values.department || !values.out) throw new UsageError("export returns needs --department and --out");
      return withDatabase(env, async (c) => {
        const { csv, rows } = await exportReturnsCsv(c.db, { departmentCode: values.department!, ...(values.from ? { from: values.from } : {}), ...(values.to ? { to: values.to } : {}) });
        await writeFile(values.out!, csv);
        console.log(`Wrote ${rows} returns to ${values.out}.`);
        return 0;
      });
    }

    case "annual-report":
      return annualReport(env, [sub, ...rest].filter((a): a is string => a !== undefined));

    case "pack":
      return writeBoardPack(env, [sub, ...rest].filter((a): a is string => a !== undefined));

    case "serve":
    case "start": {
      const { values } = parseArgs({ args: [sub, ...rest].filter((a): a is string => a !== undefined), options: { demo: { type: "boolean" } } });
      const logger = createLogger(env);
      const connection = openDatabase(env.DATABASE_URL, {
        onConnectionLost: (err) => logger.warn({ err }, "the database closed a connection; a new one opens when next needed"),
      });
      await migrateToLatest(connection);
      if (values.demo && (await countUsers(connection.db)) === 0) {
        const summary = await seedDemo(connection.db, new Date());
        logger.info(summary, "loaded demo data");
      }
      const server = await startServer(env, connection, logger);
      if (values.demo) {
        console.log(`\nComplaints oversight is running at ${server.url}\nThe body's app (returns and action plans): ${server.url}/agency/\nThe department portal (tracker, review, comparison): ${server.url}/portal/\nDemo accounts (password “${demoPassword}”):`);
        for (const a of demoAccounts) console.log(`  ${a.email.padEnd(30)} ${a.role.padEnd(12)} ${a.organisation}`);
        console.log("Press Ctrl+C to stop.\n");
      }
      await new Promise<void>((resolve) => {
        const stop = async (signal: string) => {
          logger.info({ signal }, "shutting down");
          await server.close();
          await connection.close();
          resolve();
        };
        process.once("SIGINT", () => void stop("SIGINT"));
        process.once("SIGTERM", () => void stop("SIGTERM"));
      });
      return 0;
    }

    default:
      throw new UsageError(`“${command}” is not a command`);
  }
}

/** Runs the command line and exits with its status. */
export function runCli(argv: string[]): void {
  main(argv).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof UsageError) {
        console.error(`${error.message}\n\n${usage}`);
        process.exit(2);
      }
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}

/** `users grant`: a body's user acts for another body too (a shared complaints team), recorded in the audit log. */
async function grantOrganisation(env: Env, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { email: { type: "string" }, organisation: { type: "string" } } });
  if (!values.email || !values.organisation) throw new UsageError("users grant needs --email and --organisation");
  return withDatabase(env, async (c) => {
    const user = await findUserByEmail(c.db, values.email!);
    if (!user) throw new Error(`There is no account for ${values.email}.`);
    if (organisationKindForRole(roleSchema.parse(user.role)) !== "body") throw new Error(`${values.email} acts for a department, which already covers its bodies; only a body's users act for other bodies.`);
    const org = await getOrganisation(c.db, values.organisation!);
    if (!org) throw new Error(`There is no organisation with code ${values.organisation}.`);
    if (org.kind !== "body") throw new Error(`${org.code} is a department; a body's user can act only for bodies.`);
    if (org.code === user.organisation_code) throw new Error(`${values.email} already acts for ${org.code}: it is their own organisation.`);
    const now = new Date().toISOString();
    await c.db.transaction().execute(async (trx) => {
      await grantUserOrganisation(trx, user.id, org.code, now);
      await appendAudit(trx, { at: now, actorUserId: null, actor: "cli", action: "user.granted", entityType: "user", entityId: user.id, organisationCode: org.code, changes: [{ field: "acts for", old: null, new: org.code }], reason: null });
    });
    console.log(`${values.email} now acts for ${org.name} (${org.code}) as well.`);
    return 0;
  });
}

/**
 * `annual-report`: the complaints section of a department's annual report (Cabinet Office guidance
 * section 27) as HTML or plain text, chosen by the file's extension. The CLI has no signed-in user:
 * it reads with the system context (any department), as the person running it can read the database.
 */
async function annualReport(env: Env, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { department: { type: "string" }, year: { type: "string" }, out: { type: "string" } } });
  if (!values.department || !values.year || !values.out) throw new UsageError("annual-report needs --department, --year and --out");
  const year = values.year;
  if (!/^\d{4}-\d{2}$/.test(year) || financialYearCode(Number(year.slice(0, 4))) !== year) throw new UsageError(`“${year}” is not a financial year: write it like 2025-26`);
  const format = /\.html?$/i.test(values.out) ? "html" : /\.txt$/i.test(values.out) ? "text" : null;
  if (!format) throw new Error(`The annual report section is written as HTML or plain text: end the file name with .html or .txt, not “${values.out}”.`);
  return withDatabase(env, async (c) => {
    const section = await annualReportSection(await systemServiceContext(c.db, new Date()), { departmentCode: values.department!, financialYear: year });
    // HTML as a whole document (language, character set, title), as the portal's download is.
    await writeFile(values.out!, format === "html" ? section.document : section.text);
    console.log(`Wrote the ${section.financialYear} annual report complaints section for ${section.departmentName} (${section.departmentCode}) to ${values.out} as ${format === "html" ? "HTML" : "plain text"}.`);
    return 0;
  });
}

const cliPackFormats = ["ods", "xlsx", "pdf", "csv"] as const;

/** `pack`: a board pack written to a file, built with the command line's system context. */
async function writeBoardPack(env: Env, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { department: { type: "string" }, body: { type: "string" }, period: { type: "string" }, year: { type: "string" }, format: { type: "string" }, out: { type: "string" } } });
  if (!values.department || !values.format || !values.out) throw new UsageError("pack needs --department, --format and --out, and --period or --year");
  if ((values.period === undefined) === (values.year === undefined)) throw new UsageError("pack needs either --period (a quarter, like \"2025-26 Q2\") or --year (a financial year, like 2025-26), not both");
  const format = values.format.toLowerCase();
  if (!(cliPackFormats as readonly string[]).includes(format)) throw new UsageError(`--format is one of ${cliPackFormats.join(", ")}, not “${values.format}”`);
  let period: string | undefined;
  if (values.period !== undefined) {
    const parsed = parsePeriod(values.period);
    if (!parsed) throw new UsageError(`“${values.period}” is not a quarter: write it like "2025-26 Q2" or "Jul to Sep 2025"`);
    if (!isSupportedYear(parsed.startYear)) throw new UsageError(`“${values.period}”: the service takes quarters from April 2000 to March 2100`);
    period = formatPeriodCode(parsed);
  }
  const year = values.year;
  if (year !== undefined && (!/^\d{4}-\d{2}$/.test(year) || financialYearCode(Number(year.slice(0, 4))) !== year)) throw new UsageError(`“${year}” is not a financial year: write it like 2025-26`);
  if (year !== undefined && !isSupportedYear(Number(year.slice(0, 4)))) throw new UsageError(`“${year}”: the service takes quarters from April 2000 to March 2100`);
  return withDatabase(env, async (c) => {
    const started = performance.now();
    process.stderr.write("Building the board pack…\n");
    const pack = await boardPack(await systemServiceContext(c.db, new Date()), { departmentCode: values.department!, bodyCode: values.body, period, financialYear: year }, env.REPORT_CONTACT);
    const bytes = await writePack(pack, format as PackFormat);
    await writeFile(values.out!, bytes);
    const written = [values.out!];
    if (format === "csv") {
      // W3C CSVW's convention: FILE.csv is described by FILE.csv-metadata.json.
      const metadataFile = `${values.out!}-metadata.json`;
      await writeFile(metadataFile, writePackCsvMetadata(pack, basename(values.out!)));
      written.push(metadataFile);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Wrote “${pack.title}” (${pack.tables.length} tables) to ${written.join(" and ")} in ${seconds} s.`);
    return 0;
  });
}

/** The computed quarters as text: each quarter's figures with the template's questions, then what is left to fill in. */
function caseQuartersText(quarters: CaseImportResult["quarters"], org: Organisation): string {
  const fields = templateFields(currentTemplate, org.serviceAreas);
  const lines: string[] = [];
  for (const q of quarters) {
    lines.push(`${periodLabelOf(q.period)} (${q.period})${q.complete ? "" : ": not ended yet, figures so far"}`);
    // Counts of complaints as bare numbers ("Complaints received: 21"); money and working days with their unit.
    for (const f of fields) if (q.values[f.id] !== undefined) lines.push(`  ${f.label}: ${f.type === "count" && f.unit !== "working days" ? formatCount(q.values[f.id]!) : answerText(f, q.values[f.id])}`);
    if (q.left.length > 0) {
      lines.push("  Not computed from the file (to fill in on the return):");
      // A breakdown left out (`received_by_channel`) is named as its fields' shared question.
      const labels = new Map([...fields.filter((f) => f.breakdown).map((f) => [f.breakdown!, f.label.replace(/:.*$/, "")] as const), ...fields.map((f) => [f.id, f.label] as const)]);
      for (const l of q.left) lines.push(`    ${labels.get(l.field) ?? l.field}: ${l.reason}`);
    }
    lines.push("");
  }
  return lines.join("\n");
}

const caseFormats = ["text", "csv"] as const;

/** "Apr to Jun 2025: 23 figures changed (would change, for a dry run); Complaints received 657 → 11, …" for each draft written. */
function figureChangesText(written: CaseImportResult["writtenQuarters"], verb: string): string[] {
  const value = (v: unknown) => (v === null || v === undefined ? "blank" : typeof v === "number" ? v.toLocaleString("en-GB") : String(v));
  return written.map((q) => {
    const n = q.changes.length;
    const headline = headlineChanges(q.changes).map((c) => `${c.label} ${value(c.from)} → ${value(c.to)}`);
    return `${periodLabelOf(q.period)} (${q.period}): ${n === 0 ? "no figure" : `${n.toLocaleString("en-GB")} ${n === 1 ? "figure" : "figures"}`} ${verb}${headline.length > 0 ? `: ${headline.join("; ")}` : ""}.`;
  });
}

/**
 * `import cases`: a body's case file streamed from disk into the case import (never read whole),
 * with the command line's system context acting for the body. Prints the computed returns; unless a
 * dry run, stores the cases and writes the drafts (only `--period`'s, or every complete quarter
 * open for editing), all or nothing.
 */
async function importCasesCommand(env: Env, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { organisation: { type: "string" }, mapping: { type: "string" }, period: { type: "string" }, "dry-run": { type: "boolean" }, format: { type: "string", default: "text" } },
  });
  if (positionals.length !== 1) throw new UsageError("import cases needs one file name");
  if (!values.organisation) throw new UsageError("import cases needs --organisation CODE (the body whose cases these are)");
  const format = values.format.toLowerCase();
  if (!(caseFormats as readonly string[]).includes(format)) throw new UsageError(`--format is text or csv, not “${values.format}”`);
  let period: string | null = null;
  if (values.period !== undefined) {
    const parsed = parsePeriod(values.period);
    if (!parsed) throw new UsageError(`“${values.period}” is not a quarter: write it like "2025-26 Q2" or "Jul to Sep 2025"`);
    if (!isSupportedYear(parsed.startYear)) throw new UsageError(`“${values.period}”: the service takes quarters from April 2000 to March 2100`);
    period = formatPeriodCode(parsed);
  }
  const path = positionals[0]!;
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new Error(`There is no file at ${path}.`);
  }
  const dryRun = values["dry-run"] ?? false;
  // With --format csv, standard output is the CSV alone; everything else goes to standard error.
  const say = format === "csv" ? (line: string) => console.error(line) : (line: string) => console.log(line);
  return withDatabase(env, async (c) => {
    const org = await getOrganisation(c.db, values.organisation!);
    if (!org) throw new Error(`There is no organisation with code ${values.organisation}.`);
    const ctx = await systemServiceContext(c.db, new Date(), { actsFor: "body" });
    const progress = progressReporter();
    const result = await importCases(ctx, createReadStream(path), {
      organisationCode: org.code,
      fileName: basename(path),
      mappingName: values.mapping ?? null,
      period,
      everyOpenQuarter: period === null,
      dryRun,
      onProgress: (bytes) => size > 0 && progress("Reading cases (bytes)", bytes, size),
    });
    if (!result.ok) {
      const count = result.problems.length + result.moreProblems;
      console.error(`Nothing was stored: ${count} ${count === 1 ? "problem" : "problems"}.`);
      printProblems(result.problems, result.moreProblems);
      return 1;
    }
    // The quarters up to the last one in which anything in the file happened; those after it only
    // carry the cases still open (the computation runs on to today), so they are named, not listed.
    const shown = result.quarters.slice(0, lastActiveQuarter(result.quarters) + 1);
    const quiet = result.quarters.slice(shown.length);
    if (format === "csv") {
      const complete = shown.filter((q) => q.complete);
      process.stdout.write(writeReturnsCsv(complete.map((q) => ({ organisationCode: org.code, period: q.period, templateVersion: currentTemplate.version, values: q.values })), org.serviceAreas));
      for (const q of shown.filter((x) => !x.complete)) say(`${periodLabelOf(q.period)} has not ended yet, so it is left out of the CSV.`);
    } else {
      say(caseQuartersText(shown, org));
    }
    if (quiet.length > 0) {
      const open = quiet[0]!.values.brought_forward ?? 0;
      const range = quiet.length === 1 ? periodLabelOf(quiet[0]!.period) : `${periodLabelOf(quiet[0]!.period)} to ${periodLabelOf(quiet.at(-1)!.period)}`;
      say(`Not listed: ${range}, when nothing in the file happened (${open.toLocaleString("en-GB")} ${open === 1 ? "case" : "cases"} open throughout).`);
    }
    const cases = `${result.rows.toLocaleString("en-GB")} ${result.rows === 1 ? "case" : "cases"}`;
    const read = result.encoding === "windows-1252" ? " (read as Windows-1252)" : "";
    const quarterList = (qs: { period: string }[]) => qs.map((q) => `${periodLabelOf(q.period)} (${q.period})`).join(", ");
    if (result.example) {
      say(`Example file: its ${cases} are made up (every reference starts EXAMPLE-), so it is only checked, as with --dry-run; nothing was stored.`);
      if (result.writtenQuarters.length > 0) say(`A real file with these cases would go into the drafts for ${quarterList(result.writtenQuarters)}.`);
      for (const line of figureChangesText(result.writtenQuarters, "would change")) say(line);
    } else if (dryRun) {
      say(`Dry run: checked ${cases}${read} for ${org.name} (${org.code}); nothing was stored.`);
      if (result.writtenQuarters.length > 0) say(`Without --dry-run, the computed figures would go into the drafts for ${quarterList(result.writtenQuarters)}.`);
      for (const line of figureChangesText(result.writtenQuarters, "would change")) say(line);
    } else {
      say(`Stored ${cases}${read} for ${org.name} (${org.code}), replacing those stored before.`);
      say(result.writtenQuarters.length > 0 ? `Wrote the computed figures into the drafts for ${quarterList(result.writtenQuarters)}.` : "No return's draft was written.");
      for (const line of figureChangesText(result.writtenQuarters, "changed")) say(line);
    }
    // Consecutive quarters skipped for the same reason are said once.
    const runs: { first: string; last: string; reason: string }[] = [];
    for (const s of result.skipped) {
      const run = runs.at(-1);
      if (run && run.reason === s.reason) run.last = s.period;
      else runs.push({ first: s.period, last: s.period, reason: s.reason });
    }
    for (const r of runs) say(`Skipped ${r.first === r.last ? `${periodLabelOf(r.first)} (${r.first})` : `${periodLabelOf(r.first)} to ${periodLabelOf(r.last)}`}: ${r.reason}`);
    return 0;
  });
}
