import type { Sums } from "./aggregate.ts";
import type { Polarity } from "./benchmark.ts";
import { rateInterval, wilsonInterval } from "./intervals.ts";

export type MeasureKind = "proportion" | "rate-per-10000" | "mean";

/** A derived measure: a ratio of summed fields, declared once and used by the portal, packs and API. */
export interface MeasureDeclaration {
  readonly id: string;
  readonly label: string;
  /** Field ids summed for the numerator. */
  readonly numerator: readonly string[];
  /** Field ids summed for the denominator. */
  readonly denominator: readonly string[];
  readonly kind: MeasureKind;
  readonly polarity: Polarity;
}

const proportion = (
  id: string,
  label: string,
  numerator: readonly string[],
  denominator: readonly string[],
  polarity: Polarity,
): MeasureDeclaration => ({ id, label, numerator, denominator, kind: "proportion", polarity });

/**
 * The oversight measures (DESIGN.md section 3). Field ids are template v1's (section 2), except
 * `actions_completed_on_time` / `actions_due`, which the action-plan layer supplies.
 *
 * Decisions:
 * - "Something went wrong" = upheld + partly upheld over closed (DESIGN.md section 2). It has no
 *   polarity: a body that finds and owns its mistakes is not doing worse (PHSO, "Capturing and
 *   reporting on learning from complaints").
 * - Escalation rate = escalated to closer look ÷ (closed at early resolution + escalated): the
 *   share of complaints leaving early resolution in the quarter that needed a closer look. An
 *   escalated complaint is not closed at early resolution (the flow check carried_forward =
 *   brought_forward + received − withdrawn − er_closed − cl_closed counts each complaint closed
 *   once), so this is a true proportion. Lower is better: the model procedure aims to resolve at
 *   the front line.
 * - Complaints per 10,000 interactions has no polarity: more complaints can mean easier complaining.
 */
export const measures: readonly MeasureDeclaration[] = [
  proportion("something_went_wrong", "Complaints where something went wrong", ["er_upheld", "er_partly_upheld", "cl_upheld", "cl_partly_upheld"], ["er_closed", "cl_closed"], "none"),
  proportion("er_something_went_wrong", "Early resolution: something went wrong", ["er_upheld", "er_partly_upheld"], ["er_closed"], "none"),
  proportion("cl_something_went_wrong", "Closer look: something went wrong", ["cl_upheld", "cl_partly_upheld"], ["cl_closed"], "none"),
  proportion("within_timescale", "Complaints closed within timescale", ["er_within_timescale", "cl_within_timescale"], ["er_closed", "cl_closed"], "higher-is-better"),
  proportion("er_within_timescale", "Early resolution: closed within timescale", ["er_within_timescale"], ["er_closed"], "higher-is-better"),
  proportion("cl_within_timescale", "Closer look: closed within timescale", ["cl_within_timescale"], ["cl_closed"], "higher-is-better"),
  { id: "er_average_working_days", label: "Early resolution: average working days to close", numerator: ["er_working_days_total"], denominator: ["er_closed"], kind: "mean", polarity: "lower-is-better" },
  { id: "cl_average_working_days", label: "Closer look: average working days to close", numerator: ["cl_working_days_total"], denominator: ["cl_closed"], kind: "mean", polarity: "lower-is-better" },
  proportion("escalation_rate", "Complaints escalated to a closer look", ["escalated_to_closer_look"], ["er_closed", "escalated_to_closer_look"], "lower-is-better"),
  proportion("ombudsman_upheld", "Ombudsman investigations upheld in full or in part", ["phso_upheld", "phso_partly_upheld"], ["phso_reported"], "lower-is-better"),
  { id: "complaints_per_10000", label: "Complaints per 10,000 interactions", numerator: ["received"], denominator: ["service_volume"], kind: "rate-per-10000", polarity: "none" },
  proportion("complainant_positive_feedback", "People who complained: positive feedback", ["fb_complainant_positive"], ["fb_complainant_responses"], "higher-is-better"),
  proportion("colleague_positive_feedback", "Colleagues complained about: positive feedback", ["fb_colleague_positive"], ["fb_colleague_responses"], "higher-is-better"),
  proportion("handler_positive_feedback", "Complaint handlers: positive feedback", ["fb_handler_positive"], ["fb_handler_responses"], "higher-is-better"),
  proportion("actions_on_time", "Learning actions completed on time", ["actions_completed_on_time"], ["actions_due"], "higher-is-better"),
];

export interface MeasureValue {
  readonly id: string;
  readonly label: string;
  readonly kind: MeasureKind;
  readonly polarity: Polarity;
  readonly numerator: number;
  readonly denominator: number;
  /** Returns that reported every field of the measure (the others are left out of both sides). */
  readonly returns: number;
  /** Proportion (0–1), rate per 10,000, or mean; null when no return reported it or the denominator is 0. */
  readonly value: number | null;
  /** Wilson score limits for proportions, Byar's / exact Poisson for rates, null for means. */
  readonly lower: number | null;
  readonly upper: number | null;
}

/**
 * Each measure's value and confidence interval from summed counts: the ratio of the sums, never
 * an average of the bodies' percentages. Proportions use the Wilson score interval; rates per
 * 10,000 use exact Poisson below 10 events and Byar's method from 10 (PHEindicatormethods,
 * Fingertips); means have no interval (only totals are collected, not spreads).
 */
export function computeMeasures(sums: Sums, confidence = 0.95): MeasureValue[] {
  return measures.map((m) => {
    const total = sums.measures[m.id] ?? { numerator: 0, denominator: 0, returns: 0 };
    const { numerator, denominator, returns } = total;
    let value: number | null = null;
    let lower: number | null = null;
    let upper: number | null = null;
    if (returns > 0 && denominator > 0) {
      switch (m.kind) {
        case "proportion":
          value = numerator / denominator;
          // Inconsistent data (numerator above denominator) gets a value but no interval.
          if (numerator >= 0 && numerator <= denominator) ({ lower, upper } = wilsonInterval(numerator, denominator, confidence));
          break;
        case "rate-per-10000":
          value = (numerator / denominator) * 10_000;
          if (numerator >= 0) ({ lower, upper } = rateInterval(numerator, denominator, 10_000, confidence));
          break;
        case "mean":
          value = numerator / denominator;
          break;
      }
    }
    return { id: m.id, label: m.label, kind: m.kind, polarity: m.polarity, numerator, denominator, returns, value, lower, upper };
  });
}
