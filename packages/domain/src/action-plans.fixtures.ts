import type { ActionPlanFieldsInput } from "./action-plans.ts";

/** A complete, valid action plan for tests, with any fields replaced. */
export function exampleActionPlan(overrides: Partial<ActionPlanFieldsInput> = {}): ActionPlanFieldsInput {
  return {
    failing: "Letters about renewals went to an old address.",
    sourceComplaints: ["CMP-2025-0412", "CMP-2025-0419"],
    action: "Check the address on file before sending renewal letters.",
    kind: "service",
    owner: "Renewals team",
    startDate: "2025-07-01",
    dueDate: "2025-09-30",
    standards: "Data protection policy; the letters style guide.",
    involvement: ["reviewing_guidance"],
    keptInformed: "Email update each month",
    monitoring: "Monthly sample of 20 letters checked by the team leader.",
    impactMeasure: "Complaints about renewal letters",
    impactBaseline: "12 a quarter",
    impactTarget: "Fewer than 3 a quarter",
    ...overrides,
  };
}
