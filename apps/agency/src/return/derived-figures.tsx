import {
  evaluate,
  fixedField,
  formatMeasure,
  formatValue,
  measureTerms,
  measureValue,
  templateFields,
  type Expression,
  type FieldValue,
  type ServiceArea,
  type TemplateDeclaration,
} from "@complaints/domain";

export interface DerivedFigure {
  key: string;
  label: string;
  value: string;
}

function fieldsOf(expression: Expression): string[] {
  if ("field" in expression) return [expression.field];
  if ("sum" in expression) return expression.sum.flatMap(fieldsOf);
  if ("difference" in expression) return expression.difference.flatMap(fieldsOf);
  return [];
}

const quoted = (template: TemplateDeclaration, ids: string[]) => {
  const labels = ids.map((id) => `‘${fixedField(template, id)?.label ?? id}’`);
  return labels.length <= 1 ? (labels[0] ?? "") : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`;
};

/**
 * Figures worked out from what the user has typed, for one section, all from the template's own
 * declarations and the domain's functions (evaluate, measureTerms, formatValue): the other side
 * of each "must equal" rule (the flow balance gives the complaints open at the end), the total
 * of each breakdown beside the figure it must equal, and each oversight measure the section's
 * fields feed (percentages, rates and averages). Nothing here names a field.
 */
export function derivedFigures(template: TemplateDeclaration, sectionId: string, values: Readonly<Record<string, FieldValue>>, serviceAreas: readonly ServiceArea[]): DerivedFigure[] {
  const inSection = new Set(templateFields(template, serviceAreas).filter((f) => f.section === sectionId).map((f) => f.id));
  const out: DerivedFigure[] = [];
  const show = (key: string, label: string, value: number | undefined, unitField?: string) => {
    if (value === undefined || !Number.isFinite(value)) return;
    out.push({ key, label, value: formatValue(unitField ? fixedField(template, unitField) : undefined, value) });
  };

  for (const rule of template.rules) {
    if (rule.kind !== "compare" || rule.comparison !== "equal") continue;
    if (![...fieldsOf(rule.left), ...fieldsOf(rule.right)].some((id) => inSection.has(id))) continue;
    const compound = (e: Expression) => "sum" in e || "difference" in e;
    if ("field" in rule.left && compound(rule.right)) {
      show(`rule:${rule.id}`, `‘${fixedField(template, rule.left.field)?.label ?? rule.left.field}’ worked out from the other figures`, evaluate(rule.right, values, template, serviceAreas), rule.left.field);
    } else if ("field" in rule.right && "sum" in rule.left) {
      show(`rule:${rule.id}`, `${quoted(template, fieldsOf(rule.left))} added up (must equal ‘${fixedField(template, rule.right.field)?.label ?? rule.right.field}’)`, evaluate(rule.left, values, template, serviceAreas), rule.right.field);
    }
  }

  for (const breakdown of template.breakdowns) {
    if (breakdown.section !== sectionId || !breakdown.totalOf) continue;
    // Blank cells count as 0 in the total, so it shows only once some category is given.
    const cells = templateFields(template, serviceAreas).filter((f) => f.breakdown === breakdown.id);
    if (!cells.some((c) => typeof values[c.id] === "number")) continue;
    const total = evaluate({ breakdown: breakdown.id }, values, template, serviceAreas);
    const target = fixedField(template, breakdown.totalOf);
    show(`breakdown:${breakdown.id}`, `Total of ‘${breakdown.label}’ (must equal ‘${target?.label ?? breakdown.totalOf}’ when given)`, total);
  }

  for (const measure of template.measures) {
    const terms = [...measureTerms(measure.numerator), ...measureTerms(measure.denominator)];
    if (!terms.some((t) => inSection.has(t.field))) continue;
    const numerator = evaluate(measure.numerator, values, template, serviceAreas);
    const denominator = evaluate(measure.denominator, values, template, serviceAreas);
    if (numerator === undefined || denominator === undefined || denominator <= 0) continue;
    // A sentence-like figure in the measure's declared unit ("75%", "20 per 10,000", "4 working days").
    const value = formatMeasure(measure, measureValue(measure, numerator, denominator), { unit: true, fixedDecimals: false });
    out.push({ key: `measure:${measure.id}`, label: measure.label, value });
  }
  return out;
}

/** The derived figures, in a polite live region that is always there, so changes are announced. */
export function DerivedFigures({ figures }: { figures: DerivedFigure[] }) {
  return (
    <div className="app-derived-figures" aria-live="polite">
      {figures.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Worked out from your answers</h2>
          <dl className="govuk-summary-list">
            {figures.map((f) => (
              <div key={f.key} className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">{f.label}</dt>
                <dd className="govuk-summary-list__value">{f.value}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </div>
  );
}
