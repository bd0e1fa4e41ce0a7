import type { BreakdownDeclaration, Choice, FieldDeclaration, GroupDeclaration, RuleDeclaration, TemplateDeclaration } from "./declaration.ts";
import { oversightMeasures } from "./measures.ts";
import { outputsV1, templateV1, type FieldIdV1 } from "./v1.ts";

/**
 * Template v2: v1 with what it was missing.
 * - Special payments over £300,000 are listed one by one (amount, date paid, short description),
 *   as Managing Public Money annex A4.13 asks for their disclosure, in place of v1's count.
 * - Equality monitoring gets its denominator, the complainants asked for monitoring information
 *   (`eq_asked`), each characteristic's categories (with "prefer not to say" and "not known") add
 *   up to it, and the protected characteristics of the Equality Act 2010 section 4 that v1 lacked
 *   are added: gender reassignment, marriage and civil partnership, pregnancy and maternity.
 * The measures and themes are v1's, so returns of both versions pool and compare.
 */

/** Managing Public Money annex A4.13: special payments above £300,000 are noted individually. Pence. */
export const specialPaymentThreshold = 30_000_000;

const specialPayments: GroupDeclaration = {
  id: "special_payments",
  section: "remedies",
  label: "Special payment",
  hint: "Each special payment over £300,000 made in the quarter, listed individually (Managing Public Money annex A4.13).",
  maxItems: 10,
  fields: [
    { id: "amount", label: "Amount", type: "money", unit: "£" },
    { id: "date_paid", label: "Date paid", type: "date" },
    { id: "description", label: "Short description", type: "text", maxLength: 200 },
  ],
};

const unknowns: Choice[] = [
  { value: "prefer_not_to_say", label: "Prefer not to say" },
  { value: "not_known", label: "Not known" },
];

const asked: FieldDeclaration<"eq_asked"> = {
  id: "eq_asked",
  section: "equality",
  label: "Complainants asked for equality monitoring information",
  hint: "Optional. Every characteristic's categories, including ‘prefer not to say’ and ‘not known’, add up to this.",
  type: "count",
  unit: "complainants",
  required: false,
  aggregation: "flow",
};

const addedCharacteristics: BreakdownDeclaration[] = [
  {
    id: "eq_gender_reassignment",
    section: "equality",
    label: "Complainants by gender reassignment",
    categories: [
      { value: "yes", label: "Gender identity differs from sex registered at birth" },
      { value: "no", label: "Gender identity the same as sex registered at birth" },
    ],
  },
  {
    id: "eq_marriage_civil_partnership",
    section: "equality",
    label: "Complainants by marriage and civil partnership",
    categories: [
      { value: "married", label: "Married" },
      { value: "civil_partnership", label: "In a civil partnership" },
      { value: "neither", label: "Neither" },
    ],
  },
  {
    id: "eq_pregnancy_maternity",
    section: "equality",
    label: "Complainants by pregnancy and maternity",
    categories: [
      { value: "pregnant_or_maternity", label: "Pregnant or on maternity leave" },
      { value: "neither", label: "Neither" },
    ],
  },
].map((b) => ({ ...b, categories: [...b.categories, ...unknowns] }));

const isEquality = (b: BreakdownDeclaration) => b.section === "equality";

const equalityBreakdowns: BreakdownDeclaration[] = [...templateV1.breakdowns.filter(isEquality), ...addedCharacteristics].map((b) => ({
  ...b,
  hint: "Optional. If you give any category, the categories must add up to the complainants asked. Published only with small numbers suppressed.",
  totalOf: asked.id,
  disclosureControlled: true,
}));

/** The id of every field template version 2 declares. */
export type FieldIdV2 = Exclude<FieldIdV1, "special_payments_over_threshold"> | "eq_asked";

const fields: FieldDeclaration<FieldIdV2>[] = [
  ...templateV1.fields.filter((f): f is FieldDeclaration<Exclude<FieldIdV1, "special_payments_over_threshold">> => f.id !== "special_payments_over_threshold"),
  asked,
];

const rules: RuleDeclaration[] = [
  ...templateV1.rules,
  ...equalityBreakdowns.map((b): RuleDeclaration => ({ id: `${b.id}_total`, kind: "breakdownTotal", severity: "error", breakdown: b.id, message: "breakdownAddsUp" })),
  { id: "special_payment_complete", kind: "groupItemComplete", severity: "error", group: specialPayments.id, message: "groupItemIncomplete" },
  {
    id: "special_payment_over_threshold",
    kind: "groupItemAbove",
    severity: "error",
    group: specialPayments.id,
    field: "amount",
    above: specialPaymentThreshold,
    message: "specialPaymentNotOverThreshold",
  },
  // A warning, not an error: a payment made late in the last quarter may be reported now, with a word why.
  { id: "special_payment_in_quarter", kind: "groupItemDateInQuarter", severity: "warning", group: specialPayments.id, field: "date_paid", message: "specialPaymentOutsideQuarter" },
];

export const templateV2: TemplateDeclaration<FieldIdV2> = {
  ...templateV1,
  version: 2,
  fields,
  outputs: outputsV1,
  breakdowns: [...templateV1.breakdowns.filter((b) => !isEquality(b)), ...equalityBreakdowns],
  groups: [specialPayments],
  rules,
  measures: oversightMeasures,
};
