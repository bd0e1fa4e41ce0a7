import { describe, expect, it } from "vitest";
import { issuesMessage, saveFailure, strayExplanations, type DraftConflict, type FailedCall } from "./save-failure.ts";

const conflict: DraftConflict = { kind: "value", key: "received", label: "Complaints received", yours: 15, theirs: 20 };

describe("saveFailure: what to do when a save fails", () => {
  const cases: { name: string; call: FailedCall; expected: ReturnType<typeof saveFailure> }[] = [
    { name: "no answer (network down, server stopped)", call: { code: null, message: "x" }, expected: { kind: "retry", message: "The service could not be reached." } },
    { name: "a server error", call: { code: "INTERNAL_SERVER_ERROR", httpStatus: 500, message: "Sorry" }, expected: { kind: "retry", message: "Sorry" } },
    { name: "a gateway error with a tRPC body", call: { code: "BAD_GATEWAY", httpStatus: 502, message: "Bad gateway" }, expected: { kind: "retry", message: "Bad gateway" } },
    { name: "too many requests", call: { code: "TOO_MANY_REQUESTS", httpStatus: 429, message: "Wait" }, expected: { kind: "retry", message: "Wait" } },
    { name: "the session ended", call: { code: "UNAUTHORIZED", httpStatus: 401, message: "Sign in" }, expected: { kind: "sign-in" } },
    {
      name: "a clash on the same answer",
      call: { code: "CONFLICT", httpStatus: 409, details: { currentVersion: 4, conflicts: [conflict] }, message: "Someone else changed" },
      expected: { kind: "conflict", conflicts: [conflict] },
    },
    {
      name: "others saving at the same moment, no clash",
      call: { code: "CONFLICT", httpStatus: 409, details: { currentVersion: 4, conflicts: [] }, message: "Try again in a moment" },
      expected: { kind: "retry", message: "Try again in a moment" },
    },
    { name: "a figure refused", call: { code: "BAD_REQUEST", httpStatus: 400, message: "‘Complaints received’ must be a whole number." }, expected: { kind: "refused", message: "‘Complaints received’ must be a whole number." } },
    { name: "no longer a draft", call: { code: "PRECONDITION_FAILED", httpStatus: 412, message: "This return has been submitted." }, expected: { kind: "refused", message: "This return has been submitted." } },
  ];
  it.each(cases)("$name", ({ call, expected }) => {
    expect(saveFailure(call)).toEqual(expected);
  });

  it("ignores malformed conflict entries", () => {
    expect(saveFailure({ code: "CONFLICT", details: { conflicts: [{ kind: "value", key: "x" }, conflict] }, message: "m" })).toEqual({ kind: "conflict", conflicts: [conflict] });
  });
});

describe("issuesMessage", () => {
  it("reads out the API's field messages as sentences", () => {
    expect(issuesMessage([{ field: "values.received.to", message: "Enter a whole number" }, { field: "notes.x", message: "Too long." }])).toBe("Enter a whole number. Too long.");
    expect(issuesMessage(null)).toBeNull();
    expect(issuesMessage([])).toBeNull();
  });
});

describe("strayExplanations", () => {
  it("names the warnings whose explanations the API refused, and nothing when other answers were refused too", () => {
    expect(strayExplanations({ issues: [{ field: "explanations.outlier:received", message: "There is no warning" }] })).toEqual(["outlier:received"]);
    expect(strayExplanations({ issues: [{ field: "explanations.a", message: "m" }, { field: "notes.received", message: "m" }] })).toEqual([]);
    expect(strayExplanations(null)).toEqual([]);
  });
});
