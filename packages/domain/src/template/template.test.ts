import { describe, expect, it } from "vitest";
import { checkTemplate } from "./check.ts";
import type { TemplateDeclaration } from "./declaration.ts";
import { DomainError } from "../errors.ts";
import { templateFields, themeFields } from "./fields.ts";
import { exampleReturnValues, exampleV1ReturnValues } from "./fixtures.ts";
import { messages } from "./messages.ts";
import { returnValuesSchema } from "./schema.ts";
import { templateV1, themeCodes } from "./v1.ts";
import { templateV2 } from "./v2.ts";
import { carriedForwardValues, validateReturn, type ValidationContext } from "./validate.ts";
import { currentTemplate, requireTemplate, templates } from "./versions.ts";

describe("template v1 declaration", () => {
  it("is consistent (no duplicate ids, unknown fields, empty totals, unknown messages)", () => {
    expect(checkTemplate(templateV1)).toEqual([]);
  });

  it("has every field id DESIGN.md section 2 lists", () => {
    const ids = new Set(templateFields(templateV1, [{ code: "licences", label: "Licences" }]).map((f) => f.id));
    const expected = [
      "brought_forward", "received", "withdrawn", "carried_forward",
      ...["er", "cl"].flatMap((s) => ["closed", "upheld", "partly_upheld", "not_upheld", "within_timescale", "working_days_total", "extensions"].map((f) => `${s}_${f}`)),
      "escalated_to_closer_look",
      ...["delay", "communication", "staff_conduct", "decision", "process_error", "policy", "accessibility", "digital", "data_protection", "discrimination", "charges", "complaint_handling", "other"].map((t) => `theme_${t}`),
      "themes_not_recorded", "key_themes", "important_issues",
      "received_by_service_area.licences",
      ...["online", "email", "phone", "post", "in_person", "other"].map((c) => `received_by_channel.${c}`),
      "remedy_apology", "remedy_explanation", "remedy_decision_changed", "remedy_service_provided", "remedy_financial", "remedy_other",
      "payments_count", "payments_total", "payments_maladministration_count", "payments_maladministration_total", "special_payments_over_threshold",
      "referred_independent_reviewer", "independent_reviewer_upheld", "independent_reviewer_partly_upheld", "independent_reviewer_not_upheld",
      "phso_referred", "phso_accepted", "phso_reported", "phso_upheld", "phso_partly_upheld", "phso_not_upheld",
      "phso_recommendations", "phso_recommendations_complied", "phso_recommendations_not_complied",
      "fb_complainant_responses", "fb_complainant_positive", "fb_colleague_responses", "fb_colleague_positive", "fb_handler_responses", "fb_handler_positive",
      "compliments", "claims", "staff_grievances", "whistleblowing", "other_insight",
      "service_volume", "handling_fte", "handling_cost", "handlers_total", "handlers_trained",
      "standards_learning_culture", "standards_welcoming", "standards_thorough_fair", "standards_fair_accountable",
      "board_review_date", "learning_summary", "data_quality_note",
    ];
    expect(expected.filter((id) => !ids.has(id))).toEqual([]);
  });

  it("the checker catches an inconsistent declaration", () => {
    const broken: TemplateDeclaration = {
      ...templateV1,
      fields: [...templateV1.fields, templateV1.fields[0]!, { id: "pick", section: "flow", label: "Pick", type: "choice", required: false }],
      rules: [
        ...templateV1.rules,
        { id: "bad", kind: "compare", severity: "error", left: { field: "nope" }, comparison: "equal", right: { sum: [] }, message: "missingKey" },
      ],
    };
    expect(checkTemplate(broken)).toEqual([
      "Duplicate field or breakdown id brought_forward",
      "Choice field pick has no choices",
      "Rule bad uses unknown message missingKey",
      "Rule bad names unknown field nope",
      "Rule bad has a total with no parts",
    ]);
  });

  it("the checker catches measures over unknown fields, repeated measures, and messages needing placeholders the rule does not supply", () => {
    const measure = templateV1.measures[0]!;
    const broken: TemplateDeclaration = {
      ...templateV1,
      rules: [{ id: "odd", kind: "compare", severity: "error", left: { field: "received" }, comparison: "atMost", right: { field: "received" }, message: "amountNeedsCount" }],
      measures: [
        measure,
        measure,
        { ...measure, id: "ghost", numerator: { field: "ghosts" } },
        { ...measure, id: "by_channel", denominator: { breakdown: "received_by_channel" } },
      ],
    };
    expect(checkTemplate(broken)).toEqual([
      "Rule odd's message amountNeedsCount needs {amount}, which the rule does not supply",
      "Rule odd's message amountNeedsCount needs {amountValue}, which the rule does not supply",
      "Rule odd's message amountNeedsCount needs {count}, which the rule does not supply",
      `Duplicate measure id ${measure.id}`,
      "Measure ghost names unknown field ghosts",
      "Measure by_channel uses a breakdown or constant; a measure is built from fields, sums and differences",
    ]);
  });

  it("finds theme fields from the declaration, not from their ids", () => {
    expect(themeFields(templateV1).map((f) => f.theme)).toEqual([...themeCodes]);
    expect(themeFields(templateV1).map((f) => f.id)).not.toContain("themes_not_recorded");
  });
});

