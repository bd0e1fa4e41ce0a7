import { oversightMeasures } from "./measures.ts";
import type { BreakdownDeclaration, Choice, FieldDeclaration, OutputDeclaration, RuleDeclaration, TemplateDeclaration } from "./declaration.ts";

/**
 * Template v1 of the quarterly complaints return (DESIGN.md section 2). Definitions are adapted from
 * the NHS written-complaints return (KO41) and the Scottish model complaints handling procedure;
 * the content required comes from the PHSO guide "Capturing and reporting on learning from complaints",
 * Managing Public Money annex A4.14 and the Cabinet Office annual report guidance section 27.
 */

/** A field declared in full, keeping its id's literal type. */
const declared = <const Id extends string>(declaration: FieldDeclaration<Id>): FieldDeclaration<Id> => declaration;

/** A count of complaints (or of `extra.unit`), a flow unless `extra` says otherwise. */
const count = <const Id extends string>(
  id: Id,
  section: string,
  label: string,
  hint?: string,
  extra: Partial<Omit<FieldDeclaration, "id">> = {},
): FieldDeclaration<Id> => ({ id, section, label, type: "count", unit: "complaints", required: true, aggregation: "flow", ...(hint ? { hint } : {}), ...extra });

type StageFieldId<P extends string> = `${P}_${"closed" | "upheld" | "partly_upheld" | "not_upheld" | "within_timescale" | "working_days_total" | "extensions"}`;

const stage = <P extends "er" | "cl">(prefix: P, name: string, when: string): FieldDeclaration<StageFieldId<P>>[] => [
  count(`${prefix}_closed`, "stages", `${name}: complaints closed`, `Complaints ${when} where the body sent its response in the quarter.`, { outlierCheck: true }),
  count(`${prefix}_upheld`, "stages", `${name}: upheld`, "The evidence supports every part of the complaint."),
  count(`${prefix}_partly_upheld`, "stages", `${name}: partly upheld`, "The evidence supports some but not all of the complaint."),
  count(`${prefix}_not_upheld`, "stages", `${name}: not upheld`, "The evidence supports no part of the complaint."),
  count(
    `${prefix}_within_timescale`,
    "stages",
    `${name}: closed within timescale`,
    "Closed by the date shared with the person at the start, or by a later date they agreed.",
  ),
  count(
    `${prefix}_working_days_total`,
    "stages",
    `${name}: total working days to close`,
    "Add up the working days each closed complaint took (Monday to Friday, excluding bank holidays in your nation). Give the total, not an average.",
    { unit: "working days" },
  ),
  count(`${prefix}_extensions`, "stages", `${name}: timescale extended`, "Closed complaints whose timescale was extended with the person's agreement."),
];

const themes = [
  { value: "delay", label: "Delay" },
  { value: "communication", label: "Communication" },
  { value: "staff_conduct", label: "Staff conduct or attitude" },
  { value: "decision", label: "Disagreement with a decision" },
  { value: "process_error", label: "Mistake in following a process" },
  { value: "policy", label: "Policy or law" },
  { value: "accessibility", label: "Accessibility and reasonable adjustments" },
  { value: "digital", label: "Digital services" },
  { value: "data_protection", label: "Data protection and information handling" },
  { value: "discrimination", label: "Discrimination" },
  { value: "charges", label: "Fees, charges and payments" },
  { value: "complaint_handling", label: "Complaint handling" },
  { value: "other", label: "Other" },
] as const satisfies readonly Choice[];
export const themeCodes = themes.map((t) => t.value);

export const channels: Choice[] = [
  { value: "online", label: "Online form" },
  { value: "email", label: "Email" },
  { value: "phone", label: "Phone" },
  { value: "post", label: "Post" },
  { value: "in_person", label: "In person" },
  { value: "other", label: "Other" },
];

const standardsChoices: Choice[] = [
  { value: "met", label: "Met" },
  { value: "partly_met", label: "Partly met" },
  { value: "not_met", label: "Not met" },
  { value: "not_assessed", label: "Not assessed" },
];

