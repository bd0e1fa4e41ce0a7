/**
 * XmR (individuals and moving range) charts as NHS England's "Making Data Count" describes them,
 * following the current NHSRplotthedots (nhs-r-community/NHSRplotthedots, R/ptd_spc_standard.R,
 * R/ptd_calculate_point_type.R, R/ptd_calculate_assurance_type.R).
 */

export type ImprovementDirection = "increase" | "decrease" | "neither";
/** Variation of a point: special cause in the improving or concerning direction, or 'neither' when no direction is better. */
export type Variation = "common-cause" | "improvement" | "concern" | "neither";
export type Assurance = "pass" | "fail" | "hit-and-miss";
/** Why a point is special cause, highest precedence first (as NHSRplotthedots `ptd_special_cause_type`). */
export type SpecialCauseRule = "outside-limits" | "trend" | "two-of-three" | "run";

export interface XmrOptions {
  /** Points in a run or trend; 7 by default, 6 in some guidance. */
  readonly runLength?: number;
  readonly improvement: ImprovementDirection;
  readonly target?: number;
  /** Leave out moving ranges of 3.267 × their mean or more before taking the mean (NHSRplotthedots default). */
  readonly screenOutliers?: boolean;
  /** Compute the limits from the first n positions only (NHSRplotthedots `fix_after_n_points`). */
  readonly baselinePoints?: number;
}

export interface XmrPoint {
  /** null for a missing value: it keeps its position but takes no part in limits or rules. */
  readonly value: number | null;
  readonly outsideLimits: boolean;
  /** Part of a run of `runLength` points on one side of the mean. */
  readonly run: boolean;
  /** Part of a trend of `runLength` points strictly rising or strictly falling. */
  readonly trend: boolean;
  /** One of two out of three consecutive points in the outer third, all three on the same side. */
  readonly twoOfThree: boolean;
  /** This point's variation, with the direction from its highest-precedence rule. */
  readonly variation: Variation;
  /** The highest-precedence rule this point breaks, or null for common cause. */
  readonly specialCause: SpecialCauseRule | null;
}

export interface XmrChart {
  readonly mean: number;
  /** mean ± 2.66 × mean moving range (3σ); NaN when there are fewer than two consecutive values. */
  readonly upperLimit: number;
  readonly lowerLimit: number;
  /** mean ± (2/3) × 2.66 × mean moving range (2σ), the inner edge of the "outer third". */
  readonly upperTwoSigma: number;
  readonly lowerTwoSigma: number;
  /** Limits from fewer than 12 points are trial limits (Making Data Count). */
  readonly trial: boolean;
  /** Variation of the latest recorded point. */
  readonly variation: Variation;
  readonly assurance: Assurance | null;
  readonly points: readonly XmrPoint[];
}

/** 2.66 = 3 / d2 with d2 = 1.128 for moving ranges of two points. */
const limitFactor = 2.66;
/** Upper range limit of the moving-range chart (D4 = 3.267), used to screen outlying ranges. */
const movingRangeScreen = 3.267;
/** Fewer points than this make trial limits (Making Data Count: at least 12, ideally 20). */
const minimumPointsForLimits = 12;

export interface XmrLimits {
  readonly mean: number;
  readonly upperLimit: number;
  readonly lowerLimit: number;
  readonly upperTwoSigma: number;
  readonly lowerTwoSigma: number;
  readonly baselineCount: number;
}

/**
 * Mean and process limits (NHSRplotthedots R/ptd_spc_standard.R). Moving ranges are taken only
 * between neighbouring positions that both have values, as R's diff() leaves NA next to a gap.
 * Screening keeps moving ranges strictly below 3.267 × their mean, as the R (`mr < 3.267 * amr`)
 * and Python ports do. When every moving range is 0 (identical values) the limits equal the mean
 * rather than R's NaN.
 */
