import type { ServiceArea } from "../organisations.ts";
import { outlierAgainstHistory, type OutlierRule } from "../robust.ts";
import {
  defaultOutlierCountConfidence,
  defaultOutlierMinimumDifference,
  isMarker,
  markerLabels,
  type Comparison,
  type Expression,
  type FieldDeclaration,
  type FieldValue,
  type ReturnValues,
  type RuleDeclaration,
  type Severity,
  type TemplateDeclaration,
} from "./declaration.ts";
import { breakdownCategories, breakdownFieldId, fixedField, templateFields } from "./fields.ts";
import { formatMessage } from "./messages.ts";

export interface ValidationIssue {
  /** Stable id: a rule id, `required:<field>`, `note:<field>` or `outlier:<field>`. Explanations are keyed by it. */
  readonly id: string;
  readonly severity: Severity;
  readonly fieldIds: readonly string[];
  readonly message: string;
}

export interface ValidationResult {
  readonly errors: readonly ValidationIssue[];
  readonly warnings: readonly ValidationIssue[];
  /** Warnings without a written explanation. */
  readonly unexplained: readonly ValidationIssue[];
  /** No errors and every warning explained. */
  readonly canSubmit: boolean;
}

export interface ValidationContext {
  readonly template: TemplateDeclaration;
  readonly serviceAreas?: readonly ServiceArea[];
  readonly notes?: Readonly<Record<string, string>>;
  readonly explanations?: Readonly<Record<string, string>>;
  /** The body's earlier returns, most recent last; the last `outlier.historyQuarters` are used. */
  readonly history?: readonly ReturnValues[];
}

/** A number, or undefined when the value is blank, a marker or text: the rule cannot be evaluated. */
function numberOf(values: ReturnValues, id: string): number | undefined {
  const v = values[id];
  return typeof v === "number" ? v : undefined;
}

function fieldIdsIn(expression: Expression, template: TemplateDeclaration, serviceAreas: readonly ServiceArea[]): string[] {
  if ("field" in expression) return [expression.field];
  if ("breakdown" in expression) {
    const b = template.breakdowns.find((x) => x.id === expression.breakdown);
    return b ? breakdownCategories(b, serviceAreas).map((c) => breakdownFieldId(b.id, c.value)) : [];
  }
  if ("sum" in expression) return expression.sum.flatMap((e) => fieldIdsIn(e, template, serviceAreas));
  if ("difference" in expression) return expression.difference.flatMap((e) => fieldIdsIn(e, template, serviceAreas));
  return [];
}

/** Evaluates an expression; undefined if any field it needs has no number. Breakdown blanks count as 0. */
export function evaluate(
  expression: Expression,
  values: ReturnValues,
  template: TemplateDeclaration,
  serviceAreas: readonly ServiceArea[] = [],
): number | undefined {
  if ("constant" in expression) return expression.constant;
  if ("field" in expression) return numberOf(values, expression.field);
  if ("breakdown" in expression) {
    return fieldIdsIn(expression, template, serviceAreas).reduce((total, id) => total + (numberOf(values, id) ?? 0), 0);
  }
  if ("sum" in expression) {
    let total = 0;
    for (const part of expression.sum) {
      const v = evaluate(part, values, template, serviceAreas);
      if (v === undefined) return undefined;
      total += v;
    }
    return total;
  }
  const [a, b] = expression.difference;
  const left = evaluate(a, values, template, serviceAreas);
  const right = evaluate(b, values, template, serviceAreas);
  return left === undefined || right === undefined ? undefined : left - right;
}

function holds(left: number, comparison: Comparison, right: number): boolean {
  // Money and FTE can carry float noise; counts are exact.
  const eps = 1e-9;
  if (comparison === "equal") return Math.abs(left - right) < eps;
  if (comparison === "atMost") return left <= right + eps;
  return left >= right - eps;
}

/** Formats a value for a message: thousands separators, pounds for money. */
export function formatValue(field: FieldDeclaration | undefined, value: number): string {
  if (field?.type === "money") {
    return `£${(value / 100).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  }
  return value.toLocaleString("en-GB", { maximumFractionDigits: 1 });
}

function describe(expression: Expression, template: TemplateDeclaration): string {
  if ("field" in expression) return fixedField(template, expression.field)?.label ?? expression.field;
  if ("breakdown" in expression) return template.breakdowns.find((b) => b.id === expression.breakdown)?.label ?? expression.breakdown;
  if ("sum" in expression) {
    const labels = expression.sum.map((e) => `‘${describe(e, template)}’`);
    return labels.length <= 1 ? (labels[0] ?? "") : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`;
  }
  if ("difference" in expression) return `${describe(expression.difference[0], template)} minus ${describe(expression.difference[1], template)}`;
  return String(expression.constant);
}

function firstField(expression: Expression, template: TemplateDeclaration): FieldDeclaration | undefined {
  if ("field" in expression) return fixedField(template, expression.field);
  if ("sum" in expression && expression.sum[0]) return firstField(expression.sum[0], template);
  return undefined;
}

