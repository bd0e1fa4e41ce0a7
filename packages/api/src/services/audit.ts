import { auditActions, searchAudit, type AuditEntry, type AuditFilter } from "@complaints/db";
import { departmentOf, DomainError, isoDateSchema, organisationCodeSchema, subtreeCodes } from "@complaints/domain";
import { z } from "zod";
import type { ServiceContext } from "./actor.ts";
import { ownDepartment } from "./organisations.ts";

/** Entries a page of the audit log shows (GOV.UK pagination, 50 a page). */
export const auditPageSize = 50;
/** The most entries one download holds, so a file stays one a spreadsheet opens. */
export const auditDownloadLimit = 100_000;

/** What the log can be narrowed to, checked the same way from the API and the command line. */
export const auditFilterInput = z.object({
  departmentCode: organisationCodeSchema,
  organisationCode: organisationCodeSchema.optional(),
  /** The email address of whoever acted ("cli" for the command line). */
  actor: z.string().trim().max(320).optional(),
  returnId: z.string().trim().max(100).optional(),
  /** The kind of entry, such as `window.opened`. */
  action: z.string().trim().max(100).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});
export type AuditQuery = z.infer<typeof auditFilterInput>;

/** The filter over a department's part of the log: entries about it and the organisations below it, never another department's. */
function filterOf(ctx: ServiceContext, q: AuditQuery): AuditFilter {
  ownDepartment(ctx, q.departmentCode);
  const codes = subtreeCodes(ctx.scope.organisations, q.departmentCode);
  if (q.organisationCode) {
    ctx.scope.organisation(q.organisationCode);
    if (departmentOf(ctx.scope.organisations, q.organisationCode) !== q.departmentCode) throw new DomainError("INVALID_INPUT", `${q.organisationCode} is not in ${q.departmentCode}.`);
  }
  if (q.from && q.to && q.from > q.to) throw new DomainError("INVALID_INPUT", "The ‘from’ date must be the same as or before the ‘to’ date.");
  return { organisationCodes: codes, organisationCode: q.organisationCode, actor: q.actor, returnId: q.returnId, action: q.action, from: q.from, to: q.to };
}

/** One page of a department's audit log, newest first, with the kinds of entry it holds for the filter. */
export async function auditPage(ctx: ServiceContext, q: AuditQuery & { page: number }) {
  const filter = filterOf(ctx, q);
  const { entries, total } = await searchAudit(ctx.db, filter, { offset: (q.page - 1) * auditPageSize, limit: auditPageSize });
  const pages = Math.max(1, Math.ceil(total / auditPageSize));
  if (q.page > pages) throw new DomainError("NOT_FOUND", `There is no page ${q.page}: the log has ${pages} ${pages === 1 ? "page" : "pages"} for these filters.`);
  return { entries: entries.map((e) => ({ ...e, changesText: auditChangesText(e) })), total, page: q.page, pages, pageSize: auditPageSize, actions: await auditActions(ctx.db, filter.organisationCodes) };
}

/** The columns of the log's download, the page's table and the command line's CSV alike. */
export const auditColumns = ["id", "at", "actor", "action", "organisation_code", "entity_type", "entity_id", "changes", "reason"] as const;

/** An entry's changes in words: `name: "Old" → "New"`, one per line. */
export function auditChangesText(entry: Pick<AuditEntry, "changes">): string {
  return entry.changes.map((c) => `${c.field}: ${JSON.stringify(c.old)} → ${JSON.stringify(c.new)}`).join("\n");
}

/** Every matching entry as rows under `auditColumns`, for a CSV file (the caller writes it with the formula guard). */
export async function auditRows(ctx: ServiceContext, q: AuditQuery): Promise<{ header: string[]; rows: string[][]; truncated: boolean }> {
  const filter = filterOf(ctx, q);
  const { entries, total } = await searchAudit(ctx.db, filter, { offset: 0, limit: auditDownloadLimit });
  return {
    header: [...auditColumns],
    rows: entries.map((e) => [String(e.id), e.at, e.actor, e.action, e.organisationCode ?? "", e.entityType, e.entityId, auditChangesText(e), e.reason ?? ""]),
    truncated: total > entries.length,
  };
}
