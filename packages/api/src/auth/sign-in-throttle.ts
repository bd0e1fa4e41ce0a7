import type { SignInFailureTally } from "@complaints/db";

/**
 * How long a sign-in attempt must wait, given the failures before it: a free allowance, then a
 * delay that doubles with each further failure (one minute, two, four, ...) up to `capMs`, counted
 * from the latest failure. A growing delay rather than a lock (OWASP Authentication Cheat Sheet,
 * "Account Lockout": lockouts can be abused to deny service; OWASP Credential Stuffing Prevention
 * Cheat Sheet: throttle by client address too). Refused attempts are not failures, so waiting
 * out the delay is always enough.
 */
export function signInWaitMs(failures: SignInFailureTally, allowance: number, now: Date, capMs: number): number {
  const attempt = failures.count + 1;
  if (attempt <= allowance || failures.latestAt === null) return 0;
  const delay = Math.min(capMs, 60_000 * 2 ** (attempt - allowance - 1));
  return Math.max(0, Date.parse(failures.latestAt) + delay - now.getTime());
}

/** "Wait 4 minutes and try again.", rounded up to whole minutes. */
export function tooManyAttemptsMessage(waitMs: number, attempting = "sign in"): string {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  return `Too many failed attempts to ${attempting}. Wait ${minutes} ${minutes === 1 ? "minute" : "minutes"} and try again.`;
}
