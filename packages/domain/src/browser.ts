/**
 * The part of the domain a browser app loads: the template and its rules, the cell codec, periods,
 * workflow and roles. It leaves out the bank-holiday calendars (date-holidays) and the file decoding
 * (iconv-lite), which would add several hundred kilobytes; the server answers working-day questions.
 */
export * from "./action-plans.ts";
export * from "./calendar.ts";
export * from "./errors.ts";
export * from "./format.ts";
export * from "./organisations.ts";
export * from "./periods.ts";
export * from "./period-address.ts";
export * from "./period-choice.ts";
export * from "./roles.ts";
export * from "./storable-text.ts";
export * from "./workflow.ts";
export * from "./csv/cells.ts";
export * from "./csv/formula.ts";
export * from "./template/answers.ts";
export * from "./template/declaration.ts";
export * from "./template/fields.ts";
export * from "./template/input.ts";
export * from "./template/issue-sections.ts";
export * from "./template/measures.ts";
export * from "./template/merge.ts";
export * from "./template/messages.ts";
export * from "./template/schema.ts";
export * from "./template/v1.ts";
export * from "./template/v2.ts";
export * from "./template/validate.ts";
export * from "./template/versions.ts";
export * from "./cases/format.ts";
export * from "./cases/example.ts";
export * from "./figure-changes.ts";
