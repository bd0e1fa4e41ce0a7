import Papa from "papaparse";
import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { strFromU8, unzipSync } from "fflate";

/**
 * Opening a spreadsheet in real office software (LibreOffice, headless) and reading every sheet
 * back as the cells show, for tests: proof that a file opens and shows the figures it should.
 *
 * The CSV export filter's options (LibreOffice Help, "CSV Filter Options"): 44 comma, 34 double
 * quote, 76 UTF-8, 1 first line, (no column formats), 0 language, false quoted as text, true
 * detect special numbers, true save cell contents as shown (the number formats applied, so
 * "12,345", "87 [r] [p]"), false formulas, false trim spaces, -1 every sheet to its own file named
 * `<base>-<sheet name>.csv` (LibreOffice 7.2 and later).
 */
const csvFilter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";

export interface SpreadsheetToCsvOptions {
  /** How long LibreOffice may take, in milliseconds (default 120,000: a first start with a new profile takes several seconds). */
  timeoutMs?: number;
  /** The LibreOffice program (default `soffice`, found on the PATH). */
  soffice?: string;
}

/**
 * Every sheet of the spreadsheet as LibreOffice shows it: sheet name → rows → cells, in the
 * workbook's sheet order. Rows are as LibreOffice writes them: each row of a sheet has as many
 * cells as the sheet's used columns (empty strings past a row's last value). LibreOffice runs with
 * its own profile in a temporary folder (so parallel runs do not collide) that is removed after.
 * Fails, with a message saying what to install, if `soffice` is not on the PATH.
 */
export async function spreadsheetToCsv(bytes: Uint8Array, ext: "ods" | "xlsx", options: SpreadsheetToCsvOptions = {}): Promise<Map<string, string[][]>> {
  const sheetNames = ext === "ods" ? odsSheetNames(bytes) : xlsxSheetNames(bytes);
  return convert(bytes, ext, csvFilter, options, async (outDir, written) => {
    const sheets = new Map<string, string[][]>();
    for (const name of sheetNames) {
      const file = written.has(`book-${name}.csv`) ? `book-${name}.csv` : sheetNames.length === 1 && written.has("book.csv") ? "book.csv" : null;
      if (!file) throw new Error(`LibreOffice wrote no CSV for the sheet "${name}" (it wrote ${[...written].join(", ")}).`);
      sheets.set(name, parseCsv(await readFile(join(outDir, file), "utf8")));
    }
    return sheets;
  });
}

/**
 * The spreadsheet saved by LibreOffice in the other format (ODS to XLSX, XLSX to ODS): what real
 * office software makes of a file's tables, links and view settings, read back from its own XML.
 */
export async function convertSpreadsheet(bytes: Uint8Array, ext: "ods" | "xlsx", options: SpreadsheetToCsvOptions = {}): Promise<Uint8Array> {
  const to = ext === "ods" ? "xlsx" : "ods";
  return convert(bytes, ext, to === "xlsx" ? "xlsx:Calc MS Excel 2007 XML" : "ods:calc8", options, async (outDir, written) => {
    if (!written.has(`book.${to}`)) throw new Error(`LibreOffice did not save the ${ext.toUpperCase()} file as ${to.toUpperCase()} (it wrote ${[...written].join(", ")}).`);
    return new Uint8Array(await readFile(join(outDir, `book.${to}`)));
  });
}

async function convert<T>(bytes: Uint8Array, ext: "ods" | "xlsx", filter: string, options: SpreadsheetToCsvOptions, collect: (outDir: string, written: Set<string>) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "reports-lo-"));
  try {
    const input = join(dir, `book.${ext}`);
    const outDir = join(dir, "out");
    await writeFile(input, bytes);
    const output = await run(
      options.soffice ?? "soffice",
      [`-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`, "--headless", "--norestore", "--nologo", "--convert-to", filter, "--outdir", outDir, input],
      options.timeoutMs ?? 120_000,
    );
    const written = new Set(await readdir(outDir).catch(() => [] as string[]));
    if (written.size === 0) throw new Error(`LibreOffice wrote nothing for the ${ext.toUpperCase()} file, so it could not open it.\nIts output: ${output}`);
    return await collect(outDir, written);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Runs LibreOffice in its own process group, so that on a timeout the whole group is stopped
 * (`soffice` is a script that starts `soffice.bin`; stopping only the script would leave it running).
 */
function run(command: string, args: string[], timeout: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }, timeout);
    child.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (error.code === "ENOENT") {
        reject(new Error("LibreOffice is not installed: `soffice` is not on the PATH. Install it (Debian: apt-get install libreoffice-calc-nogui) to run the tests that open spreadsheets in real office software."));
      } else reject(new Error(`LibreOffice could not be started: ${error.message}`));
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (timedOut) reject(new Error(`LibreOffice took longer than ${timeout / 1000} seconds to convert the spreadsheet and was stopped.\nIts output: ${output}`));
      else if (code !== 0) reject(new Error(`LibreOffice failed to convert the spreadsheet (exit code ${code}).\nIts output: ${output}`));
      else resolve(output);
    });
  });
}

const entities: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_, name: string) =>
    name.startsWith("#x") ? String.fromCodePoint(Number.parseInt(name.slice(2), 16)) : name.startsWith("#") ? String.fromCodePoint(Number(name.slice(1))) : entities[name]!,
  );
}

function zipPart(bytes: Uint8Array, part: string): string {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === part });
  } catch {
    throw new Error("The bytes are not a zip file, so not an ODS or XLSX spreadsheet.");
  }
  const file = files[part];
  if (!file) throw new Error(`The spreadsheet has no ${part}, so it is not a readable ${part === "content.xml" ? "ODS" : "XLSX"} file.`);
  return strFromU8(file);
}

/** Sheet names in order, from the ODS's `table:table` elements. */
function odsSheetNames(bytes: Uint8Array): string[] {
  return [...zipPart(bytes, "content.xml").matchAll(/<table:table\s[^>]*?table:name="([^"]*)"/g)].map((m) => decodeXml(m[1]!));
}

/** Sheet names in order, from the XLSX workbook's `sheet` elements. */
function xlsxSheetNames(bytes: Uint8Array): string[] {
  return [...zipPart(bytes, "xl/workbook.xml").matchAll(/<(?:\w+:)?sheet\s[^>]*?name="([^"]*)"/g)].map((m) => decodeXml(m[1]!));
}

/** CSV as RFC 4180 writes it (quoted fields may hold commas, quotes doubled, and line breaks). */
export function parseCsv(text: string): string[][] {
  // papaparse, the project's CSV library, used directly: office depends on none of our packages.
  const body = text.startsWith("\ufeff") ? text.slice(1) : text;
  return Papa.parse<string[]>(body, { delimiter: ",", skipEmptyLines: false }).data.filter((row, i, rows) => !(i === rows.length - 1 && row.length === 1 && row[0] === ""));
}
