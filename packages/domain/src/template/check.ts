import type { Expression, RuleDeclaration, TemplateDeclaration } from "./declaration.ts";
import { measureTerms } from "./measures.ts";
import { messages } from "./messages.ts";

/** The placeholders a rule fills in its message (validate.ts computes them from the rule itself). */
export function rulePlaceholders(rule: RuleDeclaration): string[] {
  switch (rule.kind) {
    case "compare": {
      const parts = (side: "left" | "right", e: Expression) => ("difference" in e ? [`${side}FirstValue`, `${side}SecondValue`] : []);
      return ["left", "right", "leftValue", "rightValue", ...parts("left", rule.left), ...parts("right", rule.right)];
    }
    case "amountNeedsCount":
      return ["amount", "amountValue", "count"];
    case "breakdownTotal":
      return ["breakdown", "total", "leftValue", "rightValue"];
    case "groupItemComplete":
      return ["item", "missing"];
    case "groupItemAbove":
      return ["label", "value", "threshold"];
    case "groupItemDateInQuarter":
      return ["label", "value", "quarter"];
  }
}

/** Field types that hold a figure, which add up over a period and can be shown by an output. */
const numericTypes: readonly string[] = ["count", "money", "fte"];

/**
 * Problems in a template declaration itself, after ONS eQ's schema validator: duplicate ids, a rule
 * naming an unknown field or message, a total with no parts, a choice field with no choices,
 * a figure that does not say how it adds up (or a stock from no quarter), an output that names no field.
 * Returns plain-English problems; an empty list means the declaration is consistent.
 */
export function checkTemplate(template: TemplateDeclaration): string[] {
  return [
    ...idProblems(template),
    ...fieldProblems(template),
    ...outputProblems(template),
    ...breakdownProblems(template),
    ...template.rules.flatMap((rule, i) => ruleProblems(template, rule, template.rules.slice(0, i))),
    ...carriedAndThemeProblems(template),
    ...measureProblems(template),
  ];
}

const stableCode = /^[a-z][a-z0-9_]*$/;

/** Ids of fields, breakdowns and groups: unique, stable codes, in a declared section; groups' own fields too. */
function idProblems(template: TemplateDeclaration): string[] {
  const problems: string[] = [];
  const sectionIds = new Set(template.sections.map((s) => s.id));
  const ids = new Set<string>();
  for (const item of [...template.fields, ...template.breakdowns]) {
    if (ids.has(item.id)) problems.push(`Duplicate field or breakdown id ${item.id}`);
    ids.add(item.id);
    if (!sectionIds.has(item.section)) problems.push(`${item.id} is in unknown section ${item.section}`);
    if (!stableCode.test(item.id)) problems.push(`${item.id} is not a stable lower-case code`);
  }
  for (const g of template.groups) {
    if (ids.has(g.id)) problems.push(`Duplicate field, breakdown or group id ${g.id}`);
    ids.add(g.id);
    if (!sectionIds.has(g.section)) problems.push(`${g.id} is in unknown section ${g.section}`);
    if (!Number.isInteger(g.maxItems) || g.maxItems < 1) problems.push(`Group ${g.id} must allow at least one item`);
    const own = g.fields.map((f) => f.id);
    if (new Set(own).size !== own.length) problems.push(`Group ${g.id} repeats a field`);
    for (const id of own) if (!stableCode.test(id)) problems.push(`${g.id}.${id} is not a stable lower-case code`);
  }
  return problems;
}

