/** Timing helpers shared by the benchmark's figures. */
export const samples = 200;

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** p50 and p95 of `samples` runs after 10 unmeasured ones (`run` gets the run's number, warm-ups included). */
export async function time(run: (i: number) => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 10; i += 1) await run(i); // warm up
  const ms: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const start = performance.now();
    await run(10 + i);
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

export const f = (n: number) => n.toFixed(2).padStart(8);
