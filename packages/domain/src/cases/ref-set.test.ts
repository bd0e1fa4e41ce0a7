import { describe, expect, it } from "vitest";
import { RefSet } from "./ref-set.ts";

describe("the set of case references", () => {
  it("finds every repeat among many references, and nothing else", () => {
    const set = new RefSet();
    // Enough to grow the table several times.
    for (let i = 0; i < 300_000; i++) expect(set.add(`CMP-${i}`)).toBe(true);
    for (let i = 0; i < 300_000; i += 997) expect(set.add(`CMP-${i}`)).toBe(false);
    expect(set.add("CMP-300000")).toBe(true);
    expect(set.add("cmp-1")).toBe(true);
  });
});
