import { notificationKindSchema } from "@complaints/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { notificationPreferences, setNotificationPreferences } from "../services/notifications/preferences.ts";
import { authedProcedure } from "../trpc.ts";
import { serviceContext } from "./service-context.ts";

/** On the signed-in person's own account: every role, nobody else's. */
export const notificationsRouter = {
  /** The emails the signed-in person may turn off, and which they get. */
  preferences: authedProcedure.query(async ({ ctx }) => notificationPreferences(await serviceContext(ctx))),

  /** Sets which of those emails the signed-in person gets (the ones listed; the others are turned off). */
  setPreferences: authedProcedure
    .input(z.object({ on: z.array(notificationKindSchema).max(20) }))
    .mutation(async ({ ctx, input }) => setNotificationPreferences(await serviceContext(ctx), input)),
} satisfies TRPCRouterRecord;
