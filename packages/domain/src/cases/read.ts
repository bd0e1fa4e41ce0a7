import { isAscii } from "node:buffer";
import { Readable } from "node:stream";
import Papa from "papaparse";
import type { IsoDate } from "../calendar.ts";
import { afterByteOrderMark, decodeWindows1252, refuseBinary, UnreadableFileError } from "../csv/decode.ts";
import { dayFromIso, isoFromDay, parseDate } from "../calendar.ts";
import { firstCaseDay, firstCaseYear, lastCaseYear } from "./days.ts";
import { caseContext, caseRowOf, QuarterTotals, type CaseFacts, type CaseRow } from "./compute.ts";
import {
  caseChannels,
  caseColumns,
  caseOutcomes,
  casePaymentTypes,
  caseRemedies,
  caseStages,
  caseThemes,
  maxCaseProblems,
  requiredCaseColumns,
  type CaseColumn,
  type CaseFileResult,
  type CaseMapping,
  type CaseProblem,
  type CaseSettings,
  type CodedCaseColumn,
} from "./format.ts";
import { personalHeaderReason, personalValueReason } from "./personal-data.ts";
import { RefSet } from "./ref-set.ts";

export interface ReadCasesOptions {
  settings: CaseSettings;
  mapping?: CaseMapping | undefined;
  /** Dates after today are refused; the quarter containing today is computed so far (complete: false). */
  today: IsoDate;
  /** Each valid case in file order, for storing; awaited. Callers discard what they stored when the result is not ok. */
  onCase?: ((row: CaseRow) => void | Promise<void>) | undefined;
  onProgress?: ((bytesRead: number) => void) | undefined;
}

/** Rows of values sampled from columns we do not read, to spot personal data in them. */
const sampledRows = 1000;

/**
 * Reads a case file as a stream and computes every quarter's return from it. The file is
 * never held whole: bytes are decoded as they arrive, papaparse splits rows chunk by chunk, and each
 * case is added to per-quarter totals and forgotten (only a 64-bit fingerprint of its reference is
 * kept, to find duplicates). Any problem makes the whole file fail, with the first 100 problems.
 */
export async function readCaseFile(source: AsyncIterable<Uint8Array>, options: ReadCasesOptions): Promise<CaseFileResult> {
  const problems = new ProblemList();
  const decoder = new StreamDecoder(options.onProgress);
  const ctx = caseContext(options.settings, options.today);
  const totals = new QuarterTotals(ctx);
  const todayDay = dayFromIso(options.today);
  let reader: RowReader | null = null;
  let rowNumber = 0;
  let rows = 0;

  const handle = (cells: string[]): CaseRow | null => {
    rowNumber += 1;
    if (reader === null) {
      reader = RowReader.forHeader(cells, options.mapping, options.settings, todayDay, problems);
      return null;
    }
    if (cells.length === 1 && cells[0]!.trim() === "") return null; // a blank line
    rows += 1;
    const facts = reader.read(cells, rowNumber);
    if (!facts) return null;
    totals.add(facts);
    return options.onCase && problems.count === 0 ? caseRowOf(reader.ref, facts, reader.acknowledged, options.settings) : null;
  };

  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(Readable.from(decoder.decode(source)), {
      header: false,
      skipEmptyLines: false,
      chunk(results, parser) {
        if (reader?.fatal) {
          parser.abort();
          return;
        }
        // Rows are handled synchronously; only when storing a case returns a promise (a batch being
        // written) does reading pause until it is done (back-pressure). Pausing papaparse's stream
        // for every chunk instead made a million cases take 9 s rather than 2.4 s in the benchmark.
        const data = results.data;
        let i = 0;
        const run = (): Promise<void> | undefined => {
          while (i < data.length) {
            const row = handle(data[i++]!);
            if (reader?.fatal) return undefined;
            const pending = row && options.onCase ? options.onCase(row) : undefined;
            if (pending) return pending.then(run);
          }
          return undefined;
        };
        const pending = run();
        if (pending) {
          parser.pause();
          pending.then(() => parser.resume(), reject);
        }
      },
      complete: () => resolve(),
      error: (error: Error) => {
        if (error instanceof UnreadableFileError) {
          problems.add(null, null, error.message);
          resolve();
        } else reject(error);
      },
    });
  });

  if (reader === null && problems.count === 0) problems.add(null, null, "The file is empty. Export your cases as CSV with a header row and try again.");
  else if (reader !== null && rows === 0 && !(reader as RowReader).fatal) problems.add(null, null, "The file has a header row but no cases.");
  const ok = problems.count === 0;
  return { ok, encoding: decoder.encoding, rows, problems: problems.shown, moreProblems: problems.more, quarters: ok ? totals.results() : [] };
}

