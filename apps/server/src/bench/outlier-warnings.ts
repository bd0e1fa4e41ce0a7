import { currentTemplate, validateReturn, type ReturnValues } from "@complaints/domain";
import { robustZScore } from "@complaints/stats";
import type { SyntheticReturn } from "../demo/synthetic.ts";

/**
 * The outlier rule before issue 6, kept only so the benchmark can compare: a robust z-score above the
 * threshold warns, however small the change. Not used by the service.
 */
function zOnlyOutlierCount(values: ReturnValues, history: readonly ReturnValues[]): number {
  const { threshold, minimumHistory } = currentTemplate.outlier;
  let warnings = 0;
  for (const field of currentTemplate.fields.filter((f) => f.outlierCheck)) {
    const value = values[field.id];
    if (typeof value !== "number") continue;
    const past = history.map((r) => r[field.id]).filter((n): n is number => typeof n === "number");
    if (past.length < minimumHistory) continue;
    const score = robustZScore(value, past);
    if (score !== null && Math.abs(score.z) > threshold) warnings += 1;
  }
  return warnings;
}

interface Tally {
  readonly share: number;
  readonly mean: number;
}

/** Share of returns with at least one outlier warning, and mean warnings per return, before and after issue 6. */
export function outlierWarningRates(returns: readonly SyntheticReturn[]): { returns: number; before: Tally; after: Tally } {
  const byBody = new Map<string, SyntheticReturn[]>();
  for (const r of returns) byBody.set(r.organisationCode, [...(byBody.get(r.organisationCode) ?? []), r]);
  let before = 0;
  let beforeAny = 0;
  let after = 0;
  let afterAny = 0;
  for (const series of byBody.values()) {
    series.sort((a, b) => a.periodIndex - b.periodIndex);
    series.forEach((r, i) => {
      const history = series.slice(Math.max(0, i - currentTemplate.outlier.historyQuarters), i).map((h) => h.values);
      const old = zOnlyOutlierCount(r.values, history);
      const now = validateReturn(r.values, { template: currentTemplate, history }).warnings.filter((w) => w.id.startsWith("outlier:")).length;
      before += old;
      after += now;
      if (old > 0) beforeAny += 1;
      if (now > 0) afterAny += 1;
    });
  }
  const n = returns.length;
  return { returns: n, before: { share: beforeAny / n, mean: before / n }, after: { share: afterAny / n, mean: after / n } };
}
