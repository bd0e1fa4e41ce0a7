import { describe, expect, it } from "vitest";
import { applyFilter, readFilter, writeFilter } from "./filters.ts";
import type { TrackerRow } from "./tracker-status.tsx";

const row = (organisationCode: string, status: TrackerRow["status"], bodyType: TrackerRow["bodyType"]) => ({ organisationCode, status, bodyType }) as TrackerRow;
const rows = [row("A", "accepted", "executive agency"), row("B", "not started", "executive agency"), row("C", "returned", "public corporation"), row("D", "accepted", "public corporation")];

describe("the tracker's filter in the query string", () => {
  it.each([
    ["", ["A", "B", "C", "D"]],
    ["status=accepted", ["A", "D"]],
    ["status=not-started&status=returned", ["B", "C"]],
    ["type=public+corporation", ["C", "D"]],
    ["status=accepted&type=executive+agency", ["A"]],
    ["status=nonsense", ["A", "B", "C", "D"]],
    ["status=approved", []],
  ])("?%s shows %j", (search, codes) => {
    expect(applyFilter(rows, readFilter(new URLSearchParams(search))).map((r) => r.organisationCode)).toEqual(codes);
  });

  it("writes statuses in workflow order, then types, so the same filter has one address", () => {
    expect(writeFilter({ statuses: ["returned", "not started"], types: ["public corporation"] }).toString()).toBe("status=not-started&status=returned&type=public+corporation");
    expect(writeFilter(readFilter(new URLSearchParams("type=executive+agency&status=accepted"))).toString()).toBe("status=accepted&type=executive+agency");
  });
});
