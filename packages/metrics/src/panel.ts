/**
 * The matched panel for comparing a period with an earlier one (DESIGN.md section 3: comparisons
 * over time compare like with like). Totals over whoever has sent so far move when the mix of bodies
 * changes (a body late with its return, one joining, one closing), not because anything got better or
 * worse; so a change is worked out only over the body-quarters counted in both periods. A body counts
 * for a quarter when it sent that quarter in both years, so one missing quarter leaves out that
 * quarter only, not the body's whole year.
 */

export interface PanelBody {
  readonly key: string;
  /** The body's name, as the caller wants it printed. */
  readonly name: string;
  /** Expected to report in the later period (open in at least one of its quarters). */
  readonly expected: boolean;
}

export interface MatchedPanelInput {
  readonly bodies: readonly PanelBody[];
  /** The quarters of the later period, in order (`2026-27 Q2`, or the four of a financial year). */
  readonly current: readonly string[];
  /** The quarters they are compared with, in the same order (the same quarters a year earlier). */
  readonly earlier: readonly string[];
  /** The body-quarters that count (sent), in either period; others are ignored. */
  readonly counted: readonly { readonly key: string; readonly period: string }[];
}

/** Why a body has no matched quarter at all. */
export type LeftOutReason =
  /** Expected in the later period but nothing counts for it yet. */
  | "not-sent"
  /** Sent for the later period, but nothing for the earlier one (new, or did not report then). */
  | "none-earlier"
  /** Sent in both periods, but never the same quarter in both. */
  | "no-quarter-in-both"
  /** Not expected in the later period (closed, or not open yet), though it sent in the earlier one. */
  | "not-expected";

export interface MatchedPanel {
  /** Matched body-quarters: each pairs a quarter of the later period with the same quarter earlier. */
  readonly pairs: readonly { readonly key: string; readonly current: string; readonly earlier: string }[];
  /** Bodies expected in the later period. */
  readonly expected: number;
  /** Bodies with at least one matched quarter, in the order given. */
  readonly covered: readonly { readonly key: string; readonly name: string }[];
  /** Covered bodies with some quarters left out: the later period's quarters not matched. */
  readonly partly: readonly { readonly key: string; readonly name: string; readonly quarters: readonly string[] }[];
  /** Bodies expected now, or that sent in either period, with no matched quarter. */
  readonly leftOut: readonly { readonly key: string; readonly name: string; readonly reason: LeftOutReason }[];
  /**
   * The panel covers half the bodies expected or fewer: a change over it says little about the
   * whole, so outputs lead with coverage and give no headline change.
   */
  readonly lowCoverage: boolean;
}

/** The body-quarters counted in both periods, and the bodies covered and left out (see the file comment). */
export function matchedPanel(input: MatchedPanelInput): MatchedPanel {
  if (input.current.length !== input.earlier.length) throw new RangeError("the two periods must have the same number of quarters");
  const sent = new Set(input.counted.map((c) => `${c.key}\u0000${c.period}`));
  const has = (key: string, period: string) => sent.has(`${key}\u0000${period}`);
  const pairs: { key: string; current: string; earlier: string }[] = [];
  const covered: { key: string; name: string }[] = [];
  const partly: { key: string; name: string; quarters: string[] }[] = [];
  const leftOut: { key: string; name: string; reason: LeftOutReason }[] = [];
  for (const body of input.bodies) {
    const matched = input.current.map((q, i) => has(body.key, q) && has(body.key, input.earlier[i]!));
    const sentNow = input.current.some((q) => has(body.key, q));
    const sentThen = input.earlier.some((q) => has(body.key, q));
    if (matched.some(Boolean)) {
      covered.push({ key: body.key, name: body.name });
      input.current.forEach((q, i) => {
        if (matched[i]) pairs.push({ key: body.key, current: q, earlier: input.earlier[i]! });
      });
      // A quarter neither year sent (the body was not open then) is not a gap in the comparison.
      const gaps = input.current.filter((q, i) => !matched[i] && (has(body.key, q) || has(body.key, input.earlier[i]!)));
      if (gaps.length > 0) partly.push({ key: body.key, name: body.name, quarters: gaps });
      continue;
    }
    if (!body.expected && !sentNow && !sentThen) continue;
    const reason: LeftOutReason = !body.expected && !sentNow ? "not-expected" : !sentNow ? "not-sent" : !sentThen ? "none-earlier" : "no-quarter-in-both";
    leftOut.push({ key: body.key, name: body.name, reason });
  }
  const expected = input.bodies.filter((b) => b.expected).length;
  return { pairs, expected, covered, partly, leftOut, lowCoverage: covered.length * 2 <= expected };
}
