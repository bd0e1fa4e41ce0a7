// Reads one generated case file in a process of its own, so its peak memory is that run's alone:
// `ours` with the case engine on a file stream, `duckdb` with the DuckDB baseline (./cases-duckdb.ts).
// Each imports only its own side before the clock starts, so DuckDB's native library is not in our
// engine's memory and no import is timed.
import { createReadStream } from "node:fs";
import type { CaseSettings } from "@complaints/domain";

const [mode, file, settingsJson, today] = process.argv.slice(2) as ["ours" | "duckdb", string, string, string];
const settings = JSON.parse(settingsJson) as CaseSettings;
const engine = mode === "ours" ? await import("@complaints/screening") : null;
const baseline = mode === "duckdb" ? await import("./cases-duckdb.ts") : null;

const startRssMB = process.memoryUsage().rss / 1_048_576;
const started = performance.now();
const cpu = process.cpuUsage();
let figures: Record<string, Record<string, number>>;
let rows: number | null = null;
let problems: unknown[] = [];
let duckdb: { version: string; threads: number } | undefined;
if (engine) {
  const result = await engine.readCaseFile(createReadStream(file), { settings, today });
  rows = result.rows;
  problems = result.ok ? [] : [...result.problems.slice(0, 5), ...(result.moreProblems ? [`and ${result.moreProblems} more`] : [])];
  figures = Object.fromEntries(result.quarters.map((q) => [q.period, q.values]));
} else {
  const result = await baseline!.duckdbCaseFigures(file, settings);
  figures = result.figures;
  duckdb = { version: result.version, threads: result.threads };
}
const used = process.cpuUsage(cpu);
const ms = performance.now() - started;
process.stdout.write(JSON.stringify({ rows, problems, ms, cpuMs: (used.user + used.system) / 1000, startRssMB, maxRssMB: process.resourceUsage().maxRSS / 1024, figures, ...duckdb }));
