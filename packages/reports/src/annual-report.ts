import { formatCount, formatDate, formatMeasure, formatOneDecimal, formatPence, formatPercent, oversightMeasures } from "@complaints/domain";

/**
 * The complaints section of a department's annual report and accounts, ready to paste, as HTML and
 * as plain text written from the same blocks.
 *
 * What it must say, from the guidance quoted in "Capturing and reporting on learning from complaints"
 * (PHSO; /work/shared/seed):
 * - Cabinet Office guidance on preparing the Annual Report and Accounts, section 27.2: the number of
 *   complaints the Parliamentary Ombudsman accepted for investigation in the year; the number of
 *   investigations reported on, with the percentage upheld in full, upheld in part and not upheld; the
 *   number of Ombudsman recommendations complied with and not complied with.
 * - Section 27.3: make clear which financial year those figures cover (the Ombudsman's may differ from
 *   the rest of the report).
 * - Section 27.4: one or two short paragraphs setting them in context: the approach, the overall
 *   numbers dealt with and the cost of doing so.
 * - Managing Public Money A4.14.17: summary information on compensation payments for
 *   maladministration; and special payments over £300,000, which are noted individually.
 *
 * Pure: the figures come in already summed (the API's department roll-up); nothing here reads data.
 * Null means no return gave the figure (every body left it blank or marked it [x] or [z]), which is
 * said as "not reported", never as 0. A total some returns did not give is a total of the returns
 * that did, and the section says how many did not (`given`), so it never reads as the whole
 * department's.
 */

/** Of the returns a figure was summed over, those that gave a number and those that did not ([x], [z] or blank). */
export interface Given {
  reported: number;
  missing: number;
}

/** A financial year's figures for one department, summed over its bodies' returns. */
export interface AnnualReportInput {
  departmentName: string;
  /** `2025-26` */
  financialYear: string;
  /** `2024-25` */
  previousFinancialYear: string;
  coverage: {
    /** Bodies expected to report in the year, and those with at least one return that counts. */
    bodiesExpected: number;
    bodiesReporting: number;
    returns: number;
    /**
     * Each quarter of the year: its label ("April to June 2025"), the returns that count and the
     * bodies expected to send one (active in the quarter). Fewer returns than bodies: incomplete.
     */
    quarters: readonly { label: string; returns: number; bodiesExpected: number }[];
    /** Some returns are not yet accepted by the department. */
    provisional: boolean;
  };
  ombudsman: {
    accepted: number | null;
    reported: number | null;
    upheld: number | null;
    partlyUpheld: number | null;
    notUpheld: number | null;
    recommendations: number | null;
    complied: number | null;
    notComplied: number | null;
  };
  complaints: {
    received: number | null;
    /** Closed at early resolution and at a closer look. */
    closed: number | null;
    closedAtEarlyResolution: number | null;
    /** Proportion (0–1) of complaints closed within the timescale given to the person who complained. */
    withinTimescale: number | null;
  };
  /**
   * The year beside the year before over the matched panel only (metrics `matchedPanel`: the
   * quarters each body sent in both years), so a change is not a change in who sent.
   */
  comparison: {
    bodiesExpected: number;
    bodiesCovered: number;
    /** The panel covers half the bodies expected or fewer: no change is given for the department. */
    lowCoverage: boolean;
    /** Bodies, or some of their quarters, left out, with why: "Agency A2 (no return counted for 2024-25)". */
    leftOut: readonly string[];
    /** Complaints received over the panel this year and the year before, and the API's words for the change ("up 12%"). */
    received: { now: number | null; yearEarlier: number | null; change: string };
    /** Pence, over the panel. */
    handlingCost: { now: number | null; yearEarlier: number | null };
  };
  /**
   * How many returns gave each figure, by template field id (`handling_cost`, `phso_accepted`…). A
   * field left out was given by every return it was summed over.
   */
  given: Readonly<Record<string, Given>>;
  /** Cost (pence) and complaints closed over only the returns that gave the cost and both counts closed. */
  costAndClosed: { returns: number; cost: number; closed: number };
  handling: {
    /** Pence, over the year. */
    cost: number | null;
    /** Full-time equivalent staff in the last quarter of the year. */
    staffFte: number | null;
  };
  maladministration: {
    count: number | null;
    /** Pence. */
    total: number | null;
  };
  specialPayments: {
    count: number;
    /** The payments listed one by one (name of the body, ISO date paid, pence, description). */
    items: readonly { bodyName: string; datePaid: string | null; amount: number; description: string }[];
    /** Payments counted by returns that did not record amounts (template version 1). */
    countedWithoutAmounts: number;
    /** Returns that did not say how many there were. */
    missing: number;
  };
}

