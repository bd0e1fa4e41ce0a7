import { organisationCodeSchema } from "@complaints/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { annualReportSection } from "../services/reports/annual-report.ts";
import { boardPackFile, packFormats } from "../services/reports/board-pack.ts";
import { permitted } from "../trpc.ts";
import { departmentAndPeriod, financialYearSchema, onePeriodMessage, onePeriodOnly } from "./period-input.ts";
import { serviceContext } from "./service-context.ts";

export const reportsRouter = {
  /**
   * The board pack for a department (or one of its bodies, `bodyCode`) and a quarter or financial
   * year, as a file: ODS or XLSX (GSS spreadsheet), PDF (the narrative with charts), CSV (tidy long
   * form) or CSVW (the CSV's metadata). Every format is written from one pack model.
   */
  pack: permitted("reports.read")
    .input(
      z
        .object({ ...departmentAndPeriod, bodyCode: organisationCodeSchema.optional(), format: z.enum(packFormats, { error: `Choose a format: ${packFormats.join(", ")}` }) })
        .refine(onePeriodOnly, onePeriodMessage),
    )
    .query(async ({ ctx, input }) => boardPackFile(await serviceContext(ctx), input, ctx.config.reportContact)),

  /**
   * The annual report complaints section for a department and financial year (Cabinet Office
   * annual report guidance section 27; Managing Public Money A4.14.17), as HTML and plain text.
   */
  annualReport: permitted("reports.read")
    .input(z.object({ departmentCode: organisationCodeSchema, financialYear: financialYearSchema }))
    .query(async ({ ctx, input }) => annualReportSection(await serviceContext(ctx), input)),
} satisfies TRPCRouterRecord;