const standard = <const Id extends string>(id: Id, label: string, hint: string): FieldDeclaration<`standards_${Id}`> => ({
  id: `standards_${id}` as const,
  section: "assurance",
  label,
  hint,
  type: "choice",
  choices: standardsChoices,
  required: true,
});

const text = <const Id extends string>(id: Id, section: string, label: string, hint: string, required: boolean, maxLength = 5000): FieldDeclaration<Id> => ({
  id,
  section,
  label,
  hint,
  type: "text",
  required,
  maxLength,
});

const fields = [
  // Flow
  count("brought_forward", "flow", "Open at the start of the quarter", "Filled in from last quarter's 'open at the end of the quarter'.", { carriedFrom: "carried_forward", aggregation: "stock", position: "first" }),
  count("received", "flow", "Complaints received", "Complaints first received in the quarter, by any channel, whatever stage they later reach.", { outlierCheck: true }),
  count("withdrawn", "flow", "Complaints withdrawn", "The person withdrew the complaint, or stopped pursuing it, before a response."),
  count("carried_forward", "flow", "Open at the end of the quarter", "Complaints not yet closed or withdrawn at the end of the quarter.", { aggregation: "stock", position: "last" }),
  // Stages
  ...stage("er", "Early resolution", "answered quickly by front-line colleagues"),
  ...stage("cl", "Closer look", "that needed more detailed consideration or investigation"),
  count("escalated_to_closer_look", "stages", "Escalated from early resolution to closer look", "Complaints moved from early resolution to closer look in the quarter."),
  // Themes
  ...themes.map((t) =>
    count(`theme_${t.value}` as const, "themes", `Theme: ${t.label.charAt(0).toLowerCase()}${t.label.slice(1)}`, "Complaints received in the quarter about this. One complaint can count under several themes.", {
      outlierCheck: t.value !== "other",
      theme: t.value,
    }),
  ),
  count("themes_not_recorded", "themes", "Complaints with no theme recorded"),
  text("key_themes", "themes", "Key themes this quarter", "Summarise what people complained about and any change from last quarter.", true),
  text("important_issues", "themes", "Important issues", "Matters of general importance that arose from complaints or complaint handling.", false),
  // Putting things right
  count("remedy_apology", "remedies", "Remedy: apology", "Complaints closed in the quarter with this remedy. One complaint can have several remedies."),
  count("remedy_explanation", "remedies", "Remedy: explanation"),
  count("remedy_decision_changed", "remedies", "Remedy: decision changed"),
  count("remedy_service_provided", "remedies", "Remedy: service provided or put right"),
  count("remedy_financial", "remedies", "Remedy: financial"),
  count("remedy_other", "remedies", "Remedy: other"),
  count("payments_count", "remedies", "Complaints with a payment", "Complaints where a financial remedy was paid in the quarter."),
  declared({ id: "payments_total", section: "remedies", label: "Total paid", hint: "Total of those payments, in pounds and pence.", type: "money", unit: "£", required: true, aggregation: "flow", outlierCheck: true }),
  count("payments_maladministration_count", "remedies", "Payments for maladministration", "Of those, payments of compensation for maladministration (Managing Public Money A4.14.17)."),
  declared({ id: "payments_maladministration_total", section: "remedies", label: "Total paid for maladministration", type: "money", unit: "£", required: true, aggregation: "flow" }),
  count(
    "special_payments_over_threshold",
    "remedies",
    "Special payments over £300,000",
    "Single special payments over £300,000, which Managing Public Money says are disclosed individually.",
    { unit: "payments" },
  ),
  // Independent review and Ombudsman
  count("referred_independent_reviewer", "review", "Referred to an independent reviewer", "For example the Adjudicator or the Independent Case Examiner. Use [z] if your body has no such tier."),
  count("independent_reviewer_upheld", "review", "Independent reviewer: upheld"),
  count("independent_reviewer_partly_upheld", "review", "Independent reviewer: partly upheld"),
  count("independent_reviewer_not_upheld", "review", "Independent reviewer: not upheld"),
  count("phso_referred", "review", "Referred to the Ombudsman", "Complaints the Parliamentary and Health Service Ombudsman told you were referred to it in the quarter.", { shortLabel: "Referred" }),
  count("phso_accepted", "review", "Accepted for investigation by the Ombudsman", undefined, { shortLabel: "Accepted for investigation" }),
  count("phso_reported", "review", "Investigations the Ombudsman reported on", undefined, { shortLabel: "Reported on" }),
  count("phso_upheld", "review", "Ombudsman: upheld in full", undefined, { shortLabel: "Upheld in full" }),
  count("phso_partly_upheld", "review", "Ombudsman: upheld in part", undefined, { shortLabel: "Upheld in part" }),
  count("phso_not_upheld", "review", "Ombudsman: not upheld", undefined, { shortLabel: "Not upheld" }),
  count("phso_recommendations", "review", "Ombudsman recommendations", "Recommendations made in the investigations reported on.", { unit: "recommendations", shortLabel: "Recommendations made" }),
  count("phso_recommendations_complied", "review", "Recommendations complied with", undefined, { unit: "recommendations", shortLabel: "Complied with" }),
  count("phso_recommendations_not_complied", "review", "Recommendations not complied with", undefined, { unit: "recommendations", shortLabel: "Not complied with" }),
  // Feedback on the complaints service
  count("fb_complainant_responses", "feedback", "People who complained: responses", "Responses to your feedback survey from people who complained and those who support them.", { unit: "responses" }),
  count("fb_complainant_positive", "feedback", "People who complained: positive responses", undefined, { unit: "responses" }),
  count("fb_colleague_responses", "feedback", "Colleagues complained about: responses", "Responses from colleagues complained about and involved in the complaints process.", { unit: "responses" }),
  count("fb_colleague_positive", "feedback", "Colleagues complained about: positive responses", undefined, { unit: "responses" }),
  count("fb_handler_responses", "feedback", "Complaint handlers: responses", "Responses from those delivering your complaints service.", { unit: "responses" }),
  count("fb_handler_positive", "feedback", "Complaint handlers: positive responses", undefined, { unit: "responses" }),
  // Other insight
  count("compliments", "insight", "Compliments and thanks", undefined, { unit: "compliments" }),
  count("claims", "insight", "Claims", undefined, { unit: "claims" }),
  count("staff_grievances", "insight", "Staff grievances", undefined, { unit: "grievances" }),
  count("whistleblowing", "insight", "Whistleblowing reports", undefined, { unit: "reports" }),
  text("other_insight", "insight", "Other insight", "What surveys, advocacy providers, social media and other feedback told you.", false),
  // Context and resources
  count("service_volume", "context", "Service volume", "Your main measure of activity in the quarter (applications, cases, customers). Name it in the data quality note.", { unit: "interactions" }),
  declared({ id: "handling_fte", section: "context", label: "Staff time on complaint handling", hint: "Full-time equivalent, to one decimal place.", type: "fte", unit: "FTE", required: true, aggregation: "level" }),
  declared({ id: "handling_cost", section: "context", label: "Cost of complaint handling", hint: "Staff and other costs in the quarter, in pounds and pence.", type: "money", unit: "£", required: true, aggregation: "flow" }),
  count("handlers_total", "context", "Complaint handlers", undefined, { unit: "people", aggregation: "level" }),
  count("handlers_trained", "context", "Complaint handlers trained in the Complaint Standards", undefined, { unit: "people", aggregation: "level" }),
  // Assurance
  standard("learning_culture", "Standard: promoting a learning culture", "How well you meet this area of the Complaint Standards this quarter."),
  standard("welcoming", "Standard: welcoming complaints positively", "How well you meet this area of the Complaint Standards this quarter."),
  standard("thorough_fair", "Standard: being thorough and fair", "How well you meet this area of the Complaint Standards this quarter."),
  standard("fair_accountable", "Standard: giving fair and accountable responses", "How well you meet this area of the Complaint Standards this quarter."),
  declared({ id: "board_review_date", section: "assurance", label: "Date senior leaders last reviewed complaints data", hint: "Senior leaders should review complaints information at least quarterly.", type: "date", required: true }),
  text("learning_summary", "assurance", "What you learnt and changed", "The learning from complaints this quarter and the improvements it led to.", true),
  text("data_quality_note", "assurance", "Data quality note", "Anything unusual about this quarter's figures, and what your service volume counts.", false),
];

