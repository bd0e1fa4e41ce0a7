import { errorCode, errorData, errorMessage } from "@complaints/client";

/** One problem with what was entered: `field` is the top-level field (an issue at `sourceComplaints.1` is `sourceComplaints`). */
export interface Issue {
  field: string;
  message: string;
}

/** One problem to show: in the error summary (a link to `href`) and beside its field. */
export interface FieldError extends Issue {
  href: string;
}

/**
 * The problems a refused call reports, by field: the API's `issues` (refused input), or a domain
 * check naming its field in `details.field` (its message then starts "field: ", left out here).
 * Null when the call failed for another reason (no access, conflict, network).
 */
export function apiIssues(error: unknown): Issue[] | null {
  const data = errorData(error);
  if (data.issues && data.issues.length > 0) return data.issues.map((i) => ({ field: i.field.split(".")[0] ?? "", message: i.message }));
  const field = (data.details as { field?: unknown } | null | undefined)?.field;
  if (errorCode(error) === "BAD_REQUEST" && typeof field === "string") return [{ field, message: errorMessage(error).replace(new RegExp(`^${field}: `), "") }];
  return null;
}

/** Issues from a zod result (the domain's own schema, run in the browser), in the same shape. */
export function zodIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Issue[] {
  return issues.map((i) => ({ field: String(i.path[0] ?? ""), message: i.message }));
}

/**
 * The problems to show, in the form's order, one link per message. Problems found in the browser
 * (`local`, e.g. a date input missing its month) replace those for the same field, because they say
 * it in the form's words. A date input's link goes to its first field (day).
 */
export function toFieldErrors(issues: readonly Issue[], local: Record<string, string>, order: readonly string[], dateFields: readonly string[] = []): FieldError[] {
  const byField = new Map<string, string[]>();
  for (const { field, message } of issues) {
    if (field in local) continue;
    const list = byField.get(field) ?? [];
    if (!list.includes(message)) list.push(message);
    byField.set(field, list);
  }
  for (const [field, message] of Object.entries(local)) byField.set(field, [message]);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  return [...byField.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .flatMap(([field, messages]) => {
      const target = order.includes(field) ? field : (order[0] ?? field);
      const href = `#${dateFields.includes(target) ? `${target}-day` : target}`;
      return messages.map((message) => ({ field, href, message }));
    });
}

/** The messages for one field, for its inline error. */
export function messagesFor(errors: readonly FieldError[], field: string): string[] {
  return errors.filter((e) => e.field === field).map((e) => e.message);
}
