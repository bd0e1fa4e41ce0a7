import { organisationCodeSchema } from "@complaints/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { permitted } from "../trpc.ts";
import { serviceContext } from "./service-context.ts";

export const organisationsRouter = {
  /** Organisations the caller can see: their body, or their department and its bodies. */
  list: permitted("organisations.read").query(async ({ ctx }) => (await serviceContext(ctx)).scope.organisations),

  get: permitted("organisations.read")
    .input(z.object({ code: organisationCodeSchema }))
    .query(async ({ ctx, input }) => (await serviceContext(ctx)).scope.organisation(input.code)),
} satisfies TRPCRouterRecord;