/** The id of every field template version 1 declares: a misspelt id where one is named fails the type check. */
export type FieldIdV1 = (typeof fields)[number]["id"];

const prefixed = (prefix: string, labels: string[]): Choice[] =>
  labels.map((label) => ({ value: `${prefix}${label.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "")}`, label }));
const unknowns: Choice[] = [
  { value: "prefer_not_to_say", label: "Prefer not to say" },
  { value: "not_known", label: "Not known" },
];
const equality = (id: string, label: string, categories: Choice[]): BreakdownDeclaration => ({
  id: `eq_${id}`,
  section: "equality",
  label: `Complainants by ${label}`,
  hint: "Optional. Published only with small numbers suppressed.",
  categories: [...categories, ...unknowns],
  disclosureControlled: true,
});

const breakdowns: BreakdownDeclaration[] = [
  {
    id: "received_by_channel",
    section: "breakdowns",
    label: "Complaints received by channel",
    hint: "If you give any channel, the channels must add up to complaints received.",
    categories: channels,
    totalOf: "received",
  },
  {
    id: "received_by_service_area",
    section: "breakdowns",
    label: "Complaints received by service area",
    hint: "Service areas are set up for your body by your department. If you give any, they must add up to complaints received.",
    categories: "service-areas",
    totalOf: "received",
  },
  equality("age", "age", prefixed("", ["Under 18", "18 to 24", "25 to 34", "35 to 44", "45 to 54", "55 to 64", "65 and over"])),
  equality("sex", "sex", [
    { value: "female", label: "Female" },
    { value: "male", label: "Male" },
  ]),
  equality("disability", "disability", [
    { value: "disabled", label: "Disabled" },
    { value: "not_disabled", label: "Not disabled" },
  ]),
  equality("ethnicity", "ethnic group", [
    { value: "asian", label: "Asian or Asian British" },
    { value: "black", label: "Black, Black British, Caribbean or African" },
    { value: "mixed", label: "Mixed or multiple ethnic groups" },
    { value: "white", label: "White" },
    { value: "other", label: "Other ethnic group" },
  ]),
  equality("religion", "religion or belief", [
    { value: "no_religion", label: "No religion" },
    { value: "christian", label: "Christian" },
    { value: "muslim", label: "Muslim" },
    { value: "hindu", label: "Hindu" },
    { value: "sikh", label: "Sikh" },
    { value: "jewish", label: "Jewish" },
    { value: "buddhist", label: "Buddhist" },
    { value: "other", label: "Any other religion" },
  ]),
  equality("sexual_orientation", "sexual orientation", [
    { value: "heterosexual", label: "Straight or heterosexual" },
    { value: "gay_lesbian", label: "Gay or lesbian" },
    { value: "bisexual", label: "Bisexual" },
    { value: "other", label: "Other sexual orientation" },
  ]),
];

