import { DomainError, organisationCodeSchema } from "@complaints/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { assertInScope } from "../scope.ts";
import { permitted } from "../trpc.ts";
import { serviceContext } from "./service-context.ts";

export const organisationsRouter = {
  /** Organisations the caller can see: their body, or their department and its bodies. */
  list: permitted("organisations.read").query(async ({ ctx }) => (await serviceContext(ctx)).scope.organisations),

  get: permitted("organisations.read")
    .input(z.object({ code: organisationCodeSchema }))
    .query(async ({ ctx, input }) => {
      const { scope } = await serviceContext(ctx);
      assertInScope(scope, input.code);
      const org = scope.organisations.find((o) => o.code === input.code);
      if (!org) throw new DomainError("NOT_FOUND", `There is no organisation with code ${input.code}.`);
      return org;
    }),
} satisfies TRPCRouterRecord;
