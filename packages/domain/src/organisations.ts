import { z } from "zod";
import { formatPeriodLabel, periodContaining, periodDates, periodFromIndex, periodIndex, type ReportingPeriod } from "./periods.ts";
import { bankHolidayRegionSchema, isoDateSchema } from "./calendar.ts";

export const organisationKinds = ["department", "body"] as const;

/** Classification of public bodies (Cabinet Office, "Classification of public bodies", 2016). */
export const bodyTypes = [
  "ministerial department",
  "non-ministerial department",
  "executive agency",
  "executive non-departmental public body",
  "advisory non-departmental public body",
  "tribunal non-departmental public body",
  "public corporation",
  "other",
] as const;
export type BodyType = (typeof bodyTypes)[number];

export const organisationCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, "An organisation code is 2 to 20 capital letters, digits or hyphens, like DWP or DVLA");

/** A service area code defined for one body, used for `received_by_service_area.<code>`. */
export const serviceAreaSchema = z.object({
  code: z.string().regex(/^[a-z0-9_]{1,40}$/, "A service area code is lower-case letters, digits or underscores"),
  label: z.string().min(1).max(200),
  /** A code that was used is retired, never deleted, so the history counted under it still reads. */
  retired: z.boolean().optional(),
});
export type ServiceArea = z.infer<typeof serviceAreaSchema>;

export const organisationSchema = z
  .object({
    code: organisationCodeSchema,
    name: z.string().trim().min(1).max(200),
    kind: z.enum(organisationKinds),
    bodyType: z.enum(bodyTypes),
    parentCode: organisationCodeSchema.nullable(),
    region: bankHolidayRegionSchema,
    activeFrom: isoDateSchema,
    activeTo: isoDateSchema.nullable(),
    serviceAreas: z.array(serviceAreaSchema).default([]),
  })
  .refine((o) => o.activeTo === null || o.activeTo >= o.activeFrom, {
    message: "The end date must be on or after the start date",
    path: ["activeTo"],
  })
  .refine((o) => (o.kind === "department") === (o.parentCode === null), {
    message: "A department has no parent; every body has a parent organisation",
    path: ["parentCode"],
  });
export type Organisation = z.infer<typeof organisationSchema>;

/** Whether an organisation existed at any time during the quarter (so it was expected to report). */
export function isActiveIn(org: Pick<Organisation, "activeFrom" | "activeTo">, period: ReportingPeriod): boolean {
  const { start, end } = periodDates(period);
  return org.activeFrom <= end && (org.activeTo === null || org.activeTo >= start);
}

/**
 * The quarters a body closing on this date is last and first not expected for: it reports for the
 * quarter the date falls in (it was active in part of it, `isActiveIn`) and is not expected after.
 */
export function closingQuarters(activeTo: string): { lastExpected: string; firstNotExpected: string } {
  const last = periodContaining(activeTo);
  return { lastExpected: formatPeriodLabel(last), firstNotExpected: formatPeriodLabel(periodFromIndex(periodIndex(last) + 1)) };
}

/**
 * All organisations at or below `rootCode` in the tree (the root first).
 * Cycles in bad data are cut rather than looped forever.
 */
export function subtreeCodes(organisations: readonly Pick<Organisation, "code" | "parentCode">[], rootCode: string): string[] {
  const children = new Map<string, string[]>();
  for (const o of organisations) {
    if (o.parentCode === null) continue;
    const list = children.get(o.parentCode) ?? [];
    list.push(o.code);
    children.set(o.parentCode, list);
  }
  const seen = new Set<string>();
  const out: string[] = [];
  const queue = [rootCode];
  while (queue.length > 0) {
    const code = queue.shift()!;
    if (seen.has(code)) continue;
    seen.add(code);
    out.push(code);
    queue.push(...(children.get(code) ?? []));
  }
  return out;
}

/** The department at the top of an organisation's branch. */
export function departmentOf(
  organisations: readonly Pick<Organisation, "code" | "parentCode">[],
  code: string,
): string | null {
  const byCode = new Map(organisations.map((o) => [o.code, o]));
  let current = byCode.get(code);
  const seen = new Set<string>();
  while (current && current.parentCode !== null) {
    if (seen.has(current.code)) return null;
    seen.add(current.code);
    current = byCode.get(current.parentCode);
  }
  return current?.code ?? null;
}