type Block =
  | { kind: "heading"; level: 2 | 3; text: string }
  | { kind: "paragraph"; text: string }
  | {
      kind: "table";
      caption: string;
      columns: { heading: string; numeric: boolean }[];
      rows: string[][];
      /** How a row reads as one line of plain text. */
      textRow: (row: string[]) => string;
    };

/** `2025-26` → "April 2025 to March 2026". */
function yearSpan(financialYear: string): string {
  const start = Number(financialYear.slice(0, 4));
  return `April ${start} to March ${start + 1}`;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
/** "1 return", "3 returns" (a count that may be 0 reads "0 returns"). */
const count = (n: number, one: string, many: string) => `${formatCount(n)} ${plural(n, one, many)}`;

/**
 * " 2 of the 16 returns did not give the cost of handling complaints, so the figure is theirs only."
 * for the field of `ids` the most returns left out; "" when every return gave them all.
 */
function gapNote(input: AnnualReportInput, ids: readonly string[], what: string): string {
  const worst = ids.map((id) => input.given[id]).filter((g): g is Given => g !== undefined && g.missing > 0).sort((a, b) => b.missing - a.missing)[0];
  if (!worst) return "";
  const of = worst.reported + worst.missing;
  return ` ${formatCount(worst.missing)} of the ${count(of, "return", "returns")} did not give ${what}, so the figure covers only the ${worst.reported === 1 ? "one return that did" : `${formatCount(worst.reported)} that did`}.`;
}
/** "no complaints", "1 complaint", "1,234 complaints". */
const howMany = (n: number, one: string, many: string) => (n === 0 ? `no ${many}` : `${formatCount(n)} ${plural(n, one, many)}`);

function ombudsmanBlocks(input: AnnualReportInput): Block[] {
  const { ombudsman: o, financialYear: year } = input;
  const blocks: Block[] = [
    { kind: "heading", level: 3, text: "Complaints to the Parliamentary and Health Service Ombudsman" },
    {
      kind: "paragraph",
      text:
        `The Ombudsman reports on a financial year from April to March. These figures are for the Ombudsman’s financial year ${year} (${yearSpan(year)}). ` +
        "They come from the quarterly returns of the department’s bodies, which record what the Ombudsman told each body, not from the Ombudsman’s own annual report, so they may differ from the figures it publishes.",
    },
  ];

  const accepted =
    o.accepted === null
      ? "No return reported how many complaints the Ombudsman accepted for investigation."
      : o.accepted === 0
        ? "The Ombudsman accepted no complaints for investigation."
        : `The Ombudsman accepted ${formatCount(o.accepted)} ${plural(o.accepted, "complaint", "complaints")} for investigation.`;
  blocks.push({ kind: "paragraph", text: o.accepted === null ? accepted : accepted + gapNote(input, ["phso_accepted"], "how many complaints the Ombudsman accepted for investigation") });

  if (o.reported === null) {
    blocks.push({ kind: "paragraph", text: "No return reported how many investigations the Ombudsman reported on." });
  } else if (o.reported === 0) {
    blocks.push({ kind: "paragraph", text: "No investigations were reported on by the Ombudsman, so there are no outcomes to give." });
  } else {
    const reported = o.reported;
    const outcomes = [
      { label: "Upheld in full", n: o.upheld },
      { label: "Upheld in part", n: o.partlyUpheld },
      { label: "Not upheld", n: o.notUpheld },
    ];
    const given = outcomes.reduce((s, x) => s + (x.n ?? 0), 0);
    // If some returns gave no outcome, the remainder is shown, so the rows add up to the investigations reported on.
    const rows = [...outcomes.map((x) => ({ label: x.label, n: x.n ?? 0 })), ...(given < reported ? [{ label: "Outcome not reported", n: reported - given }] : [])];
    const shown = rows.map((r) => formatPercent(r.n / reported));
    const sumShown = shown.reduce((s, p) => s + Number(p.replace("%", "")), 0);
    const gap = gapNote(input, ["phso_reported"], "how many investigations the Ombudsman reported on");
    blocks.push({ kind: "paragraph", text: `The Ombudsman reported on ${formatCount(reported)} ${reported === 1 ? "investigation." : "investigations."}${gap} ${reported === 1 ? "Its outcome was:" : "Their outcomes were:"}` });
    blocks.push({
      kind: "table",
      caption: `Outcomes of the investigations the Ombudsman reported on, ${year}`,
      columns: [
        { heading: "Outcome", numeric: false },
        { heading: "Investigations", numeric: true },
        { heading: "Share", numeric: true },
      ],
      rows: [...rows.map((r, i) => [r.label, formatCount(r.n), shown[i]!]), ["Total", formatCount(reported), "100.0%"]],
      textRow: ([label, n, percent]) => `${label}: ${n} (${percent})`,
    });
    // Each percentage is rounded on its own (GSS: never adjust a figure to force a total).
    if (Math.abs(sumShown - 100) > 1e-9) {
      blocks.push({ kind: "paragraph", text: `The percentages shown add up to ${formatOneDecimal(sumShown)}% rather than 100% because each is rounded to one decimal place.` });
    }
    if (given > reported) {
      blocks.push({ kind: "paragraph", text: `The returns give ${count(given, "outcome", "outcomes")} for ${count(reported, "investigation", "investigations")}; percentages are of the investigations reported on.` });
    }
  }

  if (o.recommendations === null && o.complied === null && o.notComplied === null) {
    blocks.push({ kind: "paragraph", text: "No return reported on the Ombudsman’s recommendations." });
  } else if ((o.recommendations ?? 0) === 0 && (o.complied ?? 0) === 0 && (o.notComplied ?? 0) === 0) {
    blocks.push({ kind: "paragraph", text: "The Ombudsman made no recommendations in the investigations it reported on." });
  } else {
    const complied = o.complied ?? 0;
    const notComplied = o.notComplied ?? 0;
    const made = o.recommendations ?? complied + notComplied;
    const open = made - complied - notComplied;
    blocks.push({
      kind: "paragraph",
      text: `The Ombudsman made ${count(made, "recommendation", "recommendations")} in the investigations it reported on.${gapNote(input, ["phso_recommendations", "phso_recommendations_complied", "phso_recommendations_not_complied"], "its recommendations")}`,
    });
    blocks.push({
      kind: "table",
      caption: `Ombudsman recommendations, ${year}`,
      columns: [
        { heading: "Recommendations", numeric: false },
        { heading: "Number", numeric: true },
      ],
      rows: [["Complied with", formatCount(complied)], ["Not complied with", formatCount(notComplied)], ...(open > 0 ? [["Not yet due or not recorded", formatCount(open)]] : []), ["Total", formatCount(made)]],
      textRow: ([label, n]) => `${label}: ${n}`,
    });
  }
  return blocks;
}

function contextBlocks(input: AnnualReportInput): Block[] {
  const { complaints: c, comparison: cmp, handling: h, financialYear: year, previousFinancialYear: before } = input;
  const blocks: Block[] = [{ kind: "heading", level: 3, text: "Complaints about the department and its bodies" }];

  const first: string[] = [
    "The department’s bodies handle complaints in two stages: early resolution by front-line colleagues wherever possible, and a closer look when a complaint needs more detailed consideration.",
  ];
  if (c.received === null) first.push(`No return reported how many complaints were received in ${year}.`);
  else {
    first.push(`In ${year} they received ${howMany(c.received, "complaint", "complaints")}.${gapNote(input, ["received"], "how many complaints were received")}`);
  }
  first.push(comparisonSentences(input));
  if (c.closed === null) first.push("No return reported how many complaints were closed.");
  else {
    let closed = `They closed ${howMany(c.closed, "complaint", "complaints")}`;
    if (c.closed > 0 && c.closedAtEarlyResolution !== null) {
      closed += `, ${formatCount(c.closedAtEarlyResolution)} (${formatPercent(c.closedAtEarlyResolution / c.closed)}) of them at early resolution`;
    }
    first.push(`${closed}.${gapNote(input, ["er_closed", "cl_closed"], "how many complaints were closed")}`);
  }
  const withinTimescale = oversightMeasures.find((m) => m.id === "within_timescale")!;
  if (c.withinTimescale !== null) first.push(`Of the complaints closed, ${formatMeasure(withinTimescale, c.withinTimescale)} were closed within the timescale agreed with the person who complained.`);
  blocks.push({ kind: "paragraph", text: first.join(" ") });

  const second: string[] = [];
  if (h.cost === null) second.push(`No return reported the cost of handling complaints in ${year}.`);
  else {
    second.push(`Handling complaints cost ${formatPence(h.cost)} in ${year}.${gapNote(input, ["handling_cost"], "the cost of handling complaints")}`);
    if (cmp.bodiesCovered > 0 && cmp.handlingCost.now !== null && cmp.handlingCost.yearEarlier !== null) {
      second.push(`For the same bodies and quarters as the comparison above, it cost ${formatPence(cmp.handlingCost.now)}, against ${formatPence(cmp.handlingCost.yearEarlier)} in ${before}.`);
    }
    // Cost per complaint closed divides like by like: only returns that gave the cost and both counts closed.
    const both = input.costAndClosed;
    if (both.returns === 0 || both.closed === 0) {
      second.push(both.returns === 0 ? "The cost for each complaint closed cannot be worked out, because no return gave both the cost and the number of complaints closed." : "The cost for each complaint closed cannot be worked out, because the returns that gave the cost closed no complaints.");
    } else if (both.returns === input.coverage.returns) {
      second.push(`That is about ${formatPence(both.cost / both.closed)} for each complaint closed.`);
    } else {
      second.push(
        `Over the ${both.returns === 1 ? "one return" : `${formatCount(both.returns)} returns`} that gave both the cost and the number of complaints closed, handling complaints cost about ${formatPence(both.cost / both.closed)} for each complaint closed.`,
      );
    }
  }
  if (h.staffFte !== null) {
    second.push(
      `In January to March ${Number(year.slice(0, 4)) + 1}, the last quarter of the year, ${formatOneDecimal(h.staffFte)} full-time equivalent staff worked on complaint handling.${gapNote(input, ["handling_fte"], "the staff time spent on complaints")}`,
    );
  }
  blocks.push({ kind: "paragraph", text: second.join(" ") });
  return blocks;
}

/**
 * The year against the year before, over only the quarters each body sent in both years: how many
 * bodies that covers, who is left out, and (unless it covers half the bodies or fewer) the change.
 */
function comparisonSentences(input: AnnualReportInput): string {
  const { comparison: cmp, financialYear: year, previousFinancialYear: before } = input;
  if (cmp.bodiesCovered === 0) return `No body sent returns for the same quarters of ${year} and ${before}, so there is no comparison with ${before}.`;
  const who =
    cmp.bodiesCovered === cmp.bodiesExpected
      ? cmp.bodiesExpected === 1
        ? "The one body expected to report"
        : `All ${formatCount(cmp.bodiesExpected)} bodies expected to report`
      : `${cmp.lowCoverage ? "Only " : ""}${formatCount(cmp.bodiesCovered)} of the ${count(cmp.bodiesExpected, "body", "bodies")} expected to report`;
  let sentence = `${who} sent returns for the same quarters of ${year} and ${before}`;
  const { now, yearEarlier, change } = cmp.received;
  if (cmp.lowCoverage) sentence += `: too few to say how the department’s complaints changed`;
  if (now !== null && yearEarlier !== null) {
    sentence += `${cmp.lowCoverage ? "; over those quarters those bodies" : ". Over those quarters they"} received ${howMany(now, "complaint", "complaints")}, ${change === "no change" ? "the same number as in" : `${change} from ${formatCount(yearEarlier)} in`} ${before}`;
  }
  sentence += ".";
  if (cmp.leftOut.length > 0) sentence += ` Left out of the comparison: ${cmp.leftOut.join("; ")}.`;
  return sentence;
}

function paymentBlocks(input: AnnualReportInput): Block[] {
  const { maladministration: m, specialPayments: s, financialYear: year } = input;
  const blocks: Block[] = [{ kind: "heading", level: 3, text: "Compensation for maladministration and special payments" }];
  let mal: string;
  if (m.count === null && m.total === null) mal = "No return reported payments of compensation for maladministration.";
  else if ((m.count ?? 0) === 0 && (m.total ?? 0) === 0) mal = `The department’s bodies made no payments of compensation for maladministration in ${year}.`;
  else {
    const n = m.count ?? 0;
    mal = `The department’s bodies made ${count(n, "payment", "payments")} of compensation for maladministration in ${year}${m.total === null ? "; no return gave the amount paid" : `, totalling ${formatPence(m.total)}`}.${gapNote(input, ["payments_maladministration_count", "payments_maladministration_total"], "their payments of compensation for maladministration")}`;
  }
  blocks.push({ kind: "paragraph", text: mal });

  const missing = s.missing > 0 ? ` ${formatCount(s.missing)} ${plural(s.missing, "return did", "returns did")} not say whether any were made.` : "";
  if (s.count === 0) {
    blocks.push({ kind: "paragraph", text: `There were no special payments over £300,000.${missing}` });
    return blocks;
  }
  const listed = s.items.reduce((sum, i) => sum + i.amount, 0);
  const intro =
    `There ${s.count === 1 ? "was" : "were"} ${formatCount(s.count)} special ${plural(s.count, "payment", "payments")} over £300,000, which Managing Public Money says are disclosed individually` +
    (s.items.length > 0 ? `; the ${s.items.length === 1 ? "one listed comes" : `${formatCount(s.items.length)} listed come`} to ${formatPence(listed)}` : "") +
    "." +
    (s.countedWithoutAmounts > 0
      ? ` Of those, ${formatCount(s.countedWithoutAmounts)} ${s.countedWithoutAmounts === 1 ? "was" : "were"} counted on the earlier return template, which did not record amounts: the bodies concerned hold the details.`
      : "");
  blocks.push({ kind: "paragraph", text: `${intro}${missing}` });
  if (s.items.length > 0) {
    blocks.push({
      kind: "table",
      caption: `Special payments over £300,000, ${year}`,
      columns: [
        { heading: "Body", numeric: false },
        { heading: "Date paid", numeric: false },
        { heading: "Amount", numeric: true },
        { heading: "Description", numeric: false },
      ],
      rows: s.items.map((i) => [i.bodyName, i.datePaid === null ? "Not recorded" : formatDate(i.datePaid), formatPence(i.amount), i.description || "Not recorded"]),
      textRow: ([body, date, amount, description]) => `${body}, paid ${date === "Not recorded" ? "on a date not recorded" : date}: ${amount} (${description})`,
    });
  }
  return blocks;
}

/**
 * " Not every body has sent its return for April to June 2025 (1 return from the 2 bodies expected)
 * and January to March 2026 (no returns from the 2 bodies expected), so these are not yet the figures
 * for the whole year." "" when every quarter has a return from every body expected.
 */
function incompleteQuarters(quarters: AnnualReportInput["coverage"]["quarters"]): string {
  const short = quarters.filter((q) => q.returns < q.bodiesExpected);
  if (short.length === 0) return "";
  const each = short.map((q) => `${q.label} (${q.returns === 0 ? "no returns" : count(q.returns, "return", "returns")} from the ${q.bodiesExpected === 1 ? "one body" : `${formatCount(q.bodiesExpected)} bodies`} expected)`);
  const list = each.length === 1 ? each[0]! : `${each.slice(0, -1).join(", ")} and ${each[each.length - 1]!}`;
  return ` Not every body has sent its return for ${list}, so these are not yet the figures for the whole year.`;
}

function sectionBlocks(input: AnnualReportInput): Block[] {
  const { coverage, financialYear: year } = input;
  const blocks: Block[] = [{ kind: "heading", level: 2, text: "Complaints" }];
  if (coverage.returns === 0) {
    blocks.push({
      kind: "paragraph",
      text: `No returns that count have been received from ${input.departmentName}’s bodies for ${year} (${yearSpan(year)}), so there are no figures for this section yet. Returns count once a body’s senior accountable officer has approved them.`,
    });
    return blocks;
  }
  blocks.push({
    kind: "paragraph",
    text:
      `This section covers complaints about ${input.departmentName} and its bodies in the financial year ${year} (${yearSpan(year)}). ` +
      `Its figures add up the figures of ${count(coverage.returns, "quarterly return", "quarterly returns")} from ${
        coverage.bodiesReporting === coverage.bodiesExpected
          ? coverage.bodiesExpected === 1
            ? "the one body"
            : `all ${formatCount(coverage.bodiesExpected)} bodies`
          : `${formatCount(coverage.bodiesReporting)} of the ${count(coverage.bodiesExpected, "body", "bodies")}`
      } expected to report.` +
      incompleteQuarters(coverage.quarters) +
      (coverage.provisional ? " Some of those returns have not yet been accepted by the department, so the figures are provisional." : ""),
  });
  return [...blocks, ...ombudsmanBlocks(input), ...contextBlocks(input), ...paymentBlocks(input)];
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** GOV.UK Frontend typography and table classes: harmless when pasted, styled on a GOV.UK page. No inline styles. */
function blockHtml(b: Block): string {
  switch (b.kind) {
    case "heading":
      return `<h${b.level} class="govuk-heading-${b.level === 2 ? "l" : "m"}">${escapeHtml(b.text)}</h${b.level}>`;
    case "paragraph":
      return `<p class="govuk-body">${escapeHtml(b.text)}</p>`;
    case "table": {
      const cell = (numeric: boolean) => `govuk-table__cell${numeric ? " govuk-table__cell--numeric" : ""}`;
      const header = (numeric: boolean) => `govuk-table__header${numeric ? " govuk-table__header--numeric" : ""}`;
      const head = b.columns.map((c) => `<th scope="col" class="${header(c.numeric)}">${escapeHtml(c.heading)}</th>`).join("");
      const body = b.rows
        .map((row) => `<tr class="govuk-table__row">${row.map((v, i) => (i === 0 ? `<th scope="row" class="govuk-table__header">${escapeHtml(v)}</th>` : `<td class="${cell(b.columns[i]!.numeric)}">${escapeHtml(v)}</td>`)).join("")}</tr>`)
        .join("\n");
      return `<table class="govuk-table">\n<caption class="govuk-table__caption govuk-table__caption--s">${escapeHtml(b.caption)}</caption>\n<thead class="govuk-table__head"><tr class="govuk-table__row">${head}</tr></thead>\n<tbody class="govuk-table__body">\n${body}\n</tbody>\n</table>`;
    }
  }
}

/** Plain text: headings underlined, paragraphs, and each table row as a line of a list (columns of spaces fall apart in a proportional font). */
function blockText(b: Block): string {
  switch (b.kind) {
    case "heading":
      return `${b.text}\n${(b.level === 2 ? "=" : "-").repeat(b.text.length)}`;
    case "paragraph":
      return b.text;
    case "table":
      return [`${b.caption}:`, ...b.rows.map((row) => `- ${b.textRow(row)}`)].join("\n");
  }
}

/**
 * The section as a document that opens on its own (a browser, or Word's "Open"): its language,
 * character set and title set, as a page needs (WCAG 2.2 success criteria 3.1.1 Language of Page and
 * 2.4.2 Page Titled). The portal's download and the command line's `annual-report --out x.html` both
 * write this.
 */
export function annualReportDocument(section: { departmentName: string; financialYear: string; html: string }): string {
  const title = `Complaints: annual report section ${section.financialYear}, ${section.departmentName}`;
  return `<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n</head>\n<body>\n${section.html.trim()}\n</body>\n</html>\n`;
}

/**
 * The annual report complaints section for a department and financial year: HTML to paste (a
 * fragment), the same as plain text, and the HTML as a whole document to save.
 */
export function annualReportSection(input: AnnualReportInput): { html: string; text: string; document: string } {
  const blocks = sectionBlocks(input);
  const html = `${blocks.map(blockHtml).join("\n")}\n`;
  return { html, text: `${blocks.map(blockText).join("\n\n")}\n`, document: annualReportDocument({ departmentName: input.departmentName, financialYear: input.financialYear, html }) };
}
