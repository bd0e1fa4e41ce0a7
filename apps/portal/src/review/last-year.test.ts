import { currentTemplate, templateFields } from "@complaints/domain";
import { describe, expect, it } from "vitest";
import { yearOnYear } from "./last-year.ts";

const fields = templateFields(currentTemplate, []);

describe("yearOnYear", () => {
  it("lists only the figures that changed, in template order, with the change in words and percent", () => {
    const rows = yearOnYear(fields, { received: 120, withdrawn: 4, er_closed: 50, key_themes: "new" }, { received: 110, withdrawn: 5, er_closed: 50, key_themes: "old" });
    expect(rows.map((r) => [r.fieldId, r.thisYear, r.lastYear, r.change])).toEqual([
      ["received", "120 complaints", "110 complaints", "Up 10 (+9%)"],
      ["withdrawn", "4 complaints", "5 complaints", "Down 1 (\u221220%)"],
    ]);
  });

  it("writes money in pounds and says 'Changed' when a side is a marker or blank", () => {
    const rows = yearOnYear(fields, { payments_total: 125_000, received: "[x]" }, { payments_total: 250_000, received: 3 });
    const byId = Object.fromEntries(rows.map((r) => [r.fieldId, r]));
    expect(byId.payments_total?.change).toBe("Down £1,250.00 (\u221250%)");
    expect(byId.received).toMatchObject({ thisYear: "[x] not available", lastYear: "3 complaints", change: "Changed" });
  });

  it("leaves out a percentage when last year was 0", () => {
    expect(yearOnYear(fields, { received: 5 }, { received: 0 })[0]?.change).toBe("Up 5");
  });
});
