import { QueryClient } from "@tanstack/react-query";
import { errorCode } from "./trpc.ts";

/** Answers are fresh for a little while; a refused call (signed out, no access, not found) is not retried. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      retry: (count, error) => errorCode(error) === null && count < 2,
    },
  },
});
