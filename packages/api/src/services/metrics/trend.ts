import { formatPeriodCode, formatPeriodLabel, periodFromIndex, requirePeriod } from "@complaints/domain";
import type { CurrentReturn } from "@complaints/db";
import { aggregateReturns, type MeasureDeclaration, type Polarity } from "@complaints/metrics";
import { xmr, type ImprovementDirection } from "@complaints/stats";
import type { ServiceContext } from "../actor.ts";
import { finite, measureById, measureCells, measureInfo } from "./cells.ts";
import { bodiesBelow, countedReturns, countedStatuses, forAggregation, quarterRange, seriesRange } from "./selection.ts";

function improvementOf(polarity: Polarity): ImprovementDirection {
  return polarity === "higher-is-better" ? "increase" : polarity === "lower-is-better" ? "decrease" : "neither";
}

/**
 * A measure quarter by quarter for a body, or for a department (the pooled aggregate of its
 * bodies), with an XmR chart over it (Making Data Count). Quarters without a value are null and
 * keep their place. The direction of improvement comes from the measure's polarity.
 */
export async function measureTrend(ctx: ServiceContext, input: { organisationCode: string; measure: string; from?: string | undefined; to?: string | undefined }) {
  const org = ctx.scope.organisation(input.organisationCode);
  const measure = measureById(input.measure);
  const codes = org.kind === "body" ? [org.code] : bodiesBelow(ctx, org.code).map((b) => b.code);
  const base = { organisationCode: org.code, name: org.name, kind: org.kind, measure: measureInfo(measure), countedStatuses };

  const range = await seriesRange(ctx, codes, input.from, input.to);
  if (!range) return { ...base, from: null, to: null, points: [], chart: null };
  const list = await countedReturns(ctx, codes, range.fromIndex, range.toIndex);
  return { ...base, ...trendOf(list, measure, range.fromIndex, range.toIndex) };
}

/**
 * One measure's series over counted returns (pooled per quarter when they are several bodies'),
 * with its XmR chart: shared by `measureTrend` and the body profile.
 */
export function trendOf(list: readonly CurrentReturn[], measure: MeasureDeclaration, fromIndex: number, toIndex: number) {
  const byPeriod = new Map(aggregateReturns(list.map(forAggregation), "period").map((g) => [g.key, g]));
  const cells = quarterRange(fromIndex, toIndex).map((period) => {
    const group = byPeriod.get(period);
    const cell = group ? measureCells(group.sums, [measure])[0]! : null;
    return { period, group, cell };
  });
  const values = cells.map((c) => c.cell?.value ?? null);
  const chart = values.some((v) => v !== null) ? xmr(values, { improvement: improvementOf(measure.polarity) }) : null;

  return {
    from: formatPeriodCode(periodFromIndex(fromIndex)),
    to: formatPeriodCode(periodFromIndex(toIndex)),
    points: cells.map((c, i) => {
      const p = chart?.points[i];
      return {
        period: c.period,
        periodLabel: formatPeriodLabel(requirePeriod(c.period)),
        value: c.cell?.value ?? null,
        numerator: c.cell?.numerator ?? null,
        denominator: c.cell?.denominator ?? null,
        /** Bodies whose returns count in this quarter (1 or 0 for a body). */
        bodies: c.group?.organisations.length ?? 0,
        interval95: c.cell?.interval95 ?? null,
        specialCause: p?.specialCause ?? null,
        variation: p?.variation ?? "common-cause",
      };
    }),
    chart: chart
      ? {
          mean: finite(chart.mean),
          upperLimit: finite(chart.upperLimit),
          lowerLimit: finite(chart.lowerLimit),
          upperTwoSigma: finite(chart.upperTwoSigma),
          lowerTwoSigma: finite(chart.lowerTwoSigma),
          trial: chart.trial,
          improvement: improvementOf(measure.polarity),
          variation: chart.variation,
          /** Assurance needs a target; the template declares none yet, so this is null ("no target"). */
          assurance: chart.assurance,
        }
      : null,
  };
}
