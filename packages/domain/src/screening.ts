/**
 * The screener every upload goes through (a returns CSV, a return spreadsheet, a case file), in the
 * manner of DfE's Explore education statistics data screener: each check has a name and a result
 * (pass, warn or fail); failures block the file, warnings do not; the problems found are listed up
 * to a cap with a count of the rest, and the report has one shape whatever the file.
 */

/** The result of one named check: failures block the file, warnings are shown but do not. */
export type CheckResult = "pass" | "warn" | "fail";

/** One problem found in a file: where (the file's row, the column or field) and what. */
export interface ScreenProblem {
  /** The row of the file or sheet (1-based, as a spreadsheet shows it), or null for the whole file. */
  row: number | null;
  /** The column (or, in a return spreadsheet, the field id the row names), or null. */
  column: string | null;
  /** The question's label, where the column is a field of the return. */
  label?: string | null;
  message: string;
}

/** What screening a file came to. Every upload's answer extends it. */
export interface Screening {
  ok: boolean;
  /** The first `maxListedProblems` problems, in the order found. */
  problems: ScreenProblem[];
  /** Problems found beyond those listed. */
  moreProblems: number;
  /** Each check that ran, in the order it first ran, with its result. */
  checks: { check: string; result: CheckResult }[];
}

/** Problems listed in an answer; the rest are counted (DfE's screener lists at most 100). */
export const maxListedProblems = 100;

/**
 * The one collector of a file's problems. A check says it ran (`ran`) and records what it finds
 * (`fail`, `warn`); the first `max` problems are kept and the rest counted, so a file with a
 * million bad rows costs no more memory than one with a hundred.
 */
export class Screener<Check extends string = string> {
  private readonly listed: ScreenProblem[] = [];
  private readonly results = new Map<Check, CheckResult>();
  private more = 0;
  private failed = 0;

  constructor(private readonly max = maxListedProblems) {}

  /** Marks a check as run; it passes unless it records a problem. */
  ran(check: Check): void {
    if (!this.results.has(check)) this.results.set(check, "pass");
  }

  /** A problem that blocks the file. */
  fail(check: Check, problem: ScreenProblem): void {
    this.failed += 1;
    this.results.set(check, "fail");
    this.list(problem);
  }

  /** A problem shown with the answer that does not block the file. */
  warn(check: Check, problem: ScreenProblem): void {
    if (this.results.get(check) !== "fail") this.results.set(check, "warn");
    this.list(problem);
  }

  /** Failures so far: a check that reads on after a bad row compares this before and after it. */
  get failures(): number {
    return this.failed;
  }

  get ok(): boolean {
    return this.failed === 0;
  }

  /** The answer as it stands. */
  result(): Screening {
    return {
      ok: this.ok,
      problems: [...this.listed],
      moreProblems: this.more,
      checks: [...this.results].map(([check, result]) => ({ check, result })),
    };
  }

  private list(problem: ScreenProblem): void {
    if (this.listed.length < this.max) this.listed.push(problem);
    else this.more += 1;
  }
}

/** A problem with the whole file (no row, no column). */
export function fileProblem(message: string): ScreenProblem {
  return { row: null, column: null, message };
}

/** The answer for a file refused by one check before anything else could run (too large, not readable). */
export function refusedBy(check: string, message: string): Screening {
  const screener = new Screener();
  screener.fail(check, fileProblem(message));
  return screener.result();
}

/**
 * An answer with a later check's failures put first: the case import says why a quarter cannot take
 * a file's figures above anything about the file. The cap still holds; the rest are counted.
 */
export function withFailuresFirst(base: Screening, check: string, problems: readonly ScreenProblem[]): Screening {
  const all = [...problems, ...base.problems];
  const listed = all.slice(0, maxListedProblems);
  return {
    ok: false,
    problems: listed,
    moreProblems: base.moreProblems + all.length - listed.length,
    checks: problems.length > 0 ? [...base.checks.filter((c) => c.check !== check), { check, result: "fail" }] : base.checks,
  };
}
