import { describe, expect, it } from "vitest";
import { emptyPlanValues, parseReferences, planInput, valuesFromPlan, type PlanView } from "./plan-values.ts";
import { crossFieldIssues } from "./submit-plan.ts";

describe("the plan form's values", () => {
  it("reads complaint references one a line or separated by commas", () => {
    expect(parseReferences("CMP-1\nCMP-2, CMP-3,,\n\n  CMP-4  ")).toEqual(["CMP-1", "CMP-2", "CMP-3", "CMP-4"]);
  });

  it("sends dates as YYYY-MM-DD and names a date typed in part in the form's words", () => {
    const { input, local } = planInput({ ...emptyPlanValues, startDate: { day: "1", month: "6", year: "2026" }, dueDate: { day: "", month: "5", year: "2026" } });
    expect(input.startDate).toBe("2026-06-01");
    expect(local).toEqual({ dueDate: "The due date must include a day" });
  });

  it("sends no summary for an action that is not publishable", () => {
    expect(planInput({ ...emptyPlanValues, publishable: "no", publicSummary: "kept while unticked" }).input.publicSummary).toBe("");
  });

  it("checks the rules between fields with the domain's own schema", () => {
    const { input } = planInput({ ...emptyPlanValues, startDate: { day: "1", month: "6", year: "2026" }, dueDate: { day: "1", month: "5", year: "2026" }, publishable: "yes" });
    expect(crossFieldIssues(input).map((i) => i.field).sort()).toEqual(["dueDate", "publicSummary"]);
  });

  it("fills the form from a stored plan", () => {
    const plan = { sourceComplaints: ["A-1", "B-2"], startDate: "2026-03-07", dueDate: "2026-12-31", involvement: ["visiting"], themes: ["delay"], publishable: true } as unknown as PlanView;
    const values = valuesFromPlan(plan);
    expect(values.sourceComplaints).toBe("A-1\nB-2");
    expect(values.startDate).toEqual({ day: "7", month: "3", year: "2026" });
    expect(values.publishable).toBe("yes");
  });
});
