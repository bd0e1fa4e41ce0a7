import { bankHolidayRegionSchema, bodyTypes, isoDateSchema, organisationCodeSchema, serviceAreaSchema } from "@complaints/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { addBody, addServiceArea, closeBody, deleteServiceArea, departmentBodies, renameBody, renameServiceArea, retireServiceArea } from "../services/organisations.ts";
import { permitted } from "../trpc.ts";
import { serviceContext } from "./service-context.ts";

const nameSchema = z.string().trim().min(1, "Enter a name").max(200, "A name must be 200 characters or fewer");
const areaCodeSchema = serviceAreaSchema.shape.code;
const areaLabelSchema = z.string().trim().min(1, "Enter the service area's name").max(200, "A service area's name must be 200 characters or fewer");
const area = z.object({ organisationCode: organisationCodeSchema, areaCode: areaCodeSchema });

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
    .input(z.object({ departmentCode: organisationCodeSchema, code: organisationCodeSchema, name: nameSchema, bodyType: z.enum(bodyTypes), region: bankHolidayRegionSchema, activeFrom: isoDateSchema }))
    .mutation(async ({ ctx, input }) => addBody(await serviceContext(ctx), input)),

  rename: permitted("organisations.manage")
    .input(z.object({ code: organisationCodeSchema, name: nameSchema }))
    .mutation(async ({ ctx, input }) => renameBody(await serviceContext(ctx), input)),

  close: permitted("organisations.manage")
    .input(z.object({ code: organisationCodeSchema, activeTo: isoDateSchema, reason: z.string().max(2000).optional() }))
    .mutation(async ({ ctx, input }) => closeBody(await serviceContext(ctx), input)),

  addServiceArea: permitted("organisations.manage")
    .input(area.extend({ label: areaLabelSchema }))
    .mutation(async ({ ctx, input }) => addServiceArea(await serviceContext(ctx), input)),

  renameServiceArea: permitted("organisations.manage")
    .input(area.extend({ label: areaLabelSchema }))
    .mutation(async ({ ctx, input }) => renameServiceArea(await serviceContext(ctx), input)),

  retireServiceArea: permitted("organisations.manage")
    .input(area.extend({ retired: z.boolean() }))
    .mutation(async ({ ctx, input }) => retireServiceArea(await serviceContext(ctx), input)),

  deleteServiceArea: permitted("organisations.manage")
    .input(area)
    .mutation(async ({ ctx, input }) => deleteServiceArea(await serviceContext(ctx), input)),
} satisfies TRPCRouterRecord;