const f = (field: FieldIdV1) => ({ field });
const sum = (...ids: FieldIdV1[]) => ({ sum: ids.map(f) });

const stageRules = (prefix: "er" | "cl"): RuleDeclaration[] => [
  {
    id: `${prefix}_outcomes_total`,
    kind: "compare",
    severity: "error",
    left: sum(`${prefix}_upheld`, `${prefix}_partly_upheld`, `${prefix}_not_upheld`),
    comparison: "equal",
    right: f(`${prefix}_closed`),
    message: "outcomesAddUp",
  },
  { id: `${prefix}_within_timescale_max`, kind: "compare", severity: "error", left: f(`${prefix}_within_timescale`), comparison: "atMost", right: f(`${prefix}_closed`), message: "partAtMostWhole" },
  { id: `${prefix}_extensions_max`, kind: "compare", severity: "error", left: f(`${prefix}_extensions`), comparison: "atMost", right: f(`${prefix}_closed`), message: "partAtMostWhole" },
];

const rules: RuleDeclaration[] = [
  {
    id: "flow_balance",
    kind: "compare",
    severity: "error",
    left: f("carried_forward"),
    comparison: "equal",
    right: { difference: [sum("brought_forward", "received"), sum("withdrawn", "er_closed", "cl_closed")] },
    message: "flowBalance",
  },
  {
    id: "flow_not_negative",
    kind: "compare",
    severity: "error",
    left: { difference: [sum("brought_forward", "received"), sum("withdrawn", "er_closed", "cl_closed")] },
    comparison: "atLeast",
    right: { constant: 0 },
    message: "flowNotNegative",
  },
  ...stageRules("er"),
  ...stageRules("cl"),
  {
    id: "escalated_max",
    kind: "compare",
    severity: "error",
    left: f("escalated_to_closer_look"),
    comparison: "atMost",
    right: sum("brought_forward", "received"),
    message: "escalatedAtMostOpen",
  },
  {
    id: "themes_cover_received",
    kind: "compare",
    severity: "warning",
    left: sum(...themes.map((t) => `theme_${t.value}` as const), "themes_not_recorded"),
    comparison: "atLeast",
    right: f("received"),
    message: "themesCoverReceived",
  },
  { id: "channels_total", kind: "breakdownTotal", severity: "error", breakdown: "received_by_channel", message: "breakdownAddsUp" },
  { id: "service_areas_total", kind: "breakdownTotal", severity: "error", breakdown: "received_by_service_area", message: "breakdownAddsUp" },
  {
    id: "independent_reviewer_outcomes_max",
    kind: "compare",
    severity: "warning",
    left: sum("independent_reviewer_upheld", "independent_reviewer_partly_upheld", "independent_reviewer_not_upheld"),
    comparison: "atMost",
    right: f("referred_independent_reviewer"),
    message: "reviewerOutcomesAtMostReferred",
  },
  {
    id: "phso_outcomes_total",
    kind: "compare",
    severity: "error",
    left: sum("phso_upheld", "phso_partly_upheld", "phso_not_upheld"),
    comparison: "equal",
    right: f("phso_reported"),
    message: "outcomesAddUp",
  },
  {
    id: "phso_recommendations_max",
    kind: "compare",
    severity: "error",
    left: sum("phso_recommendations_complied", "phso_recommendations_not_complied"),
    comparison: "atMost",
    right: f("phso_recommendations"),
    message: "partAtMostWhole",
  },
  { id: "maladministration_count_max", kind: "compare", severity: "error", left: f("payments_maladministration_count"), comparison: "atMost", right: f("payments_count"), message: "partAtMostWhole" },
  { id: "maladministration_total_max", kind: "compare", severity: "error", left: f("payments_maladministration_total"), comparison: "atMost", right: f("payments_total"), message: "partAtMostWhole" },
  { id: "payments_need_count", kind: "amountNeedsCount", severity: "error", amount: "payments_total", count: "payments_count", message: "amountNeedsCount" },
  {
    id: "maladministration_needs_count",
    kind: "amountNeedsCount",
    severity: "error",
    amount: "payments_maladministration_total",
    count: "payments_maladministration_count",
    message: "amountNeedsCount",
  },
  ...(["complainant", "colleague", "handler"] as const).map(
    (group): RuleDeclaration => ({
      id: `fb_${group}_positive_max`,
      kind: "compare",
      severity: "error",
      left: f(`fb_${group}_positive`),
      comparison: "atMost",
      right: f(`fb_${group}_responses`),
      message: "partAtMostWhole",
    }),
  ),
  { id: "handlers_trained_max", kind: "compare", severity: "error", left: f("handlers_trained"), comparison: "atMost", right: f("handlers_total"), message: "partAtMostWhole" },
];

