import { listActionPlans } from "@complaints/db";
import { formatPeriodLabel, requirePeriod, subtreeCodes } from "@complaints/domain";
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
  /** One row per body: the body itself, or each of the department's bodies; the figures above pool them. */
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
  const bodies = org.kind === "body" ? [org] : ctx.scope.organisations.filter((o) => o.kind === "body" && subtreeCodes(ctx.scope.organisations, org.code).includes(o.code));
  const plans = await listActionPlans(ctx.db, bodies.map((b) => b.code));
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
