import { organisationCodeSchema } from "@complaints/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { addBody, addServiceArea, closeBody, deleteServiceArea, departmentBodies, organisationInputs as inputs, renameBody, renameServiceArea, retireServiceArea } from "../services/organisations.ts";
import { permitted } from "../trpc.ts";
import { serviceContext } from "./service-context.ts";

export const organisationsRouter = {
  /** Organisations the caller can see: their body, or their department and its bodies. */
  list: permitted("organisations.read").query(async ({ ctx }) => (await serviceContext(ctx)).scope.organisations),

  get: permitted("organisations.read")
    .input(z.object({ code: organisationCodeSchema }))
    .query(async ({ ctx, input }) => (await serviceContext(ctx)).scope.organisation(input.code)),

  /** A department's bodies for its administrator, open ones first, each saying whether it is expected this quarter. */
  manageList: permitted("organisations.manage")
    .input(z.object({ departmentCode: organisationCodeSchema }))
    .query(async ({ ctx, input }) => departmentBodies(await serviceContext(ctx), input.departmentCode)),

  add: permitted("organisations.manage")
    .input(inputs.add)
    .mutation(async ({ ctx, input }) => addBody(await serviceContext(ctx), input)),

  rename: permitted("organisations.manage")
    .input(inputs.rename)
    .mutation(async ({ ctx, input }) => renameBody(await serviceContext(ctx), input)),

  close: permitted("organisations.manage")
    .input(inputs.close)
    .mutation(async ({ ctx, input }) => closeBody(await serviceContext(ctx), input)),

  addServiceArea: permitted("organisations.manage")
    .input(inputs.addServiceArea)
    .mutation(async ({ ctx, input }) => addServiceArea(await serviceContext(ctx), input)),

  renameServiceArea: permitted("organisations.manage")
    .input(inputs.renameServiceArea)
    .mutation(async ({ ctx, input }) => renameServiceArea(await serviceContext(ctx), input)),

  retireServiceArea: permitted("organisations.manage")
    .input(inputs.retireServiceArea)
    .mutation(async ({ ctx, input }) => retireServiceArea(await serviceContext(ctx), input)),

  deleteServiceArea: permitted("organisations.manage")
    .input(inputs.deleteServiceArea)
    .mutation(async ({ ctx, input }) => deleteServiceArea(await serviceContext(ctx), input)),
} satisfies TRPCRouterRecord;