class ProblemList {
  readonly shown: CaseProblem[] = [];
  count = 0;
  add(row: number | null, column: string | null, message: string): void {
    this.count += 1;
    if (this.shown.length < maxCaseProblems) this.shown.push({ row, column, message });
  }
  get more(): number {
    return this.count - this.shown.length;
  }
}

/**
 * UTF-8 (with or without a byte-order mark) or Windows-1252, decided as the bytes arrive: UTF-8 is
 * read strictly, and at the first byte that is not UTF-8, if everything before was plain ASCII (the
 * same in both encodings), the rest is read as Windows-1252. A file that is UTF-8 for a while and
 * then is not has no single encoding and is refused.
 */
class StreamDecoder {
  encoding: CaseFileResult["encoding"] = null;
  private bytes = 0;
  constructor(private readonly onProgress?: (bytes: number) => void) {}

  async *decode(source: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
    const utf8 = new TextDecoder("utf-8", { fatal: true });
    let mode: "utf-8" | "windows-1252" = "utf-8";
    let sawNonAscii = false;
    let first = true;
    let line = 1;
    for await (const raw of source) {
      let chunk = raw;
      if (first && chunk.byteLength > 0) {
        first = false;
        chunk = afterByteOrderMark(chunk);
        this.encoding = "utf-8";
      }
      this.bytes += raw.byteLength;
      refuseBinary(chunk);
      let text: string;
      if (mode === "windows-1252") text = decodeWindows1252(chunk, line);
      else if (isAscii(chunk)) text = utf8.decode(chunk, { stream: true });
      else {
        try {
          text = utf8.decode(chunk, { stream: true });
          sawNonAscii = true;
        } catch {
          if (sawNonAscii) {
            const firstHigh = chunk.findIndex((b) => b >= 0x80);
            const near = line + chunk.subarray(0, firstHigh).filter((b) => b === 0x0a).length;
            throw new UnreadableFileError(
              `The file is not in one encoding: it starts as UTF-8 but near line ${near} it is not. Save it from your system or spreadsheet as “CSV UTF-8 (comma delimited)” and try again.`,
            );
          }
          mode = "windows-1252";
          this.encoding = "windows-1252";
          text = decodeWindows1252(chunk, line);
        }
      }
      line += countLines(text);
      this.onProgress?.(this.bytes);
      yield text;
    }
    if (mode === "utf-8") {
      try {
        const rest = utf8.decode();
        if (rest) yield rest;
      } catch {
        throw new UnreadableFileError("The file ends part way through a character: it may have been cut short. Export it again and try again.");
      }
    }
  }
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n += 1;
  return n;
}

/** Column ordinals, so a row's cells are found by array index rather than by name. */
const K = Object.fromEntries(caseColumns.map((c, i) => [c, i])) as Record<CaseColumn, number>;

const refPattern = /^[A-Za-z0-9][A-Za-z0-9\-_/.]{0,63}$/;

/** A code as written in a file: `Early resolution`, `EARLY-RESOLUTION` and `early_resolution` are one code. */
function normalCode(value: string): string {
  return value.trim().toLowerCase().replace(/[\s-]+/g, "_");
}

/** Reads rows once the header has told it where each column is. */
class RowReader {
  fatal = false;
  /** The last row's reference and acknowledged date (the rest is in the facts). */
  ref = "";
  acknowledged = -1;
  /** By column ordinal: the file's column index (-1 absent) and the name used in messages. */
  private readonly at: Int32Array;
  private readonly labels: string[];
  private readonly codes: Partial<Record<CodedCaseColumn, Map<string, string>>>;
  private readonly sampled: { index: number; header: string }[];
  private readonly refs = new RefSet();

  private constructor(
    at: Int32Array,
    labels: string[],
    mapping: CaseMapping | undefined,
    sampled: { index: number; header: string }[],
    private readonly settings: CaseSettings,
    private readonly today: number,
    private readonly problems: ProblemList,
    private readonly width: number,
  ) {
    this.at = at;
    this.labels = labels;
    this.sampled = sampled;
    this.codes = {};
    for (const [column, table] of Object.entries(mapping?.codes ?? {}) as [CodedCaseColumn, Record<string, string>][]) {
      this.codes[column] = new Map(Object.entries(table).map(([theirs, ours]) => [normalCode(theirs), normalCode(ours)]));
    }
  }

