import type { Screener } from "../screening.ts";
import { isoFromDay, parseDate } from "../calendar.ts";
import { firstCaseDay, firstCaseYear, lastCaseYear } from "./days.ts";
import type { CaseFacts } from "./compute.ts";
import {
  caseChannels,
  caseColumns,
  caseOutcomes,
  casePaymentTypes,
  caseRemedies,
  caseStages,
  caseThemes,
  requiredCaseColumns,
  type CaseColumn,
  type CaseMapping,
  type CaseSettings,
  type CodedCaseColumn,
} from "./format.ts";
import { personalHeaderReason, personalValueReason } from "./personal-data.ts";
import { RefSet } from "./ref-set.ts";

/** The screener's checks of a case file, in the order they run. */
export type CaseCheck = "encoding" | "columns" | "personal data" | "contents" | "row width" | "case references" | "dates" | "codes" | "payments" | "consistency";

/** Rows of values sampled from columns we do not read, to spot personal data in them. */
const sampledRows = 1000;

/** Column ordinals, so a row's cells are found by array index rather than by name. */
const K = Object.fromEntries(caseColumns.map((c, i) => [c, i])) as Record<CaseColumn, number>;

/** The checks each row goes through once the header has passed. */
const rowChecks = ["row width", "case references", "dates", "codes", "payments", "consistency"] as const satisfies readonly CaseCheck[];

/** The check a problem with one column's value belongs to, by column ordinal. */
const checkOf: CaseCheck[] = caseColumns.map((c) => (c === "case_ref" ? "case references" : c.endsWith("_date") ? "dates" : c.startsWith("payment_") ? "payments" : "codes"));

const refPattern = /^[A-Za-z0-9][A-Za-z0-9\-_/.]{0,63}$/;

/** A code as written in a file: `Early resolution`, `EARLY-RESOLUTION` and `early_resolution` are one code. */
function normalCode(value: string): string {
  return value.trim().toLowerCase().replace(/[\s-]+/g, "_");
}

/**
 * Checks a case file's rows once its header has told it where each column is: each row's cells,
 * and that its dates can all be true together. Problems go to the screener; a row with any gives no facts.
 */
export class CaseRowChecker {
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
    private readonly problems: Screener<CaseCheck>,
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

  static forHeader(cells: string[], mapping: CaseMapping | undefined, settings: CaseSettings, today: number, problems: Screener<CaseCheck>): CaseRowChecker {
    problems.ran("columns");
    problems.ran("personal data");
    const headers = cells.map((h) => h.replace(/^\ufeff/, "").trim());
    const position = new Map<string, number>();
    headers.forEach((h, i) => {
      const key = h.toLowerCase();
      if (key === "") return;
      if (position.has(key)) problems.fail("columns", { row: 1, column: h, message: `The header “${h}” appears more than once: each column needs its own name.` });
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
        problems.fail("columns", {
          row: 1,
          column: wanted,
          message: mapping?.columns[column]
            ? `The mapping “${mapping.name}” says ${column} is in the column “${wanted}”, but the file has no such column.`
            : `The file has no ${column} column: ${caseColumnHint(column)}. If your system names it differently, save a column mapping.`,
        });
      }
    }
    const used = new Set(at);
    const sampled: { index: number; header: string }[] = [];
    headers.forEach((h, i) => {
      if (used.has(i) || h === "") return;
      const reason = personalHeaderReason(h);
      if (reason) problems.fail("personal data", { row: 1, column: h, message: refusal(h, reason) });
      else sampled.push({ index: i, header: h });
    });
    const reader = new CaseRowChecker(at, labels, mapping, sampled, settings, today, problems, headers.length);
    reader.fatal = !problems.ok;
    if (!reader.fatal) for (const check of rowChecks) problems.ran(check);
    return reader;
  }

  private cells: string[] = [];
  private row = 0;
  /** The row's payment type's index, or -1 (set by `payment`, read as the row's facts are built). */
  private paymentType = -1;

  private problem(column: number, message: string, check: CaseCheck = checkOf[column]!): void {
    this.problems.fail(check, { row: this.row, column: this.labels[column]!, message });
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
    if (day >= 0 && day < received) this.problem(column, `${what} (${isoFromDay(day)}) is before the complaint was received (${isoFromDay(received)}).`, "consistency");
  }

  private sample(): void {
    for (const { index, header } of this.sampled) {
      const reason = personalValueReason(this.cells[index] ?? "");
      if (reason) {
        this.problems.fail("personal data", { row: this.row, column: header, message: refusal(header, reason) });
        this.fatal = true;
        return;
      }
    }
  }

  /** One row's case, or null with its problems added. */
  read(cells: string[], row: number): CaseFacts | null {
    this.cells = cells;
    this.row = row;
    const before = this.problems.failures;
    if (cells.length !== this.width) {
      // Usually a value with a comma and no quotes, which moves every later value into the wrong column.
      this.problems.fail("row width", { row, column: null, message: `The row has ${cells.length} values but the header has ${this.width} columns. A value may contain a comma without quotes around it, or a quote that is not closed.` });
      return null;
    }
    if (row <= sampledRows + 1) this.sample();

    const ref = this.caseRef();
    const received = this.date(K.received_date);
    if (received < 0 && this.cell(K.received_date) === "") this.problem(K.received_date, "Enter the date the complaint was received: every case needs one.");
    const acknowledged = this.date(K.acknowledged_date);
    const escalated = this.date(K.escalated_date);
    const closed = this.date(K.closed_date);
    const withdrawn = this.date(K.withdrawn_date);
    const target = this.date(K.target_date);
    const phso = this.date(K.phso_referred_date);

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
    const paymentPence = this.payment();

    const facts: CaseFacts = {
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
      maladministration: this.paymentType === 0,
      phsoReferred: phso,
    };
    this.checkDates(facts, acknowledged);
    this.checkOutcome(facts, outcomeText);
    if (this.problems.failures > before) return null;
    this.ref = ref;
    this.acknowledged = acknowledged;
    return facts;
  }

