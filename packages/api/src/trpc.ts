import { can, DomainError, type Permission } from "@complaints/domain";
import { initTRPC, TRPCError } from "@trpc/server";
import { z, ZodError } from "zod";
import type { Context, SessionUser } from "./context.ts";
import { toTRPCError } from "./errors.ts";

export const internalErrorMessage = "Sorry, something went wrong on our side. Nothing was changed. Try again later.";

/**
 * A refused input said in plain English: each problem's own message, naming its field where the
 * message does not already (messages generated from the template name the question).
 */
export function plainInputMessage(error: ZodError): string {
  const shown = error.issues.slice(0, 10).map((i) => {
    const where = i.path.map(String).join(".");
    return where && !/[‘“]/.test(i.message) ? `${where}: ${i.message}` : i.message;
  });
  const more = error.issues.length - shown.length;
  return `${shown.join(". ")}${more > 0 ? `. And ${more} more ${more === 1 ? "problem" : "problems"}` : ""}.`.replace(/\.\.$/, ".");
}

/** What a procedure declares about itself: the permission it needs (read by the access test). */
export interface ProcedureMeta {
  permission?: Permission;
}

const t = initTRPC.context<Context>().meta<ProcedureMeta>().create({
  // Never send stack traces to callers, whatever NODE_ENV says.
  isDev: false,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    // An unexpected failure says nothing of its cause to the caller (the host logs it).
    if (error.code === "INTERNAL_SERVER_ERROR") {
      const { stack: _stack, ...data } = shape.data;
      return { ...shape, message: internalErrorMessage, data: { ...data, zodError: null, issues: null, details: null } };
    }
    return {
      ...shape,
      data: {
        ...shape.data,
        // Field-level messages for forms.
        zodError: cause instanceof ZodError ? z.flattenError(cause) : null,
        issues: cause instanceof ZodError ? cause.issues.map((i) => ({ field: i.path.map(String).join("."), message: i.message })) : null,
        details: cause instanceof DomainError ? (cause.details ?? null) : null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Turns domain errors into tRPC errors, and refused input into plain English, in one place. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof ZodError) throw new TRPCError({ code: "BAD_REQUEST", message: plainInputMessage(cause), cause });
    const mapped = toTRPCError(cause);
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
  return authedProcedure.meta({ permission }).use(({ ctx, next }) => {
    if (!can(ctx.user.role, permission)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Your role does not allow this." });
    }
    return next();
  });
}