describe("figures carried from last quarter", () => {
  const previous = exampleV1ReturnValues({ carried_forward: 45 });

  it("pre-fills each carried field from last quarter's figure, and only numbers", () => {
    expect(carriedForwardValues(templateV1, previous)).toEqual({ brought_forward: 45 });
    expect(carriedForwardValues(templateV1, exampleV1ReturnValues({ carried_forward: "[x]" }))).toEqual({});
  });

  it("is quiet while the figure matches last quarter's as sent to the department", () => {
    const result = validateReturn(exampleV1ReturnValues({ brought_forward: 45, carried_forward: 50 }), { template: templateV1, previous });
    expect(result.warnings).toEqual([]);
  });

  it("warns when the body changes it, or when last quarter was corrected after this quarter was started", () => {
    const changed = validateReturn(exampleV1ReturnValues(), { template: templateV1, previous });
    expect(changed.warnings).toEqual([
      {
        id: "carried:brought_forward",
        severity: "warning",
        fieldIds: ["brought_forward"],
        message: "‘Open at the start of the quarter’ is 40, but last quarter's ‘Open at the end of the quarter’ as sent to the department is 45. Check it, or explain the difference",
      },
    ]);
    expect(changed.canSubmit).toBe(false);
    // The draft was pre-filled with 40; last quarter was then corrected to 44 and resubmitted.
    const corrected = validateReturn(exampleV1ReturnValues(), { template: templateV1, previous: exampleV1ReturnValues({ carried_forward: 44 }) });
    expect(corrected.warnings.map((w) => w.message)).toEqual([expect.stringContaining("as sent to the department is 44")]);
    const explained = validateReturn(exampleV1ReturnValues(), { template: templateV1, previous, explanations: { "carried:brought_forward": "Five complaints found unlogged." } });
    expect(explained.canSubmit).toBe(true);
  });

  it("the checker catches a field carried from an unknown field", () => {
    const broken: TemplateDeclaration = { ...templateV1, fields: templateV1.fields.map((f) => (f.id === "brought_forward" ? { ...f, carriedFrom: "gone" } : f)) };
    expect(checkTemplate(broken)).toEqual(["brought_forward is carried from unknown field gone"]);
  });
});

describe("template versions", () => {
  it("an unknown version is an error, not the current template", () => {
    expect(requireTemplate(1)).toBe(templateV1);
    expect(() => requireTemplate(99)).toThrow(new DomainError("INVALID_INPUT", "There is no return template version 99. The versions are 1, 2."));
  });
});

