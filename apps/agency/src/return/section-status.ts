import { validateReturn, type FieldDeclaration, type FieldValue, type ReportingPeriod, type ServiceArea, type TemplateDeclaration, type ValidationIssue, type ValidationResult } from "@complaints/domain";

export type SectionStatus = "completed" | "in-progress" | "not-started" | "has-errors";

export const sectionStatusLabels: Record<SectionStatus, string> = {
  completed: "Completed",
  "in-progress": "In progress",
  "not-started": "Not yet started",
  "has-errors": "Has errors",
};

export interface ReturnChecks {
  errors: readonly ValidationIssue[];
  warnings: readonly ValidationIssue[];
}

/**
 * The checks as the user sees them now: errors from the domain's own validateReturn run on the
 * values as typed (every error rule needs only the return itself), and warnings from both that and
 * the server's last validation, which alone knows the body's history (outliers) and last quarter
 * as sent (carried figures). A history warning stays until the next save re-checks it.
 */
export function currentChecks(
  values: Readonly<Record<string, FieldValue>>,
  context: { template: TemplateDeclaration; serviceAreas: readonly ServiceArea[]; notes: Readonly<Record<string, string>>; period: ReportingPeriod },
  server: ValidationResult | undefined,
): ReturnChecks {
  const local = validateReturn(values, { template: context.template, serviceAreas: context.serviceAreas, notes: context.notes, period: context.period });
  const localIds = new Set([...local.errors, ...local.warnings].map((i) => i.id));
  const historyWarnings = (server?.warnings ?? []).filter((w) => !localIds.has(w.id) && /^(outlier|carried):/.test(w.id));
  return { errors: local.errors, warnings: [...local.warnings, ...historyWarnings] };
}

const isGiven = (v: FieldValue | undefined) => v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "");

/**
 * One task's status (GOV.UK task list): "Has errors" when an error concerns one of the section's
 * fields or one of its inputs cannot be read; "Completed" when every required field has a figure
 * or marker; "In progress" when some field has; "Not yet started" otherwise. A missing required
 * figure is what "In progress" means, so `required:` errors do not count as errors here; a figure
 * carried from last quarter is filled in for the body, so it does not start the section.
 */
export function sectionStatus(
  fields: readonly FieldDeclaration[],
  values: Readonly<Record<string, FieldValue>>,
  inputProblems: Readonly<Record<string, string>>,
  checks: ReturnChecks,
): SectionStatus {
  const ids = new Set(fields.map((f) => f.id));
  if (fields.some((f) => f.id in inputProblems)) return "has-errors";
  if (checks.errors.some((e) => !e.id.startsWith("required:") && e.fieldIds.some((id) => ids.has(id)))) return "has-errors";
  const started = fields.some((f) => f.carriedFrom === undefined && isGiven(values[f.id]));
  if (!started) return "not-started";
  return fields.every((f) => !f.required || isGiven(values[f.id])) ? "completed" : "in-progress";
}
