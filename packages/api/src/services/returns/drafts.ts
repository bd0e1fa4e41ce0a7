import { randomUUID } from "node:crypto";
import { findReturnId, getWindow, insertReturn, insertRevision, listCurrentReturns, loadRevision, replaceValues, updateRevision, type StoredRevision } from "@complaints/db";
import {
  DomainError,
  carriedForwardValues,
  currentTemplate,
  departmentOf,
  formatPeriodLabel,
  isActiveIn,
  periodIndex,
  previousPeriod,
  requirePeriod,
  requireTemplate,
  templateFields,
  type FieldValue,
} from "@complaints/domain";
import type { ServiceContext } from "../actor.ts";
import { audit, diffValues, inTransaction, prefixKeys } from "./audit.ts";
import { getReturnInScope, loadCurrent } from "./in-scope.ts";
import { validateValues } from "./validate.ts";
import { assertTransition, conflict } from "./workflow.ts";

/**
 * Opens the draft return of a body for a quarter, or gives back the one already open.
 * Fields the template carries from last quarter (`carriedFrom`: `brought_forward` from
 * `carried_forward`) are filled in, so they are never typed twice.
 */
export async function openDraft(ctx: ServiceContext, organisationCode: string, periodCode: string): Promise<StoredRevision> {
  const org = ctx.scope.organisation(organisationCode, "body");
  const period = requirePeriod(periodCode);
  if (!isActiveIn(org, period)) {
    throw new DomainError("INVALID_INPUT", `${org.name} was not active in ${formatPeriodLabel(period)}, so it makes no return for it.`);
  }
  const existing = await findReturnId(ctx.db, organisationCode, periodCode);
  if (existing) return getReturnInScope(ctx, existing);

  const departmentCode = departmentOf(ctx.scope.organisations, organisationCode) ?? ctx.scope.departmentCode;
  const window = departmentCode ? await getWindow(ctx.db, departmentCode, periodCode) : undefined;
  if (!window || window.closedAt !== null) {
    throw new DomainError("INVALID_TRANSITION", `Returns for ${formatPeriodLabel(period)} are not open. Your department opens each quarter's reporting window.`);
  }

  // Last quarter's figures as sent to the department, or its draft if it has not been sent yet.
  const previousIndex = periodIndex(previousPeriod(period));
  const [sent] = await listCurrentReturns(ctx.db, [organisationCode], previousIndex, previousIndex, { revision: "sent" });
  const previous = sent ?? (await listCurrentReturns(ctx.db, [organisationCode], previousIndex, previousIndex))[0];
  const values: Record<string, FieldValue> = previous ? carriedForwardValues(currentTemplate, previous.values) : {};

  const id = randomUUID();
  try {
    await createDraft(ctx, id, organisationCode, periodCode, periodIndex(period), values);
  } catch (error) {
    // Someone opened it at the same moment: give back theirs.
    const opened = await findReturnId(ctx.db, organisationCode, periodCode);
    if (opened) return getReturnInScope(ctx, opened);
    throw error;
  }
  return getReturnInScope(ctx, id);
}

function createDraft(ctx: ServiceContext, id: string, organisationCode: string, periodCode: string, index: number, values: Record<string, FieldValue>) {
  return inTransaction(ctx.db, async (trx) => {
    await insertReturn(trx, { id, organisationCode, period: periodCode, periodIndex: index, now: ctx.now });
    await insertRevision(trx, {
      id: randomUUID(),
      returnId: id,
      revision: 1,
      templateVersion: currentTemplate.version,
      status: "draft",
      values,
      notes: {},
      explanations: {},
      by: ctx.actor.id,
      now: ctx.now,
    });
    await audit(trx, ctx, "return.opened", id, organisationCode, diffValues({}, values), null);
  });
}

/**
 * The current revision of a return the caller is about to change with a save: refused as a save
 * would be (not editable in its status: PRECONDITION_FAILED; changed since `expectedVersion`: CONFLICT).
 */
export async function loadForSave(ctx: ServiceContext, returnId: string, expectedVersion: number): Promise<StoredRevision> {
  const stored = await loadCurrent(ctx, returnId);
  assertTransition(stored, "save", expectedVersion);
  return stored;
}