describe("the message catalogue", () => {
  const history = [110, 118, 125, 121, 900, 115, 119, 123].map((received) => exampleV1ReturnValues({ received }));
  const outlying = { received: 400, carried_forward: 325, "received_by_channel.online": 340, theme_delay: 330 };
  // One return that triggers each message, and the issue that carries it.
  const triggers: Record<string, { overrides: Record<string, number | string | null>; context?: Partial<ValidationContext>; issue: string }> = {
    groupItemIncomplete: { overrides: { "special_payments.1.amount": 40_000_000 }, context: { template: templateV2 }, issue: "special_payment_complete:1" },
    specialPaymentNotOverThreshold: {
      overrides: { "special_payments.2.amount": 100, "special_payments.2.date_paid": "2025-05-01", "special_payments.2.description": "Ex gratia" },
      context: { template: templateV2 },
      issue: "special_payment_over_threshold:2",
    },
    specialPaymentOutsideQuarter: {
      overrides: { "special_payments.1.amount": 40_000_000, "special_payments.1.date_paid": "2025-03-31", "special_payments.1.description": "Settlement" },
      context: { template: templateV2, period: { startYear: 2025, quarter: 1 } },
      issue: "special_payment_in_quarter:1",
    },
    required: { overrides: { received: null }, issue: "required:received" },
    markerNeedsNote: { overrides: { claims: "[x]" }, issue: "note:claims" },
    flowBalance: { overrides: { carried_forward: 44 }, issue: "flow_balance" },
    flowNotNegative: { overrides: { withdrawn: 200, carried_forward: -150 }, issue: "flow_not_negative" },
    outcomesAddUp: { overrides: { er_upheld: 21 }, issue: "er_outcomes_total" },
    partAtMostWhole: { overrides: { cl_within_timescale: 31 }, issue: "cl_within_timescale_max" },
    escalatedAtMostOpen: { overrides: { escalated_to_closer_look: 161 }, issue: "escalated_max" },
    themesCoverReceived: { overrides: { theme_delay: 0, theme_communication: 0, theme_decision: 0 }, issue: "themes_cover_received" },
    breakdownAddsUp: { overrides: { "received_by_channel.online": 61 }, issue: "channels_total" },
    amountNeedsCount: { overrides: { payments_count: 0, payments_maladministration_count: 0 }, issue: "payments_need_count" },
    reviewerOutcomesAtMostReferred: { overrides: { independent_reviewer_not_upheld: 10 }, issue: "independent_reviewer_outcomes_max" },
    carriedChanged: { overrides: { brought_forward: 40 }, context: { previous: exampleV1ReturnValues({ carried_forward: 38 }) }, issue: "carried:brought_forward" },
    outlier: { overrides: outlying, context: { history }, issue: "outlier:received" },
  };

  it("has a trigger for every message", () => {
    expect(Object.keys(triggers).toSorted()).toEqual(Object.keys(messages).toSorted());
  });

  it.each(Object.entries(triggers))("%s is raised with every placeholder filled", (key, { overrides, context, issue: id }) => {
    const template = context?.template ?? templateV1;
    const values = template === templateV1 ? exampleV1ReturnValues(overrides) : exampleReturnValues(overrides);
    const result = validateReturn(values, { template, ...context });
    const issue = [...result.errors, ...result.warnings].find((i) => i.id === id);
    expect(issue, `no issue ${id}`).toBeDefined();
    expect(issue!.message.startsWith(messages[key]!.split("{")[0]!)).toBe(true);
    expect(issue!.message).not.toMatch(/[{}]/);
  });

  it("the flow message takes its figures from the two sides of the rule's difference", () => {
    const result = validateReturn(exampleV1ReturnValues({ withdrawn: 200, carried_forward: -150 }), { template: templateV1 });
    expect(result.errors.find((e) => e.id === "flow_not_negative")?.message).toBe(
      "More complaints were withdrawn or closed (310) than were open at the start of the quarter or received in it (160)",
    );
  });
});

describe("the zod schema derived from the declaration", () => {
  const schema = returnValuesSchema(templateV1, [{ code: "licences", label: "Licences" }]);

  it("accepts a complete return, markers and blanks", () => {
    expect(schema.safeParse(exampleV1ReturnValues()).success).toBe(true);
    expect(schema.safeParse({ received: "[x]", withdrawn: "[z]", claims: null, "received_by_service_area.licences": 3 }).success).toBe(true);
  });

  it.each([
    [{ received: -1 }, "‘Complaints received’ cannot be negative"],
    [{ received: 2.5 }, "‘Complaints received’ must be a whole number"],
    [{ received: "twelve" }, "‘Complaints received’: enter a whole number, [x] if not available or [z] if not applicable"],
    [{ handling_fte: 1.25 }, "‘Staff time on complaint handling’ has at most one decimal place"],
    [{ standards_welcoming: "great" }, "‘Standard: welcoming complaints positively’"],
    [{ board_review_date: "2025-02-30" }, "Enter a real date"],
    [{ "received_by_service_area.unknown": 1 }, "Not a field of this return: received_by_service_area.unknown"],
  ])("refuses %j", (values, message) => {
    const result = schema.safeParse(values);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(message);
  });
});

