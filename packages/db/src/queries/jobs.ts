import { randomUUID } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { Database, JobRow } from "../schema.ts";
import { isPostgres } from "./return-values.ts";

export interface NewJob {
  kind: string;
  /** Unique: a second job with the same key is not added (who, what, which return or action, which day). */
  idempotencyKey: string;
  payload: unknown;
  /** Not before this time (ISO). */
  runAt: string;
  now: string;
  maxAttempts?: number;
}

/** Adds a job unless one with the same idempotency key exists; true if it was added. */
export async function enqueueJob(db: Kysely<Database>, job: NewJob): Promise<boolean> {
  const result = await db
    .insertInto("jobs")
    .values({
      id: randomUUID(),
      kind: job.kind,
      idempotency_key: job.idempotencyKey,
      payload: JSON.stringify(job.payload),
      status: "pending",
      attempts: 0,
      max_attempts: job.maxAttempts ?? 8,
      next_attempt_at: job.runAt,
      created_at: job.now,
    })
    .onConflict((oc) => oc.column("idempotency_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  return result !== undefined;
}

/**
 * Claims up to `limit` jobs that are due, or whose earlier claim lapsed (its runner died), for
 * `worker` until `lockedUntil`. One statement: on PostgreSQL the candidates are locked with
 * `FOR UPDATE SKIP LOCKED`, so runners on several instances never claim the same job and never
 * wait for each other; SQLite has a single writer, so the statement alone is enough.
 */
export async function claimJobs(db: Kysely<Database>, claim: { worker: string; now: string; lockedUntil: string; limit: number }): Promise<JobRow[]> {
  let due = db
    .selectFrom("jobs")
    .select("id")
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "=", "pending"), eb("next_attempt_at", "<=", claim.now)]),
        eb.and([eb("status", "=", "running"), eb("locked_until", "<=", claim.now)]),
      ]),
    )
    .orderBy("next_attempt_at")
    .limit(claim.limit);
  if (isPostgres(db)) due = due.forUpdate().skipLocked();
  const rows = await db
    .updateTable("jobs")
    .set({ status: "running", locked_by: claim.worker, locked_until: claim.lockedUntil, attempts: sql<number>`attempts + 1` })
    .where("id", "in", due)
    .returningAll()
    .execute();
  return rows.sort((a, b) => a.next_attempt_at.localeCompare(b.next_attempt_at));
}

/** Marks a claimed job done and empties its payload (it may hold a one-time link or personal data). */
export async function completeJob(db: Kysely<Database>, id: string, worker: string, now: string): Promise<void> {
  await db
    .updateTable("jobs")
    .set({ status: "done", payload: "{}", finished_at: now, locked_until: null, last_error: null })
    .where("id", "=", id)
    .where("locked_by", "=", worker)
    .execute();
}

/** Records a failed attempt: tried again at `retryAt`, or failed for good when it is null. */
export async function failJob(db: Kysely<Database>, id: string, worker: string, failure: { now: string; error: string; retryAt: string | null }): Promise<void> {
  await db
    .updateTable("jobs")
    .set(
      failure.retryAt === null
        ? { status: "failed", finished_at: failure.now, locked_until: null, last_error: failure.error }
        : { status: "pending", next_attempt_at: failure.retryAt, locked_until: null, last_error: failure.error },
    )
    .where("id", "=", id)
    .where("locked_by", "=", worker)
    .execute();
}

export interface FailedJob {
  id: string;
  kind: string;
  idempotencyKey: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  failedAt: string | null;
}

/** Jobs that failed for good, newest first (for the audit page). */
export async function listFailedJobs(db: Kysely<Database>, page: { limit: number; offset: number } = { limit: 50, offset: 0 }): Promise<FailedJob[]> {
  const rows = await db
    .selectFrom("jobs")
    .select(["id", "kind", "idempotency_key", "attempts", "last_error", "created_at", "finished_at"])
    .where("status", "=", "failed")
    .orderBy("finished_at", "desc")
    .orderBy("id")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, idempotencyKey: r.idempotency_key, attempts: r.attempts, lastError: r.last_error, createdAt: r.created_at, failedAt: r.finished_at }));
}

export async function findJobByKey(db: Kysely<Database>, idempotencyKey: string): Promise<JobRow | undefined> {
  return db.selectFrom("jobs").selectAll().where("idempotency_key", "=", idempotencyKey).executeTakeFirst();
}
