import { ReturnStatusTag } from "@complaints/ui";
import { type QueryOutput } from "@complaints/client";

export type Tracker = QueryOutput<"tracker.forPeriod">;
export type TrackerRow = Tracker["rows"][number];
export type TrackerStatus = TrackerRow["status"];
export type Timeliness = TrackerRow["timeliness"];

/** A row's status as the tracker names it ("Waiting for sign-off", "Returned by the department", …). */
export function TrackerStatusTag({ row }: { row: Pick<TrackerRow, "status" | "statusLabel"> }) {
  return <ReturnStatusTag status={row.status} text={row.statusLabel} />;
}

export const timelinessLabels: Record<Timeliness, string> = {
  "on time": "On time",
  late: "Late",
  overdue: "Overdue: not received by the due date",
  "not yet due": "Not yet due",
  "not recorded": "Not recorded (loaded from history)",
};

/**
 * Whether the department can open the return: it has been sent (approved or accepted, or a
 * correction is being prepared on top of a sent revision), or the department returned it (the
 * review page then says so). A draft, or one awaiting the body's sign-off, shows its status only.
 */
export function canOpenReturn(row: Pick<TrackerRow, "status" | "correctionInProgress" | "returnedBy">): boolean {
  return row.status === "approved" || row.status === "accepted" || row.correctionInProgress || row.returnedBy === "department";
}
