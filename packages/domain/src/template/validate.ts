import type { ServiceArea } from "../organisations.ts";
import { formatPeriodLabel, periodDates, type ReportingPeriod } from "../periods.ts";
import { outlierAgainstHistory, type OutlierRule } from "@complaints/stats";
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
import { breakdownCategories, breakdownFieldId, fixedField, groupItemFields, templateFields } from "./fields.ts";
import { formatMessage } from "./messages.ts";

export interface ValidationIssue {
  /** Stable id: a rule id, `required:<field>`, `note:<field>`, `carried:<field>` or `outlier:<field>`. Explanations are keyed by it. */
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
  /**
   * Last quarter's figures as sent to the department (its latest submitted revision). Fields the
   * template carries from it (`carriedFrom`) warn when they differ: the body changed the pre-filled
   * figure, or last quarter was corrected after this quarter was started.
   */
  readonly previous?: ReturnValues;
  /** The return's quarter, for rules about dates within it (a special payment's date paid). */
  readonly period?: ReportingPeriod;
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

type CompareRule = Extract<RuleDeclaration, { kind: "compare" }>;
type GroupRule = Extract<RuleDeclaration, { kind: "groupItemComplete" | "groupItemAbove" | "groupItemDateInQuarter" }>;

const isBlank = (v: FieldValue | undefined) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** A repeating-group rule checks each given item in turn; its issues are `<rule>:<item>`. */
function checkGroupRule(rule: GroupRule, values: ReturnValues, template: TemplateDeclaration, period: ReportingPeriod | undefined): ValidationIssue[] {
  const group = template.groups.find((g) => g.id === rule.group);
  if (!group) return [];
  const issues: ValidationIssue[] = [];
  for (let item = 1; item <= group.maxItems; item += 1) {
    const fields = groupItemFields(group, item);
    const given = fields.filter((f) => !isBlank(values[f.id]));
    if (given.length === 0) continue;
    const issue = (fieldIds: string[], message: string) => issues.push({ id: `${rule.id}:${item}`, severity: rule.severity, fieldIds, message });
    if (rule.kind === "groupItemComplete") {
      const missing = fields.filter((f) => isBlank(values[f.id]));
      if (missing.length === 0) continue;
      const names = missing.map((f) => `‘${f.label.slice(f.label.indexOf(": ") + 2)}’`);
      issue(
        missing.map((f) => f.id),
        formatMessage(rule.message, { item: `${group.label} ${item}`, missing: names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` }),
      );
    } else if (rule.kind === "groupItemDateInQuarter") {
      const field = fields.find((f) => f.id.endsWith(`.${rule.field}`));
      const value = field ? values[field.id] : undefined;
      if (!field || !period || typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) continue;
      const { start, end } = periodDates(period);
      if (value >= start && value <= end) continue;
      issue([field.id], formatMessage(rule.message, { label: field.label, value, quarter: formatPeriodLabel(period) }));
    } else {
      const field = fields.find((f) => f.id.endsWith(`.${rule.field}`));
      const value = field ? numberOf(values, field.id) : undefined;
      if (!field || value === undefined || value > rule.above) continue;
      issue([field.id], formatMessage(rule.message, { label: field.label, value: formatValue(field, value), threshold: formatValue(field, rule.above) }));
    }
  }
  return issues;
}

/**
 * A compare rule's message placeholders, all taken from the rule's own expressions: `{left}` and
 * `{right}` name each side, `{leftValue}` and `{rightValue}` give their values, and where a side
 * is a difference, `{leftFirstValue}` / `{leftSecondValue}` (and `right…`) give the values of its
 * two parts, so no message depends on field ids written here.
 */
function comparePlaceholders(
  rule: CompareRule,
  left: number,
  right: number,
  values: ReturnValues,
  template: TemplateDeclaration,
  serviceAreas: readonly ServiceArea[],
): Record<string, string> {
  const unitField = firstField(rule.left, template) ?? firstField(rule.right, template);
  const leftText = describe(rule.left, template);
  const out: Record<string, string> = {
    left: "field" in rule.left ? `‘${leftText}’` : leftText,
    right: describe(rule.right, template),
    leftValue: formatValue(unitField, left),
    rightValue: formatValue(unitField, right),
  };
  for (const [side, expression] of [["left", rule.left], ["right", rule.right]] as const) {
    if (!("difference" in expression)) continue;
    const [first, second] = expression.difference.map((e) => evaluate(e, values, template, serviceAreas));
    // Both parts have numbers: the difference itself did.
    out[`${side}FirstValue`] = formatValue(firstField(expression.difference[0], template) ?? unitField, first!);
    out[`${side}SecondValue`] = formatValue(firstField(expression.difference[1], template) ?? unitField, second!);
  }
  return out;
}

function checkRule(
  rule: RuleDeclaration,
  values: ReturnValues,
  template: TemplateDeclaration,
  serviceAreas: readonly ServiceArea[],
): ValidationIssue | null {
  const issue = (fieldIds: string[], message: string): ValidationIssue => ({ id: rule.id, severity: rule.severity, fieldIds, message });
  switch (rule.kind) {
    case "groupItemComplete":
    case "groupItemAbove":
    case "groupItemDateInQuarter":
      return null; // checkGroupRule: one issue per item
    case "compare": {
      const left = evaluate(rule.left, values, template, serviceAreas);
      const right = evaluate(rule.right, values, template, serviceAreas);
      if (left === undefined || right === undefined || holds(left, rule.comparison, right)) return null;
      const fieldIds = [...fieldIdsIn(rule.left, template, serviceAreas), ...fieldIdsIn(rule.right, template, serviceAreas)];
      return issue([...new Set(fieldIds)], formatMessage(rule.message, comparePlaceholders(rule, left, right, values, template, serviceAreas)));
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
 * Values to pre-fill a new quarter with: each field the template carries from last quarter
 * (`carriedFrom`) takes last quarter's figure. Only numbers are carried; a marker or blank last
 * quarter leaves the field for the body to fill (a carried marker would need its note again).
 */
export function carriedForwardValues(template: TemplateDeclaration, previous: ReturnValues): Record<string, number> {
  const out: Record<string, number> = {};
  for (const field of template.fields) {
    if (field.carriedFrom === undefined) continue;
    const value = numberOf(previous, field.carriedFrom);
    if (value !== undefined) out[field.id] = value;
  }
  return out;
}

/** A warning for each carried field that differs from last quarter's figure as sent to the department. */
function carriedDifferences(values: ReturnValues, previous: ReturnValues, template: TemplateDeclaration): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const field of template.fields) {
    if (field.carriedFrom === undefined) continue;
    const value = numberOf(values, field.id);
    const before = numberOf(previous, field.carriedFrom);
    if (value === undefined || before === undefined || value === before) continue;
    issues.push({
      id: `carried:${field.id}`,
      severity: "warning",
      fieldIds: [field.id],
      message: formatMessage("carriedChanged", {
        label: field.label,
        value: formatValue(field, value),
        fromLabel: fixedField(template, field.carriedFrom)?.label ?? field.carriedFrom,
        previousValue: formatValue(fixedField(template, field.carriedFrom), before),
      }),
    });
  }
  return issues;
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
    if (rule.kind === "groupItemComplete" || rule.kind === "groupItemAbove" || rule.kind === "groupItemDateInQuarter") {
      issues.push(...checkGroupRule(rule, values, template, context.period));
      continue;
    }
    const found = checkRule(rule, values, template, serviceAreas);
    if (found) issues.push(found);
  }

  if (context.previous) issues.push(...carriedDifferences(values, context.previous, template));

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
