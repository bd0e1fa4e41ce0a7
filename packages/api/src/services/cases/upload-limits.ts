/** Bytes per chunk: each tRPC request carries at most this much (as base64, a third more, under the server's 1 MiB limit). */
export const caseChunkBytes = 524_288;
/** The largest case file the browser may upload (the command line reads files of any size). */
export const caseUploadMaxBytes = 200 * 1024 * 1024;
/** An upload not finished within a day is abandoned: deleted when the next one starts, and by the server's hourly sweep. */
export const caseUploadStaleAfterMs = 24 * 60 * 60 * 1000;
