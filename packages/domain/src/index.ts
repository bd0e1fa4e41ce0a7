export * from "./errors.ts";
export * from "./organisations.ts";
export * from "./periods.ts";
export * from "./roles.ts";
export * from "./robust.ts";
export * from "./storable-text.ts";
export * from "./workflow.ts";
export * from "./working-days.ts";
export * from "./csv/cells.ts";
export * from "./csv/decode.ts";
export * from "./csv/formula.ts";
export * from "./template/check.ts";
export * from "./template/declaration.ts";
export * from "./template/fields.ts";
export * from "./template/messages.ts";
export * from "./template/schema.ts";
export * from "./template/v1.ts";
export * from "./template/validate.ts";

import { templateV1 } from "./template/v1.ts";
import type { TemplateDeclaration } from "./template/declaration.ts";

/** Templates by version; a stored return records the version it used. */
export const templates: Readonly<Record<number, TemplateDeclaration>> = { 1: templateV1 };
export const currentTemplate = templateV1;
