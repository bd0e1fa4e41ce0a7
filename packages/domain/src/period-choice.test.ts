import { describe, expect, it } from "vitest";
import { periodChoiceLabel, periodChoiceSpan, periodOptions } from "./period-choice.ts";

describe("how a quarter or financial year reads", () => {
  it.each([
    [{ kind: "quarter", period: "2026-27 Q2" }, "Jul to Sep 2026", "Jul to Sep 2026"],
    [{ kind: "year", financialYear: "2025-26" }, "Apr 2025 to Mar 2026", "financial year 2025-26 (Apr 2025 to Mar 2026)"],
  ] as const)("%j spans %s and is named %s", (choice, span, label) => {
    expect(periodChoiceSpan(choice)).toBe(span);
    expect(periodChoiceLabel(choice)).toBe(label);
  });
});

describe("the periods a page offers", () => {
  it("offers the latest 8 quarters, newest first, then the financial years they touch", () => {
    const options = periodOptions("2026-27 Q2", { kind: "quarter", period: "2026-27 Q2" });
    expect(options.map((o) => o.address)).toEqual(["2026-27-q2", "2026-27-q1", "2025-26-q4", "2025-26-q3", "2025-26-q2", "2025-26-q1", "2024-25-q4", "2024-25-q3", "2026-27", "2025-26", "2024-25"]);
    expect(options[0]!.text).toBe("Jul to Sep 2026 (2026-27 Q2)");
    expect(options[8]!.text).toBe("Financial year 2026-27 (Apr 2026 to Mar 2027)");
  });

  it("keeps an older choice among them, last, and offers only the choice before the latest quarter is known", () => {
    expect(periodOptions("2026-27 Q2", { kind: "year", financialYear: "2020-21" }).at(-1)).toEqual({ address: "2020-21", text: "Financial year 2020-21 (Apr 2020 to Mar 2021)" });
    expect(periodOptions(undefined, { kind: "quarter", period: "2019-20 Q3" })).toEqual([{ address: "2019-20-q3", text: "Oct to Dec 2019 (2019-20 Q3)" }]);
  });
});
