import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { createCaller, createContext, defaultApiConfig } from "@complaints/api";
import { listCurrentReturns, sql, upsertOrganisations, type Kysely, type Database } from "@complaints/db";
import { createTestDatabase, type TestDatabase } from "@complaints/db/testing";
import { csvText, formatPeriodCode, periodFromIndex, periodIndex, requireTemplate, templateFields, writeCell } from "@complaints/domain";
import type { Dialect } from "@complaints/db";
import { syntheticOrganisations, syntheticReturns } from "../demo/synthetic.ts";
import { agencyBenchmark } from "./agency.ts";
import { autosaveBenchmark } from "./autosave.ts";
import { casesBenchmark } from "./cases.ts";
import { benchCaseRows, benchOnly, benchPostgresUrl } from "./env.ts";
import { outlierWarningRates } from "./outlier-warnings.ts";
import { portalBenchmark } from "./portal.ts";
import { reportsBenchmark } from "./reports.ts";
import { f, percentile, time } from "./timing.ts";

/**
 * `pnpm bench`: whole-of-government scale (20 departments, 400 bodies, 40 quarters = 16,000 returns).
 * Prints the import's time and peak memory, and p50/p95 of the tracker and of fetching a department's
 * returns over 8 quarters and of the comparison of bodies, each beside one hand-written SQL query doing
 * the same read in the same run; and the in-process computation of every measure for every body-quarter.
 * First, how many returns get outlier warnings under the old rule (robust z only) and the current one;
 * then the agency app's size and speed (./agency.ts), and the portal's with 400 bodies in one department
 * (./portal.ts; `BENCH_ONLY=portal` runs that alone), and the board packs of a 60-body department
 * (./reports.ts; `BENCH_ONLY=reports` runs that alone), and the case engine on generated case files beside
 * DuckDB (./cases.ts; `BENCH_ONLY=cases` runs that alone, with a 3,000,000-row file too).
 * Last, per database, the browser's autosave through the real HTTP server (autosave.ts); `BENCH_ONLY=autosave`
 * runs that figure alone on a small history.
 */
// BENCH_ONLY=autosave: the autosave figure alone, on a small history (a body still has its 8 quarters).
const { departments, bodiesPerDepartment, quarters } = benchOnly ? { departments: 1, bodiesPerDepartment: 5, quarters: 9 } : { departments: 20, bodiesPerDepartment: 20, quarters: 40 };

