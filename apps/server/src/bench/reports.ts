import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importReturns } from "@complaints/api";
import { insertActionPlan, insertUser, migrateToLatest, openDatabase, upsertOrganisations } from "@complaints/db";
import { csvText, currentTemplate, financialYearCode, periodFromIndex, periodIndex, templateFields, ukDateOf, writeCell } from "@complaints/domain";
import { random } from "../demo/draws.ts";
import { syntheticActionPlans } from "../demo/synthetic-action-plans.ts";
import { syntheticOrganisations, syntheticReturns } from "../demo/synthetic.ts";

/**
 * Board packs' benchmark: a department of 60 bodies over 8 quarters, with their
 * action plans. A child process (reports-child.ts, so its peak memory is the pack's alone) builds the
 * financial year's pack from the database and writes it as ODS, XLSX, PDF and CSV, each beside the
 * time to write the same cells with no formatting in the same run. Targets: ODS and XLSX ≤ 2 s each,
 * PDF ≤ 5 s, peak memory ≤ 400 MB. `BENCH_ONLY=reports` runs this alone.
 */
export const reportsBench = { bodies: 60, quarters: 8 } as const;

export async function reportsBenchmark(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "reports-bench-"));
  const url = `sqlite:${join(dir, "reports-bench.sqlite")}`;
  try {
    const last = periodIndex({ startYear: 2025, quarter: 4 });
    const first = last - reportsBench.quarters + 1;
    const world = syntheticOrganisations({ departments: 1, bodiesPerDepartment: reportsBench.bodies, seed: 11, firstPeriodIndex: first, lastPeriodIndex: last, churn: false });
    const department = world.departments[0]!;
    const now = new Date("2026-05-01T09:00:00Z");
    const connection = openDatabase(url);
    try {
      await migrateToLatest(connection);
      await upsertOrganisations(connection.db, [department, ...world.bodies.map((b) => b.organisation)], now.toISOString());
      const returns = syntheticReturns(world, first, last, 11);
      const areas = [...new Map(world.bodies.flatMap((b) => b.organisation.serviceAreas).map((a) => [a.code, a])).values()];
      const fields = templateFields(currentTemplate, areas);
      const csv = csvText([["organisation_code", "period", ...fields.map((x) => x.id)], ...returns.map((r) => [r.organisationCode, r.period, ...fields.map((x) => writeCell(x, r.values[x.id]))])], { lineEnd: "\n" });
      const report = await importReturns(connection.db, csv, { actor: "bench", now: now.toISOString(), maxBytes: 1e9 });
      if (!report.ok) throw new Error(`the data set did not import: ${JSON.stringify(report.problems.slice(0, 3))}`);
      const userId = randomUUID();
      await insertUser(connection.db, { id: userId, email: "bench.team@bench.example", displayName: "Bench team", passwordHash: "not-a-hash", role: "submitter", organisationCode: world.bodies[0]!.organisation.code }, now.toISOString());
      const rng = random(11);
      let plans = 0;
      await connection.db.transaction().execute(async (trx) => {
        for (const body of world.bodies) {
          for (const plan of syntheticActionPlans(body, ukDateOf(now.toISOString()), rng)) {
            await insertActionPlan(trx, { id: randomUUID(), organisationCode: body.organisation.code, ...plan.fields, ...(plan.completion ?? { completedDate: null, verifiedBy: null, verifiedDate: null, verificationNote: null }), ...(plan.completion && plan.fields.publishable ? { publicationApprovedBy: userId, publicationApprovedByName: "Bench team", publicationApprovedAt: now.toISOString() } : {}), createdAt: now.toISOString(), createdBy: userId });
            plans += 1;
          }
        }
      });
      const year = financialYearCode(periodFromIndex(last).startYear);
      console.log(`board packs: ${reportsBench.bodies} bodies in one department, ${reportsBench.quarters} quarters (${returns.length} returns, ${plans} action plans); the pack for ${year}`);
      execFileSync(process.execPath, ["--import", import.meta.resolve("tsx"), join(import.meta.dirname, "reports-child.ts"), url, department.code, year, now.toISOString()], { stdio: ["ignore", "inherit", "inherit"] });
    } finally {
      await connection.close();
    }
  } catch (error) {
    console.log(`board packs: figures not measured (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log("");
}