  static forHeader(cells: string[], mapping: CaseMapping | undefined, settings: CaseSettings, today: number, problems: ProblemList): RowReader {
    const headers = cells.map((h) => h.replace(/^\ufeff/, "").trim());
    const position = new Map<string, number>();
    headers.forEach((h, i) => {
      const key = h.toLowerCase();
      if (key === "") return;
      if (position.has(key)) problems.add(1, h, `The header “${h}” appears more than once: each column needs its own name.`);
      else position.set(key, i);
    });
    const at = new Int32Array(caseColumns.length);
    const labels: string[] = [];
    for (const [ordinal, column] of caseColumns.entries()) {
      const wanted = mapping?.columns[column] ?? column;
      const index = position.get(wanted.toLowerCase()) ?? -1;
      at[ordinal] = index;
      labels[ordinal] = wanted === column ? column : `${wanted} (${column})`;
      if (index < 0 && requiredCaseColumns.includes(column)) {
        problems.add(1, wanted, mapping?.columns[column]
          ? `The mapping “${mapping.name}” says ${column} is in the column “${wanted}”, but the file has no such column.`
          : `The file has no ${column} column: ${caseColumnHint(column)}. If your system names it differently, save a column mapping.`);
      }
    }
    const used = new Set(at);
    const sampled: { index: number; header: string }[] = [];
    headers.forEach((h, i) => {
      if (used.has(i) || h === "") return;
      const reason = personalHeaderReason(h);
      if (reason) problems.add(1, h, refusal(h, reason));
      else sampled.push({ index: i, header: h });
    });
    const reader = new RowReader(at, labels, mapping, sampled, settings, today, problems, headers.length);
    reader.fatal = problems.count > 0;
    return reader;
  }

  private cells: string[] = [];
  private row = 0;

  private problem(column: number, message: string): void {
    this.problems.add(this.row, this.labels[column]!, message);
  }

  private cell(column: number): string {
    const i = this.at[column]!;
    return i >= 0 && i < this.cells.length ? this.cells[i]!.trim() : "";
  }

  private date(column: number): number {
    const text = this.cell(column);
    if (text === "") return -1;
    const parsed = parseDate(text);
    if ("problem" in parsed) {
      this.problem(column, parsed.problem === "format" ? `Enter a date such as 2025-04-01 or 01/04/2025, not “${clip(text)}”.` : `“${clip(text)}” is not a real date.`);
      return -1;
    }
    if (parsed.day < firstCaseDay || parsed.day > this.today) {
      this.problem(column, parsed.day > this.today ? `${text} is in the future.` : `${text} is too early: dates must be in ${firstCaseYear} to ${lastCaseYear}.`);
      return -1;
    }
    return parsed.day;
  }

  // Codes repeat on every row: each distinct text is resolved once (a bounded cache per column).
  private readonly resolved: Record<CodedCaseColumn, Map<string, number>> = {
    stage: new Map(), outcome: new Map(), themes: new Map(), service_area: new Map(), channel: new Map(), remedies: new Map(), payment_type: new Map(),
  };
  private readonly resolvedLists = { themes: new Map<string, number[]>(), remedies: new Map<string, number[]>() };

  /** Index of a coded value in `known` after the mapping's translation, or -1. */
  private codeIndex(column: CodedCaseColumn, text: string, known: readonly string[]): number {
    const cache = this.resolved[column];
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const normal = normalCode(text);
    const translated = this.codes[column]?.get(normal);
    // Service area codes are the body's own, matched as written (after any mapping).
    const code = translated ?? (column === "service_area" ? text.trim() : normal);
    const index = known.indexOf(code);
    if (cache.size < 10_000) cache.set(text, index);
    return index;
  }

