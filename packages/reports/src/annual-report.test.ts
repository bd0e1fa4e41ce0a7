import { describe, expect, it } from "vitest";
import { annualReportDocument, annualReportSection, type AnnualReportInput } from "./annual-report.ts";

/** The year's four quarters, each with 4 bodies expected and the returns given. */
function quarters(...returns: number[]): AnnualReportInput["coverage"]["quarters"] {
  return ["April to June 2025", "July to September 2025", "October to December 2025", "January to March 2026"].map((label, i) => ({ label, returns: returns[i] ?? 0, bodiesExpected: 4 }));
}

/** Figures chosen to be checked by hand; each test changes what it is about. */
const base: AnnualReportInput = {
  departmentName: "Department for Tests & <Things>",
  financialYear: "2025-26",
  previousFinancialYear: "2024-25",
  coverage: { bodiesExpected: 4, bodiesReporting: 4, returns: 16, quarters: quarters(4, 4, 4, 4), provisional: false },
  ombudsman: { accepted: 12, reported: 8, upheld: 1, partlyUpheld: 3, notUpheld: 4, recommendations: 6, complied: 5, notComplied: 1 },
  complaints: { received: 12_345, closed: 12_000, closedAtEarlyResolution: 9_000, withinTimescale: 0.87654 },
  // Every body sent every quarter of both years: the comparison covers them all.
  comparison: { bodiesExpected: 4, bodiesCovered: 4, lowCoverage: false, leftOut: [], received: { now: 12_345, yearEarlier: 11_000, change: "up 12%" }, handlingCost: { now: 123_456_789, yearEarlier: 98_765_432 } },
  given: {},
  // Every return gave the cost and both counts closed: the same as the totals.
  costAndClosed: { returns: 16, cost: 123_456_789, closed: 12_000 },
  handling: { cost: 123_456_789, staffFte: 25.25 },
  maladministration: { count: 23, total: 4_567_850 },
  specialPayments: { count: 0, items: [], countedWithoutAmounts: 0, missing: 0 },
};

const section = (changes: Partial<AnnualReportInput> = {}) => annualReportSection({ ...base, ...changes });
const ombudsman = (o: Partial<AnnualReportInput["ombudsman"]>) => section({ ombudsman: { ...base.ombudsman, ...o } });
/** The text of a table's rows as "header | cell | cell" lines. */
function tableRows(html: string, caption: string): string[] {
  const table = html.split("<table").find((t) => t.includes(caption));
  if (!table) return [];
  const body = table.slice(table.indexOf("<tbody"), table.indexOf("</tbody>"));
  return [...body.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => c[1]).join(" | "));
}