describe("validation rules", () => {
  const validate = (overrides: Record<string, number | string | null>, extra = {}) =>
    validateReturn(exampleV1ReturnValues(overrides), { template: templateV1, ...extra });

  it("passes the consistent example", () => {
    const result = validate({});
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.canSubmit).toBe(true);
  });

  it.each([
    [{ carried_forward: 44 }, "flow_balance", "‘Open at the end of the quarter’ is 44, but open at the start plus received, minus withdrawn and closed at both stages, comes to 45"],
    [{ withdrawn: 200, carried_forward: -150 }, "flow_not_negative", "More complaints were withdrawn or closed (310) than were open at the start of the quarter or received in it (160)"],
    [{ er_upheld: 21 }, "er_outcomes_total", "‘Early resolution: upheld’, ‘Early resolution: partly upheld’ and ‘Early resolution: not upheld’ add up to 81, but ‘Early resolution: complaints closed’ is 80"],
    [{ cl_within_timescale: 31 }, "cl_within_timescale_max", "‘Closer look: closed within timescale’ (31) cannot be more than Closer look: complaints closed (30)"],
    [{ er_extensions: 81 }, "er_extensions_max", "‘Early resolution: timescale extended’ (81)"],
    [{ escalated_to_closer_look: 161 }, "escalated_max", "(161) cannot be more than the complaints open at the start plus those received (160)"],
    [{ "received_by_channel.online": 61 }, "channels_total", "‘Complaints received by channel’ adds up to 121, but ‘Complaints received’ is 120"],
    [{ phso_not_upheld: 2 }, "phso_outcomes_total", "but ‘Investigations the Ombudsman reported on’ is 2"],
    [{ phso_recommendations_not_complied: 1 }, "phso_recommendations_max", "(3) cannot be more than Ombudsman recommendations (2)"],
    [{ payments_maladministration_total: 200_000 }, "maladministration_total_max", "‘Total paid for maladministration’ (£2,000.00) cannot be more than Total paid (£1,250.50)"],
    [{ payments_count: 0, payments_maladministration_count: 0 }, "payments_need_count", "‘Total paid’ is £1,250.50, but ‘Complaints with a payment’ is 0"],
    [{ fb_handler_positive: 13 }, "fb_handler_positive_max", "(13) cannot be more than"],
    [{ received: null }, "required:received", "Enter ‘Complaints received’, or [x] if it is not available or [z] if it does not apply"],
    [{ claims: "[x]" }, "note:claims", "Add a note saying why ‘Claims’ is [x] (not available)"],
  ])("%j breaks %s", (overrides, id, message) => {
    const result = validate(overrides);
    const issue = result.errors.find((e) => e.id === id);
    expect(issue?.message).toContain(message);
    expect(result.canSubmit).toBe(false);
  });

  it("a marker with a note is fine, and rules that need the field are skipped", () => {
    const result = validate({ payments_count: "[x]" }, { notes: { payments_count: "Finance system down" } });
    expect(result.errors).toEqual([]);
  });

  it("checks service-area breakdowns only when given", () => {
    const serviceAreas = [{ code: "a", label: "Licences" }, { code: "b", label: "Fines" }];
    expect(validateReturn(exampleV1ReturnValues(), { template: templateV1, serviceAreas }).errors).toEqual([]);
    const given = validateReturn(exampleV1ReturnValues({ "received_by_service_area.a": 100 }), { template: templateV1, serviceAreas });
    expect(given.errors.map((e) => e.id)).toEqual(["service_areas_total"]);
  });

  it("a warning needs an explanation before the return can be submitted", () => {
    const overrides = { theme_delay: 0, theme_communication: 0, theme_decision: 0 };
    const unexplained = validate(overrides);
    expect(unexplained.errors).toEqual([]);
    expect(unexplained.warnings.map((w) => w.id)).toEqual(["themes_cover_received"]);
    expect(unexplained.canSubmit).toBe(false);
    const explained = validate(overrides, { explanations: { themes_cover_received: "Theme coding started mid-quarter." } });
    expect(explained.unexplained).toEqual([]);
    expect(explained.canSubmit).toBe(true);
  });

  it("warns about a value far outside the body's own last 8 quarters", () => {
    const history = [110, 118, 125, 121, 900, 115, 119, 123].map((received) => exampleV1ReturnValues({ received }));
    // 900 in the history does not hide the next outlier: the median and MAD are robust to it.
    const far = validate({ received: 400, carried_forward: 325, "received_by_channel.online": 340, theme_delay: 330 }, { history });
    expect(far.warnings.map((w) => w.id)).toContain("outlier:received");
    expect(far.warnings.find((w) => w.id === "outlier:received")?.message).toBe(
      "‘Complaints received’ is 400, far from your last 8 quarters (typically 120). Check the figure, and explain it if it is right",
    );
    const near = validate({}, { history });
    expect(near.warnings).toEqual([]);
    const shortHistory = validate({ received: 400, carried_forward: 325, "received_by_channel.online": 340, theme_delay: 330 }, { history: history.slice(0, 3) });
    expect(shortHistory.warnings.map((w) => w.id)).not.toContain("outlier:received");
  });
});

