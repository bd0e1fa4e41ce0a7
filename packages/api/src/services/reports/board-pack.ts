import { buildBoardPack, writePackCsv, writePackCsvMetadata, writePackOds, writePackPdf, writePackXlsx, type BoardPack } from "@complaints/reports";
import type { ServiceContext } from "../actor.ts";
import { gatherPackData, type PackScopeChoice } from "./pack-data.ts";

export const packFormats = ["ods", "xlsx", "pdf", "csv", "csvw"] as const;
export type PackFormat = (typeof packFormats)[number];

export interface PackRequest extends PackScopeChoice {
  format: PackFormat;
}

/** A file for download, carried as base64 in JSON (as returns.downloadTemplate). */
export interface DownloadFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

const mimeTypes: Record<PackFormat, string> = {
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8",
  csvw: "application/csvm+json",
};

/** `complaints-board-pack-DES-2025-26-Q2`: scope and period, safe in any file system. */
export function packBaseName(pack: BoardPack): string {
  return `complaints-board-pack-${pack.scope.code}-${pack.period.code.replace(/\s+/g, "-")}`;
}

/** The CSV's file name, which its CSVW metadata names as its `url` (W3C CSVW: `FILE.csv-metadata.json` describes `FILE.csv`). */
export function packFileName(pack: BoardPack, format: PackFormat): string {
  const base = packBaseName(pack);
  return format === "csvw" ? `${base}.csv-metadata.json` : `${base}.${format}`;
}

/** One pack model written in one format: every format shows the same figures. */
export async function writePack(pack: BoardPack, format: PackFormat): Promise<Uint8Array> {
  switch (format) {
    case "ods":
      return writePackOds(pack);
    case "xlsx":
      return writePackXlsx(pack);
    case "pdf":
      return writePackPdf(pack);
    case "csv":
      return writePackCsv(pack);
    case "csvw":
      return writePackCsvMetadata(pack, packFileName(pack, "csv"));
  }
}

/** The board pack model for a department (or one of its bodies) and a quarter or financial year. */
export async function boardPack(ctx: ServiceContext, input: PackScopeChoice, contact: string): Promise<BoardPack> {
  return buildBoardPack(await gatherPackData(ctx, input, contact));
}

/** The board pack as a file of the chosen format. */
export async function boardPackFile(ctx: ServiceContext, input: PackRequest, contact: string): Promise<DownloadFile> {
  const pack = await boardPack(ctx, input, contact);
  const bytes = await writePack(pack, input.format);
  return { fileName: packFileName(pack, input.format), mimeType: mimeTypes[input.format], contentBase64: Buffer.from(bytes).toString("base64") };
}
