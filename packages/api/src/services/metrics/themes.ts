import { currentTemplate, formatPeriodLabel, requirePeriod, themeFields } from "@complaints/domain";
import { aggregateReturns, emergingThemes, type ThemeSeries } from "@complaints/metrics";
import type { ServiceContext } from "../actor.ts";
import { finite } from "./cells.ts";
import { bodiesBelow, countedReturns, countedStatuses, departmentIn, forAggregation, quarterRange, seriesRange } from "./selection.ts";

/**
 * Theme columns, in form order, labelled for a table: the fields the template declares with a
 * `theme` (every version declares the same themes, so the current template's serve all quarters).
 */
function themeColumns() {
  return themeFields(currentTemplate).map((f) => {
    const short = f.label.replace(/^Theme: /, "");
    return { id: f.id, label: short.charAt(0).toUpperCase() + short.slice(1) };
  });
}

/**
 * Complaint theme counts by body and quarter and for the department as a whole (the sum over the
 * bodies whose returns count that quarter), each series flagged when its latest quarter is an
 * emerging theme: special-cause high on an XmR chart (metrics `emergingThemes`).
 */
export async function themesForDepartment(ctx: ServiceContext, input: { departmentCode: string; from?: string | undefined; to?: string | undefined }) {
  const department = departmentIn(ctx, input.departmentCode);
  const bodies = bodiesBelow(ctx, department.code);
  const codes = bodies.map((b) => b.code);
  const themes = themeColumns();
  const labelOf = new Map(themes.map((t) => [t.id, t.label]));
  const nameOf = new Map([...bodies.map((b): [string, string] => [b.code, b.name]), [department.code, department.name]]);
  const base = { departmentCode: department.code, departmentName: department.name, countedStatuses, themes };

  const range = await seriesRange(ctx, codes, input.from, input.to);
  if (!range) return { ...base, from: null, to: null, periods: [], department: { bodies: [], series: [] }, bodies: [], emerging: [] };
  const periods = quarterRange(range.fromIndex, range.toIndex);
  const list = await countedReturns(ctx, codes, range.fromIndex, range.toIndex);

  const numberOrNull = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);
  const byPeriod = new Map(aggregateReturns(list.map(forAggregation), "period").map((g) => [g.key, g]));
  const departmentSeries = new Map(
    themes.map((t) => [
      t.id,
      periods.map((p) => {
        const total = byPeriod.get(p)?.sums.fields[t.id];
        return total && total.reported > 0 ? total.sum : null;
      }),
    ]),
  );
  const bodySeries = new Map<string, Map<string, (number | null)[]>>();
  for (const code of [...new Set(list.map((r) => r.organisationCode))].toSorted()) {
    const own = new Map(list.filter((r) => r.organisationCode === code).map((r) => [r.period, r.values]));
    bodySeries.set(code, new Map(themes.map((t) => [t.id, periods.map((p) => numberOrNull(own.get(p)?.[t.id]))])));
  }

  const asThemeSeries = (key: string, series: Map<string, (number | null)[]>): ThemeSeries[] =>
    [...series.entries()].map(([theme, values]) => ({ key, theme, points: periods.map((period, i) => ({ period, value: values[i] ?? null })) }));
  const found = emergingThemes([
    ...asThemeSeries(department.code, departmentSeries),
    ...[...bodySeries.entries()].flatMap(([code, series]) => asThemeSeries(code, series)),
  ]);
  const emergingOf = new Map(found.map((e) => [`${e.key}\u0000${e.theme}`, e.reason]));
  const flagged = (key: string, series: Map<string, (number | null)[]>) =>
    [...series.entries()].map(([theme, values]) => ({ theme, values, emerging: emergingOf.get(`${key}\u0000${theme}`) ?? null }));

  return {
    ...base,
    from: periods[0]!,
    to: periods.at(-1)!,
    periods: periods.map((period) => ({ period, periodLabel: formatPeriodLabel(requirePeriod(period)) })),
    department: {
      /** Bodies whose returns count, per quarter: the department totals are over these. */
      bodies: periods.map((p) => byPeriod.get(p)?.organisations.length ?? 0),
      series: flagged(department.code, departmentSeries),
    },
    bodies: [...bodySeries.entries()].map(([code, series]) => ({ organisationCode: code, name: nameOf.get(code) ?? code, series: flagged(code, series) })),
    emerging: found.map((e) => ({
      scope: e.key === department.code ? ("department" as const) : ("body" as const),
      organisationCode: e.key,
      name: nameOf.get(e.key) ?? e.key,
      theme: e.theme,
      themeLabel: labelOf.get(e.theme) ?? e.theme,
      period: e.period,
      value: e.value,
      reason: e.reason,
      mean: finite(e.mean),
      upperLimit: finite(e.upperLimit),
      trial: e.trial,
    })),
  };
}
