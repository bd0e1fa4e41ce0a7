import { currentTemplate, templates } from "@complaints/domain";
import { exampleReturnValues, exampleV1ReturnValues } from "@complaints/domain/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregateReturns, financialYearOf, mergeSums, sumReturns, type ReturnForAggregation, type Sums } from "./aggregate.ts";
import { computeMeasures } from "./measures.ts";

/** Sums as plain data, field totals included (they are computed on first read). */
const plain = (sums: Sums) => ({ returns: sums.returns, fields: { ...sums.fields }, measures: sums.measures });

const ret = (organisationCode: string, period: string, values: ReturnForAggregation["values"]): ReturnForAggregation => ({
  organisationCode,
  period,
  values,
});

const department = (r: ReturnForAggregation) => (r.organisationCode === "A" ? "DfX" : "DoY");
const measure = (sums: ReturnType<typeof sumReturns>, id: string) => computeMeasures(sums).find((m) => m.id === id)!;

describe("financialYearOf", () => {
  it.each([
    ["2025-26 Q1", "2025-26"],
    ["2025-26 Q3", "2025-26"],
    ["2025-26 Q4", "2025-26"],
    ["1999-00 Q2", "1999-00"],
  ])("%s → %s", (period, year) => {
    expect(financialYearOf(period)).toBe(year);
  });
  it("rejects anything else", () => {
    expect(() => financialYearOf("Q1 2025")).toThrow(RangeError);
  });
});

describe("aggregateReturns", () => {
  const returns = [
    ret("A", "2025-26 Q1", { received: 10, er_closed: 8, er_upheld: 2, er_partly_upheld: 1, service_volume: 1000 }),
    ret("A", "2025-26 Q2", { received: 12, er_closed: 10, er_upheld: "[x]", er_partly_upheld: 0, service_volume: 1100 }),
    ret("B", "2025-26 Q1", { received: 300, er_closed: 290, er_upheld: 100, er_partly_upheld: 50, service_volume: null }),
    ret("B", "2026-27 Q1", { received: 5, er_closed: 5, er_upheld: 1, er_partly_upheld: 1, key_themes: "free text" }),
  ];

  it.each([
    ["organisation", ["A", "B"]],
    ["period", ["2025-26 Q1", "2025-26 Q2", "2026-27 Q1"]],
    ["financialYear", ["2025-26", "2026-27"]],
    ["all", ["all"]],
  ] as const)("groups by %s", (groupBy, keys) => {
    expect(aggregateReturns(returns, groupBy).map((g) => g.key)).toEqual(keys);
  });

  it("groups by any function, for example a department", () => {
    const groups = aggregateReturns(returns, department);
    expect(groups.map((g) => [g.key, g.organisations, g.sums.returns])).toEqual([
      ["DfX", ["A"], 2],
      ["DoY", ["B"], 2],
    ]);
  });

  it("sums counts and counts missing values ([x], [z], blank) per field; text is ignored", () => {
    const [all] = aggregateReturns(returns, "all");
    expect(all!.sums.fields.received).toEqual({ sum: 327, reported: 4, missing: 0 });
    expect(all!.sums.fields.er_upheld).toEqual({ sum: 103, reported: 3, missing: 1 });
    expect(all!.sums.fields.service_volume).toEqual({ sum: 2100, reported: 2, missing: 1 });
    expect(all!.sums.fields.key_themes).toBeUndefined();
  });

  it("a measure uses only the returns that reported all of its fields", () => {
    const [all] = aggregateReturns(returns, "all");
    // A's Q2 has er_upheld [x]: its 10 closed complaints are left out of the denominator too.
    expect(all!.sums.measures.er_something_went_wrong).toEqual({ numerator: 2 + 1 + 150 + 2, denominator: 8 + 290 + 5, returns: 3 });
    const m = measure(all!.sums, "er_something_went_wrong");
    expect(m.value).toBe(155 / 303);
    expect(m.returns).toBe(3);
  });

  it("a measure nobody reported is not available (null), never zero", () => {
    const m = measure(sumReturns(returns), "ombudsman_upheld");
    expect(m).toMatchObject({ value: null, lower: null, upper: null, returns: 0 });
  });

  it("financial-year roll-up equals summing its quarters", () => {
    const byYear = aggregateReturns(returns, "financialYear").find((g) => g.key === "2025-26")!;
    const quarters = aggregateReturns(returns, "period").filter((g) => financialYearOf(g.key) === "2025-26");
    expect(plain(mergeSums(...quarters.map((q) => q.sums)))).toEqual(plain(byYear.sums));
    expect(byYear.periods).toEqual(["2025-26 Q1", "2025-26 Q2"]);
  });
});

