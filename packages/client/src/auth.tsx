import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { Loading, ServiceProblem } from "./query-boundary.tsx";
import type { QueryOutput } from "./procedure-query.ts";
import { api, errorCode } from "./trpc.ts";

export type Me = QueryOutput<"auth.me">;

export const meQueryKey = ["auth.me"] as const;

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: () => api.auth.me.query(), staleTime: 60_000 });
}

/** Where to go back to after signing in: a path inside this app only, never another site. */
export function safeReturnPath(value: string | null): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return "/";
  return value;
}

/** Pages for signed-in users: anyone else is sent to sign in, and brought back here afterwards. */
export function RequireSignIn({ children }: { children: (me: Me) => ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) {
    if (errorCode(me.error) === "UNAUTHORIZED") {
      const back = `${location.pathname}${location.search}`;
      return <Navigate to={`/sign-in?returnTo=${encodeURIComponent(back)}`} replace />;
    }
    return <ServiceProblem />;
  }
  return <>{children(me.data)}</>;
}