describe("template v2", () => {
  it("warns when a special payment's date paid is outside the return's quarter, and only then", () => {
    const payment = (date: string) => exampleReturnValues({ "special_payments.1.amount": 40_000_000, "special_payments.1.date_paid": date, "special_payments.1.description": "Settlement" });
    const q1 = { startYear: 2025, quarter: 1 } as const;
    const ids = (date: string) => validateReturn(payment(date), { template: templateV2, period: q1 }).warnings.map((w) => w.id);
    expect(ids("2025-04-01")).not.toContain("special_payment_in_quarter:1");
    expect(ids("2025-06-30")).not.toContain("special_payment_in_quarter:1");
    expect(ids("2025-07-01")).toContain("special_payment_in_quarter:1");
    expect(ids("2025-03-31")).toContain("special_payment_in_quarter:1");
  });

  const validate = (overrides: Record<string, number | string | null>) => validateReturn(exampleReturnValues(overrides), { template: templateV2 });
  const payment = (n: number, amount: number | null, date: string | null, description: string | null) => ({
    [`special_payments.${n}.amount`]: amount,
    [`special_payments.${n}.date_paid`]: date,
    [`special_payments.${n}.description`]: description,
  });

  it("is consistent, and is what new quarters use", () => {
    expect(checkTemplate(templateV2)).toEqual([]);
    expect(currentTemplate).toBe(templateV2);
    expect(templates[1]).toBe(templateV1);
    expect(requireTemplate(2)).toBe(templateV2);
  });

  it("lists special payments individually in place of v1's count, and adds the equality denominator and characteristics", () => {
    const ids = templateFields(templateV2).map((f) => f.id);
    expect(ids).not.toContain("special_payments_over_threshold");
    expect(ids).toContain("special_payments.1.amount");
    expect(ids).toContain("special_payments.10.description");
    expect(ids).not.toContain("special_payments.11.amount");
    expect(ids).toContain("eq_asked");
    for (const b of ["eq_gender_reassignment", "eq_marriage_civil_partnership", "eq_pregnancy_maternity"]) {
      expect(ids).toContain(`${b}.prefer_not_to_say`);
      expect(ids).toContain(`${b}.not_known`);
    }
    expect(templateFields(templateV2).find((f) => f.id === "special_payments.2.date_paid")).toMatchObject({ label: "Special payment 2: date paid", type: "date", group: "special_payments", item: 2 });
  });

  it("keeps v1's measures and themes, so returns of both versions compare", () => {
    expect(templateV2.measures).toEqual(templateV1.measures);
    expect(themeFields(templateV2)).toEqual(themeFields(templateV1));
  });

  it("the example return is clean, with special payments listed and equality monitoring given", () => {
    const result = validate({
      ...payment(1, 45_000_000, "2025-05-20", "Settlement of a long-running complaint about a lost application"),
      eq_asked: 50,
      "eq_sex.female": 20,
      "eq_sex.male": 22,
      "eq_sex.prefer_not_to_say": 3,
      "eq_sex.not_known": 5,
    });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it.each([
    [payment(1, 45_000_000, null, null), "special_payment_complete:1", "Special payment 1 is incomplete: enter ‘date paid’ and ‘short description’, or leave all of it blank"],
    [payment(3, 30_000_000, "2025-05-20", "At the threshold"), "special_payment_over_threshold:3", "‘Special payment 3: amount’ is £300,000.00. List only special payments over £300,000.00 here"],
    [{ eq_asked: 50, "eq_sex.female": 20, "eq_sex.male": 22 }, "eq_sex_total", "‘Complainants by sex’ adds up to 42, but ‘Complainants asked for equality monitoring information’ is 50"],
    [{ eq_asked: 10, "eq_pregnancy_maternity.not_known": 11 }, "eq_pregnancy_maternity_total", "‘Complainants by pregnancy and maternity’ adds up to 11"],
  ])("%j breaks %s", (overrides, id, message) => {
    const result = validate(overrides);
    expect(result.errors.find((e) => e.id === id)?.message).toContain(message);
    expect(result.canSubmit).toBe(false);
  });

  it("the schema takes the listed payments and refuses v1's count and a long description", () => {
    const schema = returnValuesSchema(templateV2);
    expect(schema.safeParse(exampleReturnValues(payment(1, 45_000_000, "2025-05-20", "Settlement"))).success).toBe(true);
    const old = schema.safeParse(exampleV1ReturnValues());
    expect(JSON.stringify(old.error?.issues)).toContain("Not a field of this return: special_payments_over_threshold");
    const long = schema.safeParse({ "special_payments.1.description": "x".repeat(201) });
    expect(JSON.stringify(long.error?.issues)).toContain("‘Special payment 1: short description’ must be 200 characters or fewer");
    const date = schema.safeParse({ "special_payments.1.date_paid": "2025-02-30" });
    expect(date.success).toBe(false);
  });
});
