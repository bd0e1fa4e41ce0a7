import { DomainError } from "@complaints/domain";
import type { ServiceContext } from "../actor.ts";

export interface AnnualReportRequest {
  departmentCode: string;
  financialYear: string;
}

export interface AnnualReportSection {
  departmentCode: string;
  departmentName: string;
  financialYear: string;
  /** The section as HTML (headings, paragraphs, tables), ready to paste. */
  html: string;
  /** The same as plain text. */
  text: string;
  fileName: string;
}

/** The annual report complaints section for a department and financial year. */
export async function annualReportSection(_ctx: ServiceContext, _input: AnnualReportRequest): Promise<AnnualReportSection> {
  throw new DomainError("INVALID_INPUT", "The annual report section is being built.");
}
