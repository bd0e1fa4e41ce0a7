import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { caseChannels } from "@complaints/domain";
import { duckdbFieldIds } from "./cases-duckdb.ts";
import { casesBenchSettings, casesBenchToday, writeCaseFile } from "./cases-file.ts";

/**
 * The case engine's benchmark: for each size, a generated case file (./cases-file.ts)
 * in the OS temporary folder, read by `readCaseFile` from a file stream in a fresh process (so the peak
 * memory is that run's alone), then by DuckDB from the same file in other fresh processes, with the
 * ratio (times are medians of three runs); then every figure of every quarter of the two is compared.
 * Targets: 1,000,000 rows in ≤ 4 s, peak memory ≤ 300 MB and not growing with the file's size; within
 * 3× of DuckDB.
 * The plain `pnpm bench` runs 100,000 and 1,000,000 rows; `BENCH_ONLY=cases` runs this alone and adds
 * 3,000,000; `BENCH_CASE_ROWS=100000,500000` chooses the sizes.
 */
export async function casesBenchmark(sizes: readonly number[]): Promise<void> {
  const settingsJson = JSON.stringify(casesBenchSettings);
  console.log(
    `case files: readCaseFile on a file stream (England and Wales, today ${casesBenchToday}) beside DuckDB on the same file; each run in a fresh process, times the median of ${runsPerSize} (fastest–slowest)`,
  );
  const dir = mkdtempSync(join(tmpdir(), "cases-bench-"));
  try {
    for (const rows of sizes) {
      const file = join(dir, `cases-${rows}.csv`);
      const generating = performance.now();
      const { bytes } = await writeCaseFile(file, rows);
      const mb = bytes / 1e6;
      console.log(`  ${rows.toLocaleString("en-GB")} rows, ${mb.toFixed(1)} MB (${(bytes / rows).toFixed(0)} bytes a row, generated in ${((performance.now() - generating) / 1000).toFixed(1)} s):`);
      try {
        const ours = runs("ours", file, settingsJson);
        const duck = runs("duckdb", file, settingsJson);
        const line = (name: string, r: Measured) =>
          `    ${name.padEnd(7)} ${(r.ms / 1000).toFixed(2).padStart(6)} s (${(r.minMs / 1000).toFixed(2)}–${(r.maxMs / 1000).toFixed(2)}; processor ${(r.cpuMs / 1000).toFixed(2)} s), ${Math.round(rows / (r.ms / 1000)).toLocaleString("en-GB").padStart(9)} rows/s, ${(mb / (r.ms / 1000)).toFixed(1).padStart(5)} MB/s, peak memory ${r.maxRssMB.toFixed(0).padStart(4)} MB (${r.startRssMB.toFixed(0)} MB before reading)`;
        const targets = rows === 1_000_000 ? " (targets: ≤ 4 s, ≤ 300 MB)" : "";
        console.log(`${line("ours:", ours)}${targets}`);
        console.log(`${line("DuckDB:", duck)} (DuckDB ${duck.first.version}, ${duck.first.threads} threads)`);
        console.log(`    ours/DuckDB: time ${(ours.ms / duck.ms).toFixed(1)}× (aim ≤ 3×), processor ${(ours.cpuMs / duck.cpuMs).toFixed(1)}×, peak memory ${(ours.maxRssMB / duck.maxRssMB).toFixed(1)}×`);
        if (ours.first.problems.length > 0) console.log(`    our engine refused the file: ${JSON.stringify(ours.first.problems)}`);
        else if (ours.first.rows !== rows) console.log(`    our engine read ${ours.first.rows} rows, not ${rows}`);
        else for (const text of compareCaseFigures(ours.first.figures, duck.first.figures)) console.log(`    ${text}`);
      } catch (error) {
        console.log(`    not measured (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`);
      } finally {
        rmSync(file, { force: true });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log("");
}

interface ChildResult {
  rows: number | null;
  problems: unknown[];
  ms: number;
  cpuMs: number;
  startRssMB: number;
  maxRssMB: number;
  figures: Record<string, Record<string, number>>;
  version?: string;
  threads?: number;
}

/** Runs per size and side: the machine is shared (2 cores), so the median of three fresh processes. */
const runsPerSize = 3;

interface Measured {
  first: ChildResult;
  /** Medians of wall-clock and processor time, the fastest and slowest run, the highest peak memory. */
  ms: number;
  cpuMs: number;
  minMs: number;
  maxMs: number;
  maxRssMB: number;
  startRssMB: number;
}

function runs(mode: "ours" | "duckdb", file: string, settingsJson: string): Measured {
  const all = Array.from({ length: runsPerSize }, () => run(mode, file, settingsJson));
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const ms = all.map((r) => r.ms);
  return {
    first: all[0]!,
    ms: median([...ms]),
    cpuMs: median(all.map((r) => r.cpuMs)),
    minMs: Math.min(...ms),
    maxMs: Math.max(...ms),
    maxRssMB: Math.max(...all.map((r) => r.maxRssMB)),
    startRssMB: median(all.map((r) => r.startRssMB)),
  };
}

function run(mode: "ours" | "duckdb", file: string, settingsJson: string): ChildResult {
  const out = execFileSync(process.execPath, ["--import", import.meta.resolve("tsx"), join(import.meta.dirname, "cases-child.ts"), mode, file, settingsJson, casesBenchToday], {
    encoding: "utf8",
    maxBuffer: 1e8,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(out) as ChildResult;
}

/** Every field DuckDB computes, in every quarter either side has; a figure missing on one side is 0. */
export function compareCaseFigures(ours: Record<string, Record<string, number>>, duck: Record<string, Record<string, number>>): string[] {
  const fields = duckdbFieldIds(casesBenchSettings, caseChannels);
  const periods = [...new Set([...Object.keys(ours), ...Object.keys(duck)])].sort();
  const lines: string[] = [];
  const missing = [...new Set([...Object.keys(ours).filter((p) => !(p in duck)), ...Object.keys(duck).filter((p) => !(p in ours))])];
  if (missing.length > 0) lines.push(`quarters on one side only: ${missing.join(", ")} (ours ${Object.keys(ours).length}, DuckDB ${Object.keys(duck).length})`);
  let differences = 0;
  for (const period of periods) {
    for (const field of fields) {
      const a = ours[period]?.[field] ?? 0;
      const b = duck[period]?.[field] ?? 0;
      if (a !== b) {
        differences += 1;
        if (differences <= 25) lines.push(`${period} ${field}: ours ${a}, DuckDB ${b}`);
      }
    }
  }
  const extra = [...new Set(Object.values(ours).flatMap((values) => Object.keys(values)))].filter((f) => !fields.includes(f));
  if (differences === 0 && missing.length === 0) lines.unshift(`figures agree: ${periods.length} quarters × ${fields.length} fields`);
  else lines.unshift(`FIGURES DIFFER: ${differences} of ${periods.length * fields.length} figures (${periods.length} quarters × ${fields.length} fields)${differences > 25 ? ", the first 25:" : ":"}`);
  if (extra.length > 0) lines.push(`also computed by ours, not compared: ${extra.join(", ")}`);
  return lines;
}
