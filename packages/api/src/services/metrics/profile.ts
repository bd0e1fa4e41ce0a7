import { getOrganisation } from "@complaints/db";
import { currentTemplate, DomainError, formatPeriodLabel, isMarker, outputFields, type FieldId, requirePeriod, subtreeCodes, type Organisation } from "@complaints/domain";
import { measures } from "@complaints/metrics";
import type { ServiceContext } from "../actor.ts";
import { measureInfo } from "./cells.ts";
import { countedReturns, countedStatuses, quarterRange, seriesRange } from "./selection.ts";
import { bodyThemes, themeColumns } from "./themes.ts";
import { trendOf } from "./trend.ts";

/**
 * The Ombudsman figures of the return (Cabinet Office annual report guidance section 27), as the
 * template's `profile-ombudsman` output lists them: the label without its "Ombudsman: ", and the
 * short label the page's narrow columns use.
 */
function ombudsmanFields() {
  return outputFields(currentTemplate, "profile-ombudsman").map((field) => ({ id: field.id, label: field.label.replace(/^Ombudsman: /, ""), shortLabel: field.shortLabel ?? field.label }));
}

/**
 * A body its department's users may profile: in the caller's scope, a body, and below the
 * caller's own department. Outside the scope FORBIDDEN, as everywhere; but a code no organisation
 * has is NOT_FOUND, so the portal can say "Page not found" for a mistyped address (organisation
 * codes are public, so saying one does not exist gives nothing away).
 */
async function bodyToProfile(ctx: ServiceContext, code: string): Promise<Organisation> {
  if (!ctx.scope.has(code) && !(await getOrganisation(ctx.db, code))) throw new DomainError("NOT_FOUND", `There is no organisation with code ${code}.`);
  const body = ctx.scope.organisation(code, "body");
  const department = ctx.scope.departmentCode;
  if (department === null || !subtreeCodes(ctx.scope.organisations, department).includes(body.code)) {
    throw new DomainError("FORBIDDEN", "You do not have access to that organisation.");
  }
  return body;
}

/**
 * Everything the body profile page shows in one answer (instead of 14 trend calls and more): each
 * measure's trend with its XmR chart, the body's themes as rates per 100 received with emerging
 * themes, and its Ombudsman figures by quarter. The range defaults to the quarters from the body's
 * first return, at most 12, up to the latest it sent. Only returns sent to the department count.
 */
export async function bodyProfile(ctx: ServiceContext, input: { organisationCode: string; from?: string | undefined; to?: string | undefined }) {
  const body = await bodyToProfile(ctx, input.organisationCode);
  const department = ctx.scope.organisations.find((o) => o.code === ctx.scope.departmentCode);
  const organisation = {
    code: body.code,
    name: body.name,
    bodyType: body.bodyType,
    region: body.region,
    activeFrom: body.activeFrom,
    activeTo: body.activeTo,
    departmentCode: department?.code ?? null,
    departmentName: department?.name ?? null,
  };
  const fields = ombudsmanFields();
  const range = await seriesRange(ctx, [body.code], input.from, input.to);
  if (!range) {
    return {
      organisation,
      countedStatuses,
      from: null,
      to: null,
      periods: [],
      measures: measures.map((m) => ({ measure: measureInfo(m), points: [], chart: null })),
      themes: { themes: themeColumns(), series: [], emerging: [] },
      ombudsman: { fields, rows: [] },
    };
  }
  const list = await countedReturns(ctx, [body.code], range.fromIndex, range.toIndex);
  // Without a chosen start, begin at the body's first return in the 12 quarters rather than with empty quarters.
  const fromIndex = input.from === undefined && list.length > 0 ? Math.max(range.fromIndex, Math.min(...list.map((r) => r.periodIndex))) : range.fromIndex;
  const periods = quarterRange(fromIndex, range.toIndex);
  const byPeriod = new Map(list.map((r) => [r.period, r]));

  return {
    organisation,
    countedStatuses,
    from: periods[0]!,
    to: periods.at(-1)!,
    periods: periods.map((period) => {
      const r = byPeriod.get(period);
      return {
        period,
        periodLabel: formatPeriodLabel(requirePeriod(period)),
        /** Whether a return counts for this quarter, and whether its figures are provisional (not yet accepted). */
        reported: r !== undefined,
        provisional: r !== undefined && r.status !== "accepted",
      };
    }),
    measures: measures.map((m) => {
      const { points, chart } = trendOf(list, m, fromIndex, range.toIndex);
      return { measure: measureInfo(m), points, chart };
    }),
    themes: bodyThemes(list, body.code, body.name, periods),
    ombudsman: {
      fields,
      rows: periods.flatMap((period) => {
        const r = byPeriod.get(period);
        if (!r) return [];
        const values = Object.fromEntries(
          fields.map((f) => {
            const v = r.values[f.id];
            return [f.id, typeof v === "number" || isMarker(v) ? v : null];
          }),
        ) as Partial<Record<FieldId, number | string | null>>;
        return [{ period, periodLabel: formatPeriodLabel(requirePeriod(period)), provisional: r.status !== "accepted", values }];
      }),
    },
  };
}
