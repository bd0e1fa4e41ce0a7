import type { TrackerRow, TrackerStatus } from "./tracker-status.tsx";

/** The statuses the filter offers, in workflow order, with their address values (`?status=not-started`). */
export const statusFilters: { value: string; status: TrackerStatus; label: string }[] = [
  { value: "not-started", status: "not started", label: "Not started" },
  { value: "draft", status: "draft", label: "In draft" },
  { value: "submitted", status: "submitted", label: "Awaiting sign-off" },
  { value: "approved", status: "approved", label: "Approved, waiting for the department" },
  { value: "accepted", status: "accepted", label: "Accepted" },
  { value: "returned", status: "returned", label: "Returned" },
];

export interface TrackerFilter {
  statuses: TrackerStatus[];
  types: string[];
}

/** The filter in the query string: `?status=returned&status=approved&type=executive+agency`. Unknown values are ignored. */
export function readFilter(params: URLSearchParams): TrackerFilter {
  const statuses = params.getAll("status").flatMap((v) => statusFilters.filter((f) => f.value === v).map((f) => f.status));
  return { statuses, types: params.getAll("type").filter((t) => t.trim() !== "") };
}

export function writeFilter(filter: TrackerFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const f of statusFilters) if (filter.statuses.includes(f.status)) params.append("status", f.value);
  for (const t of filter.types) params.append("type", t);
  return params;
}

export function applyFilter(rows: readonly TrackerRow[], filter: TrackerFilter): TrackerRow[] {
  return rows.filter((r) => (filter.statuses.length === 0 || filter.statuses.includes(r.status)) && (filter.types.length === 0 || filter.types.includes(r.bodyType)));
}

/** "executive agency" → "Executive agency". */
export function bodyTypeLabel(type: string): string {
  return type.charAt(0).toUpperCase() + type.slice(1);
}