/** Each field's own settings: choices, outlier checks, and how a figure adds up over a period. */
function fieldProblems(template: TemplateDeclaration): string[] {
  const problems: string[] = [];
  for (const field of template.fields) {
    if (field.type === "choice" && !field.choices?.length) problems.push(`Choice field ${field.id} has no choices`);
    if (field.outlierCheck && !["count", "money"].includes(field.type)) problems.push(`Outlier check on non-numeric field ${field.id}`);
    if (field.outlierMinimumDifference !== undefined && (field.type !== "money" || !(field.outlierMinimumDifference >= 0))) {
      problems.push(`Outlier minimum difference on ${field.id} must be pence (0 or more) on a money field`);
    }
  }
  for (const field of template.fields) {
    const numeric = numericTypes.includes(field.type);
    if (numeric && field.aggregation === undefined) problems.push(`${field.id} does not say how it adds up over a period (flow, stock or level)`);
    if (!numeric && field.aggregation !== undefined) problems.push(`${field.id} is not a figure, so it cannot add up as a ${field.aggregation}`);
    if (field.aggregation === "stock" && field.position === undefined) problems.push(`Stock ${field.id} does not say which quarter of a period it is taken from (first or last)`);
    if (field.aggregation !== "stock" && field.position !== undefined) problems.push(`${field.id} has a position but is not a stock`);
  }
  return problems;
}

/** Outputs name known figures, once each; pack tables have distinct keys, other outputs are declared once. */
function outputProblems(template: TemplateDeclaration): string[] {
  const problems: string[] = [];
  const packKeys = new Set<string>();
  for (const output of template.outputs) {
    const name = output.kind === "pack" ? `Pack table ${output.key}` : `Output ${output.kind}`;
    if (output.fields.length === 0) problems.push(`${name} names no field`);
    if (new Set(output.fields).size !== output.fields.length) problems.push(`${name} names a field twice`);
    for (const id of output.fields) {
      const field = template.fields.find((f) => f.id === id);
      if (!field) problems.push(`${name} names unknown field ${id}`);
      else if (!numericTypes.includes(field.type)) problems.push(`${name} names ${id}, which is not a figure`);
    }
    if (output.kind === "pack") {
      if (packKeys.has(output.key)) problems.push(`Duplicate pack table ${output.key}`);
      packKeys.add(output.key);
    } else if (template.outputs.filter((o) => o.kind === output.kind).length > 1) problems.push(`${name} is declared more than once`);
  }
  return problems;
}

/** Breakdowns total a known field and list distinct categories. */
function breakdownProblems(template: TemplateDeclaration): string[] {
  const problems: string[] = [];
  for (const b of template.breakdowns) {
    if (b.totalOf !== undefined && !template.fields.some((f) => f.id === b.totalOf)) problems.push(`Breakdown ${b.id} totals unknown field ${b.totalOf}`);
    if (Array.isArray(b.categories)) {
      if (b.categories.length === 0) problems.push(`Breakdown ${b.id} has no categories`);
      const codes = b.categories.map((c) => c.value);
      if (new Set(codes).size !== codes.length) problems.push(`Breakdown ${b.id} repeats a category`);
    }
  }
  return problems;
}

/** An expression of a rule (`owner` its id) or of a measure (`owner` "measure <id>") names known fields and breakdowns, and totals something. */
function expressionProblems(template: TemplateDeclaration, owner: string, e: Expression): string[] {
  const label = owner.startsWith("measure ") ? `Measure ${owner.slice(8)}` : `Rule ${owner}`;
  const problems: string[] = [];
  if ("field" in e && !template.fields.some((f) => f.id === e.field)) problems.push(`${label} names unknown field ${e.field}`);
  if ("breakdown" in e && !template.breakdowns.some((b) => b.id === e.breakdown)) problems.push(`${label} names unknown breakdown ${e.breakdown}`);
  if ("sum" in e) {
    if (e.sum.length === 0) problems.push(`${label} has a total with no parts`);
    problems.push(...e.sum.flatMap((part) => expressionProblems(template, owner, part)));
  }
  if ("difference" in e) problems.push(...e.difference.flatMap((part) => expressionProblems(template, owner, part)));
  return problems;
}

