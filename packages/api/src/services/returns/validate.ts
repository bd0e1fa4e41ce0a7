import { listCurrentReturns, type StoredRevision } from "@complaints/db";
import { periodIndex, requirePeriod, requireTemplate, validateReturn, type Organisation, type ValidationResult } from "@complaints/domain";
import type { ServiceContext } from "../actor.ts";
import { getReturnInScope } from "./in-scope.ts";

/** Validates a revision's values against its template and the body's last 8 quarters as sent to the department. */
export async function validateValues(ctx: ServiceContext, stored: Pick<StoredRevision, "organisationCode" | "period" | "templateVersion" | "values" | "notes" | "explanations">, org: Organisation): Promise<ValidationResult> {
  const template = requireTemplate(stored.templateVersion);
  const period = requirePeriod(stored.period);
  const index = periodIndex(period);
  const history = await listCurrentReturns(ctx.db, [stored.organisationCode], index - template.outlier.historyQuarters, index - 1, { revision: "sent" });
  const lastQuarter = history.at(-1)?.periodIndex === index - 1 ? history.at(-1) : undefined;
  return validateReturn(stored.values, {
    template,
    period,
    serviceAreas: org.serviceAreas,
    notes: stored.notes,
    explanations: stored.explanations,
    history: history.map((h) => h.values),
    // Figures carried from last quarter (template `carriedFrom`) are checked against it as sent, so a
    // body's change, or a later correction of last quarter, asks for an explanation.
    ...(lastQuarter ? { previous: lastQuarter.values } : {}),
  });
}

export function validateStored(ctx: ServiceContext, stored: StoredRevision): Promise<ValidationResult> {
  return validateValues(ctx, stored, ctx.scope.organisation(stored.organisationCode, "body"));
}

export async function validateReturnById(ctx: ServiceContext, returnId: string): Promise<ValidationResult> {
  return validateStored(ctx, await getReturnInScope(ctx, returnId));
}
