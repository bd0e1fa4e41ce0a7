import { can, DomainError, type Permission } from "@complaints/domain";
import { initTRPC, TRPCError } from "@trpc/server";
import { z, ZodError } from "zod";
import type { Context, SessionUser } from "./context.ts";
import { toTRPCError } from "./errors.ts";

export const internalErrorMessage = "Sorry, something went wrong on our side. Nothing was changed. Try again later.";

const t = initTRPC.context<Context>().create({
  // Never send stack traces to callers, whatever NODE_ENV says.
  isDev: false,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    // An unexpected failure says nothing of its cause to the caller (the host logs it).
    if (error.code === "INTERNAL_SERVER_ERROR") {
      const { stack: _stack, ...data } = shape.data;
      return { ...shape, message: internalErrorMessage, data: { ...data, zodError: null, details: null } };
    }
    return {
      ...shape,
      data: {
        ...shape.data,
        // Field-level messages for forms.
        zodError: cause instanceof ZodError ? z.flattenError(cause) : null,
        details: cause instanceof DomainError ? (cause.details ?? null) : null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Turns domain errors into tRPC errors in one place. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error.cause);
    if (mapped instanceof TRPCError) throw mapped;
  }
  return result;
});

export const publicProcedure = t.procedure.use(domainErrors);

/** A signed-in caller; narrows `ctx.user`. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, user: ctx.user as SessionUser } });
});

/** A signed-in caller whose role has the permission (domain/roles.ts). Organisation scope is checked per resource. */
export function permitted(permission: Permission) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!can(ctx.user.role, permission)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Your role does not allow this." });
    }
    return next();
  });
}
