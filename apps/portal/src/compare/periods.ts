import { financialYearCode, formatPeriodCode, formatPeriodLabel, parsePeriodCode, periodFromIndex, periodIndex, periodToAddress, type PeriodChoice } from "@complaints/domain";

export interface PeriodOption {
  address: string;
  text: string;
}

/** How a period choice reads: "Jul to Sep 2026" or "financial year 2025-26 (Apr 2025 to Mar 2026)". */
export function choiceLabel(choice: PeriodChoice): string {
  if (choice.kind === "quarter") return formatPeriodLabel(parsePeriodCode(choice.period)!);
  const start = Number(choice.financialYear.slice(0, 4));
  return `financial year ${choice.financialYear} (Apr ${start} to Mar ${start + 1})`;
}

/** The quarters to choose from (the latest 8, newest first) and the financial years they fall in, with the current choice always among them. */
export function periodOptions(latest: string, current: PeriodChoice): PeriodOption[] {
  const last = periodIndex(parsePeriodCode(latest)!);
  const quarters = Array.from({ length: 8 }, (_, k) => periodFromIndex(last - k));
  const years = [...new Set(quarters.map((q) => q.startYear))];
  const options: PeriodOption[] = [
    ...quarters.map((q) => ({ address: periodToAddress(formatPeriodCode(q)), text: `${formatPeriodLabel(q)} (${formatPeriodCode(q)})` })),
    ...years.map((y) => ({ address: financialYearCode(y), text: `Financial year ${financialYearCode(y)} (Apr ${y} to Mar ${y + 1})` })),
  ];
  const currentAddress = current.kind === "quarter" ? periodToAddress(current.period) : current.financialYear;
  if (!options.some((o) => o.address === currentAddress)) options.unshift({ address: currentAddress, text: choiceLabel(current) });
  return options;
}
