import { useQueryClient } from "@tanstack/react-query";
import { errorData, errorMessage } from "@complaints/client";
import type { ErrorSummaryItem } from "@complaints/ui";
import { useState } from "react";

/** A field's problem, for its inline error message (GOV.UK: the same words as in the summary). */
export function fieldError(errors: readonly ErrorSummaryItem[], id: string): { text: string } | undefined {
  const found = errors.find((e) => e.href === `#${id}`);
  return found ? { text: String(found.text) } : undefined;
}

/**
 * One change an administrator makes: sent once at a time, every answer read again afterwards, and
 * refusals shown in the page's error summary: each refused field linked to its input (`#field`, the
 * API's `issues`), anything else as the API's own words. `attempt` grows with each failure so the
 * summary takes focus again.
 */
export function useAdminAction() {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<ErrorSummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);

  function fail(list: ErrorSummaryItem[]) {
    setErrors(list);
    setAttempt((n) => n + 1);
  }

  async function run<T>(send: () => Promise<T>, fieldIds: readonly string[] = []): Promise<T | null> {
    setBusy(true);
    setErrors([]);
    try {
      const result = await send();
      await queryClient.invalidateQueries();
      return result;
    } catch (error) {
      const issues = errorData(error).issues ?? [];
      const known = issues.filter((i) => fieldIds.includes(i.field));
      fail(known.length > 0 ? known.map((i) => ({ text: i.message, href: `#${i.field}` })) : [{ text: errorMessage(error) }]);
      return null;
    } finally {
      setBusy(false);
    }
  }

  return { busy, errors, attempt, run, fail };
}