/** A rule has a unique id, a known message whose placeholders it supplies, and names what exists (`earlier`: the rules before it). */
function ruleProblems(template: TemplateDeclaration, rule: RuleDeclaration, earlier: readonly RuleDeclaration[]): string[] {
  const problems: string[] = [];
  if (earlier.some((r) => r.id === rule.id)) problems.push(`Duplicate rule id ${rule.id}`);
  const text = messages[rule.message];
  if (text === undefined) problems.push(`Rule ${rule.id} uses unknown message ${rule.message}`);
  else {
    const supplied = new Set(rulePlaceholders(rule));
    for (const [, name] of text.matchAll(/\{(\w+)\}/g)) {
      if (!supplied.has(name!)) problems.push(`Rule ${rule.id}'s message ${rule.message} needs {${name}}, which the rule does not supply`);
    }
  }
  return [...problems, ...ruleTargetProblems(template, rule)];
}

/** The fields, group or breakdown a rule checks exist and are of the kind it needs. */
function ruleTargetProblems(template: TemplateDeclaration, rule: RuleDeclaration): string[] {
  if (rule.kind === "compare") return [...expressionProblems(template, rule.id, rule.left), ...expressionProblems(template, rule.id, rule.right)];
  if (rule.kind === "amountNeedsCount") {
    return [rule.amount, rule.count].filter((id) => !template.fields.some((f) => f.id === id)).map((id) => `Rule ${rule.id} names unknown field ${id}`);
  }
  if (rule.kind === "groupItemComplete" || rule.kind === "groupItemAbove" || rule.kind === "groupItemDateInQuarter") {
    const g = template.groups.find((x) => x.id === rule.group);
    if (!g) return [`Rule ${rule.id} names unknown group ${rule.group}`];
    if (rule.kind !== "groupItemComplete" && !g.fields.some((f) => f.id === rule.field)) return [`Rule ${rule.id} names unknown field ${rule.field} of group ${rule.group}`];
    if (rule.kind === "groupItemDateInQuarter" && g.fields.find((f) => f.id === rule.field)?.type !== "date") return [`Rule ${rule.id} checks ${rule.field} of group ${rule.group}, which is not a date`];
    return [];
  }
  const b = template.breakdowns.find((x) => x.id === rule.breakdown);
  if (!b) return [`Rule ${rule.id} names unknown breakdown ${rule.breakdown}`];
  return b.totalOf ? [] : [`Rule ${rule.id} checks breakdown ${rule.breakdown}, which has no total`];
}

/** A field carried from last quarter names a known field; each theme is counted by one field. */
function carriedAndThemeProblems(template: TemplateDeclaration): string[] {
  const problems: string[] = [];
  for (const field of template.fields) {
    if (field.carriedFrom !== undefined && !template.fields.some((f) => f.id === field.carriedFrom)) problems.push(`${field.id} is carried from unknown field ${field.carriedFrom}`);
  }
  const themes = template.fields.flatMap((f) => (f.theme === undefined ? [] : [f.theme]));
  if (new Set(themes).size !== themes.length) problems.push("A theme is counted by more than one field");
  return problems;
}

/** Measures: unique ids, a unit and nouns, sensible decimals, built from fields, sums and differences only. */
function measureProblems(template: TemplateDeclaration): string[] {
  const problems: string[] = [];
  const measureIds = new Set<string>();
  for (const measure of template.measures) {
    if (measureIds.has(measure.id)) problems.push(`Duplicate measure id ${measure.id}`);
    measureIds.add(measure.id);
    if (!Number.isInteger(measure.decimals) || measure.decimals < 0 || measure.decimals > 4) problems.push(`Measure ${measure.id} must give 0 to 4 decimal places`);
    if (!measure.unit.trim()) problems.push(`Measure ${measure.id} has no unit`);
    if (!measure.nouns.numerator.trim() || !measure.nouns.denominator.trim()) problems.push(`Measure ${measure.id} must name what its numerator and denominator count`);
    if (measure.kind === "proportion" && measure.unit !== "%") problems.push(`Measure ${measure.id} is a proportion, so its unit is %`);
    for (const side of [measure.numerator, measure.denominator]) {
      problems.push(...expressionProblems(template, `measure ${measure.id}`, side));
      try {
        measureTerms(side);
      } catch {
        problems.push(`Measure ${measure.id} uses a breakdown or constant; a measure is built from fields, sums and differences`);
      }
    }
  }
  return problems;
}
