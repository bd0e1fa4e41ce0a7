import { subtreeCodes } from "@complaints/domain";
import { useQuery } from "@tanstack/react-query";
import { procedureQuery } from "@complaints/client";

/** The department's bodies by name (closed ones too: their plans and past returns still count), for filters. */
export function useDepartmentBodies(departmentCode: string) {
  return useQuery({
    ...procedureQuery("organisations.list", undefined),
    staleTime: 300_000,
    select: (all) => {
      const below = new Set(subtreeCodes(all, departmentCode));
      return all.filter((o) => o.kind === "body" && below.has(o.code)).sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
    },
  });
}
