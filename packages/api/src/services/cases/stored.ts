import { listCasesForQuarter, type Database, type Kysely, type StoredCase } from "@complaints/db";
import { periodDates, requirePeriod, type CaseRow } from "@complaints/domain";

/** The stored form of a case and back: the domain's CaseRow with lists of codes joined by `;`. */

/** The stored form of a case: lists of codes joined by `;`, nothing else than the format's fields. */
export function toStoredCase(row: CaseRow): StoredCase {
  return {
    case_ref: row.case_ref,
    received_date: row.received_date,
    acknowledged_date: row.acknowledged_date,
    stage: row.stage,
    escalated_date: row.escalated_date,
    closed_date: row.closed_date,
    withdrawn_date: row.withdrawn_date,
    target_date: row.target_date,
    outcome: row.outcome,
    themes: row.themes.join(";"),
    service_area: row.service_area,
    channel: row.channel,
    remedies: row.remedies.join(";"),
    payment_pence: row.payment_pence,
    payment_type: row.payment_type,
    phso_referred_date: row.phso_referred_date,
  };
}

/** A stored case as the computation reads it. */
export function fromStoredCase(c: StoredCase): CaseRow {
  return {
    ...c,
    stage: c.stage as CaseRow["stage"],
    outcome: c.outcome as CaseRow["outcome"],
    payment_type: c.payment_type as CaseRow["payment_type"],
    themes: c.themes === "" ? [] : c.themes.split(";"),
    remedies: (c.remedies === "" ? [] : c.remedies.split(";")) as CaseRow["remedies"],
  };
}

/** The stored cases of an import that can count towards a figure of the quarter. */
export async function quarterCases(db: Kysely<Database>, importId: string, period: string): Promise<CaseRow[]> {
  const { start, end } = periodDates(requirePeriod(period));
  return (await listCasesForQuarter(db, importId, start, end)).map(fromStoredCase);
}
