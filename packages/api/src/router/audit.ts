import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { auditFilterInput as filter, auditPage, auditRows } from "../services/audit.ts";
import { permitted } from "../trpc.ts";
import { serviceContext } from "./service-context.ts";

export const auditRouter = {
  /** One page (50 entries) of a department's append-only audit log, newest first, narrowed by the filters given. */
  list: permitted("audit.read")
    .input(filter.extend({ page: z.number().int().min(1).default(1) }))
    .query(async ({ ctx, input }) => auditPage(await serviceContext(ctx), input)),

  /** Every entry the filters match, as rows for a CSV file. */
  download: permitted("audit.read")
    .input(filter)
    .query(async ({ ctx, input }) => auditRows(await serviceContext(ctx), input)),
} satisfies TRPCRouterRecord;
