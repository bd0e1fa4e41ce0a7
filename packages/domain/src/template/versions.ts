import { DomainError } from "../errors.ts";
import type { TemplateDeclaration } from "./declaration.ts";
import { templateV1 } from "./v1.ts";
import { templateV2, type FieldIdV2 } from "./v2.ts";
import type { FieldIdV1 } from "./v1.ts";

/** A field id of any template version: naming a field that no version declares fails the type check. */
export type FieldId = FieldIdV1 | FieldIdV2;

/** Templates by version; a stored return records the version it used. */
export const templates: Readonly<Record<number, TemplateDeclaration>> = { 1: templateV1, 2: templateV2 };

/** The template new quarters use. */
export const currentTemplate: TemplateDeclaration<FieldIdV2> = templateV2;

/**
 * The template a stored return was made with. An unknown version is an error, never a silent
 * fallback to the current template: reading a return against the wrong fields would mislabel or
 * drop its figures.
 */
export function requireTemplate(version: number): TemplateDeclaration {
  const template = Object.hasOwn(templates, version) ? templates[version] : undefined;
  if (!template) {
    const known = Object.keys(templates).join(", ");
    throw new DomainError("INVALID_INPUT", `There is no return template version ${version}. The versions are ${known}.`);
  }
  return template;
}
