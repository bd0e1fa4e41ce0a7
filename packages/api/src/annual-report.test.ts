import { randomUUID } from "node:crypto";
import { insertReturn, insertRevision, type Database, type Kysely } from "@complaints/db";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { DomainError, formatPence, formatPercent, periodIndex, requirePeriod, type FieldValue, type ReturnStatus } from "@complaints/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { annualReportSection } from "./services/reports/annual-report.ts";
import { systemServiceContext } from "./system-context.ts";
import { createWorld, rejection, type World } from "./testing/world.ts";

/**
 * Department A's 2025-26, chosen to add up by hand: A1 (template v1) in Apr to Jun and (approved, so
 * provisional) Jan to Mar; A2 (template v2, which lists special payments one by one) in Jan to Mar.
 * A1's draft must not count. Department B has no returns at all. A2 marked its cost of handling
 * complaints [x], so the cost is A1's only and cost per complaint closed is over A1's returns only.
 */
const year: [string, string, ReturnStatus, 1 | 2, Record<string, FieldValue>][] = [
  [
    "A1", "2025-26 Q1", "accepted", 1,
    {
      received: 100, er_closed: 60, cl_closed: 20, er_within_timescale: 50, cl_within_timescale: 15,
      phso_accepted: 2, phso_reported: 3, phso_upheld: 1, phso_partly_upheld: 1, phso_not_upheld: 1, phso_recommendations: 2, phso_recommendations_complied: 2, phso_recommendations_not_complied: 0,
      payments_maladministration_count: 1, payments_maladministration_total: 50_000, handling_cost: 1_000_000, handling_fte: 2.5, special_payments_over_threshold: 1,
    },
  ],
  ["A1", "2025-26 Q2", "draft", 1, { received: 100_000, phso_accepted: 100_000, handling_cost: 999_999_999 }],
  [
    "A1", "2025-26 Q4", "approved", 1,
    {
      received: 70, er_closed: 50, cl_closed: 10, er_within_timescale: 40, cl_within_timescale: 7,
      phso_accepted: 0, phso_reported: 0, phso_upheld: 0, phso_partly_upheld: 0, phso_not_upheld: 0, phso_recommendations: 0, phso_recommendations_complied: 0, phso_recommendations_not_complied: 0,
      payments_maladministration_count: 0, payments_maladministration_total: 0, handling_cost: 500_000, handling_fte: 3, special_payments_over_threshold: "[x]",
    },
  ],
  [
    "A2", "2025-26 Q4", "accepted", 2,
    {
      received: 50, er_closed: 30, cl_closed: 10, er_within_timescale: 25, cl_within_timescale: 8,
      phso_accepted: 1, phso_reported: 3, phso_upheld: 0, phso_partly_upheld: 1, phso_not_upheld: 2, phso_recommendations: 3, phso_recommendations_complied: 2, phso_recommendations_not_complied: 1,
      payments_maladministration_count: 2, payments_maladministration_total: 125_050, handling_cost: "[x]", handling_fte: 1.5,
      "special_payments.1.amount": 40_000_000, "special_payments.1.date_paid": "2026-02-10", "special_payments.1.description": "Settlement & <costs>",
    },
  ],
  ["A1", "2024-25 Q1", "accepted", 1, { received: 200, er_closed: 150, cl_closed: 30, handling_cost: 3_000_000 }],
];

async function insertReturns(db: Kysely<Database>, by: string, now: string) {
  for (const [organisationCode, period, status, templateVersion, values] of year) {
    const returnId = randomUUID();
    await insertReturn(db, { id: returnId, organisationCode, period, periodIndex: periodIndex(requirePeriod(period)), now, received: status === "draft" ? null : { at: now, dueDate: "2099-01-01" } });
    await insertRevision(db, { id: randomUUID(), returnId, revision: 1, templateVersion, status, values, notes: {}, explanations: {}, by, now });
  }
}

