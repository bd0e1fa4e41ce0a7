import type { Expression, TemplateDeclaration } from "./declaration.ts";
import { messages } from "./messages.ts";

/**
 * Problems in a template declaration itself, after ONS eQ's schema validator: duplicate ids, a rule
 * naming an unknown field or message, a total with no parts, a choice field with no choices.
 * Returns plain-English problems; an empty list means the declaration is consistent.
 */
export function checkTemplate(template: TemplateDeclaration): string[] {
  const problems: string[] = [];
  const sectionIds = new Set(template.sections.map((s) => s.id));
  const ids = new Set<string>();
  for (const item of [...template.fields, ...template.breakdowns]) {
    if (ids.has(item.id)) problems.push(`Duplicate field or breakdown id ${item.id}`);
    ids.add(item.id);
    if (!sectionIds.has(item.section)) problems.push(`${item.id} is in unknown section ${item.section}`);
    if (!/^[a-z][a-z0-9_]*$/.test(item.id)) problems.push(`${item.id} is not a stable lower-case code`);
  }
  const fieldIds = new Set(template.fields.map((f) => f.id));
  const breakdownIds = new Set(template.breakdowns.map((b) => b.id));
  for (const field of template.fields) {
    if (field.type === "choice" && !field.choices?.length) problems.push(`Choice field ${field.id} has no choices`);
    if (field.outlierCheck && !["count", "money"].includes(field.type)) problems.push(`Outlier check on non-numeric field ${field.id}`);
    if (field.outlierMinimumDifference !== undefined && (field.type !== "money" || !(field.outlierMinimumDifference >= 0))) {
      problems.push(`Outlier minimum difference on ${field.id} must be pence (0 or more) on a money field`);
    }
  }
  for (const b of template.breakdowns) {
    if (b.totalOf !== undefined && !fieldIds.has(b.totalOf)) problems.push(`Breakdown ${b.id} totals unknown field ${b.totalOf}`);
    if (Array.isArray(b.categories)) {
      if (b.categories.length === 0) problems.push(`Breakdown ${b.id} has no categories`);
      const codes = b.categories.map((c) => c.value);
      if (new Set(codes).size !== codes.length) problems.push(`Breakdown ${b.id} repeats a category`);
    }
  }
  const checkExpression = (ruleId: string, e: Expression): void => {
    if ("field" in e && !fieldIds.has(e.field)) problems.push(`Rule ${ruleId} names unknown field ${e.field}`);
    if ("breakdown" in e && !breakdownIds.has(e.breakdown)) problems.push(`Rule ${ruleId} names unknown breakdown ${e.breakdown}`);
    if ("sum" in e) {
      if (e.sum.length === 0) problems.push(`Rule ${ruleId} has a total with no parts`);
      e.sum.forEach((part) => checkExpression(ruleId, part));
    }
    if ("difference" in e) e.difference.forEach((part) => checkExpression(ruleId, part));
  };
  const ruleIds = new Set<string>();
  for (const rule of template.rules) {
    if (ruleIds.has(rule.id)) problems.push(`Duplicate rule id ${rule.id}`);
    ruleIds.add(rule.id);
    if (!(rule.message in messages)) problems.push(`Rule ${rule.id} uses unknown message ${rule.message}`);
    if (rule.kind === "compare") {
      checkExpression(rule.id, rule.left);
      checkExpression(rule.id, rule.right);
    } else if (rule.kind === "amountNeedsCount") {
      for (const id of [rule.amount, rule.count]) if (!fieldIds.has(id)) problems.push(`Rule ${rule.id} names unknown field ${id}`);
    } else {
      const b = template.breakdowns.find((x) => x.id === rule.breakdown);
      if (!b) problems.push(`Rule ${rule.id} names unknown breakdown ${rule.breakdown}`);
      else if (!b.totalOf) problems.push(`Rule ${rule.id} checks breakdown ${rule.breakdown}, which has no total`);
    }
  }
  return problems;
}