export interface SaveInput {
  returnId: string;
  expectedVersion: number;
  /** Checked at the procedure against every template version (domain `returnValuesInputSchema`). */
  values: Record<string, FieldValue>;
  notes?: Record<string, string>;
  explanations?: Record<string, string>;
}

export interface InputProblem {
  field: string;
  message: string;
}

export function refuse(problems: InputProblem[]): never {
  throw new DomainError("INVALID_INPUT", problems.map((p) => p.message).join(". ") + ".", { issues: problems });
}

/**
 * Saves a draft's values (all of them: what is not sent is blank). The input's types were checked
 * at the procedure; here, against this return: its template version, its body's service areas, and
 * the warnings its explanations answer. A save based on a stale version is refused and nothing is
 * overwritten.
 */
export interface SaveOptions {
  /** Drop explanations whose warning the new values clear, instead of refusing them (an upload cannot know which it clears). */
  dropClearedExplanations?: boolean;
  /** The audit event (`return.saved` unless given) and its reason. */
  action?: string;
  reason?: string;
  /** The case import the values were computed from (its cases lie behind the revision's figures). */
  caseImportId?: string;
}

export async function saveDraft(ctx: ServiceContext, input: SaveInput, options: SaveOptions = {}): Promise<StoredRevision> {
  const stored = await loadCurrent(ctx, input.returnId);
  assertTransition(stored, "save", input.expectedVersion);
  const org = ctx.scope.organisation(stored.organisationCode, "body");
  const template = requireTemplate(stored.templateVersion);
  const labels = new Map(templateFields(template, org.serviceAreas).map((f) => [f.id, f.label]));
  const values = Object.fromEntries(Object.entries(input.values).filter(([, v]) => v !== undefined)) as Record<string, FieldValue>;
  const notes = input.notes ?? {};
  let explanations = input.explanations ?? {};

  const problems: InputProblem[] = Object.keys(values)
    .filter((field) => !labels.has(field))
    .map((field) => ({ field, message: `“${field}” is not a field of this return (template version ${template.version}${field.includes(".") ? `, for ${org.name}` : ""})` }));
  for (const field of Object.keys(notes)) {
    if (!labels.has(field)) problems.push({ field: `notes.${field}`, message: `A note names ${field}, which is not a field of this return` });
    else if (values[field] === null || values[field] === undefined) problems.push({ field: `notes.${field}`, message: `The note on ‘${labels.get(field)}’ needs a figure, or [x] or [z], to go with it` });
  }
  if (problems.length > 0) refuse(problems);

  // Explanations answer warnings this return has once these values are saved; any other is refused.
  const result = await validateValues(ctx, { ...stored, values, notes, explanations }, org);
  const warningIds = new Set(result.warnings.map((w) => w.id));
  const stray = Object.keys(explanations).filter((id) => !warningIds.has(id));
  if (stray.length > 0 && options.dropClearedExplanations) {
    explanations = Object.fromEntries(Object.entries(explanations).filter(([id]) => warningIds.has(id)));
  } else if (stray.length > 0) {
    refuse(stray.map((id) => ({ field: `explanations.${id}`, message: `There is no warning “${id}” on this return to explain (your changes may have cleared it): remove that explanation` })));
  }

  await inTransaction(ctx.db, async (trx) => {
    const ok = await updateRevision(trx, stored.id, input.expectedVersion, {
      explanations: JSON.stringify(explanations),
      ...(options.caseImportId ? { case_import_id: options.caseImportId } : {}),
      updated_at: ctx.now,
      updated_by: ctx.actor.id,
    });
    if (!ok) throw conflict((await loadRevision(trx, stored.returnId))!, input.expectedVersion);
    await replaceValues(trx, stored.seq, values, notes);
    const changes = diffValues(stored.values, values);
    const noteChanges = diffValues(prefixKeys("note:", stored.notes), prefixKeys("note:", notes));
    const explanationChanges = diffValues(prefixKeys("explanation:", stored.explanations), prefixKeys("explanation:", explanations));
    await audit(trx, ctx, options.action ?? "return.saved", stored.returnId, stored.organisationCode, [...changes, ...noteChanges, ...explanationChanges], options.reason ?? null);
  });
  return getReturnInScope(ctx, stored.returnId);
}
