import { formatOneDecimal, measureValueFormat } from "@complaints/domain";
import type { BoardPack } from "../model.ts";

const percent = measureValueFormat({ kind: "proportion", decimals: 1 });

/**
 * A small hand-made pack for the writers' own tests: numbers of every format, revised [r],
 * provisional [p] and revised-and-provisional figures ("87 [r] [p]", shown in the PDF's table too),
 * every shorthand, note references, text that would run as a formula, a table with no rows, and one
 * chart of each kind. Packs built from real data are tested in the API package.
 */
export function samplePack(): BoardPack {
  return {
    title: "Complaints board pack: Department for Example Services, Apr to Jun 2025",
    language: "en-GB",
    scope: { kind: "department", code: "DES", name: "Department for Example Services", departmentCode: "DES", departmentName: "Department for Example Services" },
    period: { code: "2025-26 Q1", label: "Apr to Jun 2025", quarters: ["2025-26 Q1"] },
    produced: "2025-08-01T09:30:00.000Z",
    cover: {
      about: ["Complaints handled by the Department for Example Services and its arm's-length bodies, Apr to Jun 2025, for the departmental board."],
      source: "Quarterly complaints returns sent by each body to the department (Complaints oversight).",
      contact: "complaints.oversight@des.example",
      caveats: ["Figures from returns not yet accepted by the department are provisional [p].", "Some figures are revised [r] since they were first published."],
    },
    notes: [
      { number: 1, text: "Counts of 1 to 7 are suppressed [c]; other counts are rounded to the nearest 5.", appliesTo: "Equality" },
      { number: 2, text: "A complaint is counted in the quarter it was received.", appliesTo: "All tables" },
    ],
    tables: [
      {
        sheetName: "Headline",
        tableName: "headline_measures",
        title: "Table 1: Headline measures by body, Apr to Jun 2025",
        description: ["This worksheet contains one table.", "Some cells refer to notes, which can be found on the notes worksheet.", "Shorthand: [x] not available, [z] not applicable, [r] revised, [p] provisional."],
        columns: [
          { key: "organisation", heading: "Organisation code", type: "text", role: "organisation" },
          { key: "name", heading: "Organisation", type: "text", role: "organisation_name" },
          { key: "received", heading: "Complaints received [note 2]", type: "count" },
          { key: "within_timescale", heading: "Closed within timescale (%)", type: "percent1" },
          { key: "average_days", heading: "Average working days, early resolution", type: "decimal1" },
          { key: "payments_total", heading: "Payments (£)", type: "pence" },
          { key: "year", heading: "Financial year starting", type: "year" },
        ],
        rows: [
          [{ kind: "text", text: "DES-LIC1" }, { kind: "text", text: "Licensing Agency" }, { kind: "number", value: 12345 }, { kind: "number", value: 81.3 }, { kind: "number", value: 4.2 }, { kind: "number", value: 1250.5 }, { kind: "number", value: 2025 }],
          [{ kind: "text", text: "DES-BEN3" }, { kind: "text", text: "=HYPERLINK(\"http://evil.example\",\"Benefits\")" }, { kind: "number", value: 87, revised: true, provisional: true }, { kind: "shorthand", code: "x" }, { kind: "number", value: 0 }, { kind: "shorthand", code: "z" }, { kind: "number", value: 2025 }],
          [{ kind: "text", text: "DES" }, { kind: "text", text: "Department for Example Services (all bodies)" }, { kind: "number", value: 12432, revised: true }, { kind: "number", value: 80.9, provisional: true }, { kind: "number", value: 4.1 }, { kind: "number", value: 1250.5 }, { kind: "number", value: 2025 }],
        ],
      },
      {
        sheetName: "Equality",
        tableName: "equality_monitoring",
        title: "Table 2: Complaints by age group, Apr to Jun 2025 [note 1]",
        description: ["This worksheet contains one table.", "Shorthand: [c] confidential (suppressed)."],
        columns: [
          { key: "group", heading: "Age group", type: "text", role: "label" },
          { key: "complaints", heading: "Complaints", type: "count" },
          { key: "share", heading: "Share of complaints (%)", type: "percent1" },
        ],
        rows: [
          [{ kind: "text", text: "16 to 24" }, { kind: "shorthand", code: "c" }, { kind: "shorthand", code: "c" }],
          [{ kind: "text", text: "-25 to 64" }, { kind: "number", value: 40 }, { kind: "number", value: 88.9 }],
          [{ kind: "text", text: "65 and over" }, { kind: "number", value: 5 }, { kind: "number", value: 11.1 }],
        ],
      },
      {
        sheetName: "Overdue actions",
        tableName: "overdue_actions",
        title: "Table 3: Learning actions overdue, Apr to Jun 2025",
        description: ["This worksheet contains one table.", "There are no overdue actions for this period."],
        columns: [
          { key: "organisation", heading: "Organisation code", type: "text", role: "organisation" },
          { key: "action", heading: "Action", type: "text", role: "label" },
          { key: "days_overdue", heading: "Days overdue", type: "count" },
        ],
        rows: [],
        empty: "There are no overdue actions for this period.",
      },
    ],
    narrative: [
      { kind: "heading", level: 1, text: "Complaints board pack: Department for Example Services, Apr to Jun 2025" },
      { kind: "paragraph", text: "The department's bodies received 12,432 complaints in Apr to Jun 2025, 3% more than a year earlier." },
      { kind: "heading", level: 2, text: "Headline figures" },
      { kind: "table", tableName: "headline_measures", columns: ["name", "received", "within_timescale"], caption: "Headline measures by body" },
      { kind: "heading", level: 2, text: "Emerging themes" },
      { kind: "list", items: ["Delay is emerging at Licensing Agency: 14 per 100 complaints, above its upper limit."] },
      {
        kind: "figure",
        caption: "Closed within timescale, department, by quarter",
        alt: "Line chart: closed within timescale by quarter, between 78% and 84%, common cause variation.",
        chart: {
          kind: "xmr",
          data: {
            title: "Closed within timescale",
            kind: "proportion",
            format: percent,
            points: ["2024-25 Q1", "2024-25 Q2", "2024-25 Q3", "2024-25 Q4", "2025-26 Q1"].map((period, i) => ({ period, periodLabel: period, value: [0.8, 0.82, 0.78, 0.84, 0.809][i]!, specialCause: null, variation: "common-cause" as const })),
            chart: { mean: 0.81, upperLimit: 0.9, lowerLimit: 0.72, trial: true },
          },
        },
      },
      {
        kind: "figure",
        caption: "Funnel plot: closed within timescale",
        alt: "Funnel plot of two bodies, both within the 95% limits.",
        chart: {
          kind: "funnel",
          data: {
            title: "Closed within timescale",
            pooledProportion: 0.809,
            format: percent,
            formatRatio: formatOneDecimal,
            points: [
              { organisationCode: "DES-LIC1", name: "Licensing Agency", numerator: 813, denominator: 1000, proportion: 0.813, outside95: false, outside998: false, side: null },
              { organisationCode: "DES-BEN3", name: "Benefits", numerator: 40, denominator: 50, proportion: 0.8, outside95: false, outside998: false, side: null },
            ],
            curve: [10, 100, 1000].map((trials) => ({ trials, lower95: 0.809 - 1.96 * Math.sqrt(0.15 / trials), upper95: Math.min(1, 0.809 + 1.96 * Math.sqrt(0.15 / trials)), lower998: 0.809 - 3.09 * Math.sqrt(0.15 / trials), upper998: Math.min(1, 0.809 + 3.09 * Math.sqrt(0.15 / trials)) })),
            denominatorLabel: "complaints closed",
          },
        },
      },
      {
        kind: "figure",
        caption: "Themes per 100 complaints received",
        alt: "Heat map of two themes at two bodies.",
        chart: {
          kind: "heatmap",
          data: {
            title: "Themes per 100 complaints received, Apr to Jun 2025",
            format: formatOneDecimal,
            columns: [{ id: "delay", label: "Delay" }, { id: "communication", label: "Communication" }],
            rows: [
              { id: "DES-LIC1", label: "Licensing Agency", cells: [{ value: 14, emerging: true }, { value: 6 }] },
              { id: "DES-BEN3", label: "Benefits", cells: [{ value: 3 }, { value: null }] },
            ],
          },
        },
      },
    ],
  };
}
