import { queryOptions } from "@tanstack/react-query";
import { api } from "./trpc.ts";

type Api = typeof api;
type QueryProcedure = { query: (...args: never[]) => Promise<unknown> };

/** "tracker.forPeriod", "metrics.rollup", …: every query procedure of the API, by its path. */
export type QueryPath = {
  [R in keyof Api & string]: { [P in keyof Api[R] & string]: Api[R][P] extends QueryProcedure ? `${R}.${P}` : never }[keyof Api[R] & string];
}[keyof Api & string];

type ProcedureAt<Path extends QueryPath> = Path extends `${infer R extends keyof Api & string}.${infer P}` ? (P extends keyof Api[R] ? Api[R][P] : never) : never;

/** What a query procedure takes. */
export type QueryInput<Path extends QueryPath> = ProcedureAt<Path> extends { query: (input: infer I, ...rest: never[]) => unknown } ? I : never;
/** What a query procedure answers. */
export type QueryOutput<Path extends QueryPath> = ProcedureAt<Path> extends { query: (...args: never[]) => Promise<infer O> } ? O : never;

/**
 * The query of one API procedure with its input: `useQuery(procedureQuery("tracker.forPeriod", { departmentCode, period }))`.
 * Its cache key is `[path, input]` everywhere, so two pages asking the same question share the answer,
 * and `{ queryKey: [path] }` reaches every answer of that procedure (to read again after a change).
 * `version`, when given, joins the key: something the answer depends on beyond the input (the
 * return's version), so a new one asks again rather than showing the answer for the old.
 */
export function procedureQuery<Path extends QueryPath>(path: Path, input: QueryInput<Path>, version?: string | number) {
  const [router, procedure] = path.split(".") as [string, string];
  const client = (api as unknown as Record<string, Record<string, { query(input: unknown): Promise<QueryOutput<Path>> }>>)[router]![procedure]!;
  return queryOptions({ queryKey: version === undefined ? ([path, input] as const) : ([path, input, version] as const), queryFn: () => client.query(input) });
}
