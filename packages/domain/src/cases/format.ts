import { z } from "zod";
import type { BankHolidayRegion } from "../calendar.ts";
import { channels, themeCodes } from "../template/v1.ts";
import type { ScreenProblem, Screening } from "../screening.ts";

/**
 * The case file: one row per complaint from a body's case-management system, from which
 * the quarterly return is computed. Browser-safe: the agency app's mapping screen uses it too.
 * Only a pseudonymised reference and coded fields are read; any other column is ignored.
 */
export const caseColumns = [
  "case_ref",
  "received_date",
  "acknowledged_date",
  "stage",
  "escalated_date",
  "closed_date",
  "withdrawn_date",
  "target_date",
  "outcome",
  "themes",
  "service_area",
  "channel",
  "remedies",
  "payment_amount",
  "payment_type",
  "phso_referred_date",
] as const;
export type CaseColumn = (typeof caseColumns)[number];

/** Columns a file must have (after mapping); the others may be left out and are then empty. */
export const requiredCaseColumns: readonly CaseColumn[] = ["case_ref", "received_date", "stage", "closed_date", "outcome"];

export const caseStages = ["early_resolution", "closer_look"] as const;
export type CaseStage = (typeof caseStages)[number];
export const caseOutcomes = ["upheld", "partly_upheld", "not_upheld"] as const;
export type CaseOutcome = (typeof caseOutcomes)[number];
export const caseRemedies = ["apology", "explanation", "decision_changed", "service_provided", "financial", "other"] as const;
export type CaseRemedy = (typeof caseRemedies)[number];
export const casePaymentTypes = ["maladministration", "other"] as const;
export type CasePaymentType = (typeof casePaymentTypes)[number];
export const caseChannels: readonly string[] = channels.map((c) => c.value);
export const caseThemes: readonly string[] = themeCodes;

/** Columns holding codes, whose values a mapping may translate from a system's own codes. */
export const codedCaseColumns = ["stage", "outcome", "themes", "service_area", "channel", "remedies", "payment_type"] as const;
export type CodedCaseColumn = (typeof codedCaseColumns)[number];

/** Each column's name in plain English, for screens where a person matches their own columns to ours. */
export const caseColumnLabels: Record<CaseColumn, string> = {
  case_ref: "Case reference",
  received_date: "Date received",
  acknowledged_date: "Date acknowledged",
  stage: "Stage",
  escalated_date: "Date escalated",
  closed_date: "Date closed",
  withdrawn_date: "Date withdrawn",
  target_date: "Target date",
  outcome: "Outcome",
  themes: "Themes",
  service_area: "Service area",
  channel: "Channel",
  remedies: "Remedies",
  payment_amount: "Payment amount",
  payment_type: "Payment type",
  phso_referred_date: "Date referred to the Ombudsman",
};

/** What each column holds, for docs/case-import.md, the mapping screen and messages. */
export const caseColumnDescriptions: Record<CaseColumn, string> = {
  case_ref: "the case's pseudonymised reference: letters, digits and - _ / . only, at most 64 characters",
  received_date: "the date the complaint was received",
  acknowledged_date: "the date it was acknowledged (empty if not yet)",
  stage: "the furthest stage reached: early_resolution or closer_look",
  escalated_date: "the date it moved from early resolution to closer look (empty if it did not)",
  closed_date: "the date the response was sent at the furthest stage (empty while open)",
  withdrawn_date: "the date the person withdrew the complaint (empty if not withdrawn)",
  target_date: "the response date shared with the person, or a later date they agreed (empty for the body's default)",
  outcome: "upheld, partly_upheld or not_upheld (empty while open)",
  themes: "theme codes separated by ;",
  service_area: "one of the body's service area codes",
  channel: "online, email, phone, post, in_person or other",
  remedies: "remedy codes separated by ;: apology, explanation, decision_changed, service_provided, financial, other",
  payment_amount: "a payment made, in pounds, such as 1250.00 (empty if none)",
  payment_type: "maladministration or other (needed with a payment)",
  phso_referred_date: "the date the complaint was referred to the Ombudsman (empty if not)",
};

const header = z.string().trim().min(1).max(200);

/**
 * A body's saved column mapping: which of its export's headers holds each of our columns, and how
 * its own codes translate to ours. A column left out of `columns` is looked for under its own name.
 */
export const caseMappingSchema = z.object({
  name: z.string().trim().min(1, "Enter a name for the mapping").max(80, "The mapping's name must be 80 characters or fewer"),
  columns: z.partialRecord(z.enum(caseColumns), header).default({}),
  codes: z.partialRecord(z.enum(codedCaseColumns), z.record(z.string().trim().min(1).max(200), z.string().trim().min(1).max(80))).default({}),
});
export type CaseMapping = z.infer<typeof caseMappingSchema>;

/** A body's default timescales in working days, when a case has no target date. */
export const defaultCaseTimescales = { earlyResolutionDays: 5, closerLookDays: 20 } as const;
export const caseTimescalesSchema = z.object({
  earlyResolutionDays: z.number().int().min(1).max(120),
  closerLookDays: z.number().int().min(1).max(250),
});
export type CaseTimescales = z.infer<typeof caseTimescalesSchema>;

/** What the computation needs to know about the body. */
export interface CaseSettings extends CaseTimescales {
  region: BankHolidayRegion;
  serviceAreaCodes: readonly string[];
}

/** A problem with the file: row is the file's line number (the header is row 1); null for the file as a whole. */
export type CaseProblem = ScreenProblem;

/** The figures computed for one quarter, with what could not be computed and why. */
export interface ComputedQuarter {
  /** `2025-26 Q1`. */
  period: string;
  /** False for the quarter that has not ended yet (its figures are so far). */
  complete: boolean;
  /** Field id → value, money in pence, as the template holds them. */
  values: Record<string, number>;
  /** Template fields the file could have given but did not, and why (for the user to fill in). */
  left: { field: string; reason: string }[];
}

/** What reading a case file came to: the screener's answer, and every quarter's figures when it passed. */
export interface CaseFileResult extends Screening {
  encoding: "utf-8" | "windows-1252" | null;
  /** Complaint rows read (not counting the header). */
  rows: number;
  /** Consecutive quarters from the first received date to the quarter containing the last date, oldest first. */
  quarters: ComputedQuarter[];
}
