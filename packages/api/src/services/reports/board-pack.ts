import { DomainError } from "@complaints/domain";
import type { ServiceContext } from "../actor.ts";

export const packFormats = ["ods", "xlsx", "pdf", "csv", "csvw"] as const;
export type PackFormat = (typeof packFormats)[number];

export interface PackRequest {
  departmentCode: string;
  bodyCode?: string | undefined;
  period?: string | undefined;
  financialYear?: string | undefined;
  format: PackFormat;
}

/** A file for download, carried as base64 in JSON (as returns.downloadTemplate). */
export interface DownloadFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

/** The board pack as a file of the chosen format. */
export async function boardPackFile(_ctx: ServiceContext, _input: PackRequest): Promise<DownloadFile> {
  throw new DomainError("INVALID_INPUT", "Board packs are being built.");
}
