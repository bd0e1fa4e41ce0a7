import { Worker } from "node:worker_threads";
import { NotASpreadsheetError, SpreadsheetLimitError, UnreadableSpreadsheetError, type Grid, type OtherZip, type SpreadsheetLimit } from "./grid.ts";
import { readOds } from "./read-ods.ts";
import { readXlsx, type XlsxSheets } from "./read-xlsx.ts";
import { looksLikeZip, readZipParts, zipEntryNames } from "./zip.ts";

/**
 * Reading an uploaded spreadsheet (XLSX, ODS, or plain text such as CSV) into grids, on a thread of
 * its own. Parsing a few MB of XML takes seconds of one core; on the server's own thread that would
 * hold up every other request meanwhile, so the upload waits for a worker thread that is stopped at
 * a time limit.
 */

/** The sheets of a file of any format, as the XLSX reader gives them (ODS and plain text never count from 1904). */
export type SpreadsheetSheets = XlsxSheets;

const odsMime = "application/vnd.oasis.opendocument.spreadsheet";

/**
 * The sheets of a file, its format told by its content, never its name: a zip is read as XLSX or
 * ODS, and anything else that is not a misnamed workbook by `readText` (the caller's plain-text
 * reader, such as CSV).
 */
export function readSpreadsheet(bytes: Uint8Array, fileName: string, readText: (bytes: Uint8Array) => Grid): SpreadsheetSheets {
  try {
    return readByContent(bytes, fileName, readText);
  } catch (error) {
    // XML nested thousands deep overflows the reader's recursion: a hostile file, not our failure.
    if (error instanceof RangeError) throw new UnreadableSpreadsheetError("its XML is nested far more deeply than any spreadsheet's");
    throw error;
  }
}

function readByContent(bytes: Uint8Array, fileName: string, readText: (bytes: Uint8Array) => Grid): SpreadsheetSheets {
  const name = fileName.toLowerCase();
  if (looksLikeZip(bytes)) {
    const names = zipEntryNames(bytes);
    if (names.includes("mimetype")) {
      const mimetype = readZipParts(bytes, (n) => n === "mimetype").get("mimetype")?.trim();
      if (mimetype === odsMime) return { sheets: readOds(bytes), date1904: false };
      throw new NotASpreadsheetError({ kind: "opendocument", mimetype: (mimetype ?? "unknown").slice(0, 80) });
    }
    if (names.includes("xl/workbook.xml")) return readXlsx(bytes);
    throw new NotASpreadsheetError({ kind: "archive" });
  }
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new UnreadableSpreadsheetError("The file is an Excel 97–2003 workbook (.xls), or a workbook protected with a password. Save it as an Excel workbook (.xlsx) without a password to open, and upload that.");
  }
  const claimed = /\.(xlsx|xlsm|ods|xls)$/.exec(name)?.[1];
  if (claimed) {
    throw new UnreadableSpreadsheetError(`The file is named “${fileName.slice(0, 120)}” but is not ${claimed === "ods" ? "an OpenDocument spreadsheet" : "an Excel workbook"}: its content is not a zip file. It may be damaged, or renamed. Save it again from your spreadsheet and upload that.`);
  }
  return { sheets: [readText(bytes)], date1904: false };
}

/**
 * What the worker thread sends back: the sheets, or why the file cannot be read, with the limit it
 * went past or the kind of zip it is when that was why (an error's class does not cross threads).
 */
export type ReadAnswer = { ok: true; read: SpreadsheetSheets } | { ok: false; message: string; exceeded?: SpreadsheetLimit; found?: OtherZip };

/** A read as the worker thread answers it (the entry given to `readInWorker`): the sheets, or the refusal's message. */
export function answerOf(read: () => SpreadsheetSheets): ReadAnswer {
  try {
    return { ok: true, read: read() };
  } catch (error) {
    if (error instanceof SpreadsheetLimitError) return { ok: false, message: error.message, exceeded: error.exceeded };
    if (error instanceof NotASpreadsheetError) return { ok: false, message: error.message, found: error.found };
    if (error instanceof UnreadableSpreadsheetError) return { ok: false, message: error.message };
    throw error;
  }
}

/**
 * How long one file may take to read. A template reads in a tenth of a second; a file still being
 * read after this (one within the byte limits built to parse slowly takes about 4 s) is refused,
 * within the five seconds a person should wait for an answer (a thread's first start, about a
 * second, comes before).
 */
export const readTimeLimitMs = 3000;

/**
 * Threads reading at once. The machine may have two cores: the server's own thread keeps its share
 * while uploads use the rest, and further uploads wait their turn (their time limit starts when
 * they do).
 */
const maxReaderThreads = 2;

/** Memory one thread may use: many times what the largest file within the byte limits needs. */
const readerHeapMb = 512;

type Outcome = { answer: ReadAnswer } | { error: Error & { code?: string } };

