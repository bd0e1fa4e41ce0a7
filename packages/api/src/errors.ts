import { isDatabaseUnavailable } from "@complaints/db";
import { DomainError, type DomainErrorCode } from "@complaints/domain";
import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";

/** One table from domain error codes to tRPC codes, so routers repeat no try/catch (STYLE.md). */
const codeMap: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  INVALID_INPUT: "BAD_REQUEST",
  INVALID_TRANSITION: "PRECONDITION_FAILED",
  VALIDATION_FAILED: "UNPROCESSABLE_CONTENT",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHENTICATED: "UNAUTHORIZED",
  TOO_MANY_ATTEMPTS: "TOO_MANY_REQUESTS",
};

/** What a caller is told while the database is restarting or failing over: nothing is wrong with their request. */
export const databaseUnavailableMessage = "The service cannot reach its database just now. Try again in a minute.";

export function toTRPCError(error: unknown): unknown {
  if (error instanceof DomainError) {
    return new TRPCError({ code: codeMap[error.code], message: error.message, cause: error });
  }
  if (isDatabaseUnavailable(error)) {
    return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: databaseUnavailableMessage, cause: error });
  }
  return error;
}
