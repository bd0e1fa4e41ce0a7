import { useQuery, type QueryClient } from "@tanstack/react-query";
import { procedureQuery, type QueryOutput } from "@complaints/client";

export const planListKey = (org: string) => procedureQuery("actions.list", { organisationCode: org }).queryKey;
export const planKey = (id: string) => procedureQuery("actions.get", { id }).queryKey;

export function usePlanList(org: string) {
  return useQuery(procedureQuery("actions.list", { organisationCode: org }));
}

export function usePlan(id: string, enabled = true) {
  return useQuery({ ...procedureQuery("actions.get", { id }), enabled });
}

/** After a change: the plan as the API returned it, and the body's list read again. */
export async function planChanged(client: QueryClient, plan: QueryOutput<"actions.get">): Promise<void> {
  client.setQueryData(planKey(plan.id), plan);
  await client.invalidateQueries({ queryKey: planListKey(plan.organisationCode) });
}
