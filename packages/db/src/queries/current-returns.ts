import type { FieldValue, ReturnStatus } from "@complaints/domain";
import { sql, type Kysely } from "kysely";
import type { Database } from "../schema.ts";
import { isPostgres } from "./return-values.ts";

export interface CurrentReturn {
  returnId: string;
  organisationCode: string;
  period: string;
  periodIndex: number;
  revision: number;
  status: ReturnStatus;
  /** Set when the department accepted or returned this revision (an approver's send-back leaves it empty). */
  decidedBy: string | null;
  firstSubmittedAt: string | null;
  values: Record<string, FieldValue>;
}

/**
 * The current revision of every return of the given organisations between two quarters (inclusive,
 * by period index), with values: two queries however many returns. With `latestWith`, each return's
 * latest revision in one of those statuses instead, so an accepted return reopened for correction
 * still counts with its accepted figures until the correction is submitted.
 */
export async function listCurrentReturns(
  db: Kysely<Database>,
  organisationCodes: readonly string[],
  fromIndex: number,
  toIndex: number,
  options: { latestWith?: readonly ReturnStatus[]; withValues?: boolean } = {},
): Promise<CurrentReturn[]> {
  if (organisationCodes.length === 0) return [];
  const statuses = options.latestWith;
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
      "returns.first_submitted_at",
      "return_revisions.seq as revision_seq",
      "return_revisions.revision",
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
      status: h.status,
      decidedBy: h.decided_by,
      firstSubmittedAt: h.first_submitted_at,
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

