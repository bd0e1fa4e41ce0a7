import { formatMeasure, formatOneDecimal, measureValueFormat } from "@complaints/domain";
import type { HeatmapData } from "@complaints/charts";
import { formatNumber } from "../cells.ts";
import type { Block } from "../model.ts";
import type { PackData } from "./input.ts";
import { round1, yearLabel } from "./pack-parts.ts";
import { bodiesWord, panelCoverage } from "./pack-tables.ts";

/** The pack's narrative: what a board member reads first, in words, with the tables and charts it points to. */
export function narrative(data: PackData, title: string): Block[] {
  return [
    { kind: "heading", level: 1, text: title },
    ...opening(data),
    ...headlineFigures(data),
    ...changes(data),
    ...emergingThemes(data),
    ...funnel(data),
    ...trend(data),
    ...overdueActions(data),
    ...returnsReceived(data),
  ];
}

/** Who has sent, what they received and closed, and the change over the same bodies a year earlier. */
function opening(data: PackData): Block[] {
  const { scope, period } = data;
  const r = data.rollup;
  const m = r.comparison;
  const fieldOf = (side: PackData["rollup"]["current"], id: string) => side.fields.find((f) => f.id === id)?.value ?? null;
  const blocks: Block[] = [];
  const received = fieldOf(r.current, "received");
  const closed = [fieldOf(r.current, "er_closed"), fieldOf(r.current, "cl_closed")];
  const changeReceived = m.changes.fields.find((f) => f.id === "received");
  if (scope.kind === "department") {
    const sent = r.current.bodies.counted;
    const covered = m.panel.covered.length;
    const sentences = [`${formatNumber(sent, "count")} of ${bodiesWord(r.current.bodies.expected)} ${sent === 1 ? "has" : "have"} sent ${period.quarters.length > 1 ? "returns" : "their return"} for ${period.label}`];
    if (m.panel.lowCoverage) {
      // Too few bodies in both periods for a change to say anything about the department: coverage leads, no headline change.
      sentences[0] +=
        covered === 0
          ? `; none of them sent for the same quarters of ${r.yearEarlier.label}, so there is no comparison with it.`
          : `; the comparison below covers ${covered === sent ? `those ${formatNumber(covered, "count")}` : `${formatNumber(covered, "count")} of them, those that also sent for ${r.yearEarlier.label}`}.`;
    } else sentences[0] += ".";
    // Everyone who has sent so far: a total with its coverage, never a change.
    if (received !== null) sentences.push(`Together they received ${formatNumber(received, "count")} ${received === 1 ? "complaint" : "complaints"}${closed.every((x) => x !== null) ? ` and closed ${formatNumber(closed[0]! + closed[1]!, "count")}` : ""}.`);
    else sentences.push("No return that counts gives the number of complaints received yet.");
    const nowReceived = fieldOf(m.current, "received");
    const thenReceived = fieldOf(m.previousYear, "received");
    if (!m.panel.lowCoverage && covered > 0 && nowReceived !== null && thenReceived !== null) {
      sentences.push(`Over the ${bodiesWord(covered)} that sent returns for the same quarters a year earlier, complaints received were ${changeReceived?.words ?? "not compared"} on ${r.yearEarlier.label} (${formatNumber(nowReceived, "count")} against ${formatNumber(thenReceived, "count")}).`);
    }
    blocks.push({ kind: "paragraph", text: sentences.join(" ") });
  } else {
    blocks.push({ kind: "paragraph", text: `This pack is about ${scope.name}, beside the figures for ${data.scope.departmentName} as a whole, for ${period.label}.` });
  }
  for (const caveat of data.caveats) blocks.push({ kind: "paragraph", text: caveat });
  return blocks;
}

/** The department's totals and measures, or the body's measures. */
function headlineFigures(data: PackData): Block[] {
  const { scope, period } = data;
  const r = data.rollup;
  const m = r.comparison;
  const blocks: Block[] = [];
  blocks.push({ kind: "heading", level: 2, text: "Headline figures" });
  if (scope.kind === "department") {
    blocks.push({ kind: "paragraph", text: `The department's totals and measures beside ${r.yearEarlier.label}, over the same bodies and quarters in both. The workbook has every body's figures, with 95% intervals and how each compares with the department.` });
    blocks.push({ kind: "table", tableName: "department_totals", caption: `${scope.departmentName}: totals, ${period.label}, beside ${r.yearEarlier.label} (${bodiesWord(m.panel.covered.length)} in both)` });
    blocks.push({ kind: "table", tableName: "department_measures", columns: ["measure", "unit", "this_period", "year_earlier", "change"], caption: `${scope.departmentName}: measures, ${period.label}, beside ${r.yearEarlier.label} (${bodiesWord(m.panel.covered.length)} in both)` });
  } else {
    if (data.comparison.rows.some((x) => x.organisationCode === scope.code)) {
      blocks.push({ kind: "paragraph", text: `${scope.name}'s measures with 95% intervals, and how each compares with the department's figure.` });
      blocks.push({ kind: "table", tableName: "headline_measures", columns: ["measure", "unit", "value", "lower_95", "upper_95", "comparison"], maxRows: data.comparison.measures.length, caption: `${scope.name}: headline measures, ${period.label}` });
    } else {
      blocks.push({ kind: "paragraph", text: `No return from ${scope.name} counts yet for ${period.label}, so it has no figures here; the workbook has the department's.` });
    }
  }
  return blocks;
}

