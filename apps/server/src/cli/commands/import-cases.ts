import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { importCases, lastActiveQuarter, systemServiceContext, writeReturnsCsv, type CaseImportResult } from "@complaints/api";
import { getOrganisation } from "@complaints/db";
import { answerText, currentTemplate, formatCount, headlineChanges, periodLabelOf, templateFields, type Organisation } from "@complaints/domain";
import { printProblems, quarterOption, UsageError, withDatabase, type Command } from "../command.ts";
import { progressReporter } from "../progress.ts";

const caseFormats = ["text", "csv"] as const;

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

/** "Apr to Jun 2025: 23 figures changed (would change, for a dry run); Complaints received 657 → 11, …" for each draft written. */
function figureChangesText(written: CaseImportResult["writtenQuarters"], verb: string): string[] {
  const value = (v: unknown) => (v === null || v === undefined ? "blank" : typeof v === "number" ? v.toLocaleString("en-GB") : String(v));
  return written.map((q) => {
    const n = q.changes.length;
    const headline = headlineChanges(q.changes).map((c) => `${c.label} ${value(c.from)} → ${value(c.to)}`);
    return `${periodLabelOf(q.period)} (${q.period}): ${n === 0 ? "no figure" : `${n.toLocaleString("en-GB")} ${n === 1 ? "figure" : "figures"}`} ${verb}${headline.length > 0 ? `: ${headline.join("; ")}` : ""}.`;
  });
}

/** What `import cases` was asked for: the file, whose cases, and how to read, store and print them. */
function caseImportOptions(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { organisation: { type: "string" }, mapping: { type: "string" }, period: { type: "string" }, "dry-run": { type: "boolean" }, format: { type: "string", default: "text" } },
  });
  if (positionals.length !== 1) throw new UsageError("import cases needs one file name");
  if (!values.organisation) throw new UsageError("import cases needs --organisation CODE (the body whose cases these are)");
  const format = values.format.toLowerCase();
  if (!(caseFormats as readonly string[]).includes(format)) throw new UsageError(`--format is text or csv, not “${values.format}”`);
  const period = values.period === undefined ? null : quarterOption(values.period);
  return { path: positionals[0]!, organisationCode: values.organisation, mappingName: values.mapping ?? null, period, dryRun: values["dry-run"] ?? false, format: format as (typeof caseFormats)[number] };
}

type CaseImportOptions = ReturnType<typeof caseImportOptions>;

/**
 * The computed quarters, up to the last one in which anything in the file happened: those after it
 * only carry the cases still open (the computation runs on to today), so they are named, not listed.
 * With --format csv the complete quarters go to standard output in the `export returns` format.
 */
function printQuarters(result: CaseImportResult, org: Organisation, format: CaseImportOptions["format"], say: (line: string) => void): void {
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
}

/** What was stored (or, for an example file or a dry run, would have been), then the quarters skipped and why. */
function printOutcome(result: CaseImportResult, org: Organisation, dryRun: boolean, say: (line: string) => void): void {
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
}

/**
 * `import cases`: a body's case file streamed from disk into the case import (never read whole),
 * with the command line's system context acting for the body. Prints the computed returns; unless a
 * dry run, stores the cases and writes the drafts (only `--period`'s, or every complete quarter
 * open for editing), all or nothing.
 */
export const importCasesCommand: Command = async (env, args) => {
  const options = caseImportOptions(args);
  let size: number;
  try {
    size = (await stat(options.path)).size;
  } catch {
    throw new Error(`There is no file at ${options.path}.`);
  }
  // With --format csv, standard output is the CSV alone; everything else goes to standard error.
  const say = options.format === "csv" ? (line: string) => console.error(line) : (line: string) => console.log(line);
  return withDatabase(env, async (c) => {
    const org = await getOrganisation(c.db, options.organisationCode);
    if (!org) throw new Error(`There is no organisation with code ${options.organisationCode}.`);
    const ctx = await systemServiceContext(c.db, new Date(), { actsFor: "body" });
    const progress = progressReporter();
    const result = await importCases(ctx, createReadStream(options.path), {
      organisationCode: org.code,
      fileName: basename(options.path),
      mappingName: options.mappingName,
      period: options.period,
      everyOpenQuarter: options.period === null,
      dryRun: options.dryRun,
      onProgress: (bytes) => size > 0 && progress("Reading cases (bytes)", bytes, size),
    });
    if (!result.ok) {
      const count = result.problems.length + result.moreProblems;
      console.error(`Nothing was stored: ${count} ${count === 1 ? "problem" : "problems"}.`);
      printProblems(result.problems, result.moreProblems);
      return 1;
    }
    printQuarters(result, org, options.format, say);
    printOutcome(result, org, options.dryRun, say);
    return 0;
  });
};
