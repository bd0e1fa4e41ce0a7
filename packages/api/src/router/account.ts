import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { changeOwnPassword, signOutEverywhere } from "../services/account.ts";
import { authedProcedure } from "../trpc.ts";

/** A signed-in person's own account: open to every role, acting only on the caller's own account and sessions. */
export const accountRouter = {
  changePassword: authedProcedure
    .input(z.object({ currentPassword: z.string().min(1, "Enter your current password").max(1024), newPassword: z.string().min(1, "Enter a new password").max(1024) }))
    .mutation(({ ctx, input }) => changeOwnPassword({ db: ctx.db, user: ctx.user, sessionId: ctx.sessionId, now: ctx.clock().toISOString(), clientAddress: ctx.clientAddress, config: ctx.config }, input)),

  signOutEverywhere: authedProcedure.mutation(async ({ ctx }) => {
    const result = await signOutEverywhere({ db: ctx.db, user: ctx.user, sessionId: ctx.sessionId, now: ctx.clock().toISOString(), config: ctx.config });
    ctx.cookies.clear();
    return result;
  }),
} satisfies TRPCRouterRecord;
