import { useQuery } from "@tanstack/react-query";

/** An overdue learning action, as the body's page lists it. */
export interface OverdueAction {
  id: string | null;
  action: string;
  dueDate: string | null;
  statusLabel: string | null;
}

/**
 * The body's overdue learning actions from `actions.list`. That procedure is being added to the API
 * while this page is built, so it is called by address rather than through the typed client: until
 * it exists the server answers NOT_FOUND and the page shows no actions.
 */
export async function fetchOverdueActions(organisationCode: string): Promise<OverdueAction[]> {
  const input = encodeURIComponent(JSON.stringify({ organisationCode }));
  const response = await fetch(`/trpc/actions.list?input=${input}`, { credentials: "same-origin" });
  if (response.status === 404) return [];
  if (!response.ok) throw new Error(`actions.list answered ${response.status}`);
  const body = (await response.json()) as { result?: { data?: unknown } };
  const data = body.result?.data;
  const plans: unknown[] = Array.isArray(data) ? data : Array.isArray((data as { plans?: unknown })?.plans) ? (data as { plans: unknown[] }).plans : [];
  return plans.flatMap((p) => {
    if (typeof p !== "object" || p === null) return [];
    const plan = p as Record<string, unknown>;
    if (plan.overdue !== true) return [];
    const text = (v: unknown) => (typeof v === "string" && v.trim() ? v : null);
    return [{ id: text(plan.id), action: text(plan.action) ?? text(plan.title) ?? "Learning action", dueDate: text(plan.dueDate), statusLabel: text(plan.statusLabel) }];
  });
}

export function useOverdueActions(organisationCode: string) {
  return useQuery({ queryKey: ["actions.list", organisationCode, "overdue"], queryFn: () => fetchOverdueActions(organisationCode), retry: false });
}
