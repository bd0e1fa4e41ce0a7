import { describe, expect, it } from "vitest";
import { applyFilter, lateOrOverdueSearch, readFilter, writeFilter } from "./filters.ts";
import type { TrackerRow } from "./tracker-status.tsx";

const row = (organisationCode: string, status: TrackerRow["status"], bodyType: TrackerRow["bodyType"], timeliness: TrackerRow["timeliness"]) => ({ organisationCode, status, bodyType, timeliness }) as TrackerRow;
const rows = [
  row("A", "accepted", "executive agency", "on time"),
  row("B", "not started", "executive agency", "overdue"),
  row("C", "returned", "public corporation", "late"),
  row("D", "accepted", "public corporation", "late"),
];

describe("the tracker's filter in the query string", () => {
  it.each([
    ["", ["A", "B", "C", "D"]],
    ["status=accepted", ["A", "D"]],
    ["status=not-started&status=returned", ["B", "C"]],
    ["type=public+corporation", ["C", "D"]],
    ["status=accepted&type=executive+agency", ["A"]],
    ["status=nonsense", ["A", "B", "C", "D"]],
    ["status=approved", []],
    ["timeliness=late&timeliness=overdue", ["B", "C", "D"]],
    ["timeliness=late&type=executive+agency", []],
    ["status=accepted&timeliness=late", ["D"]],
  ])("?%s shows %j", (search, codes) => {
    expect(applyFilter(rows, readFilter(new URLSearchParams(search))).map((r) => r.organisationCode)).toEqual(codes);
  });

  it("writes statuses in workflow order, then types, so the same filter has one address", () => {
    expect(writeFilter({ statuses: ["returned", "not started"], types: ["public corporation"], timeliness: ["overdue", "late"] }).toString()).toBe(
      "status=not-started&status=returned&type=public+corporation&timeliness=late&timeliness=overdue",
    );
    expect(writeFilter(readFilter(new URLSearchParams("type=executive+agency&status=accepted"))).toString()).toBe("status=accepted&type=executive+agency");
  });

  it("links the key figure Late or overdue to the bodies it counts", () => {
    expect(lateOrOverdueSearch).toBe("?timeliness=late&timeliness=overdue");
    expect(applyFilter(rows, readFilter(new URLSearchParams(lateOrOverdueSearch))).map((r) => r.organisationCode)).toEqual(["B", "C", "D"]);
  });
});
