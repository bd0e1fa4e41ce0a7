// Runs one import in a process of its own, so its peak memory is the import's alone.
import { readFileSync } from "node:fs";
import { importReturns } from "@complaints/api";
import { openDatabase } from "@complaints/db";

const [url, file] = process.argv.slice(2);
const connection = openDatabase(url!);
const started = performance.now();
const report = await importReturns(connection.db, readFileSync(file!), { actor: "bench", now: new Date().toISOString(), maxBytes: 1e9 });
const ms = performance.now() - started;
await connection.close();
process.stdout.write(JSON.stringify({ ok: report.ok, created: report.created, problems: report.problems.slice(0, 3), ms, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
