import { notificationKindSchema, organisationCodeSchema, periodCodeSchema } from "@complaints/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { chaseMessageMaxLength, chasePreview, chaseReturn } from "../services/notifications/chase.ts";
import { notificationPreferences, setNotificationPreferences } from "../services/notifications/preferences.ts";
import { authedProcedure, permitted } from "../trpc.ts";
import { serviceContext } from "./service-context.ts";

/** On the signed-in person's own account: every role, nobody else's. */
export const notificationsRouter = {
  /** The emails the signed-in person may turn off, and which they get. */
  preferences: authedProcedure.query(async ({ ctx }) => notificationPreferences(await serviceContext(ctx))),

  /** Sets which of those emails the signed-in person gets (the ones listed; the others are turned off). */
  setPreferences: authedProcedure
    .input(z.object({ on: z.array(notificationKindSchema).max(20) }))
    .mutation(async ({ ctx, input }) => setNotificationPreferences(await serviceContext(ctx), input)),

  /** Who chasing a late body's return would email. */
  chasePreview: permitted("returns.chase")
    .input(z.object({ organisationCode: organisationCodeSchema, period: periodCodeSchema }))
    .query(async ({ ctx, input }) => chasePreview(await serviceContext(ctx), input)),

  /** Emails a late body's team, with the analyst's line; recorded in the audit log. (The service says when the line is too long.) */
  chase: permitted("returns.chase")
    .input(z.object({ organisationCode: organisationCodeSchema, period: periodCodeSchema, message: z.string().max(10 * chaseMessageMaxLength) }))
    .mutation(async ({ ctx, input }) => chaseReturn(await serviceContext(ctx), input)),
} satisfies TRPCRouterRecord;
