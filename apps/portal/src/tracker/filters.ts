import { returnStatusLabels } from "@complaints/domain";
import type { Timeliness, TrackerRow, TrackerStatus } from "./tracker-status.tsx";

/** The statuses the filter offers, in workflow order, with their address values (`?status=not-started`). */
export const statusFilters: { value: string; status: TrackerStatus; label: string }[] = [
  { value: "not-started", status: "not started", label: "Not started" },
  ...(["draft", "submitted", "approved", "accepted", "returned"] as const).map((status) => ({ value: status, status, label: returnStatusLabels[status] })),
];

/**
 * Whether a return reached the department in time, as the filter offers it (`?timeliness=late`);
 * "late" and "overdue" together are the key figure "Late or overdue".
 */
export const timelinessFilters: { value: string; timeliness: Timeliness; label: string }[] = [
  { value: "on-time", timeliness: "on time", label: "On time" },
  { value: "late", timeliness: "late", label: "Late: sent after the due date" },
  { value: "overdue", timeliness: "overdue", label: "Overdue: not received by the due date" },
  { value: "not-yet-due", timeliness: "not yet due", label: "Not yet due" },
];

export interface TrackerFilter {
  statuses: TrackerStatus[];
  types: string[];
  timeliness: Timeliness[];
}

/** The filter in the query string: `?status=returned&status=approved&type=executive+agency&timeliness=late`. Unknown values are ignored. */
export function readFilter(params: URLSearchParams): TrackerFilter {
  const statuses = params.getAll("status").flatMap((v) => statusFilters.filter((f) => f.value === v).map((f) => f.status));
  const timeliness = params.getAll("timeliness").flatMap((v) => timelinessFilters.filter((f) => f.value === v).map((f) => f.timeliness));
  return { statuses, types: params.getAll("type").filter((t) => t.trim() !== ""), timeliness };
}

export function writeFilter(filter: TrackerFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const f of statusFilters) if (filter.statuses.includes(f.status)) params.append("status", f.value);
  for (const t of filter.types) params.append("type", t);
  for (const f of timelinessFilters) if (filter.timeliness.includes(f.timeliness)) params.append("timeliness", f.value);
  return params;
}

/** The address of the key figure "Late or overdue": the same bodies the figure counts. */
export const lateOrOverdueSearch = `?${writeFilter({ statuses: [], types: [], timeliness: ["late", "overdue"] }).toString()}`;

export function applyFilter(rows: readonly TrackerRow[], filter: TrackerFilter): TrackerRow[] {
  return rows.filter(
    (r) =>
      (filter.statuses.length === 0 || filter.statuses.includes(r.status)) &&
      (filter.types.length === 0 || filter.types.includes(r.bodyType)) &&
      (filter.timeliness.length === 0 || filter.timeliness.includes(r.timeliness)),
  );
}

/** "executive agency" → "Executive agency". */
export function bodyTypeLabel(type: string): string {
  return type.charAt(0).toUpperCase() + type.slice(1);
}
