import type { Context, SessionUser } from "../context.ts";
import { loadScope } from "../scope.ts";
import type { ServiceContext } from "../services/actor.ts";

/** The service context for a signed-in caller: their scope is read once per request. */
export async function serviceContext(ctx: Context & { user: SessionUser }): Promise<ServiceContext> {
  return { db: ctx.db, actor: ctx.user, now: ctx.clock().toISOString(), scope: await loadScope(ctx.db, ctx.user) };
}
