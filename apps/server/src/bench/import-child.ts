// Runs one import in a process of its own, so its peak memory is the import's alone.
import { openDatabase } from "@complaints/db";
import { importReturnsFile } from "../csv/import-returns.ts";

const [url, file] = process.argv.slice(2);
const connection = openDatabase(url!);
const started = performance.now();
const report = await importReturnsFile(connection.db, file!, { actor: "bench", now: new Date().toISOString(), maxBytes: 1e9 });
const ms = performance.now() - started;
await connection.close();
process.stdout.write(JSON.stringify({ ok: report.ok, created: report.created, problems: report.problems.slice(0, 3), ms, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
