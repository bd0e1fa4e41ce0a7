import type { TRPCRouterRecord } from "@trpc/server";
import { publicProcedure } from "../trpc.ts";

export const serviceInfoRouter = {
  /**
   * What the department running the service has configured for its standard pages (phase banner,
   * help and contact, feedback): public, as those pages are read before signing in.
   */
  pages: publicProcedure.query(({ ctx }) => {
    const pages = ctx.config.servicePages;
    return { ...pages, feedbackUrl: pages.feedbackUrl ?? `mailto:${pages.supportEmail}` };
  }),
} satisfies TRPCRouterRecord;
