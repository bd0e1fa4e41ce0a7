import { isPostgres, type Database, type Kysely } from "@complaints/db";

/** Bytes per chunk: each tRPC request carries at most this much (as base64, a third more, under the server's 1 MiB limit). */
export const caseChunkBytes = 524_288;
/** The largest case file the browser may upload (the command line reads files of any size). */
export const caseUploadMaxBytes = 200 * 1024 * 1024;
/** An upload not finished within a day is abandoned: deleted when the next one starts, and by the server's hourly sweep. */
export const caseUploadStaleAfterMs = 24 * 60 * 60 * 1000;

/**
 * Unfinished uploads one person may have at once, across their organisations. A new upload for a
 * quarter replaces their unfinished one for it, so this is a few quarters in hand at once; more is
 * a script or a stuck page, and each can hold up to 200 MB in the database for a day.
 */
export const casePendingUploadsPerPerson = 3;
/** Unfinished uploads one organisation may have at once: a complaints team of a few people, each with a file in hand. */
export const casePendingUploadsPerOrganisation = 5;
/**
 * A finish still running after this long is taken to have stopped with its server, so the upload
 * can be finished again (an import of the largest file takes a few minutes at most).
 */
export const caseUploadFinishAbandonedAfterMs = 60 * 60 * 1000;
/** How long a second finish of an upload (a double click) waits for the first one's answer. */
export const caseUploadFinishWaitMs = 5 * 60 * 1000;
/**
 * The largest case file the browser may upload while the service runs on SQLite. An import is one
 * transaction (all or nothing), and SQLite has one connection and one writer, so every other
 * request, of any organisation, waits until the import ends; PostgreSQL serves them meanwhile.
 * Measured on a 2-core machine: a 10 MB file (60,000 cases) took 2.6 s of processor time to
 * store, all of it a wait for everyone else; half that keeps the wait near a second.
 */
export const caseUploadMaxBytesOnSqlite = 5 * 1024 * 1024;

/** The largest case file the browser may upload to this database. */
export function caseUploadMaxBytesOn(db: Kysely<Database>): number {
  return isPostgres(db) ? caseUploadMaxBytes : caseUploadMaxBytesOnSqlite;
}

/**
 * Declared bytes of one organisation's unfinished uploads: two of the largest files at once. The
 * chunks wait in the database as base64 (a third larger), so on PostgreSQL one body can make it
 * hold about 530 MB at most, whoever starts the uploads.
 */
export function casePendingBytesOn(db: Kysely<Database>): number {
  return 2 * caseUploadMaxBytesOn(db);
}
