import type { CurrentReturn } from "@complaints/db";
import { currentTemplate, formatPeriodLabel, requirePeriod, themeFields } from "@complaints/domain";
import { emergingThemes, pooledThemeRates, ratePer100, themePanel, themeRatesOf, type EmergingReason, type EmergingTheme, type ThemeRates, type ThemeReturn, type ThemeSeries } from "@complaints/metrics";
import type { ServiceContext } from "../actor.ts";
import { finite } from "./cells.ts";
import { bodiesBelow, countedReturns, countedStatuses, departmentIn, quarterRange, seriesRange } from "./selection.ts";

/**
 * Complaint themes as rates per 100 complaints received: a body's own series, and the
 * department's pooled over a fixed panel of bodies, each checked for an emerging theme (the latest
 * quarter special-cause high on an XmR chart, metrics `emergingThemes`). Counts travel with every
 * rate as its numerator and denominator, for the data tables.
 */

/**
 * Theme columns, in form order, labelled for a table: the fields the template declares with a
 * `theme` (every version declares the same themes, so the current template's serve all quarters).
 */
export function themeColumns() {
  return themeFields(currentTemplate).map((f) => {
    const short = f.label.replace(/^Theme: /, "");
    return { id: f.id, label: short.charAt(0).toUpperCase() + short.slice(1) };
  });
}

/** Why a theme is emerging, in words that finish the sentence "Its latest quarter is …". */
export const emergingReasonText: Record<EmergingReason, string> = {
  "above-upper-limit": "above the upper process limit",
  "rising-trend": "the latest of 7 or more quarters rising in a row",
  "two-of-three-high": "2 of the last 3 quarters close to the upper process limit",
  "run-above-mean": "the latest of 7 or more quarters in a row above the mean",
};

