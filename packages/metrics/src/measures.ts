import { currentTemplate, type MeasureDeclaration, type MeasureKind, type Polarity } from "@complaints/domain";
import type { Sums } from "./aggregate.ts";
import { rateInterval, wilsonInterval } from "@complaints/stats";

export type { MeasureDeclaration, MeasureKind };

/**
 * The oversight measures, as the current template declares them (DESIGN.md section 3). Every
 * template version declares the same measures (checked in aggregate.test.ts), so returns of
 * different versions pool and compare.
 */
export const measures: readonly MeasureDeclaration[] = currentTemplate.measures;

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
