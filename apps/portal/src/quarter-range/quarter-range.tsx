import { formatPeriodCode, formatPeriodLabel, parsePeriodCode, periodFromAddress, periodIndex, periodsEndingWith, periodToAddress } from "@complaints/domain";
import { Button, Select } from "@complaints/ui";
import type { FormEvent, ReactNode } from "react";
import { useSearchParams } from "react-router";

/**
 * A range of quarters in the query string (`?from=2025-26-q3&to=2026-27-q2`), so a view can be
 * shared. A value that is not a quarter's address is reported, and the API's default used instead.
 */
export interface QuarterRange {
  /** Period codes (`2025-26 Q3`), or undefined for the API's default. */
  from: string | undefined;
  to: string | undefined;
  /** What in the address could not be read, in words. */
  problems: { field: "from" | "to"; message: string }[];
}

export function useQuarterRange(): QuarterRange {
  const [params] = useSearchParams();
  const problems: QuarterRange["problems"] = [];
  const read = (field: "from" | "to") => {
    const raw = params.get(field);
    if (raw === null || raw === "") return undefined;
    const period = periodFromAddress(raw);
    if (!period) problems.push({ field, message: `The ${field === "from" ? "first" : "last"} quarter in the address, ‘${raw}’, is not a quarter like 2025-26-q3` });
    return period ?? undefined;
  };
  const from = read("from");
  const to = read("to");
  return { from, to, problems };
}

/** How many quarters the choosers offer, ending at the latest: five years. */
const offered = 20;

/**
 * Two selects (first and last quarter) and a button; submitting writes them, and any `children`
 * fields, into the query string. `from` and `to` are the range the page shows (the API's answer).
 */
export function QuarterRangeForm(props: { from: string | null; to: string | null; latest: string | undefined; children?: ReactNode; legend?: string }) {
  const [params, setParams] = useSearchParams();
  const ends = [props.latest, props.to].filter((p): p is string => !!p).map((p) => parsePeriodCode(p)!);
  const last = ends.toSorted((a, b) => periodIndex(b) - periodIndex(a))[0];
  const quarters = last ? periodsEndingWith(last, offered).map(formatPeriodCode) : [];
  for (const chosen of [props.from, props.to]) if (chosen && !quarters.includes(chosen)) quarters.push(chosen);
  quarters.sort((a, b) => periodIndex(parsePeriodCode(a)!) - periodIndex(parsePeriodCode(b)!));
  const items = quarters.map((q) => ({ value: periodToAddress(q), text: formatPeriodLabel(parsePeriodCode(q)!) }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new URLSearchParams(params);
    for (const [name, value] of new FormData(event.currentTarget)) next.set(name, String(value));
    setParams(next);
  }

  return (
    <form method="get" onSubmit={onSubmit} className="app-quarter-range" noValidate>
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{props.legend ?? "Quarters to show"}</legend>
        <div className="app-quarter-range__fields">
          <Select key={`from-${props.from}`} id="range-from" name="from" label={{ text: "From" }} items={items} {...(props.from ? { value: periodToAddress(props.from) } : {})} />
          <Select key={`to-${props.to}`} id="range-to" name="to" label={{ text: "To" }} items={items} {...(props.to ? { value: periodToAddress(props.to) } : {})} />
        </div>
        {props.children}
      </fieldset>
      <Button type="submit" text="Show" />
    </form>
  );
}
