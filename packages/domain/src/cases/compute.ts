import type { IsoDate } from "../calendar.ts";
import { formatPeriodCode, periodFromIndex, requirePeriod, periodIndex } from "../periods.ts";
import { dayFromIso, isoFromDay } from "../calendar.ts";
import { quarterOfDay, workingDayTable, type WorkingDayTable } from "./days.ts";
import { caseChannels, caseRemedies, caseThemes, type CaseOutcome, type CasePaymentType, type CaseRemedy, type CaseSettings, type CaseStage, type ComputedQuarter } from "./format.ts";

/**
 * How the return is computed from cases (written down in docs/case-import.md too). One function,
 * `contributions`, says what each case counts towards in which quarter; the totals, the property
 * tests and the list of cases behind a figure all come from it, so they cannot disagree.
 */

/** One valid case as stored: ISO dates, money in pence. Only these fields are ever stored. */
export interface CaseRow {
  case_ref: string;
  received_date: IsoDate;
  acknowledged_date: IsoDate | null;
  stage: CaseStage;
  escalated_date: IsoDate | null;
  closed_date: IsoDate | null;
  withdrawn_date: IsoDate | null;
  target_date: IsoDate | null;
  outcome: CaseOutcome | null;
  themes: string[];
  service_area: string | null;
  channel: string | null;
  remedies: CaseRemedy[];
  payment_pence: number | null;
  payment_type: CasePaymentType | null;
  phso_referred_date: IsoDate | null;
}

/** A case in the form the computation reads: day numbers (-1 for none) and code indexes. */
export interface CaseFacts {
  received: number;
  /** 0 early resolution, 1 closer look. */
  stage: 0 | 1;
  escalated: number;
  closed: number;
  withdrawn: number;
  target: number;
  /** 0 upheld, 1 partly upheld, 2 not upheld, -1 none. */
  outcome: number;
  /** Indexes into caseThemes. */
  themes: number[];
  /** Index into the body's service areas, -1 none. */
  serviceArea: number;
  /** Index into caseChannels, -1 none. */
  channel: number;
  /** Indexes into caseRemedies. */
  remedies: number[];
  paymentPence: number;
  maladministration: boolean;
  phsoReferred: number;
}

const outcomeNames = ["upheld", "partly_upheld", "not_upheld"] as const;

/**
 * Slots: every figure the file can give, plus two counters of cases with no channel or service area
 * (when any case received in a quarter lacks one, that breakdown is left for the user, since a
 * breakdown given must add up to complaints received).
 */
export class FigureSlots {
  readonly fields: string[] = [];
  readonly index = new Map<string, number>();
  readonly received: number;
  readonly withdrawn: number;
  readonly broughtForward: number;
  readonly carriedForward: number;
  readonly escalated: number;
  readonly closed: [number, number];
  readonly outcomes: [number[], number[]];
  readonly workingDays: [number, number];
  readonly within: [number, number];
  readonly extensions: [number, number];
  readonly themes: number[];
  readonly themesNotRecorded: number;
  readonly channels: number[];
  readonly serviceAreas: number[];
  readonly remedies: number[];
  readonly paymentsCount: number;
  readonly paymentsTotal: number;
  readonly maladministrationCount: number;
  readonly maladministrationTotal: number;
  readonly phsoReferred: number;
  readonly noChannel: number;
  readonly noServiceArea: number;
  /** Slots that are template fields (the two counters are not). */
  readonly fieldCount: number;

