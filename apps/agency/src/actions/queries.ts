import { useQuery, type QueryClient } from "@tanstack/react-query";
import { api } from "../app/trpc.ts";

export const planListKey = (org: string) => ["actions.list", org] as const;
export const planKey = (id: string) => ["actions.get", id] as const;

export function usePlanList(org: string) {
  return useQuery({ queryKey: planListKey(org), queryFn: () => api.actions.list.query({ organisationCode: org }) });
}

export function usePlan(id: string, enabled = true) {
  return useQuery({ queryKey: planKey(id), queryFn: () => api.actions.get.query({ id }), enabled });
}

/** After a change: the plan as the API returned it, and the body's list read again. */
export async function planChanged(client: QueryClient, plan: Awaited<ReturnType<typeof api.actions.get.query>>): Promise<void> {
  client.setQueryData(planKey(plan.id), plan);
  await client.invalidateQueries({ queryKey: planListKey(plan.organisationCode) });
}
