import { useQuery } from "@tanstack/react-query";
import type { QueryOutput } from "./procedure-query.ts";
import { api } from "./trpc.ts";

export type ServicePages = QueryOutput<"service.pages">;

/** The department's settings for the standard pages (phase banner, help, feedback); they change only with a restart. */
export function useServicePages() {
  return useQuery({ queryKey: ["service.pages"], queryFn: () => api.service.pages.query(), staleTime: Number.POSITIVE_INFINITY });
}
