import { financialYearCode, formatPeriodCode, parsePeriodCode, periodChoiceLabel, periodChoiceToAddress, periodFromIndex, periodIndex, type PeriodChoice } from "@complaints/domain";

export interface PeriodLink {
  text: string;
  /** The address segment: `2026-27-q2` or `2025-26`. */
  segment: string;
  /** Why a link is there: "previous", "next", "year" or "quarter". */
  rel: "previous" | "next" | "year" | "quarter";
}

const quarter = (index: number): PeriodChoice => ({ kind: "quarter", period: formatPeriodCode(periodFromIndex(index)) });
const year = (startYear: number): PeriodChoice => ({ kind: "year", financialYear: financialYearCode(startYear) });

/**
 * Where the Totals page can go from here: from a quarter, the quarters either side and its financial
 * year; from a year, the years either side and its four quarters. Nothing after the latest quarter
 * (`latest`, a period code) is offered, as nothing has been reported for it.
 */
export function periodLinks(choice: PeriodChoice, latest: string | undefined): PeriodLink[] {
  const latestIndex = latest ? periodIndex(parsePeriodCode(latest)!) : Number.POSITIVE_INFINITY;
  const link = (c: PeriodChoice, rel: PeriodLink["rel"], prefix: string): PeriodLink => ({ text: `${prefix}${periodChoiceLabel(c)}`, segment: periodChoiceToAddress(c), rel });
  if (choice.kind === "quarter") {
    const p = parsePeriodCode(choice.period)!;
    const i = periodIndex(p);
    return [
      link(quarter(i - 1), "previous", "Previous quarter: "),
      ...(i + 1 <= latestIndex ? [link(quarter(i + 1), "next", "Next quarter: ")] : []),
      link(year(p.startYear), "year", "The whole "),
    ];
  }
  const start = Number(choice.financialYear.slice(0, 4));
  const firstOfNext = periodIndex({ startYear: start + 1, quarter: 1 });
  return [
    link(year(start - 1), "previous", "Previous year: "),
    ...(firstOfNext <= latestIndex ? [link(year(start + 1), "next", "Next year: ")] : []),
    ...([1, 2, 3, 4] as const).filter((q) => periodIndex({ startYear: start, quarter: q }) <= latestIndex).map((q) => link(quarter(periodIndex({ startYear: start, quarter: q })), "quarter", "")),
  ];
}
