import { periodChoiceToAddress, type PeriodChoice } from "./period-address.ts";
import { financialYearCode, formatPeriodCode, formatPeriodLabel, periodFromIndex, periodIndex, requirePeriod } from "./periods.ts";

/** The months a quarter or financial year spans, as the API labels its answers: "Jul to Sep 2026", "Apr 2025 to Mar 2026". */
export function periodChoiceSpan(choice: PeriodChoice): string {
  if (choice.kind === "quarter") return formatPeriodLabel(requirePeriod(choice.period));
  const start = Number(choice.financialYear.slice(0, 4));
  return `Apr ${start} to Mar ${start + 1}`;
}

/** How a page names the period it shows: "Jul to Sep 2026", or "financial year 2025-26 (Apr 2025 to Mar 2026)". */
export function periodChoiceLabel(choice: PeriodChoice): string {
  if (choice.kind === "quarter") return periodChoiceSpan(choice);
  return `financial year ${choice.financialYear} (${periodChoiceSpan(choice)})`;
}

export interface PeriodOption {
  /** The address segment: `2026-27-q2` or `2025-26`. */
  address: string;
  /** "Jul to Sep 2026 (2026-27 Q2)", "Financial year 2025-26 (Apr 2025 to Mar 2026)". */
  text: string;
}

function option(choice: PeriodChoice): PeriodOption {
  const text = choice.kind === "quarter" ? `${periodChoiceSpan(choice)} (${choice.period})` : `Financial year ${choice.financialYear} (${periodChoiceSpan(choice)})`;
  return { address: periodChoiceToAddress(choice), text };
}

/**
 * The periods a page offers: the 8 quarters up to the latest (`latestQuarter`, a period code; none
 * while it is not known), newest first, then the financial years they fall in, and the chosen
 * period last when it is older than those, so the choice on show is always among them.
 */
export function periodOptions(latestQuarter: string | undefined, chosen: PeriodChoice): PeriodOption[] {
  const options: PeriodOption[] = [];
  if (latestQuarter) {
    const last = periodIndex(requirePeriod(latestQuarter));
    const quarters = Array.from({ length: 8 }, (_, k) => periodFromIndex(last - k));
    const years = [...new Set(quarters.map((q) => q.startYear))];
    options.push(...quarters.map((q) => option({ kind: "quarter", period: formatPeriodCode(q) })));
    options.push(...years.map((y) => option({ kind: "year", financialYear: financialYearCode(y) })));
  }
  const current = option(chosen);
  if (!options.some((o) => o.address === current.address)) options.push(current);
  return options;
}

/** A period choice as the API's department-and-period procedures take it: `{ period }` or `{ financialYear }`. */
export function periodChoiceInput(choice: PeriodChoice): { period: string } | { financialYear: string } {
  return choice.kind === "quarter" ? { period: choice.period } : { financialYear: choice.financialYear };
}
