import type { ApiSession, StoredReturn } from "@complaints/e2e/api-session";

interface Validation {
  errors: { id: string; message: string }[];
  warnings: { id: string; message: string }[];
  canSubmit: boolean;
}

/**
 * Makes a body's draft ready to submit, through the API as its complaints team would (an
 * `apiSession` from `@complaints/e2e/api-session` signed in as the team): the demo's
 * figures are kept when they pass validation; every warning gets an explanation. Fails loudly if
 * errors remain, naming them.
 */
export async function fillReturnForSubmission(session: ApiSession, organisationCode: string, period: string): Promise<StoredReturn> {
  let ret = await session.mutate<StoredReturn>("returns.openDraft", { organisationCode, period });
  let result = await session.query<Validation>("returns.validate", { returnId: ret.returnId });
  if (result.canSubmit) return ret;
  if (result.errors.length > 0) throw new Error(`The demo return for ${organisationCode} ${period} has errors to fix first: ${result.errors.map((e) => e.message).join("; ")}`);
  const explanations = Object.fromEntries(result.warnings.map((w) => [w.id, "Checked with the casework team: the figure is right (browser test)."]));
  ret = await session.mutate<StoredReturn>("returns.save", { returnId: ret.returnId, expectedVersion: ret.version, values: ret.values, notes: ret.notes, explanations });
  result = await session.query<Validation>("returns.validate", { returnId: ret.returnId });
  if (!result.canSubmit) throw new Error(`The return still cannot be submitted: ${JSON.stringify(result)}`);
  return ret;
}