function checkRule(
  rule: RuleDeclaration,
  values: ReturnValues,
  template: TemplateDeclaration,
  serviceAreas: readonly ServiceArea[],
): ValidationIssue | null {
  const issue = (fieldIds: string[], message: string): ValidationIssue => ({ id: rule.id, severity: rule.severity, fieldIds, message });
  switch (rule.kind) {
    case "compare": {
      const left = evaluate(rule.left, values, template, serviceAreas);
      const right = evaluate(rule.right, values, template, serviceAreas);
      if (left === undefined || right === undefined || holds(left, rule.comparison, right)) return null;
      const unitField = firstField(rule.left, template) ?? firstField(rule.right, template);
      const leftText = describe(rule.left, template);
      const singleLeft = "field" in rule.left;
      const fieldIds = [...fieldIdsIn(rule.left, template, serviceAreas), ...fieldIdsIn(rule.right, template, serviceAreas)];
      const closed = evaluate({ sum: [{ field: "withdrawn" }, { field: "er_closed" }, { field: "cl_closed" }] }, values, template);
      const open = evaluate({ sum: [{ field: "brought_forward" }, { field: "received" }] }, values, template);
      return issue(
        [...new Set(fieldIds)],
        formatMessage(rule.message, {
          left: singleLeft ? `‘${leftText}’` : leftText,
          right: describe(rule.right, template),
          leftValue: formatValue(unitField, left),
          rightValue: formatValue(unitField, right),
          closed: closed ?? "",
          open: open ?? "",
        }),
      );
    }
    case "amountNeedsCount": {
      const amount = numberOf(values, rule.amount);
      const n = numberOf(values, rule.count);
      if (amount === undefined || n === undefined || !(amount > 0 && n === 0)) return null;
      const amountField = fixedField(template, rule.amount);
      return issue(
        [rule.amount, rule.count],
        formatMessage(rule.message, {
          amount: amountField?.label ?? rule.amount,
          amountValue: formatValue(amountField, amount),
          count: fixedField(template, rule.count)?.label ?? rule.count,
        }),
      );
    }
    case "breakdownTotal": {
      const breakdown = template.breakdowns.find((b) => b.id === rule.breakdown);
      if (!breakdown?.totalOf) return null;
      const cells = fieldIdsIn({ breakdown: breakdown.id }, template, serviceAreas);
      if (!cells.some((id) => numberOf(values, id) !== undefined)) return null; // not given
      const total = numberOf(values, breakdown.totalOf);
      const parts = evaluate({ breakdown: breakdown.id }, values, template, serviceAreas)!;
      if (total === undefined || parts === total) return null;
      return issue(
        [...cells, breakdown.totalOf],
        formatMessage(rule.message, {
          breakdown: breakdown.label,
          total: fixedField(template, breakdown.totalOf)?.label ?? breakdown.totalOf,
          leftValue: formatValue(undefined, parts),
          rightValue: formatValue(undefined, total),
        }),
      );
    }
  }
}

/**
 * Checks a return against its template: required fields, notes on markers, every declared rule,
 * and the robust outlier check against the body's own history. Errors block submission; each
 * warning needs a written explanation.
 */
export function validateReturn(values: ReturnValues, context: ValidationContext): ValidationResult {
  const { template, notes = {}, explanations = {}, history = [] } = context;
  const serviceAreas = context.serviceAreas ?? [];
  const issues: ValidationIssue[] = [];

  for (const field of templateFields(template, serviceAreas)) {
    const v: FieldValue | undefined = values[field.id];
    if (field.required && (v === null || v === undefined || (typeof v === "string" && v.trim() === ""))) {
      issues.push({ id: `required:${field.id}`, severity: "error", fieldIds: [field.id], message: formatMessage("required", { label: field.label }) });
    } else if (isMarker(v) && !notes[field.id]?.trim()) {
      issues.push({
        id: `note:${field.id}`,
        severity: "error",
        fieldIds: [field.id],
        message: formatMessage("markerNeedsNote", { label: field.label, marker: v, markerLabel: markerLabels[v] }),
      });
    }
  }

  for (const rule of template.rules) {
    const found = checkRule(rule, values, template, serviceAreas);
    if (found) issues.push(found);
  }

  const recent = history.slice(-template.outlier.historyQuarters);
  for (const field of template.fields.filter((f) => f.outlierCheck)) {
    const value = numberOf(values, field.id);
    if (value === undefined) continue;
    const past = recent.map((r) => numberOf(r, field.id)).filter((n): n is number => n !== undefined);
    if (past.length < template.outlier.minimumHistory) continue;
    const { threshold } = template.outlier;
    const rule: OutlierRule =
      field.type === "money"
        ? { kind: "money", threshold, minimumDifference: field.outlierMinimumDifference ?? template.outlier.minimumDifference ?? defaultOutlierMinimumDifference }
        : { kind: "count", threshold, confidence: template.outlier.countConfidence ?? defaultOutlierCountConfidence };
    const score = outlierAgainstHistory(value, past, rule);
    if (score === null) continue;
    issues.push({
      id: `outlier:${field.id}`,
      severity: "warning",
      fieldIds: [field.id],
      message: formatMessage("outlier", {
        label: field.label,
        value: formatValue(field, value),
        quarters: past.length,
        median: formatValue(field, score.median),
      }),
    });
  }

  const errors = issues.filter((i) => i.severity === "error");
  const warnings = issues.filter((i) => i.severity === "warning");
  const unexplained = warnings.filter((w) => !explanations[w.id]?.trim());
  return { errors, warnings, unexplained, canSubmit: errors.length === 0 && unexplained.length === 0 };
}
