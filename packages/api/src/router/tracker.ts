import { organisationCodeSchema, periodCodeSchema } from "@complaints/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { submissionTracker } from "../services/tracker.ts";
import { permitted } from "../trpc.ts";
import { serviceContext } from "./service-context.ts";

export const trackerRouter = {
  forPeriod: permitted("tracker.read")
    .input(z.object({ departmentCode: organisationCodeSchema, period: periodCodeSchema }))
    .query(async ({ ctx, input }) => submissionTracker(await serviceContext(ctx), input.departmentCode, input.period)),
} satisfies TRPCRouterRecord;
