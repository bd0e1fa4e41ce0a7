import { requirePeriod } from "@complaints/domain";
import { useMemo } from "react";
import type { Draft } from "./draft/use-draft.ts";
import type { ReturnPageContext } from "./return-route.tsx";
import { currentChecks, type ReturnChecks } from "./section-status.ts";

/** The return's checks for the values as typed (see currentChecks), recomputed only when they change. */
export function useChecks(context: ReturnPageContext, draft: Draft): ReturnChecks {
  const { template, values, notes, validation } = draft;
  const { serviceAreas, periodCode } = context;
  return useMemo(
    () => (template ? currentChecks(values, { template, serviceAreas, notes, period: requirePeriod(periodCode) }, validation) : { errors: [], warnings: [] }),
    [template, values, notes, validation, serviceAreas, periodCode],
  );
}
