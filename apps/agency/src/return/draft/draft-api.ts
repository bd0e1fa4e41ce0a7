import type { AppRouter } from "@complaints/api";
import type { ValidationResult } from "@complaints/domain";
import { createTRPCClient, httpLink } from "@trpc/client";
import { api, errorCode, errorData, errorMessage, type QueryOutput } from "@complaints/client";
import type { ChangeSet } from "./change-set.ts";
import { issuesMessage, type FailedCall } from "./save-failure.ts";

/** A return's revision as `returns.get` answers it. */
export type StoredRevision = QueryOutput<"returns.get">;

export interface SaveChangesInput extends Partial<ChangeSet> {
  returnId: string;
  baseVersion: number;
}

export interface SaveChangesResult {
  return: StoredRevision;
  /** Others' changes to other answers were stored since `baseVersion`, and kept. */
  merged: boolean;
}

/** The calls the draft store makes, so a test can stand in for the server. */
export interface DraftApi {
  find(organisationCode: string, period: string): Promise<StoredRevision | null>;
  get(returnId: string): Promise<StoredRevision>;
  validate(returnId: string): Promise<ValidationResult>;
  saveChanges(input: SaveChangesInput): Promise<SaveChangesResult>;
}

/**
 * Saves go one at a time (never batched with reads) and with `keepalive`, so a save started as the
 * page goes away still reaches the server. Browsers cap keepalive bodies at 64 KiB: a larger save
 * (long narratives) goes as an ordinary request.
 */
const keepaliveLimit = 60_000;
const saveClient = createTRPCClient<AppRouter>({
  links: [
    httpLink({
      url: "/trpc",
      fetch: (input, init) => fetch(input, { ...(init as RequestInit), keepalive: typeof init?.body === "string" && init.body.length < keepaliveLimit }),
    }),
  ],
});

export const draftApi: DraftApi = {
  find: (organisationCode, period) => api.returns.find.query({ organisationCode, period }),
  get: (returnId) => api.returns.get.query({ returnId }),
  validate: (returnId) => api.returns.validate.query({ returnId }),
  saveChanges: (input) => saveClient.returns.saveChanges.mutate(input),
};

/** The parts of a failed call that decide what to do next. */
export function failedCall(error: unknown): FailedCall {
  const data = errorData(error);
  return { code: errorCode(error), httpStatus: data.httpStatus, details: data.details, message: issuesMessage(data.issues) ?? errorMessage(error) };
}

