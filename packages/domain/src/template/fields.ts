import type { ServiceArea } from "../organisations.ts";
import type { BreakdownDeclaration, FieldDeclaration, GroupDeclaration, OutputDeclaration, OutputKind, TemplateDeclaration } from "./declaration.ts";

/** Field id of one breakdown cell: `received_by_channel.online`. */
export function breakdownFieldId(breakdown: string, category: string): string {
  return `${breakdown}.${category}`;
}

export function breakdownCategories(breakdown: BreakdownDeclaration, serviceAreas: readonly ServiceArea[]) {
  return breakdown.categories === "service-areas"
    ? serviceAreas.map((a) => ({ value: a.code, label: a.label }))
    : breakdown.categories;
}

/** Field id of one field of one item of a repeating group: `special_payments.1.amount`. */
export function groupFieldId(group: string, item: number, field: string): string {
  return `${group}.${item}.${field}`;
}

/** The fields of one item of a repeating group, in order (items count from 1). */
export function groupItemFields(group: GroupDeclaration, item: number): FieldDeclaration[] {
  return group.fields.map((f) => ({
    ...f,
    id: groupFieldId(group.id, item, f.id),
    section: group.section,
    label: `${group.label} ${item}: ${f.label.charAt(0).toLowerCase()}${f.label.slice(1)}`,
    required: false,
    group: group.id,
    item,
  }));
}

/** Every field of the template for one body, breakdowns and repeating groups expanded, in form order. */
export function templateFields(template: TemplateDeclaration, serviceAreas: readonly ServiceArea[] = []): FieldDeclaration[] {
  const out: FieldDeclaration[] = [];
  for (const section of template.sections) {
    out.push(...template.fields.filter((f) => f.section === section.id));
    for (const b of template.breakdowns.filter((x) => x.section === section.id)) {
      for (const c of breakdownCategories(b, serviceAreas)) {
        out.push({
          id: breakdownFieldId(b.id, c.value),
          section: b.section,
          label: `${b.label}: ${c.label}`,
          type: "count",
          required: false,
          aggregation: "flow",
          breakdown: b.id,
        });
      }
    }
    for (const g of template.groups.filter((x) => x.section === section.id)) {
      for (let item = 1; item <= g.maxItems; item += 1) out.push(...groupItemFields(g, item));
    }
  }
  return out;
}

/**
 * Every field any body could have: fixed fields and breakdown cells, with service-area cells
 * matched by pattern since their codes are set per body.
 */
export function isKnownFieldId(template: TemplateDeclaration, id: string, serviceAreas: readonly ServiceArea[] = []): boolean {
  return templateFields(template, serviceAreas).some((f) => f.id === id);
}

const fieldIndexCache = new WeakMap<TemplateDeclaration, Map<string, FieldDeclaration>>();

/** A fixed (non-breakdown) field by id. */
export function fixedField(template: TemplateDeclaration, id: string): FieldDeclaration | undefined {
  let index = fieldIndexCache.get(template);
  if (!index) {
    index = new Map(template.fields.map((f) => [f.id, f]));
    fieldIndexCache.set(template, index);
  }
  return index.get(id);
}

/** The fields that count complaints by theme, in form order: those the template declares with a `theme`. */
export function themeFields(template: TemplateDeclaration): FieldDeclaration[] {
  return template.fields.filter((f) => f.theme !== undefined);
}

/**
 * Which quarters of a period a field's figure comes from: all of them (a flow, summed), the first
 * (a stock at the start, such as complaints open at the start), or the last (a stock at the end, and
 * a level such as staff time, which is not summed over quarters). Over bodies, figures always add up.
 */
export type QuartersTaken = "all" | "first" | "last";

export function quartersTaken(field: Pick<FieldDeclaration, "aggregation" | "position">): QuartersTaken {
  if (field.aggregation === "stock") return field.position === "first" ? "first" : "last";
  return field.aggregation === "level" ? "last" : "all";
}

/** The fields one output shows, in its order (see `OutputDeclaration`); none where the template declares no such output. */
export function outputFields<Id extends string>(template: TemplateDeclaration<Id>, kind: Exclude<OutputKind, "pack">): FieldDeclaration<Id>[] {
  const output = template.outputs.find((o) => o.kind === kind);
  return (output?.fields ?? []).map((id) => requireField(template, id));
}

/** The board pack's figure tables, by body, in order. */
export function packTableOutputs<Id extends string>(template: TemplateDeclaration<Id>): Extract<OutputDeclaration<Id>, { kind: "pack" }>[] {
  return template.outputs.filter((o): o is Extract<OutputDeclaration<Id>, { kind: "pack" }> => o.kind === "pack");
}

/** The outputs that show a field. */
export function outputsShowing<Id extends string>(template: TemplateDeclaration<Id>, id: Id): OutputDeclaration<Id>[] {
  return template.outputs.filter((o) => o.fields.includes(id));
}

/** A fixed field the code names by id; a template without it is a programming error (checkTemplate reports an output naming one). */
export function requireField<Id extends string>(template: TemplateDeclaration<Id>, id: Id): FieldDeclaration<Id> {
  const field = fixedField(template, id) as FieldDeclaration<Id> | undefined;
  if (!field) throw new Error(`Template version ${template.version} has no field ${id}`);
  return field;
}
