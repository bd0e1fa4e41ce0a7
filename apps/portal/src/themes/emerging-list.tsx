import { Link } from "react-router";
import { formatCount } from "./format.ts";

/** An emerging theme as `metrics.themes` and `metrics.profile` give it. */
export interface EmergingItem {
  scope: "body" | "department";
  organisationCode: string;
  name: string;
  theme: string;
  themeLabel: string;
  periodLabel: string;
  value: number;
  count: number | null;
  received: number | null;
  reason: string;
  reasonText: string;
  mean: number | null;
  upperLimit: number | null;
  trial: boolean;
}

const oneDecimal = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** One emerging theme in a sentence: how high, in which quarter, against its mean and limit, and why it counts as emerging. */
export function emergingSentence(e: EmergingItem & { reason: string }): string {
  const figures = [e.value, e.mean, e.upperLimit].filter((n): n is number => n !== null);
  // One decimal place, unless that would print the value and its mean or limit as the same number.
  const precise = new Set(figures.map((n) => oneDecimal.format(n))).size < figures.length;
  const rate = (n: number | null) => (n === null ? "–" : (precise ? twoDecimals : oneDecimal).format(n));
  const counts = e.count !== null && e.received !== null ? ` (${formatCount(e.count)} of ${formatCount(e.received)} complaints)` : "";
  const mean = rate(e.mean);
  const limit = rate(e.upperLimit);
  const why: Record<string, string> = {
    "above-upper-limit": `above its upper process limit of ${limit} (its mean is ${mean})`,
    "run-above-mean": `the latest of 7 or more quarters in a row above its mean of ${mean} (upper process limit ${limit})`,
    "rising-trend": `the latest of 7 or more quarters rising in a row (its mean is ${mean}, upper process limit ${limit})`,
    "two-of-three-high": `2 of the last 3 quarters close to its upper process limit of ${limit} (its mean is ${mean})`,
  };
  const trial = e.trial ? " These are trial limits, from fewer than 12 quarters." : "";
  return `${rate(e.value)} per 100 complaints received in ${e.periodLabel}${counts}, ${why[e.reason] ?? e.reasonText}.${trial}`;
}

/**
 * Emerging themes listed in words (never only as marks on a chart): department first, each body's
 * name a link to its profile when `profileHref` is given.
 */
export function EmergingList({ items, profileHref, departmentLabel }: { items: readonly EmergingItem[]; profileHref?: (code: string) => string; departmentLabel?: string }) {
  return (
    <ul className="govuk-list govuk-list--bullet app-emerging-list">
      {items.map((e) => (
        <li key={`${e.organisationCode} ${e.theme}`}>
          <strong>{e.themeLabel}</strong>
          {" at "}
          {e.scope === "department" ? (
            <>{departmentLabel ?? e.name}</>
          ) : profileHref ? (
            <Link className="govuk-link" to={profileHref(e.organisationCode)}>
              {e.name}
            </Link>
          ) : (
            e.name
          )}
          {": "}
          {emergingSentence(e)}
        </li>
      ))}
    </ul>
  );
}
