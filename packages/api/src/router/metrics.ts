import { organisationCodeSchema, periodCodeSchema } from "@complaints/domain";
import { measures } from "@complaints/metrics";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { actionsOnTime } from "../services/metrics/actions-on-time.ts";
import { compareBodies } from "../services/metrics/comparison.ts";
import { funnelForDepartment } from "../services/metrics/funnel.ts";
import { bodyProfile } from "../services/metrics/profile.ts";
import { themesForDepartment } from "../services/metrics/themes.ts";
import { departmentRollup } from "../services/metrics/rollup.ts";
import { measureTrend } from "../services/metrics/trend.ts";
import { permitted } from "../trpc.ts";
import { departmentAndPeriod, onePeriodMessage, onePeriodOnly } from "./period-input.ts";
import { serviceContext } from "./service-context.ts";

const measureIds = measures.map((m) => m.id) as [string, ...string[]];
const measureId = z.enum(measureIds, { error: `Choose a measure: ${measureIds.join(", ")}` });

const quarterRange = { from: periodCodeSchema.optional(), to: periodCodeSchema.optional() };

export const metricsRouter = {
  /** Bodies of a department side by side on chosen measures (default all), against the department's pooled benchmark. */
  comparison: permitted("metrics.read")
    .input(z.object({ ...departmentAndPeriod, measures: z.array(measureId).max(measureIds.length).optional() }).refine(onePeriodOnly, onePeriodMessage))
    .query(async ({ ctx, input }) => compareBodies(await serviceContext(ctx), input)),

  /** A body's (or a department's pooled) quarterly series of a measure with an XmR chart; default the 12 quarters up to the latest reported. */
  trend: permitted("metrics.read")
    .input(z.object({ organisationCode: organisationCodeSchema, measure: measureId, ...quarterRange }))
    .query(async ({ ctx, input }) => measureTrend(await serviceContext(ctx), input)),

  /** Funnel plot of a proportion measure across a department's bodies. */
  funnel: permitted("metrics.read")
    .input(z.object({ ...departmentAndPeriod, measure: measureId, overdispersion: z.boolean().default(false) }).refine(onePeriodOnly, onePeriodMessage))
    .query(async ({ ctx, input }) => funnelForDepartment(await serviceContext(ctx), input)),

  /**
   * Themes by body and quarter as rates per 100 complaints received (counts beside them), the department pooled over a fixed panel of
   * bodies that reported every quarter, emerging themes flagged on the rates; default up to 12 quarters ending at the latest reported.
   */
  themes: permitted("metrics.read")
    .input(z.object({ departmentCode: organisationCodeSchema, ...quarterRange }))
    .query(async ({ ctx, input }) => themesForDepartment(await serviceContext(ctx), input)),

  /**
   * A department's totals and measures for a quarter or a financial year beside the same period a year
   * earlier, and the same by body type: counts summed, then each measure recomputed from the sums.
   */
  rollup: permitted("metrics.read")
    .input(z.object(departmentAndPeriod).refine(onePeriodOnly, onePeriodMessage))
    .query(async ({ ctx, input }) => departmentRollup(await serviceContext(ctx), input)),

  /**
   * A body's profile in one call: every measure's trend with its XmR chart, its themes as rates per
   * 100 received (emerging themes flagged) and its Ombudsman figures, by quarter; default the 12
   * quarters up to the latest it reported. Department users, for a body below their department.
   */
  profile: permitted("metrics.read")
    .input(z.object({ organisationCode: organisationCodeSchema, ...quarterRange }))
    .query(async ({ ctx, input }) => bodyProfile(await serviceContext(ctx), input)),

  /**
   * Learning actions completed on time in a quarter, for a body or pooled across a department's
   * bodies, with a Wilson interval. Read with the action plans' permission: a body's own people see
   * their body's figure; department users their department's and each of its bodies'.
   */
  actionsOnTime: permitted("actions.read")
    .input(z.object({ organisationCode: organisationCodeSchema, period: periodCodeSchema }))
    .query(async ({ ctx, input }) => actionsOnTime(await serviceContext(ctx), input)),
} satisfies TRPCRouterRecord;
