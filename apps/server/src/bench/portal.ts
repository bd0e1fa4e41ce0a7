import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hashPassword, importReturns } from "@complaints/api";
import { insertUser, migrateToLatest, openDatabase, upsertOrganisations } from "@complaints/db";
import { csvText, currentTemplate, formatPeriodCode, periodFromIndex, periodIndex, periodToAddress, templateFields, writeCell } from "@complaints/domain";
import { demoPassword } from "../demo/seed.ts";
import { syntheticOrganisations, syntheticReturns } from "../demo/synthetic.ts";

/**
 * The portal's figures (its speed and size targets): with 400 bodies in one department, the compare
 * page interactive after navigation in headless Chromium, re-sorting its 400 rows, and the built
 * JavaScript gzipped. This file makes the data set — the benchmark's synthetic bodies, all 400 in
 * one department, a financial year of accepted returns, an oversight account — in an SQLite file;
 * the portal's own script (apps/portal/scripts/bench.ts) builds the app, starts the real server on
 * that file and drives Debian's Chromium.
 */
export const portalBench = { bodies: 400, email: "bench.oversight@bench.example" } as const;

export async function portalBenchmark(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "portal-bench-"));
  const url = `sqlite:${join(dir, "portal-bench.sqlite")}`;
  try {
    const last = periodIndex({ startYear: 2025, quarter: 4 });
    const first = last - 3;
    const world = syntheticOrganisations({ departments: 1, bodiesPerDepartment: portalBench.bodies, seed: 7, firstPeriodIndex: first, lastPeriodIndex: last, churn: false });
    const department = world.departments[0]!;
    const now = new Date().toISOString();
    const connection = openDatabase(url);
    try {
      await migrateToLatest(connection);
      await upsertOrganisations(connection.db, [department, ...world.bodies.map((b) => b.organisation)], now);
      const returns = syntheticReturns(world, first, last, 7);
      const areas = [...new Map(world.bodies.flatMap((b) => b.organisation.serviceAreas).map((a) => [a.code, a])).values()];
      const fields = templateFields(currentTemplate, areas);
      const csv = csvText([["organisation_code", "period", ...fields.map((x) => x.id)], ...returns.map((r) => [r.organisationCode, r.period, ...fields.map((x) => writeCell(x, r.values[x.id]))])], { lineEnd: "\n" });
      const report = await importReturns(connection.db, csv, { actor: "bench", now, maxBytes: 1e9 });
      if (!report.ok) throw new Error(`the portal's data set did not import: ${JSON.stringify(report.problems.slice(0, 3))}`);
      // The demo password, so the browser harness's signIn works: synthetic benchmark data only.
      await insertUser(connection.db, { id: randomUUID(), email: portalBench.email, displayName: "Bench Oversight", passwordHash: await hashPassword(demoPassword), role: "oversight", organisationCode: department.code }, now);
    } finally {
      await connection.close();
    }
    const portalDir = join(import.meta.dirname, "..", "..", "..", "portal");
    const period = periodToAddress(formatPeriodCode(periodFromIndex(last)));
    execFileSync(process.execPath, ["--import", import.meta.resolve("tsx"), "scripts/bench.ts", url, portalBench.email, department.code, period, String(portalBench.bodies)], {
      cwd: portalDir,
      stdio: ["ignore", "inherit", "inherit"],
    });
  } catch (error) {
    console.log(`portal: figures not measured (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log("");
}
