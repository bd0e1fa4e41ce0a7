import { templateFields, type FieldDeclaration, type TemplateDeclaration } from "@complaints/domain";

export type FieldLookup = (fieldId: string) => FieldDeclaration;

const cache = new WeakMap<TemplateDeclaration, FieldLookup>();

/**
 * A return's field declarations by id, for reading and writing cells. A body's service-area
 * breakdown cells (`complaints_by_area.NORTH`) are counts whose codes the browser does not know in
 * advance; an id the template does not have is read as text, and the server refuses it by name.
 */
export function fieldLookup(template: TemplateDeclaration): FieldLookup {
  let lookup = cache.get(template);
  if (!lookup) {
    const byId = new Map(templateFields(template).map((f) => [f.id, f]));
    const breakdowns = new Map(template.breakdowns.map((b) => [b.id, b]));
    lookup = (fieldId) => {
      const known = byId.get(fieldId);
      if (known) return known;
      const dot = fieldId.indexOf(".");
      const breakdown = dot > 0 ? breakdowns.get(fieldId.slice(0, dot)) : undefined;
      if (breakdown) return { id: fieldId, section: breakdown.section, label: breakdown.label, type: "count", required: false, breakdown: breakdown.id };
      return { id: fieldId, section: "", label: fieldId, type: "text", required: false };
    };
    cache.set(template, lookup);
  }
  return lookup;
}

/** Every field id of the template (service-area cells only as stored), in form order. */
export function templateFieldIds(template: TemplateDeclaration): string[] {
  return templateFields(template).map((f) => f.id);
}
