import { periodDates, type IsoDate, type ReportingPeriod } from "@complaints/domain";
import { wilsonInterval } from "@complaints/stats";

/** What the measure needs of a learning action plan (domain `action-plans.ts`). */
export interface ActionForTimeliness {
  readonly dueDate: IsoDate;
  readonly completedDate: IsoDate | null;
}

export interface ActionsOnTime {
  /** Actions whose due date falls in the quarter. */
  readonly dueInQuarter: number;
  /** Completed on or before their due date. */
  readonly onTime: number;
  /** Completed after their due date. */
  readonly late: number;
  /** Not completed by `today` and already past their due date: late whatever happens next. */
  readonly openOverdue: number;
  /** Not completed and not yet past their due date: the outcome is not known, so left out. */
  readonly notYetDue: number;
  /** onTime + late + openOverdue. */
  readonly denominator: number;
  /** onTime ÷ denominator (0–1); null when no action due in the quarter has an outcome yet. */
  readonly value: number | null;
  /** Wilson score limits of the proportion; null with no denominator. */
  readonly lower: number | null;
  readonly upper: number | null;
  readonly confidence: number;
}

/**
 * "Action plans completed on time", one of the oversight measures of DESIGN.md section 3 ("Measures:
 * … action plans completed on time"), from the action plans themselves (section 2: plans are
 * records, not counts), as they stood on `today`.
 *
 * Of the actions due in the quarter (due date from the quarter's first to its last day) whose
 * outcome is known on `today`, the proportion completed on or before their due date. The outcome is
 * known when the action was completed by `today` (on time or late), or when it is still open and its
 * due date has passed (late whatever happens next: leaving these out would reward never finishing
 * an overdue action). An open action not yet past its due date is left out of both sides. Completion
 * dates after `today` are not yet known, so a past quarter gives the figure as it stood then.
 *
 * Pooling across bodies sums numerators and denominators (section 3: "never average percentages");
 * the interval is the Wilson score interval (Wilson 1927, as Fingertips and PHEindicatormethods
 * compute it: `wilsonInterval`).
 */
export function actionsCompletedOnTime(plans: readonly ActionForTimeliness[], quarter: ReportingPeriod, today: IsoDate, confidence = 0.95): ActionsOnTime {
  const { start, end } = periodDates(quarter);
  let dueInQuarter = 0;
  let onTime = 0;
  let late = 0;
  let openOverdue = 0;
  let notYetDue = 0;
  for (const p of plans) {
    if (p.dueDate < start || p.dueDate > end) continue;
    dueInQuarter += 1;
    const completed = p.completedDate !== null && p.completedDate <= today ? p.completedDate : null;
    if (completed !== null) {
      if (completed <= p.dueDate) onTime += 1;
      else late += 1;
    } else if (p.dueDate < today) openOverdue += 1;
    else notYetDue += 1;
  }
  const denominator = onTime + late + openOverdue;
  const interval = denominator > 0 ? wilsonInterval(onTime, denominator, confidence) : null;
  return {
    dueInQuarter,
    onTime,
    late,
    openOverdue,
    notYetDue,
    denominator,
    value: denominator > 0 ? onTime / denominator : null,
    lower: interval?.lower ?? null,
    upper: interval?.upper ?? null,
    confidence,
  };
}
