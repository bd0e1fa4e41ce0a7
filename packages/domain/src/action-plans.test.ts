import { describe, expect, it } from "vitest";
import { actionPlanInputSchema, actionStatus, isPublished, publicationApprovalLapses, publicationState, actionThemeCodes, actionThemeLabel, actionThemes, compareActionPlans, complaintReferenceProblem, type ActionPlanFieldsInput } from "./action-plans.ts";
import { exampleActionPlan } from "./action-plans.fixtures.ts";
import { themeCodes } from "./template/v1.ts";

const validPlan = exampleActionPlan();

describe("complaintReferenceProblem", () => {
  it.each([
    ["CMP-2025-0412", null],
    ["A1/2025/17", null],
    ["ref_99", null],
    ["jo.bloggs@example.com", "looks like an email address"],
    ["someone@", "looks like an email address"],
    ["07700 900123", "looks like a phone number"],
    ["+44 (0)20 7946 0018", "looks like a phone number"],
    ["020-7946-0018", "looks like a phone number"],
    ["John Smith", "looks like a name"],
    ["Smith", "looks like a name"],
    ["Mrs J Smith 2", "looks like a name"],
    ["", "Enter the complaint's reference"],
    ["CMP#12", "is not a pseudonymised reference"],
  ])("%j → %s", (reference, expected) => {
    const problem = complaintReferenceProblem(reference);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toContain(expected);
  });
});

describe("actionPlanInputSchema", () => {
  it("accepts a full plan and fills in the optional parts", () => {
    const parsed = actionPlanInputSchema.parse(validPlan);
    expect(parsed).toMatchObject({ themes: [], publishable: false, publicSummary: "", involvementNote: "", impactResult: "" });
  });

  it.each<[string, Partial<ActionPlanFieldsInput>, string, RegExp]>([
    ["a due date before the start", { dueDate: "2025-06-30" }, "dueDate", /due date must be the same as or after the start date/],
    ["publishable without a summary", { publishable: true }, "publicSummary", /^“You said, we did” summary: enter one/],
    ["a name as a reference", { sourceComplaints: ["Jane Doe"] }, "sourceComplaints.0", /looks like a name/],
    ["no complaint", { sourceComplaints: [] }, "sourceComplaints", /at least one complaint/],
    ["an unknown theme", { themes: ["weather"] }, "themes.0", /Choose themes from/],
    ["not involved with another choice", { involvement: ["not_involved", "visiting"] }, "involvement", /cannot be chosen with another/],
    ["an impossible date", { startDate: "2025-02-30" }, "startDate", /Enter the start date as a real date/],
    ["a NUL in the action", { action: "Fix\u0000it" }, "action", /The action contains a NUL character/],
    ["a blank owner", { owner: "   " }, "owner", /Enter the person or team responsible/],
  ])("refuses %s, naming the field", (_name, change, field, message) => {
    const result = actionPlanInputSchema.safeParse({ ...validPlan, ...change });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path.join(".") === field);
    expect(issue?.message).toMatch(message);
  });

  it("uses the template's theme codes", () => {
    expect(actionThemeCodes).toEqual(themeCodes);
  });

  it("offers the template's themes with their labels", () => {
    expect(actionThemes[0]).toEqual({ code: "delay", label: "Delay" });
    expect(actionThemes.map((t) => t.code)).toContain("complaint_handling");
    expect(actionThemes.map((t) => t.code)).toEqual(actionThemeCodes);
    expect(actionThemeLabel("delay")).toBe("Delay");
    expect(actionThemeLabel("no_such_theme")).toBe("no_such_theme");
  });
});

describe("actionStatus", () => {
  const plan = { startDate: "2025-07-01", dueDate: "2025-09-30", completedDate: null };
  it.each([
    ["2025-06-30", "not_started", "Not started", false],
    ["2025-07-01", "in_progress", "In progress", false],
    ["2025-09-30", "in_progress", "In progress", false],
    ["2025-10-01", "in_progress", "In progress", true],
  ])("on %s is %s (overdue %s)", (today, status, statusLabel, overdue) => {
    expect(actionStatus(plan, today)).toEqual({ status, statusLabel, overdue });
  });

  it("is completed, never overdue, once it has a completion date, even if that was late", () => {
    expect(actionStatus({ ...plan, completedDate: "2025-11-01" }, "2025-12-01")).toEqual({ status: "completed", statusLabel: "Completed", overdue: false });
  });

  it("orders overdue plans first, then by due date", () => {
    const plans = [
      { id: "a", overdue: false, dueDate: "2025-08-01", startDate: "2025-07-01" },
      { id: "b", overdue: true, dueDate: "2025-06-01", startDate: "2025-05-01" },
      { id: "c", overdue: false, dueDate: "2025-07-15", startDate: "2025-07-01" },
      { id: "d", overdue: true, dueDate: "2025-05-01", startDate: "2025-04-01" },
    ];
    expect(plans.sort(compareActionPlans).map((p) => p.id)).toEqual(["d", "b", "c", "a"]);
  });
});

describe("publication of a “you said, we did” summary", () => {
  const approved = { publishable: true, publicSummary: "You said; we did.", completedDate: "2026-12-01", publicationApprovedAt: "2026-12-03T09:00:00.000Z" };
  it.each([
    ["not publishable", { ...approved, publishable: false }, false, "Not for publication"],
    ["publishable, no summary", { ...approved, publicSummary: " " }, false, "Not for publication"],
    ["in progress, ticked publishable", { ...approved, completedDate: null, publicationApprovedAt: null }, false, "Waiting for approval"],
    ["completed, not approved", { ...approved, publicationApprovedAt: null }, false, "Waiting for approval"],
    ["approved but no longer completed", { ...approved, completedDate: null }, false, "Waiting for approval"],
    ["completed and approved", approved, true, "Published 3 December 2026"],
    // The day in the UK: 23:30 on 3 June in UTC is 4 June in London.
    ["approved late in the evening in summer", { ...approved, publicationApprovedAt: "2026-06-03T23:30:00.000Z" }, true, "Published 4 June 2026"],
  ])("%s", (_, plan, published, label) => {
    expect(isPublished(plan)).toBe(published);
    expect(publicationState(plan).publicationLabel).toBe(label);
  });

  it.each([
    ["the summary's text changed", { publicSummary: "You said; we did more." }, true],
    ["the flag was untaken", { publishable: false }, true],
    ["no longer completed", { completedDate: null }, true],
    ["another field changed", {}, false],
  ])("an approval lapses when %s: %s", (_, change, lapses) => {
    expect(publicationApprovalLapses(approved, { ...approved, ...change })).toBe(lapses);
    // Nothing to lapse without an approval.
    expect(publicationApprovalLapses({ ...approved, publicationApprovedAt: null }, { ...approved, ...change })).toBe(false);
  });
});
