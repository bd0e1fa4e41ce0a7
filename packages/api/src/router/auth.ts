import { getOrganisation } from "@complaints/db";
import { permissions, roleLabels, type Permission } from "@complaints/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { passwordResetLinkState, requestPasswordReset, resetPassword } from "../auth/password-reset.ts";
import { openSession, signIn, signOut } from "../auth/sessions.ts";
import { singleSignOnFor } from "../auth/single-sign-on.ts";
import { acceptInvitation, invitationState } from "../services/users.ts";
import type { SessionUser } from "../context.ts";
import { loadScope } from "../scope.ts";
import { authedProcedure, publicProcedure } from "../trpc.ts";
import type { Database, Kysely } from "@complaints/db";

async function describeUser(db: Kysely<Database>, user: SessionUser) {
  const organisation = await getOrganisation(db, user.organisationCode);
  const scope = await loadScope(db, user);
  // The organisations the user acts for: a body's user their bodies; a department's user their department.
  const actingFor = scope.actsFor === "body" ? scope.organisations : scope.organisations.filter((o) => o.code === user.organisationCode);
  return {
    ...user,
    roleLabel: roleLabels[user.role],
    organisation: organisation ? { code: organisation.code, name: organisation.name, kind: organisation.kind } : null,
    organisations: actingFor.map((o) => ({ code: o.code, name: o.name, kind: o.kind })).sort((a, b) => (a.code === user.organisationCode ? -1 : b.code === user.organisationCode ? 1 : a.name.localeCompare(b.name))),
    permissions: (Object.keys(permissions) as Permission[]).filter((p) => (permissions[p] as readonly string[]).includes(user.role)),
  };
}

export const authRouter = {
  signIn: publicProcedure
    .input(z.object({ email: z.string().trim().min(1, "Enter your email address").max(320), password: z.string().min(1, "Enter your password").max(1024) }))
    .mutation(async ({ ctx, input }) => {
      const result = await signIn(
        ctx.db,
        { email: input.email, password: input.password, clientAddress: ctx.clientAddress, previousSessionId: ctx.sessionId },
        ctx.clock(),
        ctx.config,
      );
      ctx.cookies.set(result.token, result.expiresAt);
      return describeUser(ctx.db, result.user);
    }),

  /**
   * How the sign-in page asks for who someone is: `emailFirst` when any department signs its people
   * in with their organisation's account (the page asks for the email alone, then sends covered
   * emails to the provider); with an email, whether it is one of those. Only the domain is looked at,
   * so the answer says nothing about whether an account exists.
   */
  signInMethod: publicProcedure
    .input(z.object({ email: z.string().trim().max(320).optional() }))
    .query(({ ctx, input }) => ({
      emailFirst: (ctx.config.singleSignOn ?? []).length > 0,
      singleSignOn: input.email ? singleSignOnFor(ctx.config, input.email) !== null : false,
    })),

  signOut: authedProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionId) await signOut(ctx.db, ctx.sessionId);
    ctx.cookies.clear();
    return { signedOut: true };
  }),

  me: authedProcedure.query(({ ctx }) => describeUser(ctx.db, ctx.user)),

  /** "Forgotten your password?": the same answer whether or not the address has an account. */
  requestPasswordReset: publicProcedure
    .input(
      z.object({
        email: z.string().trim().min(1, { message: "Enter your email address", abort: true }).max(320, "Enter an email address of 320 characters or fewer").regex(/^[^\s@]+@[^\s@]+$/, "Enter an email address in the correct format, like name@example.gov.uk"),
        app: z.enum(["agency", "portal"]),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await requestPasswordReset(ctx.db, { ...input, clientAddress: ctx.clientAddress }, ctx.clock(), ctx.config);
      return { sent: true };
    }),

  /** Whether a reset link still works, so its page can say so before a new password is typed. */
  passwordResetLink: publicProcedure
    .input(z.object({ token: z.string().min(1).max(200) }))
    .query(async ({ ctx, input }) => ({ state: await passwordResetLinkState(ctx.db, input.token, ctx.clock()) })),

  resetPassword: publicProcedure
    .input(z.object({ token: z.string().min(1).max(200), password: z.string().min(1, "Enter a new password").max(1024) }))
    .mutation(async ({ ctx, input }) => {
      const result = await resetPassword(ctx.db, input, ctx.clock());
      // This browser's session, if any, ended with the others.
      ctx.cookies.clear();
      return result;
    }),

  /** Whether an invitation link still works, and what it is for, so its page can say so. */
  invitation: publicProcedure
    .input(z.object({ token: z.string().min(1).max(200) }))
    .query(async ({ ctx, input }) => invitationState(ctx.db, input.token, ctx.clock())),

  /** Takes an invitation: the account is made with the name and password chosen, and the person is signed in. */
  acceptInvitation: publicProcedure
    .input(
      z.object({
        token: z.string().min(1).max(200),
        name: z.string().trim().min(1, "Enter your full name").max(200, "Enter a name of 200 characters or fewer"),
        password: z.string().min(1, "Enter a password").max(1024),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const now = ctx.clock();
      const user = await acceptInvitation(ctx.db, input, now);
      const session = await openSession(ctx.db, user, ctx.sessionId, now, ctx.config);
      ctx.cookies.set(session.token, session.expiresAt);
      return describeUser(ctx.db, session.user);
    }),
} satisfies TRPCRouterRecord;
