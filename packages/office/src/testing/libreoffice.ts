import Papa from "papaparse";
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { strFromU8, unzipSync } from "fflate";
import { inCi } from "./env.ts";

/**
 * Real office software (LibreOffice, headless) for tests, so the spreadsheets we write are checked
 * by software we did not write: opening a spreadsheet and reading every sheet back as the cells
 * show (`spreadsheetToCsv`), saving it in the other format (`convertSpreadsheet`), and converting
 * many files at once, CSV among them, as a person's office software saves them
 * (`convertWithLibreOffice`). Debian: `libreoffice-calc-nogui`.
 *
 * The CSV export filter's options (LibreOffice Help, "CSV Filter Options"): 44 comma, 34 double
 * quote, 76 UTF-8, 1 first line, (no column formats), 0 language, false quoted as text, true
 * detect special numbers, true save cell contents as shown (the number formats applied, so
 * "12,345", "87 [r] [p]"), false formulas, false trim spaces, -1 every sheet to its own file named
 * `<base>-<sheet name>.csv` (LibreOffice 7.2 and later).
 */
const csvFilter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";
/** The same export of a file's one sheet, written as `<base>.csv`. */
const csvOneSheetFilter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true";
/** CSV import options: comma, double quote, UTF-8, from row 1. */
const csvImportFilter = "CSV:44,34,76,1";

/** The LibreOffice program where Debian installs it, or null when it is not installed. */
export const soffice: string | null = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"].find((path) => existsSync(path)) ?? null;

const notInstalled = "LibreOffice is not installed: `soffice` is not on the PATH. Install it (Debian: apt-get install libreoffice-calc-nogui) to run the tests that open spreadsheets in real office software.";

/**
 * Whether the LibreOffice tests run: when LibreOffice is installed. In CI its absence is an error,
 * so those tests can never pass by being skipped.
 */
export function libreOfficeTestsRun(): boolean {
  if (soffice) return true;
  if (inCi) throw new Error(`CI is set but ${notInstalled}`);
  return false;
}

/** The arguments every run starts with: headless, with a user profile of its own (in `profile`), so parallel runs cannot disturb each other. */
function ownProfile(profile: string): string[] {
  return [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--nologo"];
}

export interface SpreadsheetToCsvOptions {
  /** How long LibreOffice may take, in milliseconds (default 120,000: a first start with a new profile takes several seconds). */
  timeoutMs?: number;
  /** The LibreOffice program (default where Debian installs it, else `soffice` on the PATH). */
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
    const output = await run(options.soffice ?? soffice ?? "soffice", [...ownProfile(join(dir, "profile")), "--convert-to", filter, "--outdir", outDir, input], options.timeoutMs ?? 120_000);
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
        reject(new Error(notInstalled));
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

/** Conversions already made, by target and input bytes: the same file converts the same way on both databases' runs. */
const converted = new Map<string, Uint8Array>();

/**
 * Converts files with LibreOffice (`soffice --headless --convert-to`), all in one run (CSV read as
 * UTF-8, comma, double quote; a workbook's one sheet written as CSV as its cells show), each file
 * converted once per process. Gives the converted bytes by input name (names must differ in more
 * than their extension).
 */
export function convertWithLibreOffice(files: Record<string, Uint8Array>, to: "csv" | "xlsx" | "ods"): Record<string, Uint8Array> {
  if (!soffice) throw new Error(notInstalled);
  const key = (bytes: Uint8Array) => `${to}:${createHash("sha256").update(bytes).digest("hex")}`;
  const todo = Object.entries(files).filter(([, bytes]) => !converted.has(key(bytes)));
  if (todo.length > 0) {
    const dir = mkdtempSync(join(tmpdir(), "lo-convert-"));
    try {
      const out = join(dir, "out");
      const inputs = todo.map(([name, bytes]) => {
        const input = join(dir, name);
        writeFileSync(input, bytes);
        return input;
      });
      const args = ownProfile(join(dir, "profile"));
      if (todo.some(([name]) => name.endsWith(".csv"))) args.push(`--infilter=${csvImportFilter}`);
      args.push("--convert-to", to === "csv" ? csvOneSheetFilter : to, "--outdir", out, ...inputs);
      execFileSync(soffice, args, { stdio: "pipe", timeout: 180_000 });
      const written = new Set(readdirSync(out));
      for (const [name, bytes] of todo) {
        const output = `${name.replace(/\.[^.]+$/, "")}.${to}`;
        if (!written.has(output)) throw new Error(`LibreOffice did not convert ${name} to ${to}`);
        converted.set(key(bytes), new Uint8Array(readFileSync(join(out, output))));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, converted.get(key(bytes))!]));
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
