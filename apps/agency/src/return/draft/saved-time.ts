const ukTime = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Europe/London" });

/** "14:02": the 24-hour clock in UK time (as in "Saved at 14:02"), whatever the computer's time zone. */
export function formatSavedTime(at: Date): string {
  return ukTime.format(at);
}

/** "in 10 seconds", "in 1 minute": when the next attempt is, rounded up to whole seconds. */
export function formatRetryIn(nextAttemptAt: Date, now: Date): string {
  const seconds = Math.max(1, Math.ceil((nextAttemptAt.getTime() - now.getTime()) / 1000));
  if (seconds === 60) return "in 1 minute";
  return `in ${seconds} ${seconds === 1 ? "second" : "seconds"}`;
}