/** What changed since a year earlier, for a department. */
function changes(data: PackData): Block[] {
  const { scope, period } = data;
  const r = data.rollup;
  const m = r.comparison;
  const blocks: Block[] = [];
  if (scope.kind === "department") {
    blocks.push({ kind: "heading", level: 2, text: "What changed since a year earlier" });
    blocks.push({ kind: "paragraph", text: panelCoverage(r) });
    const clear = m.changes.measures.filter((c) => c.intervals === "higher" || c.intervals === "lower");
    const labelOf = new Map(r.measures.map((x) => [x.id, x.label]));
    if (m.panel.covered.length > 0) {
      blocks.push({
        kind: "list",
        items: [
          ...m.changes.fields.filter((f) => ["received", "er_closed", "cl_closed", "carried_forward"].includes(f.id)).map((f) => {
            const label = r.fields.find((x) => x.id === f.id)?.label ?? f.id;
            return `${period.quarters.length > 1 ? yearLabel(label) : label}: ${f.words} on ${r.yearEarlier.label}.`;
          }),
          ...(clear.length > 0
            ? clear.map((c) => `${labelOf.get(c.id) ?? c.id}: ${c.words}, a clear change (the 95% intervals do not overlap).`)
            : m.changes.measures.some((c) => c.intervals !== "not compared")
              ? ["No measure changed clearly: every measure's 95% interval overlaps the one a year earlier."]
              : ["No measure can be compared with a year earlier: one of the two periods has no figures."]),
        ],
      });
    }
  }
  return blocks;
}

/** Emerging themes, and the heat map of themes by body. */
function emergingThemes(data: PackData): Block[] {
  const { scope, period } = data;
  const blocks: Block[] = [];
  blocks.push({ kind: "heading", level: 2, text: "Emerging themes" });
  const emerging = data.themes.emerging.filter((e) => e.scope === "department" || scope.kind === "department" || e.organisationCode === scope.code);
  blocks.push(
    emerging.length > 0
      ? { kind: "list", items: emerging.map((e) => `${e.themeLabel} is emerging ${e.scope === "department" ? "across the department" : `at ${e.name}`}: ${formatNumber(round1(e.value), "decimal1")} per 100 complaints received in ${e.periodLabel}, ${e.reasonText}.`) }
      : { kind: "paragraph", text: `No theme is emerging: no theme's latest quarter is special-cause high, ${scope.kind === "department" ? "for the department or for any body" : `for ${scope.name} or for the department`}.` },
  );
  const heat = heatmapOf(data);
  if (heat) blocks.push({ kind: "figure", chart: { kind: "heatmap", data: heat }, caption: heat.title, alt: `Heat map of complaint themes per 100 complaints received by body in ${data.themes.periods.at(-1)?.periodLabel ?? period.label}; emerging themes are marked. The Themes table of the workbook has the figures.` });
  return blocks;
}

/** The bodies outside the funnel limits, or the body against them. */
function funnel(data: PackData): Block[] {
  const { scope, period } = data;
  const blocks: Block[] = [];
  if (data.funnel) {
    const f = data.funnel;
    const outside = f.points.filter((p) => p.outside95);
    const pointWords = (p: (typeof f.points)[number]) => `${p.name}: ${formatMeasure(f.measure, p.proportion)} (${formatNumber(p.numerator, "count")} of ${formatNumber(p.denominator, "count")})`;
    const pooled = `the department's ${formatMeasure(f.measure, f.pooledProportion ?? 0)}`;
    if (scope.kind === "department") {
      blocks.push({ kind: "heading", level: 2, text: `Bodies outside the funnel limits: ${f.measure.label.toLowerCase()}` });
      blocks.push(
        outside.length > 0
          ? { kind: "list", items: outside.map((p) => `${pointWords(p)}, ${p.side} the ${p.outside998 ? "99.8%" : "95%"} limits.`) }
          : { kind: "paragraph", text: `Every body is within the 95% limits of the funnel plot around ${pooled}.` },
      );
    } else {
      // A body's pack speaks of that body only; the chart shows the others unnamed.
      const mine = f.points.find((p) => p.organisationCode === scope.code);
      blocks.push({ kind: "heading", level: 2, text: `Against the funnel limits: ${f.measure.label.toLowerCase()}` });
      blocks.push({
        kind: "paragraph",
        text: mine
          ? mine.outside95
            ? `${pointWords(mine)}, ${mine.side} the ${mine.outside998 ? "99.8%" : "95%"} limits around ${pooled}.`
            : `${pointWords(mine)}, within the 95% limits around ${pooled}.`
          : `${scope.name} has no figure for this measure in ${period.label}.`,
      });
    }
    blocks.push({ kind: "figure", chart: { kind: "funnel", data: { ...f, format: measureValueFormat(f.measure), formatRatio: formatOneDecimal } }, caption: `Funnel plot: ${f.measure.label}, ${period.label}`, alt: `Funnel plot of ${f.points.length} bodies' ${f.measure.label.toLowerCase()} against the number of complaints closed, with 95% and 99.8% limits around the department's figure. ${outside.length} ${outside.length === 1 ? "body is" : "bodies are"} outside the 95% limits.` });
  }
  return blocks;
}

