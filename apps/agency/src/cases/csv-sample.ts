/**
 * The start of a case file, read in the browser for the mapping screen: its header and some rows,
 * from the first `sampleBytes` only (File.slice), so choosing a 150 MB export costs no more than a
 * small one. The server reads the whole file again when it is uploaded; this is only to offer the
 * file's own headers and codes to match.
 */

/** How much of the file the mapping screen reads: enough for a few thousand rows. */
export const sampleBytes = 256 * 1024;

export interface CsvSample {
  /** The header row's names, trimmed, in file order. */
  headers: string[];
  /** The complete rows read after the header (a row cut off by the sample's end is left out). */
  rows: string[][];
  /** The whole file was read (it is no bigger than the sample). */
  whole: boolean;
  encoding: "utf-8" | "windows-1252";
}

/**
 * The sample's text: UTF-8 (a byte-order mark dropped) when the bytes are valid UTF-8, else
 * Windows-1252, as the server decides. A character cut in two at the sample's end is not an error.
 */
export function decodeSample(bytes: Uint8Array, whole: boolean): { text: string; encoding: CsvSample["encoding"] } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: !whole }), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

/**
 * RFC 4180 rows (quotes, doubled quotes, commas and line breaks inside quotes; CRLF, LF or CR), by
 * papaparse, loaded only when a file is chosen so the rest of the app does not carry it. When the
 * text is not the whole file its last row may be cut off, so unless the text ends a line it is
 * dropped; blank lines are skipped.
 */
export async function parseCsvRows(text: string, whole: boolean): Promise<string[][]> {
  const { default: Papa } = await import("papaparse");
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  if (!whole && !/[\r\n]$/.test(text)) rows.pop();
  return rows;
}

/** The header and rows of the sample's text. */
export async function sampleOf(text: string, whole: boolean, encoding: CsvSample["encoding"]): Promise<CsvSample> {
  const [header = [], ...rows] = await parseCsvRows(text, whole);
  return { headers: header.map((h) => h.trim()), rows, whole, encoding };
}

/** Reads the start of a chosen file (never the whole of a big one) and parses it. */
export async function readCsvSample(file: Blob): Promise<CsvSample> {
  const whole = file.size <= sampleBytes;
  const bytes = new Uint8Array(await file.slice(0, sampleBytes).arrayBuffer());
  const { text, encoding } = decodeSample(bytes, whole);
  return sampleOf(text, whole, encoding);
}
