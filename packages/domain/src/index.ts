export * from "./errors.ts";
export * from "./organisations.ts";
export * from "./periods.ts";
export * from "./roles.ts";
export * from "./robust.ts";
export * from "./workflow.ts";
export * from "./working-days.ts";
export * from "./template/check.ts";
export * from "./template/declaration.ts";
export * from "./template/fields.ts";
export * from "./template/measures.ts";
export * from "./template/messages.ts";
export * from "./template/schema.ts";
export * from "./template/v1.ts";
export * from "./template/v2.ts";
export * from "./template/validate.ts";
export * from "./template/versions.ts";

