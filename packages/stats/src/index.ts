export {
  assertConfidence,
  chiSquareQuantile,
  gammaQuantile,
  logGamma,
  normalQuantile,
  regularizedGammaP,
  twoSidedZ,
} from "./normal.ts";
export { assertCount, byarInterval, exactPoissonInterval, poissonInterval, type Interval } from "./poisson.ts";
export { rateInterval, wilsonInterval } from "./intervals.ts";
export {
  funnelAxis,
  funnelCurve,
  funnelLimits,
  funnelLimitsAt,
  funnelPlot,
  overdispersion,
  type FunnelCurvePoint,
  type FunnelInput,
  type FunnelPlot,
  type FunnelPoint,
  type Overdispersion,
} from "./funnel.ts";
export {
  xmr,
  assuranceOf,
  type Assurance,
  type ImprovementDirection,
  type SpecialCauseRule,
  type Variation,
  type XmrChart,
  type XmrOptions,
  type XmrPoint,
} from "./xmr.ts";
export { median, outlierAgainstHistory, robustZScore, type OutlierRule } from "./robust.ts";
