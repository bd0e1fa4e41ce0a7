import { describe, expect, it } from "vitest";
import { checkTemplate } from "./check.ts";
import type { TemplateDeclaration } from "./declaration.ts";
import { exampleReturnValues } from "./fixtures.ts";
import { templateV1 } from "./v1.ts";
import { validateReturn } from "./validate.ts";

/** The outlier warnings validateReturn gives for one field, after eight quarters of `history`. */
function outlierWarnings(field: string, history: readonly number[], value: number, template: TemplateDeclaration = templateV1): string[] {
  const past = history.map((v) => exampleReturnValues({ [field]: v }));
  return validateReturn(exampleReturnValues({ [field]: value }), { template, history: past })
    .warnings.filter((w) => w.id.startsWith("outlier:"))
    .map((w) => w.id);
}

describe("outlier warnings help instead of nagging", () => {
  it.each([
    ["complaints received: 1 after eight quarters of 0", "received", [0, 0, 0, 0, 0, 0, 0, 0], 1, []],
    ["complaints received: 2 after 1,1,1,1,1,2,1,1", "received", [1, 1, 1, 1, 1, 2, 1, 1], 2, []],
    ["complaints received: 120 after a history around 40", "received", [38, 41, 40, 43, 39, 42, 40, 37], 120, ["outlier:received"]],
    ["a theme: 3 after eight quarters of 1", "theme_accessibility", [1, 1, 1, 1, 1, 1, 1, 1], 3, []],
    ["total paid: £500 more on a flat £2,000", "payments_total", [200_000, 200_000, 200_000, 200_000, 200_000, 200_000, 200_000, 200_000], 250_000, []],
    ["total paid: a £50,000 jump on a flat £2,000", "payments_total", [200_000, 200_000, 200_000, 200_000, 200_000, 200_000, 200_000, 200_000], 5_200_000, ["outlier:payments_total"]],
  ] as const)("%s", (_what, field, history, value, expected) => {
    expect(outlierWarnings(field, history, value)).toEqual(expected);
  });

  it("a money field's own minimum difference overrides the template's", () => {
    const flat = [200_000, 200_000, 200_000, 200_000, 200_000, 200_000, 200_000, 200_000];
    const strict: TemplateDeclaration = {
      ...templateV1,
      fields: templateV1.fields.map((f) => (f.id === "payments_total" ? { ...f, outlierMinimumDifference: 10_000 } : f)),
    };
    expect(outlierWarnings("payments_total", flat, 250_000, strict)).toEqual(["outlier:payments_total"]);
    const lenient: TemplateDeclaration = { ...templateV1, outlier: { ...templateV1.outlier, minimumDifference: 10_000_000 } };
    expect(outlierWarnings("payments_total", flat, 5_200_000, lenient)).toEqual([]);
  });

  it("a template may put a minimum difference only on a money field", () => {
    const wrong: TemplateDeclaration = {
      ...templateV1,
      fields: templateV1.fields.map((f) => (f.id === "received" ? { ...f, outlierMinimumDifference: 5 } : f)),
    };
    expect(checkTemplate(wrong)).toEqual(["Outlier minimum difference on received must be pence (0 or more) on a money field"]);
  });
});
