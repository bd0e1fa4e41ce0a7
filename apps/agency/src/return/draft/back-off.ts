/**
 * How long to wait before trying a failed save again: 2, 4, 8, 16, 32 seconds, then every 60
 * (exponential back-off, capped, so a restarting server is not flooded and a long outage is still
 * retried often enough). The browser's `online` event tries at once.
 */
export function retryDelayMs(failures: number): number {
  const n = Math.max(1, Math.floor(failures));
  return Math.min(60_000, 1000 * 2 ** Math.min(n, 6));
}

/** How long after typing stops a save starts. */
export const autosaveDelayMs = 1500;
