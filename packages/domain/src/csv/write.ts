import Papa from "papaparse";

/** A cell as written: text as it is, a number in its plain form, null or undefined as an empty cell. */
export type CsvCell = string | number | null | undefined;

export interface CsvTextOptions {
  /** RFC 4180's CRLF (the default, as Excel writes), or a bare line feed. */
  lineEnd?: "\r\n" | "\n";
  /** Start with a UTF-8 byte-order mark, so Excel reads £ and accented letters correctly. */
  byteOrderMark?: boolean;
}

/**
 * CSV text of records, written by papaparse (the library that reads CSV in the browser and on the
 * server): a cell is quoted only when it must be (a comma, a quote, a line break, or a space at
 * either end), quotes doubled, every record ended by `lineEnd`. It does not touch formula-like
 * text: callers pass cells through `neutraliseFormula` (formula.ts) where a spreadsheet will open the file.
 */
export function csvText(records: readonly (readonly CsvCell[])[], options: CsvTextOptions = {}): string {
  const lineEnd = options.lineEnd ?? "\r\n";
  const body = records.length === 0 ? "" : `${Papa.unparse(records.map((r) => r.map((c) => (c === null || c === undefined ? "" : c))), { newline: lineEnd, quotes: false })}${lineEnd}`;
  return options.byteOrderMark ? `\ufeff${body}` : body;
}
