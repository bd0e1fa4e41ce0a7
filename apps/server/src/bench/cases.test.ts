import { createHash } from "node:crypto";
import { createReadStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readCaseFile } from "@complaints/screening";
import { afterAll, describe, expect, it } from "vitest";
import { duckdbCaseFigures } from "./cases-duckdb.ts";
import { casesBenchSettings, casesBenchToday, writeCaseFile } from "./cases-file.ts";
import { compareCaseFigures } from "./cases.ts";

/**
 * The case benchmark's own parts on a small file: the generator writes only valid rows (our engine
 * accepts every one) and the same file for the same seed, and the DuckDB baseline computes the same
 * figures as our engine, so a difference in the benchmark's run is a finding, not a broken bench.
 */
describe("case benchmark", () => {
  const dir = mkdtempSync(join(tmpdir(), "cases-bench-test-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("generates the same valid file for the same seed, and DuckDB's figures equal our engine's", async () => {
    const file = join(dir, "cases.csv");
    const generated = await writeCaseFile(file, 20_000);
    const digest = createHash("sha256").update(readFileSync(file)).digest("hex");
    await writeCaseFile(join(dir, "again.csv"), 20_000);
    expect(createHash("sha256").update(readFileSync(join(dir, "again.csv"))).digest("hex")).toBe(digest);
    expect(generated.bytes / generated.rows).toBeGreaterThan(130);

    const result = await readCaseFile(createReadStream(file), { settings: casesBenchSettings, today: casesBenchToday });
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ ok: true, rows: 20_000 });

    const duck = await duckdbCaseFigures(file, casesBenchSettings);
    const ours = Object.fromEntries(result.quarters.map((q) => [q.period, q.values]));
    expect(compareCaseFigures(ours, duck.figures)[0]).toMatch(/^figures agree: 15 quarters × 56 fields$/);
  }, 60_000);
});
