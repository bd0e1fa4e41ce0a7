import { describe, expect, it } from "vitest";
import { checkTemplate } from "./check.ts";
import type { FieldDeclaration, MeasureDeclaration, OutputDeclaration, TemplateDeclaration } from "./declaration.ts";
import { outputFields, outputsShowing, packTableOutputs, quartersTaken } from "./fields.ts";
import { formatMeasure, formatMeasureCounts, formatMeasureInterval, measureFigure, oversightMeasures } from "./measures.ts";
import { templateV1, type FieldIdV1 } from "./v1.ts";
import { templateV2 } from "./v2.ts";
import type { FieldId } from "./versions.ts";

describe("the template declares how each figure adds up and which outputs show it", () => {
  it("every figure says how it adds up over a period; stocks say which quarter they come from", () => {
    for (const template of [templateV1, templateV2]) {
      for (const field of template.fields) {
        if (["count", "money", "fte"].includes(field.type)) expect(field.aggregation, field.id).toBeDefined();
      }
    }
    const byId = (id: string) => templateV2.fields.find((f) => f.id === id)!;
    expect(quartersTaken(byId("brought_forward"))).toBe("first");
    expect(quartersTaken(byId("carried_forward"))).toBe("last");
    expect(quartersTaken(byId("handling_fte"))).toBe("last");
    expect(quartersTaken(byId("received"))).toBe("all");
  });

  it("gives the outputs their fields in the order they show them, and says which outputs show a field", () => {
    expect(outputFields(templateV2, "profile-ombudsman").map((f) => f.shortLabel)).toEqual([
      "Referred",
      "Accepted for investigation",
      "Reported on",
      "Upheld in full",
      "Upheld in part",
      "Not upheld",
      "Recommendations made",
      "Complied with",
      "Not complied with",
    ]);
    expect(outputFields(templateV2, "rollup").map((f) => f.id).slice(0, 3)).toEqual(["brought_forward", "received", "withdrawn"]);
    expect(packTableOutputs(templateV2).map((t) => t.key)).toEqual(["flow", "stages", "outcomes", "remedies", "review", "feedback", "insight", "context"]);
    expect(outputsShowing(templateV2, "handling_fte").map((o) => (o.kind === "pack" ? `pack ${o.key}` : o.kind))).toEqual(["annual-report", "pack context"]);
  });

  it("field ids are a type: a misspelt id in an output fails the type check", () => {
    const ok: FieldIdV1 = "received";
    // @ts-expect-error: no template declares "recieved"
    const misspelt: FieldId = "recieved";
    // @ts-expect-error: an output names fields of its template only
    const output: OutputDeclaration<FieldIdV1> = { kind: "rollup", fields: ["received", "complaints_recieved"] };
    expect([ok, misspelt, output.kind]).toHaveLength(3);
  });

  it("checkTemplate reports a figure that does not say how it adds up, a stock from no quarter, and an output naming no field", () => {
    const fields: FieldDeclaration[] = templateV1.fields.map((f) => {
      if (f.id === "carried_forward") return { ...f, position: undefined } as FieldDeclaration;
      if (f.id === "withdrawn") return { ...f, aggregation: undefined } as FieldDeclaration;
      if (f.id === "key_themes") return { ...f, aggregation: "flow" } as FieldDeclaration;
      if (f.id === "received") return { ...f, position: "first" } as FieldDeclaration;
      return f;
    });
    const outputs: OutputDeclaration[] = [
      ...templateV1.outputs,
      { kind: "pack", key: "empty", title: "Nothing", sheet: "Nothing", fields: [] },
      { kind: "pack", key: "flow", title: "Again", sheet: "Again", fields: ["received", "received", "gone", "key_themes"] },
      { kind: "rollup", fields: ["received"] },
    ];
    const broken: TemplateDeclaration = { ...templateV1, fields, outputs };
    expect(checkTemplate(broken)).toEqual([
      "received has a position but is not a stock",
      "withdrawn does not say how it adds up over a period (flow, stock or level)",
      "Stock carried_forward does not say which quarter of a period it is taken from (first or last)",
      "key_themes is not a figure, so it cannot add up as a flow",
      "Output rollup is declared more than once",
      "Pack table empty names no field",
      "Pack table flow names a field twice",
      "Pack table flow names unknown field gone",
      "Pack table flow names key_themes, which is not a figure",
      "Duplicate pack table flow",
      "Output rollup is declared more than once",
    ]);
  });

  it("checkTemplate reports a measure without its unit, nouns or decimals", () => {
    const measures: MeasureDeclaration[] = templateV1.measures.map((m) =>
      m.id === "within_timescale" ? { ...m, unit: "per cent" } : m.id === "er_average_working_days" ? { ...m, unit: " ", decimals: 1.5, nouns: { numerator: "", denominator: "complaints" } } : m,
    );
    expect(checkTemplate({ ...templateV1, measures })).toEqual([
      "Measure within_timescale is a proportion, so its unit is %",
      "Measure er_average_working_days must give 0 to 4 decimal places",
      "Measure er_average_working_days has no unit",
      "Measure er_average_working_days must name what its numerator and denominator count",
    ]);
  });
});

describe("one way to write a measure's figure", () => {
  const measure = (id: string) => oversightMeasures.find((m) => m.id === id)!;

  it("writes each kind in its own unit and decimals", () => {
    expect(formatMeasure(measure("within_timescale"), 0.4521)).toBe("45.2%");
    expect(formatMeasure(measure("complaints_per_10000"), 12345.67)).toBe("12,345.7");
    expect(formatMeasure(measure("complaints_per_10000"), 20, { unit: true, fixedDecimals: false })).toBe("20 per 10,000");
    expect(formatMeasure(measure("er_average_working_days"), 8)).toBe("8.0");
    expect(formatMeasure(measure("er_average_working_days"), 8, { unit: true })).toBe("8.0 working days");
    expect(formatMeasureInterval(measure("within_timescale"), { lower: 0.401, upper: 0.5034 })).toBe("40.1% to 50.3%");
    expect(formatMeasureCounts(measure("complaints_per_10000"), 1234, 2755526)).toBe("1,234 complaints in 2,755,526 interactions");
    expect(measureFigure(measure("within_timescale"), 0.45678)).toBe(45.7);
  });

  it("labels a second mean measure with its own unit, nouns and decimals, never working days", () => {
    const second: MeasureDeclaration = {
      id: "recommendations_per_investigation",
      label: "Ombudsman recommendations per investigation",
      kind: "mean",
      polarity: "none",
      numerator: { field: "phso_recommendations" },
      denominator: { field: "phso_reported" },
      unit: "recommendations",
      nouns: { numerator: "recommendations", denominator: "investigations reported on" },
      decimals: 2,
    };
    expect(checkTemplate({ ...templateV1, measures: [...templateV1.measures, second] })).toEqual([]);
    expect(formatMeasure(second, 1234.567, { unit: true })).toBe("1,234.57 recommendations");
    expect(formatMeasure(second, 1.5)).toBe("1.50");
    expect(formatMeasureCounts(second, 1000, 8)).toBe("1,000 recommendations over 8 investigations reported on");
    expect(measureFigure(second, 123.456)).toBe(123.46);
    for (const text of [formatMeasure(second, 5, { unit: true }), formatMeasureCounts(second, 5, 1)]) expect(text).not.toContain("working days");
  });
});