describe("aggregation properties", () => {
  const fieldIds = ["received", "er_closed", "er_upheld", "er_partly_upheld", "service_volume", "phso_reported"];
  const value = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 5000 }) },
    { weight: 1, arbitrary: fc.constantFrom<"[x]" | "[z]" | null>("[x]", "[z]", null) },
  );
  const aReturn = fc.record({
    organisationCode: fc.constantFrom("A", "B", "C"),
    period: fc.constantFrom("2024-25 Q4", "2025-26 Q1", "2025-26 Q2"),
    values: fc.dictionary(fc.constantFrom(...fieldIds), value),
  });

  it("aggregating A ∪ B equals merging the sums of A and of B", () => {
    fc.assert(
      fc.property(fc.array(aReturn, { maxLength: 12 }), fc.array(aReturn, { maxLength: 12 }), (a, b) => {
        expect(plain(sumReturns([...a, ...b]))).toEqual(plain(mergeSums(sumReturns(a), sumReturns(b))));
      }),
    );
  });

  it("grouping then merging every group equals aggregating everything", () => {
    fc.assert(
      fc.property(fc.array(aReturn, { maxLength: 20 }), fc.constantFrom("organisation", "period", "financialYear") , (rs, groupBy) => {
        const groups = aggregateReturns(rs, groupBy);
        expect(plain(mergeSums(...groups.map((g) => g.sums)))).toEqual(plain(sumReturns(rs)));
      }),
    );
  });

  it("a pooled proportion lies between the smallest and largest body's proportion", () => {
    const body = fc.integer({ min: 1, max: 10_000 }).chain((closed) =>
      fc.record({ closed: fc.constant(closed), upheld: fc.integer({ min: 0, max: closed }) }),
    );
    fc.assert(
      fc.property(fc.array(body, { minLength: 1, maxLength: 10 }), (bodies) => {
        const sums = sumReturns(
          bodies.map((b, i) => ret(String(i), "2025-26 Q1", { er_closed: b.closed, er_upheld: b.upheld, er_partly_upheld: 0 })),
        );
        const pooled = measure(sums, "er_something_went_wrong").value!;
        const each = bodies.map((b) => b.upheld / b.closed);
        const totalUpheld = bodies.reduce((s, b) => s + b.upheld, 0);
        const totalClosed = bodies.reduce((s, b) => s + b.closed, 0);
        expect(pooled).toBeCloseTo(totalUpheld / totalClosed, 12);
        expect(pooled).toBeGreaterThanOrEqual(Math.min(...each) - 1e-12);
        expect(pooled).toBeLessThanOrEqual(Math.max(...each) + 1e-12);
      }),
    );
  });
});

describe("returns of different template versions", () => {
  it("every template version declares the measures aggregation reads, so v1 and v2 returns pool", () => {
    for (const template of Object.values(templates)) expect(template.measures).toEqual(currentTemplate.measures);
  });

  it("a v1 return and a v2 return aggregate together into the same measures as two returns of one version", () => {
    const v1 = exampleV1ReturnValues({ er_closed: 80, er_upheld: 20, er_partly_upheld: 10 });
    const v2 = exampleReturnValues({ er_closed: 200, er_upheld: 50, er_partly_upheld: 40, er_not_upheld: 110, "special_payments.1.amount": 40_000_000 });
    const mixed = sumReturns([ret("OLD", "2024-25 Q4", v1), ret("NEW", "2025-26 Q1", v2)]);
    expect(mixed.measures.er_something_went_wrong).toEqual({ numerator: 20 + 10 + 50 + 40, denominator: 80 + 200, returns: 2 });
    const { special_payments_over_threshold: _dropped, ...v1AsV2 } = v1;
    const same = sumReturns([ret("OLD", "2024-25 Q4", v1AsV2), ret("NEW", "2025-26 Q1", v2)]);
    expect(computeMeasures(mixed)).toEqual(computeMeasures(same));
    for (const m of computeMeasures(mixed)) expect(m.returns, m.id).toBe(2);
  });
});
