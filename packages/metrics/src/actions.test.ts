import { requirePeriod } from "@complaints/domain";
import { describe, expect, it } from "vitest";
import { actionsCompletedOnTime, type ActionForTimeliness } from "./actions.ts";

const q2 = requirePeriod("2025-26 Q2"); // Jul to Sep 2025

describe("actionsCompletedOnTime", () => {
  it("counts, of the actions due in the quarter with a known outcome, those completed by their due date", () => {
    const plans: ActionForTimeliness[] = [
      { dueDate: "2025-07-01", completedDate: "2025-07-01" }, // on time: on the due date itself
      { dueDate: "2025-09-30", completedDate: "2025-08-01" }, // on time
      { dueDate: "2025-08-15", completedDate: "2025-08-16" }, // late by a day
      { dueDate: "2025-09-01", completedDate: null }, // open and past due: late
      { dueDate: "2025-09-30", completedDate: null }, // not yet due on 2025-09-20: left out
      { dueDate: "2025-06-30", completedDate: "2025-06-01" }, // due in the quarter before
      { dueDate: "2025-10-01", completedDate: null }, // due in the quarter after
    ];
    expect(actionsCompletedOnTime(plans, q2, "2025-09-20")).toMatchObject({ dueInQuarter: 5, onTime: 2, late: 1, openOverdue: 1, notYetDue: 1, denominator: 4, value: 0.5 });
  });

  it("gives the figure as it stood on the day: a completion after it is not yet known", () => {
    const plans = [{ dueDate: "2025-08-15", completedDate: "2025-08-10" }];
    expect(actionsCompletedOnTime(plans, q2, "2025-08-01")).toMatchObject({ onTime: 0, notYetDue: 1, denominator: 0, value: null, lower: null, upper: null });
    expect(actionsCompletedOnTime(plans, q2, "2025-08-20")).toMatchObject({ onTime: 1, denominator: 1, value: 1, upper: 1 });
  });

  it("gives the Wilson interval of PHEindicatormethods' test data (65 of 100: 0.5525 to 0.7364 at 95%, 0.4955 to 0.7784 at 99.8%)", () => {
    // ukhsa-collaboration/PHEindicatormethods tests/testthat/testdata_Byars_Wilson.xlsx, sheet testdata_B_W, rows 8 and 11.
    const plans: ActionForTimeliness[] = [
      ...Array.from({ length: 65 }, () => ({ dueDate: "2025-08-01", completedDate: "2025-07-20" })),
      ...Array.from({ length: 20 }, () => ({ dueDate: "2025-08-01", completedDate: "2025-08-20" })),
      ...Array.from({ length: 15 }, () => ({ dueDate: "2025-08-01", completedDate: null })),
    ];
    const at95 = actionsCompletedOnTime(plans, q2, "2025-12-01");
    expect(at95).toMatchObject({ onTime: 65, late: 20, openOverdue: 15, denominator: 100, value: 0.65, confidence: 0.95 });
    expect(at95.lower).toBeCloseTo(0.5525444329688797, 12);
    expect(at95.upper).toBeCloseTo(0.7363575175690247, 12);
    const at998 = actionsCompletedOnTime(plans, q2, "2025-12-01", 0.998);
    expect(at998.lower).toBeCloseTo(0.4954946574070431, 12);
    expect(at998.upper).toBeCloseTo(0.7783540614089697, 12);
  });

  it("pools bodies by summing counts, never by averaging their percentages", () => {
    const big = Array.from({ length: 9 }, () => ({ dueDate: "2025-08-01", completedDate: "2025-07-01" }));
    const small = [{ dueDate: "2025-08-01", completedDate: null }];
    const pooled = actionsCompletedOnTime([...big, ...small], q2, "2025-12-01");
    // (100% + 0%) / 2 would be 50%.
    expect(pooled.value).toBe(0.9);
  });
});