  constructor(readonly serviceAreaCodes: readonly string[]) {
    const add = (field: string) => {
      this.index.set(field, this.fields.length);
      this.fields.push(field);
      return this.fields.length - 1;
    };
    this.broughtForward = add("brought_forward");
    this.received = add("received");
    this.withdrawn = add("withdrawn");
    this.carriedForward = add("carried_forward");
    const stage = (prefix: string) => ({
      closed: add(`${prefix}_closed`),
      outcomes: outcomeNames.map((o) => add(`${prefix}_${o}`)),
      within: add(`${prefix}_within_timescale`),
      workingDays: add(`${prefix}_working_days_total`),
      extensions: add(`${prefix}_extensions`),
    });
    const er = stage("er");
    const cl = stage("cl");
    this.closed = [er.closed, cl.closed];
    this.outcomes = [er.outcomes, cl.outcomes];
    this.within = [er.within, cl.within];
    this.workingDays = [er.workingDays, cl.workingDays];
    this.extensions = [er.extensions, cl.extensions];
    this.escalated = add("escalated_to_closer_look");
    this.themes = caseThemes.map((t) => add(`theme_${t}`));
    this.themesNotRecorded = add("themes_not_recorded");
    this.serviceAreas = serviceAreaCodes.map((c) => add(`received_by_service_area.${c}`));
    this.channels = caseChannels.map((c) => add(`received_by_channel.${c}`));
    this.remedies = caseRemedies.map((r) => add(`remedy_${r}`));
    this.paymentsCount = add("payments_count");
    this.paymentsTotal = add("payments_total");
    this.maladministrationCount = add("payments_maladministration_count");
    this.maladministrationTotal = add("payments_maladministration_total");
    this.phsoReferred = add("phso_referred");
    this.fieldCount = this.fields.length;
    this.noChannel = add("(no channel)");
    this.noServiceArea = add("(no service area)");
  }
}

/** Receives each (quarter, slot, amount) a case counts towards. */
export type Emit = (quarter: number, slot: number, amount: number) => void;

export interface CaseContext {
  slots: FigureSlots;
  days: WorkingDayTable;
  settings: CaseSettings;
  /** The last quarter computed (the one containing today): an open case is carried forward up to it. */
  lastQuarter: number;
}

export function caseContext(settings: CaseSettings, today: IsoDate): CaseContext {
  return { slots: new FigureSlots(settings.serviceAreaCodes), days: workingDayTable(settings.region), settings, lastQuarter: quarterOfDay(dayFromIso(today)) };
}

/** Everything one case counts towards, quarter by quarter: the rules of issue 10. */
export function contributions(c: CaseFacts, ctx: CaseContext, emit: Emit): void {
  const s = ctx.slots;
  const receivedIn = quarterOfDay(c.received);
  // Flow. Received in Q; withdrawn in Q; open (neither closed nor withdrawn) at the end of each
  // quarter from the one it arrived in until the one it ended in, so carried forward at the end of
  // Q and brought forward into Q + 1. A case is never both closed and withdrawn (checked on reading).
  emit(receivedIn, s.received, 1);
  if (c.withdrawn >= 0) emit(quarterOfDay(c.withdrawn), s.withdrawn, 1);
  const ended = c.closed >= 0 ? c.closed : c.withdrawn;
  const lastOpen = ended >= 0 ? quarterOfDay(ended) - 1 : ctx.lastQuarter;
  for (let q = receivedIn; q <= lastOpen; q++) {
    emit(q, s.carriedForward, 1);
    emit(q + 1, s.broughtForward, 1);
  }

  if (c.escalated >= 0) emit(quarterOfDay(c.escalated), s.escalated, 1);

  // Closed at its furthest stage: outcome, working days, timescale and extension.
  if (c.closed >= 0) {
    const q = quarterOfDay(c.closed);
    const stage = c.stage;
    emit(q, s.closed[stage], 1);
    if (c.outcome >= 0) emit(q, s.outcomes[stage][c.outcome]!, 1);
    const start = stage === 0 || c.escalated < 0 ? c.received : c.escalated;
    emit(q, s.workingDays[stage], ctx.days.between(start, c.closed));
    const deadline = ctx.days.add(start, stage === 0 ? ctx.settings.earlyResolutionDays : ctx.settings.closerLookDays);
    if (c.closed <= (c.target >= 0 ? c.target : deadline)) emit(q, s.within[stage], 1);
    if (c.target > deadline) emit(q, s.extensions[stage], 1);
    for (const r of c.remedies) emit(q, s.remedies[r]!, 1);
    if (c.paymentPence > 0) {
      emit(q, s.paymentsCount, 1);
      emit(q, s.paymentsTotal, c.paymentPence);
      if (c.maladministration) {
        emit(q, s.maladministrationCount, 1);
        emit(q, s.maladministrationTotal, c.paymentPence);
      }
    }
  }

  // What it was about, where and how it came in: among cases received in the quarter.
  if (c.themes.length === 0) emit(receivedIn, s.themesNotRecorded, 1);
  for (const t of c.themes) emit(receivedIn, s.themes[t]!, 1);
  emit(receivedIn, c.channel >= 0 ? s.channels[c.channel]! : s.noChannel, 1);
  if (s.serviceAreas.length > 0) emit(receivedIn, c.serviceArea >= 0 ? s.serviceAreas[c.serviceArea]! : s.noServiceArea, 1);

  if (c.phsoReferred >= 0) emit(quarterOfDay(c.phsoReferred), s.phsoReferred, 1);
}

