import { DomainError, isActiveIn, periodIndex } from "@complaints/domain";
import { aggregateReturns } from "@complaints/metrics";
import { funnelCurve, funnelPlot, type FunnelInput } from "@complaints/stats";
import type { ServiceContext } from "../actor.ts";
import { finite, interval, measureById, measureInfo } from "./cells.ts";
import { bodiesBelow, countedReturns, countedStatuses, departmentIn, forAggregation, heading, quartersChosen, type PeriodChoice } from "./selection.ts";

/**
 * Funnel plot of a proportion measure across a department's bodies for a quarter or financial
 * year (PHEindicatormethods limits; optional Spiegelhalter over-dispersion adjustment). Bodies
 * that did not report the measure, had nothing to count, or whose figures are inconsistent are
 * listed as excluded rather than plotted. `curve` gives the 95% and 99.8% limits at 100 sizes over
 * the bodies' range (PHEindicatormethods' axis, adjusted like the bodies' limits when asked), so the
 * portal and the board packs draw the limits as curves without computing any statistics.
 */
export async function funnelForDepartment(ctx: ServiceContext, input: PeriodChoice & { departmentCode: string; measure: string; overdispersion?: boolean | undefined }) {
  const department = departmentIn(ctx, input.departmentCode);
  const measure = measureById(input.measure);
  if (measure.kind !== "proportion") {
    throw new DomainError("INVALID_INPUT", `A funnel plot needs a proportion; ‘${measure.label}’ is ${measure.kind === "mean" ? "an average" : "a rate per 10,000"}.`);
  }
  const { periods, label } = quartersChosen(input);
  const bodies = bodiesBelow(ctx, department.code);
  const expected = bodies.filter((b) => periods.some((p) => isActiveIn(b, p)));
  const indexes = periods.map(periodIndex);
  const list = await countedReturns(ctx, bodies.map((b) => b.code), Math.min(...indexes), Math.max(...indexes));
  const nameOf = new Map(bodies.map((b) => [b.code, b.name]));

  const plotted: FunnelInput[] = [];
  const excluded: { organisationCode: string; name: string; reason: string }[] = [];
  for (const group of aggregateReturns(list.map(forAggregation), "organisation")) {
    const total = group.sums.measures[measure.id] ?? { numerator: 0, denominator: 0, returns: 0 };
    const reason =
      total.returns === 0
        ? "did not report the figures for this measure"
        : total.denominator === 0
          ? "had nothing to count (denominator 0)"
          : total.numerator < 0 || total.numerator > total.denominator
            ? "figures are inconsistent (numerator above denominator)"
            : null;
    if (reason) excluded.push({ organisationCode: group.key, name: nameOf.get(group.key) ?? group.key, reason });
    else plotted.push({ id: group.key, numerator: total.numerator, denominator: total.denominator });
  }
  const plot = funnelPlot(plotted, { overdispersion: input.overdispersion ?? false });
  return {
    ...heading(department, input, label),
    measure: measureInfo(measure),
    countedStatuses,
    bodies: { expected: expected.length, included: plotted.length },
    pooledProportion: finite(plot.pooledProportion),
    overdispersion: plot.overdispersion ? { phi: finite(plot.overdispersion.phi), tau2: plot.overdispersion.tau2 } : null,
    points: plot.points.map((p) => ({
      organisationCode: p.id,
      name: nameOf.get(p.id) ?? p.id,
      numerator: p.numerator,
      denominator: p.denominator,
      proportion: p.proportion,
      zScore: finite(p.zScore),
      limits95: interval(p.limits95.lower, p.limits95.upper),
      limits998: interval(p.limits998.lower, p.limits998.upper),
      outside95: p.outside95,
      outside998: p.outside998,
      side: p.side,
    })),
    curve: funnelCurve(plot).map((c) => ({ trials: c.trials, lower95: c.lower95, upper95: c.upper95, lower998: c.lower998, upper998: c.upper998 })),
    excluded,
  };
}