function numberOrNull(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** A counted return's complaints received and theme counts. */
export function themeReturnOf(r: CurrentReturn, themes: readonly { id: string }[]): ThemeReturn {
  return { key: r.organisationCode, period: r.period, received: numberOrNull(r.values.received), counts: Object.fromEntries(themes.map((t) => [t.id, numberOrNull(r.values[t.id])])) };
}

const emergingKey = (key: string, theme: string) => `${key}\u0000${theme}`;

/** Rate series of one body or of the department's panel, shaped for ThemeSeries (emergingThemes takes rates). */
function asThemeSeries(key: string, periods: readonly string[], rates: readonly ThemeRates[]): ThemeSeries[] {
  return rates.map((r) => ({ key, theme: r.theme, points: periods.map((period, i) => ({ period, value: r.rates[i] ?? null, received: r.received[i] ?? null })) }));
}

function totalOver(r: ThemeRates) {
  let count = 0;
  let received = 0;
  let quarters = 0;
  r.counts.forEach((c, i) => {
    const n = r.received[i];
    if (c === null || n === null || n === undefined) return;
    count += c;
    received += n;
    quarters += 1;
  });
  return { count: quarters > 0 ? count : null, received: quarters > 0 ? received : null, rate: quarters > 0 ? ratePer100(count, received) : null, quarters };
}

/** One theme's series for the answer: rates per 100 with counts and complaints received, the range's total, and its emerging flag. */
function seriesOut(key: string, rates: readonly ThemeRates[], emerging: ReadonlyMap<string, EmergingTheme>) {
  return rates.map((r) => {
    const e = emerging.get(emergingKey(key, r.theme));
    return {
      theme: r.theme,
      /** Complaints under the theme, by quarter (the numerator). */
      counts: r.counts,
      /** Complaints received, by quarter (the denominator). */
      received: r.received,
      /** Complaints under the theme per 100 received, by quarter. */
      rates: r.rates,
      /** The whole range: the sum of the counts over the sum of complaints received, in the quarters that gave both. */
      total: totalOver(r),
      emerging: e ? e.reason : null,
    };
  });
}

function emergingOut(e: EmergingTheme, scope: "body" | "department", name: string, label: string, rates: ThemeRates | undefined, periods: readonly string[]) {
  const i = periods.indexOf(e.period);
  return {
    scope,
    organisationCode: e.key,
    name,
    theme: e.theme,
    themeLabel: label,
    period: e.period,
    periodLabel: formatPeriodLabel(requirePeriod(e.period)),
    /** The latest quarter's rate per 100 received. */
    value: e.value,
    count: rates?.counts[i] ?? null,
    received: rates?.received[i] ?? null,
    reason: e.reason,
    reasonText: emergingReasonText[e.reason],
    mean: finite(e.mean),
    upperLimit: finite(e.upperLimit),
    trial: e.trial,
  };
}

/**
 * A body's themes quarter by quarter as rates per 100 received, each flagged when emerging. Used
 * by the body profile; the same figures as the body's row of `themesForDepartment`.
 */
export function bodyThemes(list: readonly CurrentReturn[], code: string, name: string, periods: readonly string[]) {
  const themes = themeColumns();
  const labelOf = new Map(themes.map((t) => [t.id, t.label]));
  const rates = themeRatesOf(list.filter((r) => r.organisationCode === code).map((r) => themeReturnOf(r, themes)), periods, themes.map((t) => t.id));
  const found = emergingThemes(asThemeSeries(code, periods, rates));
  const byKey = new Map(found.map((e) => [emergingKey(e.key, e.theme), e]));
  return {
    themes,
    series: seriesOut(code, rates, byKey),
    emerging: found.map((e) => emergingOut(e, "body", name, labelOf.get(e.theme) ?? e.theme, rates.find((r) => r.theme === e.theme), periods)),
  };
}

/**
 * Complaint themes by body and quarter, and for the department, as rates per 100 complaints
 * received (so large and small bodies compare), with counts for the tables.
 *
 * The department's series is pooled over a FIXED PANEL: the bodies whose returns count and give
 * complaints received in every quarter of the range (metrics `themePanel`). Bodies that missed a
 * quarter are listed as left out, with the quarters they missed; they still have their own series.
 * Emerging themes are special-cause high on these rates, never on raw counts, so a theme does not
 * "emerge" because a large body started reporting or a body grew.
 *
 * Without `from`, the range starts at the later of 12 quarters before `to` and the first quarter
 * any body of the department reported, so quarters before reporting began do not empty the panel.
 */
export async function themesForDepartment(ctx: ServiceContext, input: { departmentCode: string; from?: string | undefined; to?: string | undefined }) {
  const department = departmentIn(ctx, input.departmentCode);
  const bodies = bodiesBelow(ctx, department.code);
  const codes = bodies.map((b) => b.code);
  const themes = themeColumns();
  const themeIds = themes.map((t) => t.id);
  const labelOf = new Map(themes.map((t) => [t.id, t.label]));
  const nameOf = new Map([...bodies.map((b): [string, string] => [b.code, b.name]), [department.code, department.name]]);
  const base = { departmentCode: department.code, departmentName: department.name, countedStatuses, themes };
  const empty = { ...base, from: null, to: null, periods: [], panel: { bodies: [], leftOut: [] }, department: { bodies: 0, received: [], series: [] }, bodies: [], emerging: [] };

  const range = await seriesRange(ctx, codes, input.from, input.to);
  if (!range) return empty;
  let list = await countedReturns(ctx, codes, range.fromIndex, range.toIndex);
  let fromIndex = range.fromIndex;
  if (input.from === undefined && list.length > 0) fromIndex = Math.max(fromIndex, Math.min(...list.map((r) => r.periodIndex)));
  list = list.filter((r) => r.periodIndex >= fromIndex);
  const periods = quarterRange(fromIndex, range.toIndex);

  const returns = list.map((r) => themeReturnOf(r, themes));
  const panel = themePanel(returns, periods);
  const pooled = pooledThemeRates(returns, panel.members, periods, themeIds);
  const reporting = [...new Set(list.map((r) => r.organisationCode))].toSorted();
  const bodyRates = new Map(reporting.map((code) => [code, themeRatesOf(returns.filter((r) => r.key === code), periods, themeIds)]));

  const found = emergingThemes([...asThemeSeries(department.code, periods, pooled), ...[...bodyRates.entries()].flatMap(([code, rates]) => asThemeSeries(code, periods, rates))]);
  const byKey = new Map(found.map((e) => [emergingKey(e.key, e.theme), e]));
  const members = new Set(panel.members);
  const panelReceived = periods.map((p) => {
    const values = returns.filter((r) => members.has(r.key) && r.period === p).map((r) => r.received ?? 0);
    return values.length > 0 ? values.reduce((a, b) => a + b, 0) : null;
  });

  return {
    ...base,
    from: periods[0]!,
    to: periods.at(-1)!,
    periods: periods.map((period) => ({ period, periodLabel: formatPeriodLabel(requirePeriod(period)) })),
    panel: {
      /** The bodies the department's rates are pooled over: every quarter of the range reported. */
      bodies: panel.members.map((code) => ({ organisationCode: code, name: nameOf.get(code) ?? code })),
      /** Bodies with a counted return in the range that missed at least one quarter. */
      leftOut: panel.leftOut.map((l) => ({
        organisationCode: l.key,
        name: nameOf.get(l.key) ?? l.key,
        missing: l.missing.map((p) => ({ period: p, periodLabel: formatPeriodLabel(requirePeriod(p)) })),
      })),
    },
    department: {
      /** Bodies in the panel (the same every quarter). */
      bodies: panel.members.length,
      /** Complaints received by the panel, by quarter. */
      received: panelReceived,
      series: seriesOut(department.code, pooled, byKey),
    },
    bodies: [...bodyRates.entries()].map(([code, rates]) => ({
      organisationCode: code,
      name: nameOf.get(code) ?? code,
      inPanel: panel.members.includes(code),
      series: seriesOut(code, rates, byKey),
    })),
    emerging: found
      .map((e) => {
        const isDepartment = e.key === department.code;
        const rates = (isDepartment ? pooled : bodyRates.get(e.key))?.find((r) => r.theme === e.theme);
        return emergingOut(e, isDepartment ? "department" : "body", nameOf.get(e.key) ?? e.key, labelOf.get(e.theme) ?? e.theme, rates, periods);
      })
      // The department first, then bodies by name, then themes by name.
      .toSorted((a, b) => (a.scope === b.scope ? a.name.localeCompare(b.name) || a.themeLabel.localeCompare(b.themeLabel) : a.scope === "department" ? -1 : 1)),
  };
}

