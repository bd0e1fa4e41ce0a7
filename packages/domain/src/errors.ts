/**
 * Errors the domain and storage layers raise, each with a literal code. The API maps codes to
 * HTTP/tRPC codes in one table (STYLE.md, after documenso's AppError), so no router repeats a try/catch.
 */
export const domainErrorCodes = [
  "NOT_FOUND",
  "CONFLICT",
  "INVALID_INPUT",
  "INVALID_TRANSITION",
  "VALIDATION_FAILED",
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "TOO_MANY_ATTEMPTS",
] as const;
export type DomainErrorCode = (typeof domainErrorCodes)[number];

export class DomainError extends Error {
  override readonly name = "DomainError";
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
