import type { AppRouter } from "@complaints/api";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";

/** The API, over HTTP on our own origin; the session cookie travels with each request. */
export const api = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: "/trpc", maxItems: 10 })],
});

export interface ApiErrorData {
  code?: string;
  httpStatus?: number;
  issues?: { field: string; message: string }[] | null;
  details?: unknown;
}

/** The tRPC error code of a failed call ("UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", …), or null for a network failure. */
export function errorCode(error: unknown): string | null {
  if (error instanceof TRPCClientError) return ((error.data ?? {}) as ApiErrorData).code ?? null;
  return null;
}

export function errorData(error: unknown): ApiErrorData {
  return error instanceof TRPCClientError ? ((error.data ?? {}) as ApiErrorData) : {};
}

/** A message fit to show: the API's own plain-English message, or one for a failed connection. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError && error.data) return error.message;
  return "The service could not be reached. Check your connection and try again.";
}
