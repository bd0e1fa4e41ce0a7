import { strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import type { BoardPack, Cell, Column, PackTable } from "../model.ts";
import { samplePack } from "../testing/index.ts";
import { writePackOds } from "./ods.ts";
import { writePackXlsx } from "./xlsx.ts";

/**
 * Speed (issue 9, "Speed (benchmark)"): a department of 60 bodies over 8 quarters, ODS and XLSX
 * each within 2 seconds, printed beside the time to write the same cells with no formatting.
 */

const bodies = 60;
const quarters = ["2024-25 Q1", "2024-25 Q2", "2024-25 Q3", "2024-25 Q4", "2025-26 Q1", "2025-26 Q2", "2025-26 Q3", "2025-26 Q4"];

function bigPack(): BoardPack {
  const pack = samplePack();
  const columns: Column[] = [
    { key: "organisation", heading: "Organisation code", type: "text", role: "organisation" },
    { key: "name", heading: "Organisation", type: "text", role: "organisation_name" },
    { key: "period", heading: "Quarter", type: "text", role: "period" },
    { key: "received", heading: "Complaints received", type: "count" },
    { key: "within", heading: "Closed within timescale (%)", type: "percent1" },
    { key: "days", heading: "Average working days", type: "decimal1" },
    { key: "paid", heading: "Payments (£)", type: "pence" },
    { key: "year", heading: "Financial year starting", type: "year" },
  ];
  const tables: PackTable[] = [];
  for (let t = 1; t <= 12; t += 1) {
    const rows: Cell[][] = [];
    for (let b = 0; b < bodies; b += 1) {
      quarters.forEach((q, i) => {
        const n = (b + 1) * 97 + i * 13 + t;
        rows.push([
          { kind: "text", text: `DES-B${b}` },
          { kind: "text", text: `Example body number ${b} & partners` },
          { kind: "text", text: q },
          n % 11 === 0 ? { kind: "shorthand", code: "c" } : { kind: "number", value: n, revised: n % 7 === 0 },
          { kind: "number", value: (n % 1000) / 10 },
          { kind: "number", value: (n % 300) / 10 },
          { kind: "number", value: n * 3.25 },
          { kind: "number", value: 2024 + (i >> 2) },
        ]);
      });
    }
    tables.push({ sheetName: `Table ${t}`, tableName: `table_${t}`, title: `Table ${t}: measures by body and quarter`, description: ["This worksheet contains one table."], columns, rows });
  }
  return { ...pack, tables };
}

/** The same cells with no formatting at all: raw values joined as CSV text and encoded. */
function plainCells(pack: BoardPack): Uint8Array {
  const lines: string[] = [];
  for (const table of pack.tables) for (const row of table.rows) lines.push(row.map((c) => (c.kind === "text" ? c.text : c.kind === "number" ? String(c.value) : c.code)).join(","));
  return strToU8(lines.join("\n"));
}

/**
 * Wall-clock and processor time of one write. The limit is checked on processor time: on a shared
 * machine (CI, or several builds on two cores) wall-clock time also counts other programs' turns.
 */
function timed(write: () => Uint8Array): { ms: number; cpuMs: number; bytes: number } {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const out = write();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, bytes: out.length };
}

describe("writing a pack of 60 bodies over 8 quarters", () => {
  it("takes at most 2 seconds for each of ODS and XLSX", () => {
    const pack = bigPack();
    const cells = pack.tables.reduce((sum, t) => sum + t.rows.length * t.columns.length, 0);
    const plain = timed(() => plainCells(pack));
    const ods = timed(() => writePackOds(pack));
    const xlsx = timed(() => writePackXlsx(pack));
    const shown = (t: ReturnType<typeof timed>) => `${t.ms.toFixed(0)} ms (processor ${t.cpuMs.toFixed(0)} ms)`;
    console.log(
      `${cells} cells in ${pack.tables.length} tables: ODS ${shown(ods)}, ${(ods.bytes / 1024).toFixed(0)} KB; XLSX ${shown(xlsx)}, ${(xlsx.bytes / 1024).toFixed(0)} KB; the same cells with no formatting ${shown(plain)}`,
    );
    expect(ods.cpuMs).toBeLessThan(2000);
    expect(xlsx.cpuMs).toBeLessThan(2000);
  });
});
