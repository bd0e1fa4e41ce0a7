import { sentStatuses, type FieldValue, type ReturnStatus } from "@complaints/domain";
import { sql, type Kysely } from "kysely";
import type { Database } from "../schema.ts";
import { isPostgres } from "./return-values.ts";

export interface CurrentReturn {
  returnId: string;
  organisationCode: string;
  period: string;
  periodIndex: number;
  revision: number;
  templateVersion: number;
  status: ReturnStatus;
  /** Set when the department accepted or returned this revision (an approver's send-back leaves it empty). */
  decidedBy: string | null;
  /** When the return reached the department (its first approval), and the due date that applied then. */
  receivedAt: string | null;
  dueDateAtReceipt: string | null;
  values: Record<string, FieldValue>;
}

/**
 * One revision of every return of the given organisations between two quarters (inclusive, by
 * period index), with values: two queries however many returns. Which revision:
 * - `current` (the default): the one being worked on, whatever its status;
 * - `sent`: the last revision sent to the department (domain `sentStatuses`), so an accepted return
 *   reopened for correction counts with its accepted figures until the correction is approved;
 *   returns never sent are left out;
 * - `accepted`: the last revision the department accepted.
 */
export async function listCurrentReturns(
  db: Kysely<Database>,
  organisationCodes: readonly string[],
  fromIndex: number,
  toIndex: number,
  options: { revision?: "current" | "sent" | "accepted"; withValues?: boolean } = {},
): Promise<CurrentReturn[]> {
  if (organisationCodes.length === 0) return [];
  const which = options.revision ?? "current";
  const statuses: readonly ReturnStatus[] | null = which === "sent" ? sentStatuses : which === "accepted" ? ["accepted"] : null;
  const heads = db
    .selectFrom("returns")
    .innerJoin("return_revisions", (j) =>
      statuses
        ? j.onRef("return_revisions.return_id", "=", "returns.id").on("return_revisions.revision", "=", (eb) =>
            eb
              .selectFrom("return_revisions as latest")
              .select((s) => s.fn.max("latest.revision").as("revision"))
              .whereRef("latest.return_id", "=", "returns.id")
              .where("latest.status", "in", statuses),
          )
        : j.onRef("return_revisions.return_id", "=", "returns.id").onRef("return_revisions.revision", "=", "returns.current_revision"),
    )
    .select([
      "returns.id as return_id",
      "returns.organisation_code",
      "returns.period",
      "returns.period_index",
      "returns.received_at",
      "returns.due_date_at_receipt",
      "return_revisions.seq as revision_seq",
      "return_revisions.revision",
      "return_revisions.template_version",
      "return_revisions.status",
      "return_revisions.decided_by",
    ])
    .where("returns.organisation_code", "in", organisationCodes)
    .where("returns.period_index", ">=", fromIndex)
    .where("returns.period_index", "<=", toIndex);
  const headRows = (await heads.execute()).sort(
    (a, b) => (a.organisation_code < b.organisation_code ? -1 : a.organisation_code > b.organisation_code ? 1 : 0) || Number(a.period_index) - Number(b.period_index),
  );
  if (headRows.length === 0) return [];
  const byRevision = new Map<number, CurrentReturn>();
  for (const h of headRows) {
    byRevision.set(Number(h.revision_seq), {
      returnId: h.return_id,
      organisationCode: h.organisation_code,
      period: h.period,
      periodIndex: Number(h.period_index),
      revision: Number(h.revision),
      templateVersion: Number(h.template_version),
      status: h.status,
      decidedBy: h.decided_by,
      receivedAt: h.received_at,
      dueDateAtReceipt: h.due_date_at_receipt,
      values: {},
    });
  }
  if (options.withValues === false) return [...byRevision.values()];
  // Values come back as one JSON object per revision, built by the database: far fewer rows and
  // objects to create than a row per value (measured by `pnpm bench`).
  const revisionIds = [...byRevision.keys()];
  const aggregate = isPostgres(db)
    ? sql<string | Record<string, FieldValue>>`json_object_agg(field_id, coalesce(to_jsonb(marker), to_jsonb(num_value), to_jsonb(text_value)))`
    : sql<string | Record<string, FieldValue>>`json_group_object(field_id, coalesce(marker, num_value, text_value))`;
  for (let i = 0; i < revisionIds.length; i += 5000) {
    const rows = await db
      .selectFrom("return_values")
      .select(["revision_seq", aggregate.as("values")])
      .where("revision_seq", "in", revisionIds.slice(i, i + 5000))
      .where((eb) => eb.or([eb("marker", "is not", null), eb("num_value", "is not", null), eb("text_value", "is not", null)]))
      .groupBy("revision_seq")
      .execute();
    for (const row of rows) {
      const target = byRevision.get(Number(row.revision_seq));
      if (target) target.values = typeof row.values === "string" ? (JSON.parse(row.values) as Record<string, FieldValue>) : row.values;
    }
  }
  return [...byRevision.values()];
}