describe("the annual report complaints section", () => {
  it("gives the Ombudsman's figures for its financial year, with each outcome's percentage of the investigations reported on", () => {
    const { html, text } = section();
    expect(text).toContain("These figures are for the Ombudsman’s financial year 2025-26 (April 2025 to March 2026).");
    expect(text).toContain("come from the quarterly returns of the department’s bodies");
    expect(text).toContain("The Ombudsman accepted 12 complaints for investigation.");
    expect(text).toContain("The Ombudsman reported on 8 investigations.");
    // 1/8 = 12.5%, 3/8 = 37.5%, 4/8 = 50.0%: they add up to 100.0% as shown, so no note on rounding.
    expect(tableRows(html, "Outcomes of the investigations")).toEqual(["Upheld in full | 1 | 12.5%", "Upheld in part | 3 | 37.5%", "Not upheld | 4 | 50.0%", "Total | 8 | 100.0%"]);
    expect(text).toContain("- Upheld in part: 3 (37.5%)");
    expect(text).not.toContain("rounded");
    expect(text).toContain("The Ombudsman made 6 recommendations in the investigations it reported on.");
    expect(tableRows(html, "Ombudsman recommendations")).toEqual(["Complied with | 5", "Not complied with | 1", "Total | 6"]);
    expect(text).toContain("Ombudsman recommendations, 2025-26:\n- Complied with: 5\n- Not complied with: 1\n- Total: 6");
    // Recommendations neither complied with nor not (not yet due) are shown, so the rows add up.
    expect(tableRows(ombudsman({ recommendations: 9, complied: 7, notComplied: 0 }).html, "Ombudsman recommendations")).toEqual(["Complied with | 7", "Not complied with | 0", "Not yet due or not recorded | 2", "Total | 9"]);
  });

  it("says when the percentages shown do not add up to 100 because of rounding, without adjusting any", () => {
    const { html, text } = ombudsman({ reported: 3, upheld: 1, partlyUpheld: 1, notUpheld: 1 });
    // 1/3 = 33.33…% each, shown 33.3%: 99.9% in all.
    expect(tableRows(html, "Outcomes")).toEqual(["Upheld in full | 1 | 33.3%", "Upheld in part | 1 | 33.3%", "Not upheld | 1 | 33.3%", "Total | 3 | 100.0%"]);
    expect(text).toContain("The percentages shown add up to 99.9% rather than 100% because each is rounded to one decimal place.");
    expect(ombudsman({ reported: 1, upheld: 0, partlyUpheld: 0, notUpheld: 1 }).text).toContain("The Ombudsman reported on 1 investigation. Its outcome was:\n\nOutcomes of the investigations the Ombudsman reported on, 2025-26:\n- Upheld in full: 0 (0.0%)\n- Upheld in part: 0 (0.0%)\n- Not upheld: 1 (100.0%)\n- Total: 1 (100.0%)");
    // 2/3 = 66.67% and 1/3 = 33.33%: 66.7 + 33.3 = 100.0, nothing to explain.
    expect(ombudsman({ reported: 3, upheld: 0, partlyUpheld: 2, notUpheld: 1 }).text).not.toContain("rounded");
    // 1/6 = 16.67%, 1/6, 4/6 = 66.67%: 16.7 + 16.7 + 66.7 = 100.1.
    expect(ombudsman({ reported: 6, upheld: 1, partlyUpheld: 1, notUpheld: 4 }).text).toContain("add up to 100.1% rather than 100%");
  });

  it("shows investigations whose outcome no return gave, so the rows add up to those reported on", () => {
    const { html } = ombudsman({ reported: 10, upheld: 2, partlyUpheld: null, notUpheld: 5 });
    expect(tableRows(html, "Outcomes")).toEqual(["Upheld in full | 2 | 20.0%", "Upheld in part | 0 | 0.0%", "Not upheld | 5 | 50.0%", "Outcome not reported | 3 | 30.0%", "Total | 10 | 100.0%"]);
  });

  it("says no investigations were reported on, with no percentages of none", () => {
    const { html, text } = ombudsman({ accepted: 0, reported: 0, upheld: 0, partlyUpheld: 0, notUpheld: 0, recommendations: 0, complied: 0, notComplied: 0 });
    expect(text).toContain("The Ombudsman accepted no complaints for investigation.");
    expect(text).toContain("No investigations were reported on by the Ombudsman, so there are no outcomes to give.");
    expect(text).toContain("The Ombudsman made no recommendations in the investigations it reported on.");
    expect(html).not.toContain("<table");
    expect(text).not.toMatch(/NaN|Infinity|0\.0%/);
  });

  it("tells figures no return gave from zeros", () => {
    const { text } = section({
      ombudsman: { accepted: null, reported: null, upheld: null, partlyUpheld: null, notUpheld: null, recommendations: null, complied: null, notComplied: null },
      maladministration: { count: null, total: null },
      handling: { cost: null, staffFte: null },
    });
    expect(text).toContain("No return reported how many complaints the Ombudsman accepted for investigation.");
    expect(text).toContain("No return reported how many investigations the Ombudsman reported on.");
    expect(text).toContain("No return reported on the Ombudsman’s recommendations.");
    expect(text).toContain("No return reported payments of compensation for maladministration.");
    expect(text).toContain("No return reported the cost of handling complaints in 2025-26.");
    expect(text).not.toContain("full-time equivalent");
  });

  it("sets the figures in context: complaints received and closed against a year earlier, early resolution, cost and staff", () => {
    const { text } = section();
    expect(text).toContain("In 2025-26 they received 12,345 complaints. All 4 bodies expected to report sent returns for the same quarters of 2025-26 and 2024-25. Over those quarters they received 12,345 complaints, up 12% from 11,000 in 2024-25.");
    // 9,000 / 12,000 = 75.0%.
    expect(text).toContain("They closed 12,000 complaints, 9,000 (75.0%) of them at early resolution.");
    expect(text).toContain("Of the complaints closed, 87.7% were closed within the timescale");
    // £1,234,567.89 and £987,654.32 in whole pounds; £1,234,567.89 / 12,000 = £102.88, about £103.
    expect(text).toContain("Handling complaints cost £1,234,568 in 2025-26. For the same bodies and quarters as the comparison above, it cost £1,234,568, against £987,654 in 2024-25. That is about £103 for each complaint closed.");
    expect(text).toContain("In January to March 2026, the last quarter of the year, 25.3 full-time equivalent staff worked on complaint handling.");
  });

  it("compares the year with the one before over the same bodies and quarters only, naming those left out", () => {
    const partial = { ...base.comparison, bodiesCovered: 3, leftOut: ["Body D (no return counted for 2024-25)", "Body B (January to March 2026 left out: not counted in both years)"], received: { now: 9_000, yearEarlier: 10_000, change: "down 10%" } };
    expect(section({ comparison: partial }).text).toContain(
      "In 2025-26 they received 12,345 complaints. 3 of the 4 bodies expected to report sent returns for the same quarters of 2025-26 and 2024-25. Over those quarters they received 9,000 complaints, down 10% from 10,000 in 2024-25. Left out of the comparison: Body D (no return counted for 2024-25); Body B (January to March 2026 left out: not counted in both years).",
    );
    expect(section({ comparison: { ...base.comparison, received: { now: 11_000, yearEarlier: 11_000, change: "no change" } } }).text).toContain("Over those quarters they received 11,000 complaints, the same number as in 2024-25.");
  });

  it("says when the comparison covers too few bodies to give the department's change, and when it covers none", () => {
    const low = { ...base.comparison, bodiesCovered: 2, lowCoverage: true, leftOut: ["Body C (no return counts for 2025-26 yet)", "Body D (no return counts for 2025-26 yet)"], received: { now: 5_000, yearEarlier: 4_000, change: "up 25%" } };
    expect(section({ comparison: low }).text).toContain(
      "Only 2 of the 4 bodies expected to report sent returns for the same quarters of 2025-26 and 2024-25: too few to say how the department’s complaints changed; over those quarters those bodies received 5,000 complaints, up 25% from 4,000 in 2024-25. Left out of the comparison:",
    );
    const none = { ...base.comparison, bodiesCovered: 0, lowCoverage: true, received: { now: null, yearEarlier: null, change: "not compared" }, handlingCost: { now: null, yearEarlier: null } };
    const { text } = section({ comparison: none });
    expect(text).toContain("No body sent returns for the same quarters of 2025-26 and 2024-25, so there is no comparison with 2024-25.");
    expect(text).not.toContain("For the same bodies and quarters");
  });

  it("summarises payments for maladministration, and says when there were none", () => {
    expect(section().text).toContain("The department’s bodies made 23 payments of compensation for maladministration in 2025-26, totalling £45,679.");
    expect(section({ maladministration: { count: 1, total: 30_000 } }).text).toContain("made 1 payment of compensation for maladministration in 2025-26, totalling £300.");
    expect(section({ maladministration: { count: 0, total: 0 } }).text).toContain("The department’s bodies made no payments of compensation for maladministration in 2025-26.");
    expect(section().text).toContain("There were no special payments over £300,000.");
  });

  it("lists special payments over £300,000 one by one, and counts those the earlier template recorded without amounts", () => {
    const { html, text } = section({
      specialPayments: {
        count: 3,
        items: [
          { bodyName: "Grants & Loans <Board>", datePaid: "2025-05-02", amount: 45_000_050, description: "Settlement of a long-running claim" },
          { bodyName: "Licensing Agency", datePaid: null, amount: 31_000_000, description: "" },
        ],
        countedWithoutAmounts: 1,
        missing: 2,
      },
    });
    // £450,000.50 + £310,000 = £760,000.50, about £760,001.
    expect(text).toContain("There were 3 special payments over £300,000, which Managing Public Money says are disclosed individually; the 2 listed come to £760,001.");
    expect(text).toContain("Of those, 1 was counted on the earlier return template, which did not record amounts");
    expect(text).toContain("2 returns did not say whether any were made.");
    expect(tableRows(html, "Special payments over £300,000")).toEqual([
      "Grants &amp; Loans &lt;Board&gt; | 2 May 2025 | £450,001 | Settlement of a long-running claim",
      "Licensing Agency | Not recorded | £310,000 | Not recorded",
    ]);
    expect(text).toContain("- Grants & Loans <Board>, paid 2 May 2025: £450,001 (Settlement of a long-running claim)");
  });

  it("escapes the department's name in HTML and leaves it as it is in the text", () => {
    const { html, text } = section();
    expect(html).toContain("complaints about Department for Tests &amp; &lt;Things&gt; and its bodies");
    expect(html).not.toContain("<Things>");
    expect(text).toContain("complaints about Department for Tests & <Things> and its bodies");
    expect(text).not.toMatch(/<\/?(p|h\d|table|t[rdh])\b|&amp;/);
  });

  it("writes semantic HTML ready to paste: headings, paragraphs, tables with captions and scoped headers, no inline styles", () => {
    const { html } = section({ specialPayments: { count: 1, items: [{ bodyName: "B", datePaid: "2025-06-30", amount: 30_000_001, description: "d" }], countedWithoutAmounts: 0, missing: 0 } });
    expect(html.match(/<h2[ >]/g)).toHaveLength(1);
    expect(html.match(/<h3[ >]/g)).toHaveLength(3);
    expect(html.match(/<caption/g)).toHaveLength(3);
    expect(html).not.toMatch(/style=|<script|<div/);
    const tables = html.split("<table").slice(1);
    expect(tables).toHaveLength(3);
    for (const t of tables) {
      expect(t).toMatch(/^[^>]*>\n<caption[^>]*>[^<]+<\/caption>/);
      expect(t.match(/<th(?=[\s>])/g)!.length).toBeGreaterThan(2);
      expect(t.match(/<th(?=[\s>])(?![^>]*scope="(col|row)")/g)).toBeNull();
    }
  });

  it("says plainly when a department has no returns for the year", () => {
    const { html, text } = section({ coverage: { bodiesExpected: 5, bodiesReporting: 0, returns: 0, quarters: quarters(0, 0, 0, 0), provisional: false } });
    expect(text).toBe(
      "Complaints\n==========\n\nNo returns that count have been received from Department for Tests & <Things>’s bodies for 2025-26 (April 2025 to March 2026), so there are no figures for this section yet. Returns count once a body’s senior accountable officer has approved them.\n",
    );
    expect(html).not.toContain("<table");
  });

  it("says how many bodies' returns the figures rest on, and when they are provisional", () => {
    expect(section().text).toContain("Its figures add up the figures of 16 quarterly returns from all 4 bodies expected to report.");
    const one = [{ label: "April to June 2025", returns: 1, bodiesExpected: 1 }];
    expect(section({ coverage: { bodiesExpected: 1, bodiesReporting: 1, returns: 1, quarters: one, provisional: false } }).text).toContain("Its figures add up the figures of 1 quarterly return from the one body expected to report.");
    const full = ["a", "b", "c", "d"].map((label) => ({ label, returns: 40, bodiesExpected: 40 }));
    const { text } = section({ coverage: { bodiesExpected: 40, bodiesReporting: 38, returns: 1_150, quarters: full, provisional: true } });
    expect(text).toContain("Its figures add up the figures of 1,150 quarterly returns from 38 of the 40 bodies expected to report. Some of those returns have not yet been accepted by the department, so the figures are provisional.");
    expect(section({ coverage: { bodiesExpected: 2, bodiesReporting: 1, returns: 4, quarters: ["a", "b", "c", "d"].map((label) => ({ label, returns: 1, bodiesExpected: 1 })), provisional: false } }).text).toContain(
      "from 1 of the 2 bodies expected to report.",
    );
    expect(section().text).not.toContain("not yet the figures for the whole year");
  });

  it("names each quarter with fewer returns than bodies expected, even when every quarter has some", () => {
    // Every quarter has at least one return, so counting quarters with a return would call the year complete.
    const { text } = section({ coverage: { ...base.coverage, returns: 13, quarters: quarters(4, 1, 4, 4) } });
    expect(text).toContain("Not every body has sent its return for July to September 2025 (1 return from the 4 bodies expected), so these are not yet the figures for the whole year.");
    expect(section({ coverage: { ...base.coverage, returns: 6, quarters: quarters(4, 2, 0, 0) } }).text).toContain(
      "Not every body has sent its return for July to September 2025 (2 returns from the 4 bodies expected), October to December 2025 (no returns from the 4 bodies expected) and January to March 2026 (no returns from the 4 bodies expected), so these are not yet the figures for the whole year.",
    );
    const lone = [{ label: "April to June 2025", returns: 0, bodiesExpected: 1 }, { label: "July to September 2025", returns: 1, bodiesExpected: 1 }];
    expect(section({ coverage: { ...base.coverage, returns: 1, quarters: lone } }).text).toContain("for April to June 2025 (no returns from the one body expected)");
  });

  it("says how many returns did not give a figure, and works out cost per complaint only over returns that gave both", () => {
    // 3 of the 16 returns marked the cost [x]: the total is the other 13's, not the department's.
    const { text } = section({ given: { handling_cost: { reported: 13, missing: 3 }, phso_accepted: { reported: 15, missing: 1 }, handling_fte: { reported: 3, missing: 1 } }, costAndClosed: { returns: 13, cost: 100_000_000, closed: 8_000 } });
    expect(text).toContain("Handling complaints cost £1,234,568 in 2025-26. 3 of the 16 returns did not give the cost of handling complaints, so the figure covers only the 13 that did.");
    // £1,000,000 / 8,000 = £125, not £1,234,567.89 / 12,000 (cost from 13 returns, closed from 16).
    expect(text).toContain("Over the 13 returns that gave both the cost and the number of complaints closed, handling complaints cost about £125 for each complaint closed.");
    expect(text).not.toContain("£103");
    expect(text).toContain("The Ombudsman accepted 12 complaints for investigation. 1 of the 16 returns did not give how many complaints the Ombudsman accepted for investigation, so the figure covers only the 15 that did.");
    expect(text).toContain("25.3 full-time equivalent staff worked on complaint handling. 1 of the 4 returns did not give the staff time spent on complaints, so the figure covers only the 3 that did.");
    // One return gave it: "the one return that did".
    expect(section({ given: { received: { reported: 1, missing: 1 } } }).text).toContain("1 of the 2 returns did not give how many complaints were received, so the figure covers only the one return that did.");
    expect(section({ given: { handling_cost: { reported: 13, missing: 3 } }, costAndClosed: { returns: 0, cost: 0, closed: 0 } }).text).toContain(
      "The cost for each complaint closed cannot be worked out, because no return gave both the cost and the number of complaints closed.",
    );
    expect(section().text).not.toMatch(/did not give/);
  });

  it("writes the section as a whole document with its language, character set and an escaped title", () => {
    const { html, document } = section();
    expect(document).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n<title>Complaints: annual report section 2025-26, Department for Tests &amp; &lt;Things&gt;<\/title>/);
    expect(document).toContain(`<body>\n${html.trim()}\n</body>\n</html>\n`);
    expect(annualReportDocument({ departmentName: "D", financialYear: "2024-25", html: "<p>x</p>\n" })).toContain("<title>Complaints: annual report section 2024-25, D</title>");
  });
});