/** Sums contributions per quarter in one flat array, so adding a case allocates nothing. */
export class QuarterTotals {
  private totals: Float64Array;
  private first = Number.POSITIVE_INFINITY;
  private readonly width: number;
  private readonly base: number;
  readonly emit: Emit;

  constructor(private readonly ctx: CaseContext) {
    this.width = ctx.slots.fields.length;
    // Quarters from 2000-01 Q4 (the quarter of 1 January 2000) to one after the last quarter.
    this.base = quarterOfDay(dayFromIso("2000-01-01"));
    this.totals = new Float64Array((ctx.lastQuarter - this.base + 2) * this.width);
    this.emit = (quarter, slot, amount) => {
      this.totals[(quarter - this.base) * this.width + slot]! += amount;
    };
  }

  add(c: CaseFacts): void {
    const q = quarterOfDay(c.received);
    if (q < this.first) this.first = q;
    contributions(c, this.ctx, this.emit);
  }

  /** Consecutive quarters from the first received to the quarter containing today. */
  results(): ComputedQuarter[] {
    const out: ComputedQuarter[] = [];
    if (!Number.isFinite(this.first)) return out;
    const s = this.ctx.slots;
    for (let q = this.first; q <= this.ctx.lastQuarter; q++) {
      const row = (q - this.base) * this.width;
      const values: Record<string, number> = {};
      for (let i = 0; i < s.fieldCount; i++) values[s.fields[i]!] = this.totals[row + i]!;
      const left: ComputedQuarter["left"] = [];
      const noChannel = this.totals[row + s.noChannel]!;
      if (noChannel > 0) {
        for (const slot of s.channels) delete values[s.fields[slot]!];
        left.push({ field: "received_by_channel", reason: `${plural(noChannel, "case")} received in the quarter ${noChannel === 1 ? "has" : "have"} no channel, so the channels would not add up to complaints received` });
      }
      const noArea = s.serviceAreas.length > 0 ? this.totals[row + s.noServiceArea]! : 0;
      if (noArea > 0) {
        for (const slot of s.serviceAreas) delete values[s.fields[slot]!];
        left.push({ field: "received_by_service_area", reason: `${plural(noArea, "case")} received in the quarter ${noArea === 1 ? "has" : "have"} no service area, so the service areas would not add up to complaints received` });
      }
      out.push({ period: formatPeriodCode(periodFromIndex(q)), complete: q < this.ctx.lastQuarter, values, left });
    }
    return out;
  }
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString("en-GB")} ${word}${n === 1 ? "" : "s"}`;
}

/** A stored case in the computation's form. Codes the body no longer has are treated as absent. */
export function caseFacts(row: CaseRow, settings: CaseSettings): CaseFacts {
  const day = (d: IsoDate | null) => (d ? dayFromIso(d) : -1);
  const indexes = (codes: readonly string[], list: readonly string[]) => codes.map((c) => list.indexOf(c)).filter((i) => i >= 0);
  return {
    received: day(row.received_date),
    stage: row.stage === "closer_look" ? 1 : 0,
    escalated: day(row.escalated_date),
    closed: day(row.closed_date),
    withdrawn: day(row.withdrawn_date),
    target: day(row.target_date),
    outcome: row.outcome ? outcomeNames.indexOf(row.outcome) : -1,
    themes: indexes(row.themes, caseThemes),
    serviceArea: row.service_area ? settings.serviceAreaCodes.indexOf(row.service_area) : -1,
    channel: row.channel ? caseChannels.indexOf(row.channel) : -1,
    remedies: indexes(row.remedies, caseRemedies),
    paymentPence: row.payment_pence ?? 0,
    maladministration: row.payment_type === "maladministration",
    phsoReferred: day(row.phso_referred_date),
  };
}

/** The stored form of a case read from a file. */
export function caseRowOf(ref: string, c: CaseFacts, acknowledged: number, settings: CaseSettings): CaseRow {
  const iso = (d: number) => (d >= 0 ? isoFromDay(d) : null);
  return {
    case_ref: ref,
    received_date: isoFromDay(c.received),
    acknowledged_date: iso(acknowledged),
    stage: c.stage === 1 ? "closer_look" : "early_resolution",
    escalated_date: iso(c.escalated),
    closed_date: iso(c.closed),
    withdrawn_date: iso(c.withdrawn),
    target_date: iso(c.target),
    outcome: c.outcome >= 0 ? outcomeNames[c.outcome]! : null,
    themes: c.themes.map((t) => caseThemes[t]!),
    service_area: c.serviceArea >= 0 ? settings.serviceAreaCodes[c.serviceArea]! : null,
    channel: c.channel >= 0 ? caseChannels[c.channel]! : null,
    remedies: c.remedies.map((r) => caseRemedies[r]!),
    payment_pence: c.paymentPence > 0 ? c.paymentPence : null,
    payment_type: c.paymentPence > 0 ? (c.maladministration ? "maladministration" : "other") : null,
    phso_referred_date: iso(c.phsoReferred),
  };
}

/** The same computation from stored cases. */
export function computeCaseReturns(cases: Iterable<CaseRow>, settings: CaseSettings, today: IsoDate): ComputedQuarter[] {
  const totals = new QuarterTotals(caseContext(settings, today));
  for (const row of cases) totals.add(caseFacts(row, settings));
  return totals.results();
}

/**
 * The cases behind one computed figure: each case that counts towards `field` in `period`, with its
 * amount (1 for counts, working days for the working-day totals, pence for payment totals).
 */
export function casesBehindFigure(cases: Iterable<CaseRow>, period: string, field: string, settings: CaseSettings, today: IsoDate): { ref: string; amount: number }[] {
  const ctx = caseContext(settings, today);
  const slot = ctx.slots.index.get(field);
  if (slot === undefined || slot >= ctx.slots.fieldCount) return [];
  const quarter = periodIndex(requirePeriod(period));
  const out: { ref: string; amount: number }[] = [];
  for (const row of cases) {
    let amount = 0;
    let counts = false;
    contributions(caseFacts(row, settings), ctx, (q, s, a) => {
      if (q === quarter && s === slot) {
        counts = true;
        amount += a;
      }
    });
    if (counts) out.push({ ref: row.case_ref, amount });
  }
  return out;
}

/** Fields the case file can give (for links and "computed from your cases" marks). */
export function caseComputedFields(settings: Pick<CaseSettings, "serviceAreaCodes">): string[] {
  const slots = new FigureSlots(settings.serviceAreaCodes);
  return slots.fields.slice(0, slots.fieldCount);
}