function machine(): string {
  const cpu = cpus();
  return `${cpu[0]?.model ?? "unknown CPU"} × ${cpu.length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
}

async function main() {
  console.log(`Machine: ${machine()}`);
  if (benchOnly === "portal") return portalBenchmark();
  if (benchOnly === "reports") return reportsBenchmark();
  if (benchOnly === "cases") return casesBenchmark(benchCaseRows);
  const last = periodIndex({ startYear: 2025, quarter: 4 });
  const first = last - quarters + 1;
  const world = syntheticOrganisations({ departments, bodiesPerDepartment, seed: 7, firstPeriodIndex: first, lastPeriodIndex: last, churn: false });
  const organisations = [...world.departments, ...world.bodies.map((b) => b.organisation)];
  const returns = syntheticReturns(world, first, last, 7);
  const areas = [...new Map(world.bodies.flatMap((b) => b.organisation.serviceAreas).map((a) => [a.code, a])).values()];
  // The data's last two quarters are on template v2 and the rest on v1: the file names each row's
  // version and has the columns of both, each row leaving blank what its version does not ask.
  const fields = [...new Map([1, 2].flatMap((v) => templateFields(requireTemplate(v), areas)).map((x) => [x.id, x])).values()];
  const dir = mkdtempSync(join(tmpdir(), "complaints-bench-"));
  try {
    const file = join(dir, "returns.csv");
    writeFileSync(file, csvText([["organisation_code", "period", "template_version", ...fields.map((x) => x.id)], ...returns.map((r) => [r.organisationCode, r.period, String(r.templateVersion), ...fields.map((x) => writeCell(x, r.values[x.id]))])], { lineEnd: "\n" }));
    console.log(`Data: ${departments} departments, ${world.bodies.length} bodies, ${quarters} quarters (${formatPeriodCode(periodFromIndex(first))} to ${formatPeriodCode(periodFromIndex(last))}): ${returns.length.toLocaleString("en-GB")} returns, ${(statSync(file).size / 1_048_576).toFixed(1)} MB CSV\n`);

    if (!benchOnly) {
      const rates = outlierWarningRates(returns);
      const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
      console.log(`outlier warnings over ${rates.returns.toLocaleString("en-GB")} returns, each body's own last 8 quarters as history:`);
      console.log(`  before (robust z only):                ${pct(rates.before.share)} of returns with ≥1, mean ${rates.before.mean.toFixed(2)} per return`);
      console.log(`  after (z and Poisson / minimum £1,000): ${pct(rates.after.share)} of returns with ≥1, mean ${rates.after.mean.toFixed(2)} per return\n`);
    }

    if (!benchOnly) agencyBenchmark();
    if (!benchOnly) await portalBenchmark();
    if (!benchOnly) await reportsBenchmark();
    if (!benchOnly) await casesBenchmark(benchCaseRows);

    const dialects: Dialect[] = benchPostgresUrl ? ["sqlite", "postgres"] : ["sqlite"];
    if (!benchPostgresUrl) console.log("(PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL to measure it too)\n");
    for (const dialect of dialects) {
      const t: TestDatabase = await createTestDatabase(dialect, { postgresUrl: benchPostgresUrl });
      try {
        await upsertOrganisations(t.db, organisations, new Date().toISOString());
        const child = JSON.parse(
          execFileSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "import-child.ts"), t.url, file], { encoding: "utf8", maxBuffer: 1e7 }),
        ) as { ok: boolean; created: number; problems: unknown[]; ms: number; maxRssMB: number };
        if (!child.ok) throw new Error(`import failed: ${JSON.stringify(child.problems)}`);
        console.log(`${dialect}: import ${child.created.toLocaleString("en-GB")} returns: ${(child.ms / 1000).toFixed(1)} s (target ≤ 30 s), peak memory ${child.maxRssMB.toFixed(0)} MB (target ≤ 500 MB)`);
        const departmentCode = world.departments[0]!.code;
        const bodyCodes = world.bodies.filter((b) => b.organisation.parentCode === departmentCode).map((b) => b.organisation.code);
        if (!benchOnly) {
          await readBenchmarks(t.db, dialect, departmentCode, bodyCodes, last);
          if (dialect === "sqlite") await computationBenchmark(t.db, t.url, first, last, world.bodies.map((b) => b.organisation.code));
        }
        // A draft for the quarter after the history, so its checks read the body's last 8 quarters.
        await autosaveBenchmark(t, dialect, bodyCodes[0]!, departmentCode, formatPeriodCode(periodFromIndex(last + 1)));
      } finally {
        await t.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function readBenchmarks(db: Kysely<Database>, dialect: Dialect, departmentCode: string, bodyCodes: string[], last: number) {
  const period = formatPeriodCode(periodFromIndex(last));
  const oversight = { id: "bench", email: "bench@example", displayName: "Bench", role: "oversight" as const, organisationCode: departmentCode };
  const caller = createCaller(createContext({ db, user: oversight, config: defaultApiConfig }));

  const tracker = await time(() => caller.tracker.forPeriod({ departmentCode, period }));
  const trackerSql = await time(() =>
    sql`select o.code, rv.status, sent.status as sent_status, r.received_at, r.due_date_at_receipt, w.due_date
        from organisations o
        left join returns r on r.organisation_code = o.code and r.period = ${period}
        left join return_revisions rv on rv.return_id = r.id and rv.revision = r.current_revision
        left join return_revisions sent on sent.return_id = r.id and sent.revision = (select max(s.revision) from return_revisions s where s.return_id = r.id and s.status in ('approved', 'accepted'))
        left join reporting_windows w on w.department_code = ${departmentCode} and w.period = ${period}
        where o.parent_code = ${departmentCode}`.execute(db),
  );
  const fetch = await time(() => listCurrentReturns(db, bodyCodes, last - 7, last));
  const fetchSql = await time(() =>
    sql`select r.organisation_code, r.period, v.field_id, v.num_value, v.text_value, v.marker
        from returns r
        join return_revisions rv on rv.return_id = r.id and rv.revision = r.current_revision
        join return_values v on v.revision_seq = rv.seq
        where r.organisation_code in (${sql.join(bodyCodes)}) and r.period_index between ${last - 7} and ${last}`.execute(db),
  );
  console.log(`${dialect}: ${" ".repeat(44)}p50 ms   p95 ms   (targets: p95 ≤ 50 ms)`);
  console.log(`  tracker, one department and period (API)      ${f(tracker.p50)} ${f(tracker.p95)}`);
  console.log(`    baseline: one hand-written SQL query        ${f(trackerSql.p50)} ${f(trackerSql.p95)}   ratio p95 ${(tracker.p95 / trackerSql.p95).toFixed(1)}×`);
  console.log(`  a department's returns over 8 quarters        ${f(fetch.p50)} ${f(fetch.p95)}`);
  console.log(`    baseline: one hand-written SQL query        ${f(fetchSql.p50)} ${f(fetchSql.p95)}   ratio p95 ${(fetch.p95 / fetchSql.p95).toFixed(1)}×`);

  // The comparison of bodies through the API, beside the same sums as one GROUP BY.
  const comparison = await time(() => caller.metrics.comparison({ departmentCode, period }));
  const groupBySql = await time(() =>
    sql`select r.organisation_code, v.field_id, sum(v.num_value) as total, count(v.num_value) as reported
        from returns r
        join return_revisions rv on rv.return_id = r.id and rv.revision = r.current_revision
        join return_values v on v.revision_seq = rv.seq
        where r.organisation_code in (${sql.join(bodyCodes)}) and r.period = ${period}
          and rv.status in ('submitted', 'approved', 'accepted')
        group by r.organisation_code, v.field_id`.execute(db),
  );
  console.log(`  comparison of bodies, one department and period (API) ${f(comparison.p50)} ${f(comparison.p95)}`);
  console.log(`    baseline: the same sums as one SQL GROUP BY  ${f(groupBySql.p50)} ${f(groupBySql.p95)}   ratio p95 ${(comparison.p95 / groupBySql.p95).toFixed(1)}×\n`);
}

/** Every measure with intervals for every body and quarter, in process (target ≤ 200 ms). */
async function computationBenchmark(db: Kysely<Database>, url: string, first: number, last: number, bodyCodes: string[]) {
  const child = JSON.parse(
    execFileSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "compute-child.ts"), url, String(first), String(last), bodyCodes.join(",")], { encoding: "utf8" }),
  ) as { groups: number; medianMs: number; minMs: number; maxMs: number };
  const baseline: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const start = performance.now();
    await sql`select r.organisation_code, r.period, v.field_id, sum(v.num_value) as total
              from returns r
              join return_revisions rv on rv.return_id = r.id and rv.revision = r.current_revision
              join return_values v on v.revision_seq = rv.seq
              group by r.organisation_code, r.period, v.field_id`.execute(db);
    baseline.push(performance.now() - start);
  }
  baseline.sort((a, b) => a - b);
  console.log(
    `in process: every measure with intervals for ${child.groups.toLocaleString("en-GB")} body-quarters: median ${child.medianMs.toFixed(0)} ms (min ${child.minMs.toFixed(0)}, max ${child.maxMs.toFixed(0)}; target ≤ 200 ms)`,
  );
  console.log(`    baseline: the same sums as one SQL GROUP BY (SQLite): median ${percentile(baseline, 50).toFixed(0)} ms\n`);
}

await main();
