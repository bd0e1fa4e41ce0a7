import type { ServiceArea } from "../organisations.ts";
import type { TemplateDeclaration } from "./declaration.ts";
import { templateFields } from "./fields.ts";
import type { ValidationIssue } from "./validate.ts";

const noServiceAreas: readonly ServiceArea[] = [];
const sectionIndexCache = new WeakMap<TemplateDeclaration, WeakMap<readonly ServiceArea[], Map<string, string>>>();

/** Each field's section, breakdown cells and group items included; built once per template and set of service areas. */
function sectionOfField(template: TemplateDeclaration, serviceAreas: readonly ServiceArea[]): Map<string, string> {
  let byAreas = sectionIndexCache.get(template);
  if (!byAreas) {
    byAreas = new WeakMap();
    sectionIndexCache.set(template, byAreas);
  }
  let index = byAreas.get(serviceAreas);
  if (!index) {
    index = new Map(templateFields(template, serviceAreas).map((f) => [f.id, f.section]));
    byAreas.set(serviceAreas, index);
  }
  return index;
}

/**
 * The sections whose fields a check names, in the template's order: one for a rule about a single
 * section's figures, several for a rule that spans sections (a breakdown that must add up to
 * `received`, a flow balance that needs the stages' closed figures).
 */
export function issueSections(issue: Pick<ValidationIssue, "fieldIds">, template: TemplateDeclaration, serviceAreas: readonly ServiceArea[] = noServiceAreas): string[] {
  const index = sectionOfField(template, serviceAreas);
  const named = new Set(issue.fieldIds.map((id) => index.get(id)).filter((s): s is string => s !== undefined));
  return template.sections.map((s) => s.id).filter((id) => named.has(id));
}

/**
 * Whether every field a check names is in the given section: only such an error stops that
 * section's "Save and continue", since the user can fix it there. An error that spans sections
 * is fixed wherever the user chooses, so it blocks only submitting the return.
 */
export function isWithinSection(issue: Pick<ValidationIssue, "fieldIds">, sectionId: string, template: TemplateDeclaration, serviceAreas: readonly ServiceArea[] = noServiceAreas): boolean {
  const sections = issueSections(issue, template, serviceAreas);
  return sections.length === 1 && sections[0] === sectionId;
}