  /** Codes separated by `;`; the same text gives the same (shared, never changed) array. */
  private list(name: "themes" | "remedies", column: number, known: readonly string[], what: string): number[] {
    const text = this.cell(column);
    if (text === "") return none;
    const cache = this.resolvedLists[name];
    const hit = cache.get(text);
    if (hit) return hit;
    const out: number[] = [];
    let valid = true;
    for (const part of text.split(";")) {
      if (part.trim() === "") continue;
      const i = this.codeIndex(name, part, known);
      if (i < 0) {
        valid = false;
        this.problem(column, `“${clip(part.trim())}” is not a ${what} code: expected one of ${known.join(", ")}${mappingHint}.`);
      } else if (!out.includes(i)) out.push(i);
    }
    if (valid && cache.size < 10_000) cache.set(text, out);
    return out;
  }

  private one(name: "service_area" | "channel", column: number, known: readonly string[], what: string): number {
    const text = this.cell(column);
    if (text === "") return -1;
    const i = this.codeIndex(name, text, known);
    if (i < 0) {
      this.problem(column, known.length === 0
        ? `Your body has no service areas set up, so “${clip(text)}” cannot be used. Ask your department to set them up, or leave the column empty.`
        : `“${clip(text)}” is not one of your body's ${what}s: expected one of ${known.join(", ")}${mappingHint}.`);
    }
    return i;
  }

  private notBefore(column: number, day: number, received: number, what: string): void {
    if (day >= 0 && day < received) this.problem(column, `${what} (${isoFromDay(day)}) is before the complaint was received (${isoFromDay(received)}).`);
  }

  private sample(): void {
    for (const { index, header } of this.sampled) {
      const reason = personalValueReason(this.cells[index] ?? "");
      if (reason) {
        this.problems.add(this.row, header, refusal(header, reason));
        this.fatal = true;
        return;
      }
    }
  }

