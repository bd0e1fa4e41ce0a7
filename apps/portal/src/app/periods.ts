import { useQuery } from "@tanstack/react-query";
import { formatPeriodCode, parsePeriodCode, periodContaining, periodIndex, previousPeriod, ukDateOf } from "@complaints/domain";
import { procedureQuery } from "@complaints/client";

/**
 * The department's latest quarter: the latest reporting window it has opened, or else the quarter
 * before today's (the one bodies report on now). Pending while the windows load.
 */
export function useLatestQuarter(departmentCode: string): string | undefined {
  const windows = useQuery({ ...procedureQuery("windows.list", { openOnly: false }), staleTime: 60_000 });
  if (windows.isPending) return undefined;
  const own = (windows.data ?? []).filter((w) => w.departmentCode === departmentCode).map((w) => parsePeriodCode(w.period)!);
  const latest = own.toSorted((a, b) => periodIndex(b) - periodIndex(a))[0];
  return formatPeriodCode(latest ?? previousPeriod(periodContaining(ukDateOf(new Date()))));
}
