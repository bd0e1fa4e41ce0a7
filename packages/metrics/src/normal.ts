// The quantiles live in the domain package so the outlier check and the metrics share one
// implementation (issue 6); re-exported here for the metrics' own callers.
export {
  assertConfidence,
  chiSquareQuantile,
  gammaQuantile,
  logGamma,
  normalQuantile,
  regularizedGammaP,
  twoSidedZ,
} from "@complaints/domain/normal";
