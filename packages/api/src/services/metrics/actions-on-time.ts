import { listActionPlans } from "@complaints/db";
import { formatPeriodLabel, isActiveIn, requirePeriod, subtreeCodes } from "@complaints/domain";
import { actionsCompletedOnTime, type ActionsOnTime } from "@complaints/metrics";
import type { ServiceContext } from "../actor.ts";
import { serviceToday } from "../action-plans.ts";

export interface ActionsOnTimeAnswer extends ActionsOnTime {
  organisationCode: string;
  organisationName: string;
  kind: "body" | "department";
  period: string;
  periodLabel: string;
  /** The day the figure is as of (the service's clock, UK date). */
  asOf: string;
  label: string;
  definition: string;
  /** One row per body, by name: the body itself, or each of the department's bodies active in the quarter (or with an action due in it); the figures above pool them. */
  bodies: (ActionsOnTime & { organisationCode: string; organisationName: string })[];
}

const definition =
  "Of the learning actions due in the quarter whose outcome is known today (completed, or still open after their due date), the share completed on or before their due date. Bodies pool by adding counts. 95% Wilson score interval.";

/**
 * "Action plans completed on time" (DESIGN.md section 3) for a body, or pooled across a department's
 * bodies, for a quarter, from the plans as they stand on the service's clock (metrics
 * `actionsCompletedOnTime`, which documents the definition).
 */
export async function actionsOnTime(ctx: ServiceContext, input: { organisationCode: string; period: string }): Promise<ActionsOnTimeAnswer> {
  const org = ctx.scope.organisation(input.organisationCode);
  const quarter = requirePeriod(input.period);
  const today = serviceToday(ctx);
  const under = org.kind === "body" ? [org] : ctx.scope.organisations.filter((o) => o.kind === "body" && subtreeCodes(ctx.scope.organisations, org.code).includes(o.code));
  const plans = await listActionPlans(ctx.db, under.map((b) => b.code));
  // The bodies active in the quarter, and any other with an action due in it; by name.
  const bodies = under
    .filter((b) => org.kind === "body" || isActiveIn(b, quarter) || plans.some((p) => p.organisationCode === b.code && actionsCompletedOnTime([p], quarter, today).dueInQuarter > 0))
    .sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
  return {
    organisationCode: org.code,
    organisationName: org.name,
    kind: org.kind,
    period: input.period,
    periodLabel: formatPeriodLabel(quarter),
    asOf: today,
    label: "Learning actions completed on time",
    definition,
    ...actionsCompletedOnTime(plans, quarter, today),
    bodies: bodies.map((b) => ({ organisationCode: b.code, organisationName: b.name, ...actionsCompletedOnTime(plans.filter((p) => p.organisationCode === b.code), quarter, today) })),
  };
}
