// TEMPORARY: the case engine (packages/domain/src/cases/, the lead's) lands on main at about 16:40;
// until then these are its documented signatures (notes/engine-api.md). Replaced by re-exports
// from @complaints/domain once merged.
import type { CaseFileResult, CaseMapping, CaseOutcome, CasePaymentType, CaseRemedy, CaseSettings, CaseStage, ComputedQuarter, IsoDate } from "@complaints/domain";

export interface CaseRow {
  case_ref: string;
  received_date: IsoDate;
  acknowledged_date: IsoDate | null;
  stage: CaseStage;
  escalated_date: IsoDate | null;
  closed_date: IsoDate | null;
  withdrawn_date: IsoDate | null;
  target_date: IsoDate | null;
  outcome: CaseOutcome | null;
  themes: string[];
  service_area: string | null;
  channel: string | null;
  remedies: CaseRemedy[];
  payment_pence: number | null;
  payment_type: CasePaymentType | null;
  phso_referred_date: IsoDate | null;
}

export interface ReadCasesOptions {
  settings: CaseSettings;
  mapping?: CaseMapping | undefined;
  today: IsoDate;
  onCase?: (row: CaseRow) => void | Promise<void>;
  onProgress?: (bytesRead: number) => void;
}

const pending = () => new Error("The case engine has not landed yet.");
export function readCaseFile(_source: AsyncIterable<Uint8Array>, _options: ReadCasesOptions): Promise<CaseFileResult> {
  return Promise.reject(pending());
}
export function computeCaseReturns(_cases: Iterable<CaseRow>, _settings: CaseSettings, _today: IsoDate): ComputedQuarter[] {
  throw pending();
}
export function casesBehindFigure(_cases: Iterable<CaseRow>, _period: string, _field: string, _settings: CaseSettings): { ref: string; amount: number }[] {
  throw pending();
}
export function caseComputedFields(_settings: CaseSettings): string[] {
  throw pending();
}
