import { demoPassword, type RunningApp } from "./harness.ts";

/**
 * The API over HTTP as another program would call it: sign in with fetch, keep the session cookie,
 * call procedures. Browser tests use it for what happens outside the browser under test (a body
 * sending its return before the department reviews it) and to check what the API refuses.
 */
export interface ApiSession {
  query<T = unknown>(path: string, input: unknown): Promise<T>;
  mutate<T = unknown>(path: string, input: unknown): Promise<T>;
  /** A query that may fail: its HTTP status and tRPC error code (`FORBIDDEN`, …), or its data. */
  attempt<T = unknown>(path: string, input: unknown): Promise<{ status: number; code: string | null; data: T | null }>;
  /** A mutation that may fail, likewise. */
  attemptMutation<T = unknown>(path: string, input: unknown): Promise<{ status: number; code: string | null; data: T | null }>;
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
  type Answer<T> = { result?: { data: T }; error?: { message: string; data?: { code?: string } } };
  const get = (path: string, input: unknown) => fetch(`${app.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { ...headers, cookie } });
  const answer = async <T>(r: Response, path: string): Promise<T> => {
    const body = (await r.json()) as Answer<T>;
    if (!r.ok || !body.result) throw new Error(`${path} failed (${r.status}): ${body.error?.message ?? JSON.stringify(body)}`);
    return body.result.data;
  };
  const outcome = async <T>(r: Response) => {
    const body = (await r.json()) as Answer<T>;
    return { status: r.status, code: body.error?.data?.code ?? null, data: body.result?.data ?? null };
  };
  return {
    query: async (path, input) => answer(await get(path, input), path),
    mutate: async (path, input) => answer(await fetch(`${app.url}/trpc/${path}`, { method: "POST", headers: { ...headers, cookie }, body: JSON.stringify(input) }), path),
    attempt: async <T>(path: string, input: unknown) => outcome<T>(await get(path, input)),
    attemptMutation: async <T>(path: string, input: unknown) => outcome<T>(await fetch(`${app.url}/trpc/${path}`, { method: "POST", headers: { ...headers, cookie }, body: JSON.stringify(input) })),
  };
}

/** A return as `returns.openDraft`, `returns.save` and the workflow procedures answer (what browser tests read of it). */
export interface StoredReturn {
  returnId: string;
  version: number;
  status: string;
  values: Record<string, number | string | null>;
  notes: Record<string, string>;
  explanations: Record<string, string>;
}

/** A demo body's complaints team and senior accountable officer (apps/server demo seed): DES-LIC1 has the named demo accounts. */
export function bodyAccounts(organisationCode: string): { submitter: string; approver: string } {
  if (organisationCode === "DES-LIC1") return { submitter: "submitter@demo.example", approver: "approver@demo.example" };
  const slug = organisationCode.toLowerCase();
  return { submitter: `team.${slug}@demo.example`, approver: `sao.${slug}@demo.example` };
}

/**
 * Sends a body's return for a quarter to its department, as its people would: the complaints team
 * (`bodyAccounts`) keeps the demo figures, explains every warning and submits; the
 * senior accountable officer approves. A return already submitted is
 * only approved. `reply` goes with the submission of a return the department returned. Gives back
 * the approved return.
 */
export async function sendReturn(app: RunningApp, organisationCode: string, period: string, options: { reply?: string } = {}): Promise<StoredReturn> {
  const accounts = bodyAccounts(organisationCode);
  const team = await apiSession(app, accounts.submitter);
  let ret = await team.mutate<StoredReturn>("returns.openDraft", { organisationCode, period });
  if (ret.status === "draft" || ret.status === "returned") {
    const result = await team.query<{ errors: { message: string }[]; warnings: { id: string }[]; canSubmit: boolean }>("returns.validate", { returnId: ret.returnId });
    if (result.errors.length > 0) throw new Error(`The demo return for ${organisationCode} ${period} has errors: ${result.errors.map((e) => e.message).join("; ")}`);
    if (!result.canSubmit) {
      const explanations = Object.fromEntries(result.warnings.map((w) => [w.id, `Checked with the casework team (${organisationCode}): the figure is right.`]));
      ret = await team.mutate<StoredReturn>("returns.save", { returnId: ret.returnId, expectedVersion: ret.version, values: ret.values, notes: ret.notes, explanations });
    }
    ret = await team.mutate<StoredReturn>("returns.submit", { returnId: ret.returnId, expectedVersion: ret.version, ...options });
  }
  if (ret.status !== "submitted") throw new Error(`The return for ${organisationCode} ${period} is ${ret.status}, not ready for sign-off`);
  const sao = await apiSession(app, accounts.approver);
  return sao.mutate<StoredReturn>("returns.approve", { returnId: ret.returnId, expectedVersion: ret.version });
}
