import { isSupportedYear, organisationCodeSchema, periodCodeSchema, unsupportedYearMessage } from "@complaints/domain";
import { z } from "zod";

const financialYearMessage = "Enter a financial year like 2025-26";
/** A UK financial year written `2025-26` (April 2025 to March 2026). */
export const financialYearSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}$/, { message: financialYearMessage, abort: true })
  .refine((s) => (Number(s.slice(0, 4)) + 1) % 100 === Number(s.slice(5)), { message: financialYearMessage, abort: true })
  .refine((s) => isSupportedYear(Number(s.slice(0, 4))), unsupportedYearMessage);

/** A quarter (`2025-26 Q1` or `Apr to Jun 2025`) or a financial year (`2025-26`): exactly one. */
export const departmentAndPeriod = { departmentCode: organisationCodeSchema, period: periodCodeSchema.optional(), financialYear: financialYearSchema.optional() };
export const onePeriodOnly = (i: { period?: string | undefined; financialYear?: string | undefined }) => (i.period === undefined) !== (i.financialYear === undefined);
export const onePeriodMessage = { message: "Choose either a quarter or a financial year", path: ["period"] };