export function xmrLimits(
  values: readonly (number | null)[],
  options: { screenOutliers?: boolean; baselinePoints?: number } = {},
): XmrLimits {
  const screen = options.screenOutliers ?? true;
  const baseline = options.baselinePoints === undefined ? values : values.slice(0, options.baselinePoints);
  const present = baseline.filter((v): v is number => v !== null);
  const mean = present.length > 0 ? present.reduce((a, b) => a + b, 0) / present.length : Number.NaN;
  const ranges: number[] = [];
  for (let i = 1; i < baseline.length; i++) {
    const a = baseline[i - 1];
    const b = baseline[i];
    if (a !== null && a !== undefined && b !== null && b !== undefined) ranges.push(Math.abs(b - a));
  }
  let averageRange = average(ranges);
  if (screen && averageRange > 0) averageRange = average(ranges.filter((r) => r < movingRangeScreen * averageRange));
  const close = 2 * (limitFactor / 3);
  return {
    mean,
    upperLimit: mean + limitFactor * averageRange,
    lowerLimit: mean - limitFactor * averageRange,
    upperTwoSigma: mean + close * averageRange,
    lowerTwoSigma: mean - close * averageRange,
    baselineCount: present.length,
  };
}

function average(xs: readonly number[]): number {
  return xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/**
 * Marks the point that completes `length` consecutive points on the same side of the mean
 * (`sides` are signs of value − mean; a point on the mean, 0, breaks a run).
 * NHSRplotthedots `ptd_seven_point_one_side_mean`.
 */
export function runCompletions(sides: readonly number[], length = 7): number[] {
  return sides.map((side, i) => {
    if (side === 0 || i < length - 1) return 0;
    for (let k = 1; k < length; k++) if (sides[i - k] !== side) return 0;
    return side;
  });
}

/**
 * Marks the point that completes `length` points each strictly above (1) or below (−1) the one
 * before; equal neighbours break a trend. NHSRplotthedots `ptd_seven_point_trend`.
 */
export function trendCompletions(values: readonly number[], length = 7): number[] {
  return values.map((_, i) => {
    if (i < length - 1) return 0;
    let direction = 0;
    for (let k = i - length + 2; k <= i; k++) {
      const d = Math.sign(values[k]! - values[k - 1]!);
      if (d === 0 || (direction !== 0 && d !== direction)) return 0;
      direction = d;
    }
    return direction;
  });
}

/** Back-fills each completing point to the `length` − 1 points before it. NHSRplotthedots `ptd_part_of_seven_trend`. */
export function partOfSequence(completions: readonly number[], length = 7): boolean[] {
  return completions.map((_, i) => {
    for (let k = i; k < Math.min(completions.length, i + length); k++) if (Math.abs(completions[k]!) === 1) return true;
    return false;
  });
}

/**
 * Points in a window of three consecutive points with at least two in the outer third (close to,
 * not beyond, the limits) and all three on the same side of the mean. NHSRplotthedots
 * `ptd_two_in_three`; `partOfTwoInThree` then keeps only the close points themselves.
 */
export function twoInThree(close: readonly boolean[], sides: readonly number[]): boolean[] {
  const n = close.length;
  const windowHits = (start: number) => {
    if (start < 0 || start + 2 >= n) return false;
    let hits = 0;
    let sideSum = 0;
    for (let k = start; k < start + 3; k++) {
      if (close[k]) hits++;
      sideSum += sides[k]!;
    }
    return hits >= 2 && Math.abs(sideSum) === 3;
  };
  return close.map((_, i) => windowHits(i - 2) || windowHits(i - 1) || windowHits(i));
}

export function partOfTwoInThree(inWindow: readonly boolean[], close: readonly boolean[]): boolean[] {
  return inWindow.map((w, i) => w && close[i] === true);
}

/**
 * Assurance against a target (NHSRplotthedots R/ptd_calculate_assurance_type.R; Making Data
 * Count): a target beyond the upper limit is consistently failed when higher is better (passed
 * when lower is better); beyond the lower limit the reverse; otherwise the process will hit and
 * miss. null without a target, without a direction of improvement, or without limits.
 */
export function assuranceOf(
  limits: { readonly lowerLimit: number; readonly upperLimit: number },
  target: number | undefined,
  improvement: ImprovementDirection,
): Assurance | null {
  if (target === undefined || improvement === "neither") return null;
  if (Number.isNaN(limits.lowerLimit) || Number.isNaN(limits.upperLimit)) return null;
  const increasing = improvement === "increase";
  if (target > limits.upperLimit) return increasing ? "fail" : "pass";
  if (target < limits.lowerLimit) return increasing ? "pass" : "fail";
  return "hit-and-miss";
}

/**
 * XmR chart with Making Data Count rules: a point outside the limits; a run of `runLength`
 * points on one side of the mean; a trend of `runLength` points rising or falling; two of three
 * points in the outer third on the same side. Missing values (null) keep their position but are
 * skipped: the rules run over the recorded values in order.
 */
export function xmr(values: readonly (number | null)[], options: XmrOptions): XmrChart {
  const runLength = options.runLength ?? 7;
  if (!Number.isInteger(runLength) || runLength < 2) throw new RangeError(`runLength must be an integer ≥ 2; got ${runLength}`);
  const limits = xmrLimits(values, options);
  const { mean, upperLimit, lowerLimit, upperTwoSigma, lowerTwoSigma } = limits;

  const positions: number[] = [];
  values.forEach((v, i) => {
    if (v !== null) positions.push(i);
  });
  const y = positions.map((i) => values[i] as number);
  const sides = y.map((v) => Math.sign(v - mean));
  const outside = y.map((v) => v > upperLimit || v < lowerLimit);
  const close = y.map((v, i) => !outside[i] && (v < lowerTwoSigma || v > upperTwoSigma));
  const run = partOfSequence(runCompletions(sides, runLength), runLength);
  const trend = partOfSequence(trendCompletions(y, runLength), runLength);
  const two = partOfTwoInThree(twoInThree(close, sides), close);

  const direction = (i: number, rule: SpecialCauseRule): number => {
    switch (rule) {
      case "outside-limits":
        return sides[i] === 1 ? 1 : -1;
      case "trend": {
        // As NHSRplotthedots: use the step to the next point when it is also in the trend, else the step in.
        const useNext = i + 1 < y.length && trend[i + 1] === true;
        const step = useNext ? y[i + 1]! - y[i]! : i > 0 ? y[i]! - y[i - 1]! : 0;
        return Math.sign(step) === 1 ? 1 : -1;
      }
      case "two-of-three":
      case "run":
        return sides[i]! > 0 ? 1 : -1;
    }
  };
  const classify = (rule: SpecialCauseRule | null, i: number): Variation => {
    if (rule === null) return "common-cause";
    if (options.improvement === "neither") return "neither";
    const good = options.improvement === "increase" ? 1 : -1;
    return direction(i, rule) === good ? "improvement" : "concern";
  };

  const recorded = y.map((value, i): XmrPoint => {
    const rule: SpecialCauseRule | null = outside[i]
      ? "outside-limits"
      : trend[i]
        ? "trend"
        : two[i]
          ? "two-of-three"
          : run[i]
            ? "run"
            : null;
    return {
      value,
      outsideLimits: outside[i]!,
      run: run[i]!,
      trend: trend[i]!,
      twoOfThree: two[i]!,
      variation: classify(rule, i),
      specialCause: rule,
    };
  });
  const points: XmrPoint[] = values.map((v) => ({
    value: v,
    outsideLimits: false,
    run: false,
    trend: false,
    twoOfThree: false,
    variation: "common-cause",
    specialCause: null,
  }));
  positions.forEach((position, k) => {
    points[position] = recorded[k]!;
  });

  return {
    mean,
    upperLimit,
    lowerLimit,
    upperTwoSigma,
    lowerTwoSigma,
    trial: limits.baselineCount < minimumPointsForLimits,
    variation: recorded.at(-1)?.variation ?? "common-cause",
    assurance: assuranceOf(limits, options.target, options.improvement),
    points,
  };
}