/**
 * A worker thread that reads one file at a time. Loading the readers takes it about a second, so it
 * is kept for the next file; it is stopped (and a new one started later) when a file takes it past
 * the time limit, or past its memory.
 */
class ReaderThread {
  private readonly worker: Worker;
  readonly ready: Promise<void>;
  stopped = false;
  private job: ((outcome: Outcome) => void) | null = null;

  constructor(entry: URL) {
    this.worker = new Worker(entry, {
      // None of the server's own process options (such as tsx's loader, which the thread registers itself).
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: readerHeapMb },
    });
    // An idle thread does not keep the process running (one reading does: `read`).
    this.worker.unref();
    let started = () => {};
    let failed = (_error: Error) => {};
    this.ready = new Promise((resolve, reject) => ((started = resolve), (failed = reject)));
    this.ready.catch(() => undefined);
    this.worker.on("message", (message: "ready" | ReadAnswer) => (message === "ready" ? started() : this.finish({ answer: message })));
    this.worker.on("error", (error) => {
      failed(error);
      this.finish({ error });
    });
    this.worker.on("exit", (code) => {
      this.stopped = true;
      const error = new Error(`The spreadsheet reader's thread stopped (exit code ${code}).`);
      failed(error);
      this.finish({ error });
    });
  }

  private finish(outcome: Outcome) {
    const job = this.job;
    this.job = null;
    job?.(outcome);
  }

  stop() {
    this.stopped = true;
    void this.worker.terminate();
  }

  /** Reads a file; the thread is stopped if the file takes longer than `timeLimitMs`. */
  async read(bytes: Uint8Array, fileName: string, timeLimitMs: number): Promise<SpreadsheetSheets> {
    this.worker.ref();
    try {
      return await this.readOnce(bytes, fileName, timeLimitMs);
    } finally {
      this.worker.unref();
    }
  }

  private async readOnce(bytes: Uint8Array, fileName: string, timeLimitMs: number): Promise<SpreadsheetSheets> {
    try {
      await this.ready;
    } catch (error) {
      this.stop();
      throw error;
    }
    const outcome = await new Promise<Outcome | "late">((resolve) => {
      const timer = setTimeout(() => {
        this.job = null;
        resolve("late");
      }, timeLimitMs);
      this.job = (settled) => {
        clearTimeout(timer);
        resolve(settled);
      };
      // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker thread, not a window
      this.worker.postMessage({ bytes, fileName });
    });
    if (outcome === "late") {
      this.stop();
      throw new SpreadsheetLimitError({ limit: "time", mostMs: timeLimitMs });
    }
    if ("error" in outcome) {
      this.stop();
      if (outcome.error.code === "ERR_WORKER_OUT_OF_MEMORY") throw new SpreadsheetLimitError({ limit: "memory" });
      throw outcome.error;
    }
    if (!outcome.answer.ok) throw refusalOf(outcome.answer);
    return outcome.answer.read;
  }
}

/** The error a refusal from the worker thread stands for, of the class it was thrown as there. */
function refusalOf({ message, exceeded, found }: { message: string; exceeded?: SpreadsheetLimit; found?: OtherZip }): UnreadableSpreadsheetError {
  if (exceeded) return new SpreadsheetLimitError(exceeded);
  if (found) return new NotASpreadsheetError(found);
  return new UnreadableSpreadsheetError(message);
}

/** Idle threads by the entry they run. */
const idleThreads = new Map<string, ReaderThread[]>();
let busyThreads = 0;
const waiting: (() => void)[] = [];

/**
 * A read on a worker thread, refused with an `UnreadableSpreadsheetError` when the file cannot be
 * read (a `NotASpreadsheetError` for a zip of another kind), and a `SpreadsheetLimitError` when it
 * goes past a reader's limit, takes longer than `timeLimitMs`, or needs more than the thread's
 * memory: the caller words those two in its own terms. `entry` is the
 * thread's module, the caller's own file beside its reader (so a bundler sees both): it answers each
 * `{ bytes, fileName }` message with `answerOf` over `readSpreadsheet` and the caller's plain-text
 * reader, and says "ready" once loaded.
 */
export async function readInWorker(entry: URL, bytes: Uint8Array, fileName: string, timeLimitMs = readTimeLimitMs): Promise<SpreadsheetSheets> {
  // A finished read hands its place to the next waiting one, so no more than the most read at once.
  if (busyThreads >= maxReaderThreads) await new Promise<void>((turn) => waiting.push(turn));
  else busyThreads += 1;
  let idle = idleThreads.get(entry.href);
  if (!idle) idleThreads.set(entry.href, (idle = []));
  let thread = idle.pop();
  // A thread that stopped while idle (it never should) is dropped.
  while (thread?.stopped) thread = idle.pop();
  thread ??= new ReaderThread(entry);
  try {
    return await thread.read(bytes, fileName, timeLimitMs);
  } finally {
    if (!thread.stopped) idle.push(thread);
    const next = waiting.shift();
    if (next) next();
    else busyThreads -= 1;
  }
}