/** The XmR chart of the scope's series. */
function trend(data: PackData): Block[] {
  const { scope } = data;
  const blocks: Block[] = [];
  if (data.trend) {
    blocks.push({ kind: "heading", level: 2, text: `${data.trend.title} over time` });
    const last = data.trend.points.at(-1);
    blocks.push({
      kind: "figure",
      chart: { kind: "xmr", data: { ...data.trend, format: measureValueFormat(data.trend.measure) } },
      caption: `${data.trend.title}, ${scope.kind === "department" ? scope.departmentName : scope.name}, by quarter, with process limits`,
      alt: `Statistical process control (XmR) chart of ${data.trend.title.toLowerCase()} over ${data.trend.points.length} quarters${last?.value !== null && last?.value !== undefined ? `; the latest, ${last.periodLabel}, is ${formatMeasure(data.trend.measure, last.value, { unit: true })}` : ""}.`,
    });
  }
  return blocks;
}

/** Overdue learning actions. */
function overdueActions(data: PackData): Block[] {
  const { scope } = data;
  const blocks: Block[] = [];
  blocks.push({ kind: "heading", level: 2, text: "Overdue learning actions" });
  const overdue = data.actions.filter((a) => a.overdue && (scope.kind === "department" || a.organisationCode === scope.code));
  blocks.push(
    overdue.length > 0
      ? { kind: "table", tableName: "action_plans", columns: ["organisation", "action", "owner", "due_date", "status"], maxRows: overdue.length, caption: `${overdue.length} overdue ${overdue.length === 1 ? "action" : "actions"}` }
      : { kind: "paragraph", text: "No learning action is overdue." },
  );
  return blocks;
}

/** Returns due, on time and late. */
function returnsReceived(data: PackData): Block[] {
  const { scope, period } = data;
  const blocks: Block[] = [];
  blocks.push({ kind: "heading", level: 2, text: "Returns received" });
  const rows = data.tracker.flatMap((q) => q.rows.filter((x) => scope.kind === "department" || x.organisationCode === scope.code));
  const onTime = rows.filter((x) => x.timeliness === "on time").length;
  const late = rows.filter((x) => x.timeliness === "late" || x.timeliness === "overdue").length;
  blocks.push({
    kind: "paragraph",
    text:
      rows.length === 0
        ? `No return was due yet for ${period.label}.`
        : `${formatNumber(rows.length, "count")} ${rows.length === 1 ? "return was" : "returns were"} due for ${period.label}: ${formatNumber(onTime, "count")} reached the department on time and ${formatNumber(late, "count")} late or ${late === 1 ? "is" : "are"} overdue. The Submission table of the workbook lists each.`,
  });
  return blocks;
}

/** Themes per 100 received by body in the latest quarter, emerging themes marked: the portal's heat map. */
function heatmapOf(data: PackData): HeatmapData | null {
  const t = data.themes;
  const last = t.periods.length - 1;
  if (last < 0) return null;
  // Bodies with nothing to show in the latest quarter (no return yet) would be rows of dashes.
  const bodies = t.bodies.filter((b) => (data.scope.kind === "department" || b.organisationCode === data.scope.code) && b.series.some((s) => s.rates[last] !== null && s.rates[last] !== undefined));
  if (bodies.length === 0) return null;
  return {
    title: `Themes per 100 complaints received, ${t.periods[last]!.periodLabel}`,
    format: formatOneDecimal,
    columns: t.themes.map((x) => ({ id: x.id, label: x.label })),
    rows: bodies.map((b) => ({
      id: b.organisationCode,
      label: b.name,
      cells: t.themes.map((x) => {
        const s = b.series.find((y) => y.theme === x.id);
        const v = s?.rates[last] ?? null;
        return { value: v === null ? null : round1(v), emerging: Boolean(s?.emerging) };
      }),
    })),
  };
}

