import type { FieldValue } from "@complaints/domain";

/** One answer changed by someone else since this browser's edit began (api `returns.saveChanges`, CONFLICT details). */
export interface DraftConflict {
  kind: "value" | "note" | "explanation";
  /** Field id, or the warning's rule id for an explanation. */
  key: string;
  label: string;
  yours: FieldValue;
  theirs: FieldValue;
}

export type SaveFailure =
  | { kind: "retry"; message: string }
  | { kind: "sign-in" }
  | { kind: "conflict"; conflicts: DraftConflict[] }
  | { kind: "refused"; message: string };

export interface FailedCall {
  /** The tRPC error code, or null when no answer came (network down, server stopped, a proxy's error page). */
  code: string | null;
  httpStatus?: number | undefined;
  details?: unknown;
  /** The API's own message, fit to show. */
  message: string;
}

const unreachable = "The service could not be reached.";

/**
 * What to do about a save that failed. No answer, or a server error: try again later. Signed out:
 * sign in and come back. A clash on the same answer: ask which to keep. Anything else the API
 * refused (a figure it does not accept, a return no longer a draft): say so, keep the edits.
 */
export function saveFailure(call: FailedCall): SaveFailure {
  if (call.code === null) return { kind: "retry", message: unreachable };
  if (call.code === "UNAUTHORIZED") return { kind: "sign-in" };
  if (call.code === "CONFLICT") {
    const conflicts = conflictsIn(call.details);
    // Others saving at the very same moment, with no clash: the server asks to try again.
    return conflicts.length > 0 ? { kind: "conflict", conflicts } : { kind: "retry", message: call.message };
  }
  if (call.code === "INTERNAL_SERVER_ERROR" || call.code === "TOO_MANY_REQUESTS" || call.code === "TIMEOUT" || (call.httpStatus ?? 0) >= 500) {
    return { kind: "retry", message: call.message };
  }
  return { kind: "refused", message: call.message };
}

function conflictsIn(details: unknown): DraftConflict[] {
  if (typeof details !== "object" || details === null || !("conflicts" in details) || !Array.isArray(details.conflicts)) return [];
  return (details.conflicts as unknown[]).filter(isConflict);
}

function isConflict(value: unknown): value is DraftConflict {
  if (typeof value !== "object" || value === null) return false;
  const c = value as Record<string, unknown>;
  const answer = (v: unknown) => v === null || typeof v === "string" || typeof v === "number";
  return (c.kind === "value" || c.kind === "note" || c.kind === "explanation") && typeof c.key === "string" && typeof c.label === "string" && answer(c.yours) && answer(c.theirs);
}

/** Input the API's checks refused comes with a message per field: those, rather than the summary of the checks. */
export function issuesMessage(issues: { field: string; message: string }[] | null | undefined): string | null {
  if (!issues || issues.length === 0) return null;
  return issues.map((i) => (/[.!?]$/.test(i.message) ? i.message : `${i.message}.`)).join(" ");
}

/**
 * Warnings whose stored explanation the API refused because the figures no longer raise them (api
 * save-changes: an explanation must answer a warning the saved return has). Their ids, from the
 * refusal's `details.issues` (`explanations.<warning id>`).
 */
export function strayExplanations(details: unknown): string[] {
  if (typeof details !== "object" || details === null || !("issues" in details) || !Array.isArray(details.issues)) return [];
  const ids: string[] = [];
  for (const issue of details.issues as unknown[]) {
    const field = typeof issue === "object" && issue !== null && "field" in issue ? issue.field : undefined;
    if (typeof field !== "string" || !field.startsWith("explanations.")) return [];
    ids.push(field.slice("explanations.".length));
  }
  return ids;
}
