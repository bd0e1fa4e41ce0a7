import { isoDateSchema, organisationCodeSchema, periodCodeSchema } from "@complaints/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { closeReportingWindow, extendDueDate, extendInput, openWindow, previewWindow, windowsInScope } from "../services/windows.ts";
import { permitted } from "../trpc.ts";
import { serviceContext } from "./service-context.ts";

export const windowsRouter = {
  /**
   * Reporting windows with due dates; `openOnly` for the ones a body can report in now;
   * `organisationCode` for one body's due date and working days left (a user acting for several).
   */
  list: permitted("windows.read")
    .input(z.object({ openOnly: z.boolean().default(false), organisationCode: organisationCodeSchema.optional() }).default({ openOnly: false }))
    .query(async ({ ctx, input }) => windowsInScope(await serviceContext(ctx), input)),

  open: permitted("windows.manage")
    .input(z.object({ departmentCode: organisationCodeSchema, period: periodCodeSchema, dueDate: isoDateSchema.nullable().default(null) }))
    .mutation(async ({ ctx, input }) => openWindow(await serviceContext(ctx), input)),

  /** What opening a quarter would set: each expected body's due date, shown before saving. */
  preview: permitted("windows.manage")
    .input(z.object({ departmentCode: organisationCodeSchema, period: periodCodeSchema, dueDate: isoDateSchema.nullable().default(null) }))
    .query(async ({ ctx, input }) => previewWindow(await serviceContext(ctx), input)),

  /** A later due date for one body, with the reason. */
  extend: permitted("windows.manage")
    .input(extendInput)
    .mutation(async ({ ctx, input }) => extendDueDate(await serviceContext(ctx), input)),

  close: permitted("windows.manage")
    .input(z.object({ departmentCode: organisationCodeSchema, period: periodCodeSchema }))
    .mutation(async ({ ctx, input }) => {
      await closeReportingWindow(await serviceContext(ctx), input);
      return { closed: true };
    }),
} satisfies TRPCRouterRecord;
