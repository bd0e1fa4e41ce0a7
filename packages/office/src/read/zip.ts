import { strFromU8, unzipSync } from "fflate";
import { SpreadsheetLimitError, UnreadableSpreadsheetError } from "./grid.ts";

/**
 * Reading the parts of an uploaded zip (XLSX, ODS) without letting it grow: each part and all parts
 * together are capped by their declared sizes before anything is inflated, and fflate writes a
 * part into a buffer of its declared size that it never enlarges, so a part that lies about its
 * size is cut off (and then fails to parse) rather than filling memory (a zip bomb).
 *
 * The largest part of the templates read here unpacks to about 240 KB (content.xml as LibreOffice
 * saves it): these caps are many times that, and keep a file built to parse slowly (the XML parser reads
 * one to a few MB a second) near the reader's time limit (read-spreadsheet.ts).
 */
export const maxPartBytes = 4 * 1024 * 1024;
export const maxTotalBytes = 6 * 1024 * 1024;


/** Whether the bytes start like a zip file (a local file header). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The names of a zip's entries (nothing inflated). */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  try {
    unzipSync(bytes, { filter: (f) => (names.push(f.name), false) });
  } catch {
    throw new UnreadableSpreadsheetError("it is damaged: it starts like a zip file but its directory cannot be read");
  }
  return names;
}

/** The text (UTF-8) of the wanted parts that exist, each within the caps. */
export function readZipParts(bytes: Uint8Array, wanted: (name: string) => boolean): Map<string, string> {
  let total = 0;
  // Set inside the filter, which TypeScript does not follow: typed here so it is not narrowed to null.
  let tooLarge = null as { part: string; total: boolean } | null;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!wanted(f.name)) return false;
        total += f.originalSize;
        if (f.originalSize > maxPartBytes || total > maxTotalBytes) tooLarge ??= { part: f.name, total: f.originalSize <= maxPartBytes };
        return tooLarge === null;
      },
    });
  } catch {
    throw new UnreadableSpreadsheetError("it is damaged: its zip contents cannot be read");
  }
  if (tooLarge !== null) {
    throw new SpreadsheetLimitError(tooLarge.total ? { limit: "total-bytes", most: maxTotalBytes } : { limit: "part-bytes", most: maxPartBytes, part: tooLarge.part });
  }
  const out = new Map<string, string>();
  for (const [name, data] of Object.entries(files)) {
    try {
      out.set(name, strFromU8(data));
    } catch {
      throw new UnreadableSpreadsheetError(`its part ${name} is not UTF-8 text`);
    }
  }
  return out;
}
