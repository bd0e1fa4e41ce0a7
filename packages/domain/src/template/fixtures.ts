import type { FieldDeclaration, FieldValue, ReturnValues } from "./declaration.ts";
import { currentTemplate } from "./versions.ts";

/**
 * The figures of the example return (invented), consistent with each other so the return passes every
 * check: the tests across packages rely on them. A field not named here takes its kind's default
 * (`exampleDefault`), so a field added to the template needs no edit here.
 */
const exampleFigures: Record<string, FieldValue> = {
  brought_forward: 40,
  received: 120,
  withdrawn: 5,
  er_closed: 80,
  er_upheld: 20,
  er_partly_upheld: 10,
  er_not_upheld: 50,
  er_within_timescale: 70,
  er_working_days_total: 240,
  er_extensions: 3,
  cl_closed: 30,
  cl_upheld: 8,
  cl_partly_upheld: 7,
  cl_not_upheld: 15,
  cl_within_timescale: 22,
  cl_working_days_total: 750,
  cl_extensions: 4,
  carried_forward: 45,
  escalated_to_closer_look: 12,
  theme_delay: 50,
  theme_communication: 30,
  theme_staff_conduct: 10,
  theme_decision: 20,
  theme_process_error: 8,
  theme_policy: 4,
  theme_accessibility: 3,
  theme_digital: 6,
  theme_data_protection: 2,
  theme_discrimination: 1,
  theme_charges: 2,
  theme_complaint_handling: 5,
  theme_other: 3,
  key_themes: "Delays in processing applications rose after the new system launched.",
  important_issues: null,
  remedy_apology: 25,
  remedy_explanation: 60,
  remedy_decision_changed: 6,
  remedy_service_provided: 10,
  remedy_financial: 4,
  remedy_other: 1,
  payments_count: 4,
  payments_total: 125_050,
  payments_maladministration_count: 2,
  payments_maladministration_total: 50_000,
  referred_independent_reviewer: 6,
  independent_reviewer_upheld: 1,
  independent_reviewer_partly_upheld: 1,
  independent_reviewer_not_upheld: 2,
  phso_referred: 3,
  phso_accepted: 1,
  phso_reported: 2,
  phso_partly_upheld: 1,
  phso_not_upheld: 1,
  phso_recommendations: 2,
  phso_recommendations_complied: 2,
  fb_complainant_responses: 40,
  fb_complainant_positive: 22,
  fb_colleague_responses: 10,
  fb_colleague_positive: 7,
  fb_handler_responses: 12,
  fb_handler_positive: 9,
  compliments: 35,
  claims: 2,
  staff_grievances: 1,
  other_insight: null,
  service_volume: 250_000,
  handling_fte: 6.5,
  handling_cost: 8_200_000,
  handlers_total: 9,
  handlers_trained: 8,
  standards_thorough_fair: "partly_met",
  board_review_date: "2025-07-15",
  learning_summary: "We rewrote the decision letter template after complaints that it was unclear.",
  data_quality_note: "Service volume counts applications received.",
  "received_by_channel.online": 60,
  "received_by_channel.email": 30,
  "received_by_channel.phone": 20,
  "received_by_channel.post": 5,
  "received_by_channel.in_person": 0,
  "received_by_channel.other": 5,
};

/** What the example gives a required field its figures do not name: nothing to add up, so no check can fail. */
function exampleDefault(field: FieldDeclaration): FieldValue {
  switch (field.type) {
    case "count":
    case "money":
    case "fte":
      return 0;
    case "choice":
      return field.choices?.[0]?.value ?? null;
    case "date":
      return "2025-07-15";
    case "text":
      return "Example answer.";
  }
}

/** A complete, consistent return of the current template (v2), used by tests across packages (figures invented). */
export function exampleReturnValues(overrides: Record<string, FieldValue> = {}): Record<string, FieldValue> {
  const defaults = currentTemplate.fields.filter((f) => f.required && !Object.hasOwn(exampleFigures, f.id)).map((f) => [f.id, exampleDefault(f)] as const);
  return { ...exampleFigures, ...Object.fromEntries(defaults), ...overrides };
}

export type { ReturnValues };

/** The same return made with template v1, which counted special payments over £300,000 instead of listing them. */
export function exampleV1ReturnValues(overrides: Record<string, number | string | null> = {}): Record<string, number | string | null> {
  return exampleReturnValues({ special_payments_over_threshold: 0, ...overrides });
}