/** The Ombudsman's figures (Cabinet Office annual report guidance section 27), in form order. */
const ombudsmanFields = [
  "phso_referred",
  "phso_accepted",
  "phso_reported",
  "phso_upheld",
  "phso_partly_upheld",
  "phso_not_upheld",
  "phso_recommendations",
  "phso_recommendations_complied",
  "phso_recommendations_not_complied",
] as const satisfies readonly FieldIdV1[];

/** The outputs of summed fields (see `OutputDeclaration`), each in the order it shows them. */
export const outputsV1 = [
  {
    kind: "rollup",
    fields: ["brought_forward", "received", "withdrawn", "er_closed", "escalated_to_closer_look", "cl_closed", "carried_forward", "phso_referred", "phso_reported", "payments_count", "payments_total", "compliments", "service_volume"],
  },
  {
    // The Ombudsman's figures (Cabinet Office annual report guidance section 27.2), payments of compensation
    // for maladministration (Managing Public Money A4.14.17), and the cost and staff time of handling complaints (section 27.4).
    kind: "annual-report",
    fields: [
      // The roll-up shows those referred and reported on already.
      ...ombudsmanFields.filter((id) => id !== "phso_referred" && id !== "phso_reported"),
      "payments_maladministration_count",
      "payments_maladministration_total",
      "handling_cost",
      "handling_fte",
    ],
  },
  { kind: "profile-ombudsman", fields: ombudsmanFields },
  { kind: "pack", key: "flow", title: "Flow of complaints", sheet: "Flow", fields: ["brought_forward", "received", "withdrawn", "er_closed", "escalated_to_closer_look", "cl_closed", "carried_forward"] },
  { kind: "pack", key: "stages", title: "Performance by stage", sheet: "Stages", fields: ["er_closed", "er_within_timescale", "er_extensions", "er_working_days_total", "cl_closed", "cl_within_timescale", "cl_extensions", "cl_working_days_total"] },
  { kind: "pack", key: "outcomes", title: "Outcomes by stage", sheet: "Outcomes", fields: ["er_upheld", "er_partly_upheld", "er_not_upheld", "cl_upheld", "cl_partly_upheld", "cl_not_upheld"] },
  {
    kind: "pack",
    key: "remedies",
    title: "Putting things right and payments",
    sheet: "Putting_things_right",
    fields: ["remedy_apology", "remedy_explanation", "remedy_decision_changed", "remedy_service_provided", "remedy_financial", "remedy_other", "payments_count", "payments_total", "payments_maladministration_count", "payments_maladministration_total"],
  },
  {
    kind: "pack",
    key: "review",
    title: "Independent review and the Ombudsman",
    sheet: "Ombudsman",
    fields: [
      "referred_independent_reviewer",
      "independent_reviewer_upheld",
      "independent_reviewer_partly_upheld",
      "independent_reviewer_not_upheld",
      ...ombudsmanFields,
    ],
  },
  { kind: "pack", key: "feedback", title: "Feedback on the complaints service", sheet: "Feedback", fields: ["fb_complainant_responses", "fb_complainant_positive", "fb_colleague_responses", "fb_colleague_positive", "fb_handler_responses", "fb_handler_positive"] },
  { kind: "pack", key: "insight", title: "Other insight", sheet: "Other_insight", fields: ["compliments", "claims", "staff_grievances", "whistleblowing"] },
  { kind: "pack", key: "context", title: "Context and resources", sheet: "Context_and_resources", fields: ["service_volume", "handling_fte", "handling_cost", "handlers_total", "handlers_trained"] },
] as const satisfies readonly OutputDeclaration<FieldIdV1>[];

export const templateV1: TemplateDeclaration<FieldIdV1> = {
  version: 1,
  title: "Quarterly complaints return",
  sections: [
    { id: "flow", title: "Complaints received and open", description: "How many complaints came in, were withdrawn and are still open." },
    { id: "stages", title: "Early resolution and closer look", description: "Complaints closed at each stage, their outcomes and how long they took." },
    { id: "themes", title: "Themes", description: "What complaints were about. One complaint can count under several themes." },
    { id: "breakdowns", title: "Service areas and channels" },
    { id: "remedies", title: "Putting things right" },
    { id: "review", title: "Independent review and the Ombudsman" },
    { id: "feedback", title: "Feedback on the complaints service" },
    { id: "insight", title: "Other insight" },
    { id: "context", title: "Context and resources" },
    { id: "assurance", title: "Assurance", description: "The four areas of the Complaint Standards and senior leaders' review." },
    { id: "equality", title: "Equality monitoring (optional)" },
  ],
  fields,
  outputs: outputsV1,
  breakdowns,
  groups: [],
  rules,
  measures: oversightMeasures,
  outlier: { historyQuarters: 8, threshold: 3.5, minimumHistory: 4, countConfidence: 0.998, minimumDifference: 100_000 },
};
