export * from "./connection.ts";
export type * from "./schema.ts";
export * from "./queries/audit.ts";
export * from "./queries/organisations.ts";
export * from "./queries/returns.ts";
export * from "./queries/sessions.ts";
export * from "./queries/users.ts";
export * from "./queries/windows.ts";
export { sql, type Kysely, type Transaction } from "kysely";
