import { describe, expect, it } from "vitest";
import { departmentOf, isActiveIn, organisationSchema, subtreeCodes } from "./organisations.ts";

const tree = [
  { code: "DEPT", parentCode: null },
  { code: "AGENCY", parentCode: "DEPT" },
  { code: "SUB", parentCode: "AGENCY" },
  { code: "OTHER", parentCode: null },
  { code: "LOOP1", parentCode: "LOOP2" },
  { code: "LOOP2", parentCode: "LOOP1" },
];

describe("organisations", () => {
  it("finds a department's whole branch and a body's department", () => {
    expect(subtreeCodes(tree, "DEPT")).toEqual(["DEPT", "AGENCY", "SUB"]);
    expect(departmentOf(tree, "SUB")).toBe("DEPT");
    expect(departmentOf(tree, "LOOP1")).toBeNull();
    expect(subtreeCodes(tree, "LOOP1")).toEqual(["LOOP1", "LOOP2"]);
  });

  it("expects a body in a quarter it was active for any part of", () => {
    const q = { startYear: 2025, quarter: 1 } as const; // Apr to Jun 2025
    expect(isActiveIn({ activeFrom: "2025-06-30", activeTo: null }, q)).toBe(true);
    expect(isActiveIn({ activeFrom: "2025-07-01", activeTo: null }, q)).toBe(false);
    expect(isActiveIn({ activeFrom: "2020-01-01", activeTo: "2025-04-01" }, q)).toBe(true);
    expect(isActiveIn({ activeFrom: "2020-01-01", activeTo: "2025-03-31" }, q)).toBe(false);
  });

  it("refuses inconsistent organisations with a reason", () => {
    const base = { code: "DVLA", name: "Driver and Vehicle Licensing Agency", kind: "body", bodyType: "executive agency", parentCode: "DFT", region: "england-and-wales", activeFrom: "2020-04-01", activeTo: null };
    expect(organisationSchema.safeParse(base).success).toBe(true);
    const ended = organisationSchema.safeParse({ ...base, activeTo: "2019-01-01" });
    expect(ended.error?.issues[0]?.message).toBe("The end date must be on or after the start date");
    const orphan = organisationSchema.safeParse({ ...base, parentCode: null });
    expect(orphan.error?.issues[0]?.path).toEqual(["parentCode"]);
    expect(organisationSchema.safeParse({ ...base, code: "dvla" }).success).toBe(false);
  });
});
