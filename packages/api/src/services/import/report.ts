/** One problem found in a file: where (line of the file, column name) and what. */
export interface ImportProblem {
  row: number | null;
  column: string | null;
  message: string;
}

/** The outcome of an import: what was written, or every problem found (and then nothing was written). */
export interface ImportReport {
  ok: boolean;
  /** How the file's bytes were read; null when it was given as text, or could not be read. */
  encoding: "utf-8" | "windows-1252" | null;
  rows: number;
  created: number;
  revised: number;
  unchanged: number;
  /** At most `maxProblems`; `moreProblems` counts the rest (DfE's screener caps at 100). */
  problems: ImportProblem[];
  moreProblems: number;
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

/** The problems of one import, keeping the first `max` and counting the rest. */
export class ProblemList {
  readonly list: ImportProblem[] = [];
  more = 0;
  constructor(private readonly max: number) {}
  add(row: number | null, column: string | null, message: string) {
    if (this.list.length < this.max) this.list.push({ row, column, message });
    else this.more += 1;
  }
  get count() {
    return this.list.length + this.more;
  }
}

export function problemListFor(options: Pick<ImportOptions, "maxProblems">): ProblemList {
  return new ProblemList(options.maxProblems ?? 100);
}

/** The report of an import that wrote nothing. */
export function refusedReport(problems: ProblemList, encoding: ImportReport["encoding"], rows = 0): ImportReport {
  return { ok: false, encoding, rows, created: 0, revised: 0, unchanged: 0, problems: problems.list, moreProblems: problems.more };
}

/** The report of an import refused before its file was read (no such file, too large). */
export function fileRefusedReport(message: string): ImportReport {
  return { ok: false, encoding: null, rows: 0, created: 0, revised: 0, unchanged: 0, problems: [{ row: null, column: null, message }], moreProblems: 0 };
}