  /** One row's case, or null with its problems added. */
  read(cells: string[], row: number): CaseFacts | null {
    this.cells = cells;
    this.row = row;
    const before = this.problems.count;
    if (cells.length !== this.width) {
      // Usually a value with a comma and no quotes, which moves every later value into the wrong column.
      this.problems.add(row, null, `The row has ${cells.length} values but the header has ${this.width} columns. A value may contain a comma without quotes around it, or a quote that is not closed.`);
      return null;
    }
    if (row <= sampledRows + 1) this.sample();

    const ref = this.cell(K.case_ref);
    if (ref === "") this.problem(K.case_ref, "Enter the case's reference: every case needs one.");
    else if (!refPattern.test(ref)) {
      this.problem(K.case_ref, ref.includes("@")
        ? "This looks like an email address. Case references must be pseudonymised: use your system's case number, never personal details."
        : /\s/.test(ref)
          ? `“${clip(ref)}” has spaces, so it may be a name or free text. Case references must be pseudonymised: letters, digits and - _ / . only.`
          : `“${clip(ref)}” is not a case reference: use letters, digits and - _ / . only, at most 64 characters.`);
    } else if (!this.refs.add(ref)) this.problem(K.case_ref, `The case reference “${ref}” appears more than once: each case must be on one row.`);

    const received = this.date(K.received_date);
    if (received < 0 && this.cell(K.received_date) === "") this.problem(K.received_date, "Enter the date the complaint was received: every case needs one.");
    const acknowledged = this.date(K.acknowledged_date);
    const escalated = this.date(K.escalated_date);
    const closed = this.date(K.closed_date);
    const withdrawn = this.date(K.withdrawn_date);
    const target = this.date(K.target_date);
    const phso = this.date(K.phso_referred_date);
    const closedText = this.cell(K.closed_date);

    const stageText = this.cell(K.stage);
    const stage = stageText === "" ? -1 : this.codeIndex("stage", stageText, caseStages);
    if (stageText === "") this.problem(K.stage, "Enter the furthest stage reached: early_resolution or closer_look.");
    else if (stage < 0) this.problem(K.stage, `“${clip(stageText)}” is not a stage: expected early_resolution or closer_look${mappingHint}.`);

    const outcomeText = this.cell(K.outcome);
    const outcome = outcomeText === "" ? -1 : this.codeIndex("outcome", outcomeText, caseOutcomes);
    if (outcomeText !== "" && outcome < 0) this.problem(K.outcome, `“${clip(outcomeText)}” is not an outcome: expected upheld, partly_upheld or not_upheld${mappingHint}.`);

    const themes = this.list("themes", K.themes, caseThemes, "theme");
    const remedies = this.list("remedies", K.remedies, caseRemedies, "remedy");
    const serviceArea = this.one("service_area", K.service_area, this.settings.serviceAreaCodes, "service area");
    const channel = this.one("channel", K.channel, caseChannels, "channel");

    const amountText = this.cell(K.payment_amount);
    let paymentPence = 0;
    if (amountText !== "") {
      const pence = parsePence(amountText);
      if (pence === null) this.problem(K.payment_amount, `Enter the payment in pounds, such as 1250.00, not “${clip(amountText)}”.`);
      else paymentPence = pence;
    }
    const typeText = this.cell(K.payment_type);
    const paymentType = typeText === "" ? -1 : this.codeIndex("payment_type", typeText, casePaymentTypes);
    if (typeText !== "" && paymentType < 0) this.problem(K.payment_type, `“${clip(typeText)}” is not a payment type: expected maladministration or other${mappingHint}.`);
    if (paymentPence > 0 && typeText === "") this.problem(K.payment_type, "Enter the payment's type (maladministration or other): the case has a payment_amount.");
    if (typeText !== "" && amountText === "") this.problem(K.payment_amount, "Enter the payment's amount: the case has a payment_type.");

    // Dates that cannot all be true.
    if (received >= 0) {
      this.notBefore(K.acknowledged_date, acknowledged, received, "Acknowledged");
      this.notBefore(K.escalated_date, escalated, received, "Escalated");
      this.notBefore(K.closed_date, closed, received, "Closed");
      this.notBefore(K.withdrawn_date, withdrawn, received, "Withdrawn");
      this.notBefore(K.target_date, target, received, "The target date");
    }
    if (closed >= 0 && withdrawn >= 0) this.problem(K.withdrawn_date, "A case cannot be both closed and withdrawn: give one of closed_date or withdrawn_date.");
    if (escalated >= 0 && stage === 0) this.problem(K.escalated_date, "The case was escalated but its stage is early_resolution: an escalated case's furthest stage is closer_look.");
    if (escalated >= 0 && closed >= 0 && closed < escalated) this.problem(K.closed_date, `Closed (${isoFromDay(closed)}) is before the case was escalated (${isoFromDay(escalated)}).`);
    if (escalated >= 0 && withdrawn >= 0 && withdrawn < escalated) this.problem(K.withdrawn_date, `Withdrawn (${isoFromDay(withdrawn)}) is before the case was escalated (${isoFromDay(escalated)}).`);
    if (closed >= 0 && outcomeText === "") this.problem(K.outcome, "Enter the outcome (upheld, partly_upheld or not_upheld): the case has a closed_date.");
    if (closedText === "" && outcomeText !== "") this.problem(K.outcome, "The case has an outcome but no closed_date: give the date it was closed, or leave the outcome empty while it is open.");
    if (phso >= 0 && closedText === "") this.problem(K.phso_referred_date, "The case was referred to the Ombudsman but has no closed_date: a case goes to the Ombudsman after the body's final response.");
    if (phso >= 0 && closed >= 0 && phso < closed) this.problem(K.phso_referred_date, `Referred to the Ombudsman (${isoFromDay(phso)}) before the case was closed (${isoFromDay(closed)}).`);

    if (this.problems.count > before) return null;
    this.ref = ref;
    this.acknowledged = acknowledged;
    return {
      received,
      stage: stage as 0 | 1,
      escalated,
      closed,
      withdrawn,
      target,
      outcome,
      themes,
      serviceArea,
      channel,
      remedies,
      paymentPence,
      maladministration: paymentType === 0,
      phsoReferred: phso,
    };
  }
}

const none: number[] = [];
const mappingHint = ". If your system uses its own codes, add them to a column mapping";

function caseColumnHint(column: CaseColumn): string {
  return column === "case_ref" ? "every case needs a pseudonymised reference" : `the file must have a “${column}” column`;
}

function refusal(header: string, reason: string): string {
  return `The column “${header}” is refused: ${reason}. Only pseudonymised references and coded fields may be uploaded. Remove the column from the export and try again.`;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

const amountPattern = /^£?(\d{1,3}(?:,\d{3})+|\d{1,9})(?:\.(\d{1,2}))?$/;

/** Pounds as written in a file (`1250.00`, `£1,250.5`, `300`) in pence, or null. Never a float. */
export function parsePence(text: string): number | null {
  const match = amountPattern.exec(text.trim());
  if (!match) return null;
  const pounds = Number(match[1]!.replaceAll(",", ""));
  const pence = match[2] ? Number(match[2].padEnd(2, "0")) : 0;
  const total = pounds * 100 + pence;
  return total > 0 ? total : null;
}
