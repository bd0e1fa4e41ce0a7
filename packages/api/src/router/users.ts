import { organisationCodeSchema, roleSchema } from "@complaints/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { changeRole, deactivatePerson, grantOrganisation, invitePerson, listPeople, reactivatePerson, removeOrganisation, sendPasswordReset } from "../services/users.ts";
import { permitted } from "../trpc.ts";
import { serviceContext } from "./service-context.ts";

const email = z
  .string()
  .trim()
  .min(1, { message: "Enter an email address", abort: true })
  .max(320, "Enter an email address of 320 characters or fewer")
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "Enter an email address in the correct format, like name@example.gov.uk");
const person = z.object({ email });

/** A department's administrator manages the people of the department and its bodies (scope.ts). */
export const usersRouter = {
  list: permitted("users.manage")
    .input(z.object({ organisationCode: organisationCodeSchema.optional() }).default({}))
    .query(async ({ ctx, input }) => listPeople(await serviceContext(ctx), input)),

  invite: permitted("users.manage")
    .input(z.object({ email, role: roleSchema, organisationCode: organisationCodeSchema }))
    .mutation(async ({ ctx, input }) => invitePerson(await serviceContext(ctx), input)),

  changeRole: permitted("users.manage")
    .input(z.object({ email, role: roleSchema, organisationCode: organisationCodeSchema }))
    .mutation(async ({ ctx, input }) => {
      await changeRole(await serviceContext(ctx), input);
      return { changed: true };
    }),

  addOrganisation: permitted("users.manage")
    .input(z.object({ email, organisationCode: organisationCodeSchema }))
    .mutation(async ({ ctx, input }) => {
      await grantOrganisation(await serviceContext(ctx), input);
      return { added: true };
    }),

  removeOrganisation: permitted("users.manage")
    .input(z.object({ email, organisationCode: organisationCodeSchema }))
    .mutation(async ({ ctx, input }) => {
      await removeOrganisation(await serviceContext(ctx), input);
      return { removed: true };
    }),

  deactivate: permitted("users.manage")
    .input(person)
    .mutation(async ({ ctx, input }) => deactivatePerson(await serviceContext(ctx), input)),

  reactivate: permitted("users.manage")
    .input(person)
    .mutation(async ({ ctx, input }) => {
      await reactivatePerson(await serviceContext(ctx), input);
      return { reactivated: true };
    }),

  sendPasswordReset: permitted("users.manage")
    .input(person)
    .mutation(async ({ ctx, input }) => {
      await sendPasswordReset(await serviceContext(ctx), input);
      return { sent: true };
    }),
} satisfies TRPCRouterRecord;
