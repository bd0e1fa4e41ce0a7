// Builds and writes one board pack in a process of its own, so its peak memory is the pack's alone.
import { boardPack, systemServiceContext, writePack, type PackFormat } from "@complaints/api";
import { openDatabase } from "@complaints/db";
import type { BoardPack } from "@complaints/reports";
import { strToU8, zipSync } from "fflate";
import PDFDocument from "pdfkit";

const [url, departmentCode, financialYear, now] = process.argv.slice(2) as [string, string, string, string];

/** Wall-clock and processor time of one step (processor time counts only this process's turns on a shared machine). */
async function timed<T>(run: () => Promise<T> | T): Promise<{ value: T; ms: number; cpuMs: number }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = await run();
  const used = process.cpuUsage(cpu);
  return { value, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

/** Every cell of every table as plain text, one line per row. */
function plainLines(pack: BoardPack): string[] {
  const lines: string[] = [];
  for (const t of pack.tables) for (const row of t.rows) lines.push(row.map((c) => (c.kind === "text" ? c.text : c.kind === "number" ? String(c.value) : `[${c.code}]`)).join(","));
  return lines;
}

/** The baseline for a spreadsheet: the same cells, no formatting, zipped as one text part. */
function plainSpreadsheet(pack: BoardPack): Uint8Array {
  return zipSync({ "cells.txt": [strToU8(plainLines(pack).join("\n")), { level: 6 }] });
}

/** The baseline for the PDF: the same cells as lines of plain text, untagged, no layout or charts. */
function plainPdf(pack: BoardPack): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: "A4", margin: 50, font: "Helvetica" });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.fontSize(8);
    for (const line of plainLines(pack)) doc.text(line, { lineBreak: false, height: 10 }).moveDown(0);
    doc.end();
  });
}

const connection = openDatabase(url);
const ctx = await systemServiceContext(connection.db, new Date(now));
const built = await timed(() => boardPack(ctx, { departmentCode, financialYear }, "bench"));
const pack = built.value;
const cells = pack.tables.reduce((n, t) => n + t.rows.length * t.columns.length, 0);
const f = (t: { ms: number; cpuMs: number }) => `${(t.ms / 1000).toFixed(2)} s (processor ${(t.cpuMs / 1000).toFixed(2)} s)`;
console.log(`  pack model from the database (${pack.tables.length} tables, ${cells.toLocaleString("en-GB")} cells): ${f(built)}`);
const plainSheet = await timed(() => plainSpreadsheet(pack));
const plainDoc = await timed(() => plainPdf(pack));
const targets: Record<Exclude<PackFormat, "csvw">, number> = { ods: 2, xlsx: 2, pdf: 5, csv: 2 };
for (const format of ["ods", "xlsx", "pdf", "csv"] as const) {
  const written = await timed(() => writePack(pack, format));
  const baseline = format === "pdf" ? plainDoc : plainSheet;
  console.log(
    `  ${format.toUpperCase().padEnd(4)}: ${f(written)}, ${(written.value.length / 1024).toFixed(0)} KB (target ≤ ${targets[format]} s); the same cells with no formatting ${f(baseline)}: ${(written.ms / baseline.ms).toFixed(1)}×`,
  );
}
await connection.close();
console.log(`  peak memory of the process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (target ≤ 400 MB)`);