describe.each(testDialects())("the annual report section on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await createWorld(t.db);
    await insertReturns(t.db, world.users.a1Submitter.id, world.now.toISOString());
  });
  afterAll(() => t.close());

  it("gives the department roll-up's sums for the year (metrics.rollup), added up by hand", async () => {
    const caller = world.caller("aOversight");
    const rollup = await caller.metrics.rollup({ departmentCode: "DEPT-A", financialYear: "2025-26" });
    const section = await caller.reports.annualReport({ departmentCode: "DEPT-A", financialYear: "2025-26" });
    expect(section).toMatchObject({ departmentCode: "DEPT-A", departmentName: "Department A", financialYear: "2025-26", fileName: "complaints-annual-report-DEPT-A-2025-26.html" });
    const { text, html } = section;
    const now = rollup.current;
    const sum = (id: string) => [...now.fields, ...now.reportFields].find((f) => f.id === id)!.value!;

    // The roll-up, by hand: A1's two counted returns and A2's; the draft left out.
    expect(now).toMatchObject({ bodies: { expected: 2, counted: 2 }, returns: 3, provisional: true });
    expect(["received", "er_closed", "cl_closed", "phso_accepted", "phso_reported", "phso_upheld", "phso_partly_upheld", "phso_not_upheld"].map(sum)).toEqual([220, 140, 40, 3, 6, 1, 2, 3]);
    expect(["phso_recommendations", "phso_recommendations_complied", "phso_recommendations_not_complied", "payments_maladministration_count", "payments_maladministration_total", "handling_cost"].map(sum)).toEqual([
      5, 4, 1, 3, 175_050, 1_500_000,
    ]);
    expect(now.reportFields.find((f) => f.id === "handling_cost")).toMatchObject({ reported: 2, missing: 1 });
    // A1's two returns gave the cost and both counts closed: £15,000 over 80 + 60 complaints closed.
    expect(now.costAndClosed).toEqual({ returns: 2, cost: 1_500_000, closed: 140 });
    // Q1 has A1's return only, Q2 and Q3 none (A1's Q2 is a draft), Q4 both bodies'.
    expect(now.quarters).toEqual([
      { period: "2025-26 Q1", expected: 2, returns: 1 },
      { period: "2025-26 Q2", expected: 2, returns: 0 },
      { period: "2025-26 Q3", expected: 2, returns: 0 },
      { period: "2025-26 Q4", expected: 2, returns: 2 },
    ]);
    // Staff time is a level: Jan to Mar's returns only (A1's 3 and A2's 1.5).
    expect(sum("handling_fte")).toBe(4.5);
    // One special payment counted by A1's v1 return, one listed by A2's v2 return; A1's [x] said nothing.
    expect(now.specialPayments).toMatchObject({ count: 2, countedWithoutAmounts: 1, reported: 2, missing: 1, items: [{ organisationCode: "A2", period: "2025-26 Q4", amount: 40_000_000, datePaid: "2026-02-10", description: "Settlement & <costs>" }] });

    // The section says those same figures.
    expect(now.quartersReported).toBe(2);
    expect(text).toContain(
      `Its figures add up the figures of ${now.returns} quarterly returns from all ${now.bodies.expected} bodies expected to report. Not every body has sent its return for April to June 2025 (1 return from the 2 bodies expected), July to September 2025 (no returns from the 2 bodies expected) and October to December 2025 (no returns from the 2 bodies expected), so these are not yet the figures for the whole year. Some of those returns have not yet been accepted`,
    );
    expect(text).toContain("These figures are for the Ombudsman’s financial year 2025-26 (April 2025 to March 2026).");
    expect(text).toContain(`The Ombudsman accepted ${sum("phso_accepted")} complaints for investigation.`);
    expect(text).toContain(`The Ombudsman reported on ${sum("phso_reported")} investigations.`);
    // 1/6 = 16.7%, 2/6 = 33.3%, 3/6 = 50.0%.
    expect(text).toContain(`- Upheld in full: ${sum("phso_upheld")} (${formatPercent(sum("phso_upheld") / sum("phso_reported"))})`);
    expect(text).toContain("- Upheld in full: 1 (16.7%)\n- Upheld in part: 2 (33.3%)\n- Not upheld: 3 (50.0%)\n- Total: 6 (100.0%)");
    expect(text).toContain(`The Ombudsman made ${sum("phso_recommendations")} recommendations in the investigations it reported on.`);
    expect(text).toContain(`- Complied with: ${sum("phso_recommendations_complied")}\n- Not complied with: ${sum("phso_recommendations_not_complied")}\n- Total: 5`);
    // Everyone's 220 against 2024-25's 200 would read "up 10%", but only A1's Apr to Jun was sent in both
    // years: 100 against 200, down 50%, over 1 of the 2 bodies, too few for the department's change.
    expect(rollup.comparison.panel).toMatchObject({ expected: 2, lowCoverage: true, covered: [{ organisationCode: "A1" }] });
    expect(text).toContain(
      "In 2025-26 they received 220 complaints. Only 1 of the 2 bodies expected to report sent returns for the same quarters of 2025-26 and 2024-25: too few to say how the department’s complaints changed; over those quarters those bodies received 100 complaints, down 50% from 200 in 2024-25. Left out of the comparison: Agency A2 (no return counted for Apr 2024 to Mar 2025); Agency A1 (Jan to Mar 2026 left out: not counted in both years).",
    );
    expect(text).not.toContain("up 10%");
    // 140 of 180 closed at early resolution: 77.8%. Within timescale (50 + 15 + 40 + 7 + 25 + 8) / 180 = 145 / 180 = 80.6%.
    expect(text).toContain("They closed 180 complaints, 140 (77.8%) of them at early resolution.");
    expect(text).toContain(`Of the complaints closed, ${formatPercent(now.measures.find((m) => m.id === "within_timescale")!.value!)} were closed`);
    expect(text).toContain("Of the complaints closed, 80.6% were closed");
    // £15,000 (A1's; A2 gave [x]) in 2025-26 and £30,000 in 2024-25; £15,000 / 140 closed by A1 = £107.14,
    // not £15,000 / 180 closed by all three returns (£83).
    expect(text).toContain(
      `Handling complaints cost ${formatPence(sum("handling_cost"))} in 2025-26. 1 of the 3 returns did not give the cost of handling complaints, so the figure covers only the 2 that did. For the same bodies and quarters as the comparison above, it cost £10,000, against £30,000 in 2024-25. Over the 2 returns that gave both the cost and the number of complaints closed, handling complaints cost about £107 for each complaint closed.`,
    );
    expect(text).toContain("Handling complaints cost £15,000");
    expect(section.document).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">[\s\S]*<title>Complaints: annual report section 2025-26, Department A<\/title>/);
    expect(text).toContain("4.5 full-time equivalent staff worked on complaint handling");
    // £500 + £1,250.50 = £1,750.50.
    expect(text).toContain(`made 3 payments of compensation for maladministration in 2025-26, totalling ${formatPence(sum("payments_maladministration_total"))}.`);
    expect(text).toContain("totalling £1,751.");
    expect(text).toContain("There were 2 special payments over £300,000, which Managing Public Money says are disclosed individually; the one listed comes to £400,000.");
    expect(text).toContain("1 return did not say whether any were made.");
    expect(text).toContain("- Agency A2, paid 10 February 2026: £400,000 (Settlement & <costs>)");
    expect(html).toContain("<th scope=\"row\" class=\"govuk-table__header\">Agency A2</th>");
    expect(html).toContain("Settlement &amp; &lt;costs&gt;");
  });

  it("gives a department with no returns a section that says so", async () => {
    const section = await world.caller("bOversight").reports.annualReport({ departmentCode: "DEPT-B", financialYear: "2025-26" });
    expect(section.text).toBe(
      "Complaints\n==========\n\nNo returns that count have been received from Department B’s bodies for 2025-26 (April 2025 to March 2026), so there are no figures for this section yet. Returns count once a body’s senior accountable officer has approved them.\n",
    );
    expect(section.html).toContain("<h2 class=\"govuk-heading-l\">Complaints</h2>");
  });

  it("refuses a body's code and another department's", async () => {
    const body = await rejection(world.caller("aOversight").reports.annualReport({ departmentCode: "A1", financialYear: "2025-26" }));
    expect(body.message).toBe("A1 is not a department.");
    const other = await rejection(world.caller("aOversight").reports.annualReport({ departmentCode: "DEPT-B", financialYear: "2025-26" }));
    expect(other.code).toBe("FORBIDDEN");
  });

  it("the command line's context sees every department, as that department's own users do, and says when a code does not exist", async () => {
    const ctx = await systemServiceContext(t.db, world.now);
    const own = await world.caller("aSecretariat").reports.annualReport({ departmentCode: "DEPT-A", financialYear: "2025-26" });
    expect(await annualReportSection(ctx, { departmentCode: "DEPT-A", financialYear: "2025-26" })).toEqual(own);
    expect((await annualReportSection(ctx, { departmentCode: "DEPT-B", financialYear: "2025-26" })).text).toContain("No returns that count have been received from Department B’s bodies");
    await expect(annualReportSection(ctx, { departmentCode: "NOPE", financialYear: "2025-26" })).rejects.toThrow(new DomainError("NOT_FOUND", "There is no organisation with code NOPE."));
  });
});
