import { refusedBy, Screener, type ScreenProblem, type Screening } from "@complaints/domain";

/** One problem found in a returns file: where (line of the file, column name) and what. */
export type ImportProblem = ScreenProblem;

/** The checks a returns CSV goes through, in order. */
export type ReturnsCheck = "file" | "encoding" | "csv structure" | "header" | "rows" | "cells" | "arithmetic" | "stored returns";

/** The outcome of an import: what was written, or every problem found (and then nothing was written). */
export interface ImportReport extends Screening {
  /** How the file's bytes were read; null when it was given as text, or could not be read. */
  encoding: "utf-8" | "windows-1252" | null;
  rows: number;
  created: number;
  revised: number;
  unchanged: number;
}

export interface ImportOptions {
  actor: string;
  now: string;
  maxBytes: number;
  /** Record different figures for an existing return as a new revision instead of refusing them. */
  revise?: boolean;
  maxProblems?: number;
  onProgress?: (phase: "checking" | "writing", done: number, total: number) => void;
}

/** The screener of one returns file. */
export type ReturnsScreener = Screener<ReturnsCheck>;

export function screenerFor(options: Pick<ImportOptions, "maxProblems">): ReturnsScreener {
  return new Screener<ReturnsCheck>(options.maxProblems);
}

const nothingWritten = { rows: 0, created: 0, revised: 0, unchanged: 0 };

/** The report of an import that wrote nothing. */
export function refusedReport(screener: ReturnsScreener, encoding: ImportReport["encoding"], rows = 0): ImportReport {
  return { ...screener.result(), encoding, ...nothingWritten, rows };
}

/** The report of an import refused before its file was read (no such file, too large). */
export function fileRefusedReport(message: string): ImportReport {
  return { ...refusedBy("file", message), encoding: null, ...nothingWritten };
}
