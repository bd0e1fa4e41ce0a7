/**
 * Figures an import or upload changes in a draft. Before a file replaces figures a team already
 * has, it is shown how many change and the headline ones, before → after, and asked to confirm.
 */

/** The figures a team checks first, in the return's order. */
export const headlineFields: readonly string[] = ["received", "withdrawn", "carried_forward", "er_closed", "er_within_timescale", "cl_closed", "cl_within_timescale", "escalated_to_closer_look"];

export function headlineChanges<T extends { field: string }>(changes: readonly T[]): T[] {
  return changes.filter((c) => headlineFields.includes(c.field));
}

/** Whether the changes replace or blank a figure the draft holds: a draft with no figures yet is filled in without asking. */
export function replacesFigures(changes: readonly { from: unknown }[]): boolean {
  return changes.some((c) => c.from !== null && c.from !== undefined);
}
