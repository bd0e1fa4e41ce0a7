import Papa from "papaparse";

/** CSV text whose quoting is broken, so no record after `line` can be trusted; the message completes “…near line N: ”. */
export class CsvStructureError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}

export interface CsvRecordOptions {
  /** Leave out lines with nothing on them (a returns file), or give them as one empty cell (a spreadsheet's rows keep their numbers). */
  skipEmptyLines: boolean;
}

/**
 * Reads CSV text (RFC 4180: commas, double quotes doubled, any line ends; a byte-order mark first is
 * dropped) one record at a time with papaparse, the library the browser reads CSV with too. Each
 * record comes with the file's line it ends on, as a text editor numbers lines (a quoted cell may
 * hold line breaks). `onRecord` returns false to stop reading. A quote inside a cell that is not
 * quoted properly throws a `CsvStructureError` naming its line; a quote never closed, the file's last line.
 */
export function eachCsvRecord(text: string, options: CsvRecordOptions, onRecord: (cells: string[], line: number) => boolean | void): void {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let counted = 0; // characters whose line breaks are in `lines`
  let lines = 0;
  let previousEnd = 0;
  let broken: CsvStructureError | null = null;
  const linesBefore = (end: number) => {
    for (let i = body.indexOf("\n", counted); i >= 0 && i < end; i = body.indexOf("\n", i + 1)) lines += 1;
    counted = Math.max(counted, end);
    return lines;
  };
  Papa.parse<string[]>(body, {
    delimiter: ",",
    header: false,
    skipEmptyLines: false,
    step(results, parser) {
      const start = previousEnd;
      const end = results.meta.cursor;
      previousEnd = end;
      const cells = results.data;
      // papaparse gives the line end after the last record as one more, empty, record.
      if (end === start && cells.length === 1 && cells[0] === "") return;
      const invalid = results.errors.find((e) => e.code === "InvalidQuotes");
      if (invalid || results.errors.some((e) => e.code === "MissingQuotes")) {
        // A bad quote is named on its own line; a quote never closed runs to the end of the file.
        broken = invalid
          ? new CsvStructureError(linesBefore(Math.max(start, invalid.index ?? start)) + 1, "a quote mark appears inside a cell that is not quoted properly")
          : new CsvStructureError(linesBefore(body.length) + 1, "a quoted cell is never closed");
        parser.abort();
        return;
      }
      if (options.skipEmptyLines && cells.length === 1 && cells[0] === "") return;
      const endsWithLineBreak = body[end - 1] === "\n";
      const lastLine = linesBefore(end) + (endsWithLineBreak ? 0 : 1);
      if (onRecord(cells, lastLine) === false) parser.abort();
    },
  });
  if (broken) throw broken;
}

/** Every record of CSV text, blank lines kept as one empty cell (as a spreadsheet numbers its rows). */
export function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  eachCsvRecord(text, { skipEmptyLines: false }, (cells) => {
    records.push(cells);
  });
  return records;
}

/** CSV text as a table: the first record names the columns, each later one is an object by those names (blank lines left out). */
export function csvTable(text: string): Record<string, string>[] {
  const [header = [], ...rows] = csvRecords(text).filter((r) => !(r.length === 1 && r[0] === ""));
  return rows.map((r) => Object.fromEntries(header.map((name, i) => [name, r[i] ?? ""])));
}
