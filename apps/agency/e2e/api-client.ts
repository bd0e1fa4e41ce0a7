import { demoPassword, type RunningApp } from "./harness.ts";

/**
 * The API over HTTP as another program would call it: sign in with fetch, keep the session cookie,
 * call procedures (`content-type: application/json`). Used for what happens outside the body's
 * browser, such as the department's decision.
 */
export interface ApiSession {
  query<T = unknown>(path: string, input: unknown): Promise<T>;
  mutate<T = unknown>(path: string, input: unknown): Promise<T>;
}

export async function apiSession(app: RunningApp, email: string): Promise<ApiSession> {
  const headers = { "content-type": "application/json", origin: app.url };
  const response = await fetch(`${app.url}/trpc/auth.signIn`, { method: "POST", headers, body: JSON.stringify({ email, password: demoPassword }) });
  if (!response.ok) throw new Error(`Signing in as ${email} failed: ${response.status} ${await response.text()}`);
  // The cookie's name depends on COOKIE_SECURE; send back whatever the server set.
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const answer = async <T>(r: Response, path: string): Promise<T> => {
    const body = (await r.json()) as { result?: { data: T }; error?: { message: string } };
    if (!r.ok || !body.result) throw new Error(`${path} failed (${r.status}): ${body.error?.message ?? JSON.stringify(body)}`);
    return body.result.data;
  };
  return {
    query: async (path, input) => answer(await fetch(`${app.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { ...headers, cookie } }), path),
    mutate: async (path, input) => answer(await fetch(`${app.url}/trpc/${path}`, { method: "POST", headers: { ...headers, cookie }, body: JSON.stringify(input) }), path),
  };
}

interface StoredReturn {
  returnId: string;
  version: number;
  status: string;
  values: Record<string, number | string | null>;
  notes: Record<string, string>;
  explanations: Record<string, string>;
}
interface Validation {
  errors: { id: string; message: string }[];
  warnings: { id: string; message: string }[];
  canSubmit: boolean;
}

/**
 * Makes a body's draft ready to submit, through the API as its complaints team would: the demo's
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
