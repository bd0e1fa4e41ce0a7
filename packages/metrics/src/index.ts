export {
  compareToBenchmark,
  type BenchmarkComparison,
  type Polarity,
  type ValueWithInterval,
} from "./benchmark.ts";
export {
  emergingThemes,
  pooledThemeRates,
  ratePer100,
  themePanel,
  themeRatesOf,
  type EmergingReason,
  type EmergingTheme,
  type ThemePanel,
  type ThemeRates,
  type ThemeReturn,
  type ThemeSeries,
} from "./themes.ts";
export {
  disclosureControl,
  type DisclosedGroup,
  type DisclosedValue,
  type DisclosureOptions,
} from "./disclosure.ts";
export {
  aggregateReturns,
  financialYearOf,
  mergeSums,
  sumReturns,
  type AggregateGroup,
  type FieldTotal,
  type GroupBy,
  type MeasureTotal,
  type ReturnForAggregation,
  type Sums,
} from "./aggregate.ts";
export {
  computeMeasures,
  measures,
  type MeasureDeclaration,
  type MeasureKind,
  type MeasureValue,
} from "./measures.ts";
export { actionsCompletedOnTime, type ActionForTimeliness, type ActionsOnTime } from "./actions.ts";
export { matchedPanel, type LeftOutReason, type MatchedPanel, type MatchedPanelInput, type PanelBody } from "./panel.ts";