  /** The row's case reference, with a problem when it is missing, not pseudonymised or repeated. */
  private caseRef(): string {
    const ref = this.cell(K.case_ref);
    if (ref === "") this.problem(K.case_ref, "Enter the case's reference: every case needs one.");
    else if (!refPattern.test(ref)) {
      this.problem(K.case_ref, ref.includes("@")
        ? "This looks like an email address. Case references must be pseudonymised: use your system's case number, never personal details."
        : /\s/.test(ref)
          ? `“${clip(ref)}” has spaces, so it may be a name or free text. Case references must be pseudonymised: letters, digits and - _ / . only.`
          : `“${clip(ref)}” is not a case reference: use letters, digits and - _ / . only, at most 64 characters.`);
    } else if (!this.refs.add(ref)) this.problem(K.case_ref, `The case reference “${ref}” appears more than once: each case must be on one row.`);
    return ref;
  }

  /** The row's payment in pence (0 for none), its type in `paymentType`; an amount needs a type and a type an amount. */
  private payment(): number {
    const amountText = this.cell(K.payment_amount);
    let paymentPence = 0;
    if (amountText !== "") {
      const pence = parsePence(amountText);
      if (pence === null) this.problem(K.payment_amount, `Enter the payment in pounds, such as 1250.00, not “${clip(amountText)}”.`);
      else paymentPence = pence;
    }
    const typeText = this.cell(K.payment_type);
    this.paymentType = typeText === "" ? -1 : this.codeIndex("payment_type", typeText, casePaymentTypes);
    if (typeText !== "" && this.paymentType < 0) this.problem(K.payment_type, `“${clip(typeText)}” is not a payment type: expected maladministration or other${mappingHint}.`);
    if (paymentPence > 0 && typeText === "") this.problem(K.payment_type, "Enter the payment's type (maladministration or other): the case has a payment_amount.");
    if (typeText !== "" && amountText === "") this.problem(K.payment_amount, "Enter the payment's amount: the case has a payment_type.");
    return paymentPence;
  }

  /** Dates that cannot all be true: before the complaint was received, or out of order with the escalation. */
  private checkDates(c: CaseFacts, acknowledged: number): void {
    if (c.received >= 0) {
      this.notBefore(K.acknowledged_date, acknowledged, c.received, "Acknowledged");
      this.notBefore(K.escalated_date, c.escalated, c.received, "Escalated");
      this.notBefore(K.closed_date, c.closed, c.received, "Closed");
      this.notBefore(K.withdrawn_date, c.withdrawn, c.received, "Withdrawn");
      this.notBefore(K.target_date, c.target, c.received, "The target date");
    }
    if (c.closed >= 0 && c.withdrawn >= 0) this.problem(K.withdrawn_date, "A case cannot be both closed and withdrawn: give one of closed_date or withdrawn_date.", "consistency");
    if (c.escalated >= 0 && c.stage === 0) this.problem(K.escalated_date, "The case was escalated but its stage is early_resolution: an escalated case's furthest stage is closer_look.", "consistency");
    if (c.escalated >= 0 && c.closed >= 0 && c.closed < c.escalated) this.problem(K.closed_date, `Closed (${isoFromDay(c.closed)}) is before the case was escalated (${isoFromDay(c.escalated)}).`, "consistency");
    if (c.escalated >= 0 && c.withdrawn >= 0 && c.withdrawn < c.escalated) this.problem(K.withdrawn_date, `Withdrawn (${isoFromDay(c.withdrawn)}) is before the case was escalated (${isoFromDay(c.escalated)}).`, "consistency");
  }

  /** An outcome goes with a closed date, and an Ombudsman referral comes after the case was closed. */
  private checkOutcome(c: CaseFacts, outcomeText: string): void {
    const closedText = this.cell(K.closed_date);
    if (c.closed >= 0 && outcomeText === "") this.problem(K.outcome, "Enter the outcome (upheld, partly_upheld or not_upheld): the case has a closed_date.", "consistency");
    if (closedText === "" && outcomeText !== "") this.problem(K.outcome, "The case has an outcome but no closed_date: give the date it was closed, or leave the outcome empty while it is open.", "consistency");
    if (c.phsoReferred >= 0 && closedText === "") this.problem(K.phso_referred_date, "The case was referred to the Ombudsman but has no closed_date: a case goes to the Ombudsman after the body's final response.", "consistency");
    if (c.phsoReferred >= 0 && c.closed >= 0 && c.phsoReferred < c.closed) this.problem(K.phso_referred_date, `Referred to the Ombudsman (${isoFromDay(c.phsoReferred)}) before the case was closed (${isoFromDay(c.closed)}).`, "consistency");
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
