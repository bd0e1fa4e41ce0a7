import { randomUUID } from "node:crypto";
import { claimJobs, completeJob, failJob, type Database, type Kysely } from "@complaints/db";

/** Does one job; a rejected promise is a failed attempt, tried again later. */
export type JobHandler = (payload: unknown, job: { id: string; kind: string; attempts: number }) => Promise<void>;

/**
 * Periodic work run on each tick before jobs are claimed (reminders, digests): it enqueues jobs
 * with idempotency keys, so several instances running it at once still enqueue each job once.
 */
export type ScheduleHook = (db: Kysely<Database>, now: Date) => Promise<void>;

export interface JobRunnerOptions {
  db: Kysely<Database>;
  /** By job kind. */
  handlers: Record<string, JobHandler>;
  schedule?: readonly ScheduleHook[];
  clock?: () => Date;
  /** Names this runner in the jobs it claims. */
  worker?: string;
  /** How long a claim lasts: a job still running after it is taken to have lost its runner and is tried again. */
  leaseMs?: number;
  batchSize?: number;
  /** Told of failures (the job is retried, or has failed for good). */
  onError?: (error: unknown, job: { id: string; kind: string; attempts: number } | null) => void;
}

export interface JobRunner {
  /** Runs the schedule, then claims and does the jobs that are due; returns how many succeeded and failed. */
  runOnce(): Promise<{ done: number; failed: number }>;
  /** Runs every `intervalMs` until stopped. */
  start(intervalMs: number): void;
  /** Stops the interval and waits for a run under way to finish. */
  stop(): Promise<void>;
}

/** The wait before the next attempt: one minute, doubling each time, at most six hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(6 * 3_600_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1000);
}

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { db, handlers } = options;
  const clock = options.clock ?? (() => new Date());
  const worker = options.worker ?? randomUUID();
  const leaseMs = options.leaseMs ?? 10 * 60_000;
  const batchSize = options.batchSize ?? 20;
  const onError = options.onError ?? (() => {});
  let timer: ReturnType<typeof setInterval> | null = null;
  let running: Promise<unknown> | null = null;

  async function runOnce() {
    let done = 0;
    let failed = 0;
    for (const hook of options.schedule ?? []) {
      try {
        await hook(db, clock());
      } catch (error) {
        onError(error, null);
      }
    }
    for (;;) {
      const now = clock();
      const jobs = await claimJobs(db, { worker, now: now.toISOString(), lockedUntil: new Date(now.getTime() + leaseMs).toISOString(), limit: batchSize });
      for (const job of jobs) {
        const info = { id: job.id, kind: job.kind, attempts: job.attempts };
        try {
          const handler = handlers[job.kind];
          if (!handler) throw new Error(`No handler for jobs of kind "${job.kind}"`);
          await handler(JSON.parse(job.payload), info);
          await completeJob(db, job.id, worker, clock().toISOString());
          done++;
        } catch (error) {
          failed++;
          onError(error, info);
          const at = clock();
          await failJob(db, job.id, worker, { now: at.toISOString(), error: errorText(error), retryAt: job.attempts >= job.max_attempts ? null : new Date(at.getTime() + retryDelayMs(job.attempts)).toISOString() });
        }
      }
      if (jobs.length < batchSize) break;
    }
    return { done, failed };
  }

  // One run at a time in this process: a run asked for while one is under way starts after it.
  function track<T>(run: Promise<T>): Promise<T> {
    const tracked = run.finally(() => {
      if (running === tracked) running = null;
    });
    running = tracked;
    return tracked;
  }

  return {
    runOnce: () => track((running ?? Promise.resolve()).catch(() => {}).then(runOnce)),
    start(intervalMs) {
      if (timer) return;
      timer = setInterval(() => {
        if (!running) track(runOnce()).catch((error: unknown) => onError(error, null));
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => {});
    },
  };
}
