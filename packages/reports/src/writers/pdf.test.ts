import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { formatOneDecimal } from "@complaints/domain";
import { cellText } from "../cells.ts";
import type { Block, BoardPack, Cell, PackTable } from "../model.ts";
import { type PdfWord, pdfCatalog, pdfInfo, pdfObjects, pdfStructElements, pdfStructText, pdfText, pdfWords, samplePack } from "../testing/index.ts";
import { writePackPdf } from "./pdf.ts";

/** Pages of `pdftotext -layout` output (it ends each page with a form feed). */
function pages(text: string): string[] {
  return text.split("\f").filter((p, i, all) => i < all.length - 1 || p.trim() !== "");
}

function withNarrative(pack: BoardPack, narrative: Block[], tables: PackTable[] = pack.tables): BoardPack {
  return { ...pack, narrative, tables };
}

/** A table of `n` bodies, long enough to run over several pages. */
function longTable(n: number): PackTable {
  const rows: Cell[][] = Array.from({ length: n }, (_, i) => [
    { kind: "text", text: `DES-B${String(i + 1).padStart(3, "0")}` },
    { kind: "text", text: `Example body number ${i + 1} with a name long enough to wrap in a narrow column` },
    i % 7 === 3 ? { kind: "shorthand", code: "c" } : { kind: "number", value: 1000 + i * 37, revised: i % 5 === 0 },
    { kind: "number", value: 50 + (i % 50) + 0.4 },
  ]);
  return {
    sheetName: "Long",
    tableName: "long_table",
    title: "Table 9: Long table",
    description: ["This worksheet contains one table."],
    columns: [
      { key: "organisation", heading: "Organisation code", type: "text", role: "organisation" },
      { key: "name", heading: "Organisation", type: "text", role: "organisation_name" },
      { key: "received", heading: "Complaints received", type: "count" },
      { key: "within", heading: "Closed within timescale (%)", type: "percent1" },
    ],
    rows,
  };
}

/** A 300-character web address: one unbroken token, wider than any column. */
const longToken = `https://www.example.gov.uk/learning/${"complaints-handling-review-2025-".repeat(10)}`.slice(0, 300);

/**
 * Overdue actions as the pack shows them (the action plans table's columns), the second the longest
 * an action may be (5,000 characters) of real sentences, ending in `longToken`.
 */
function actionsTable(): PackTable {
  const sentences = [
    "The complaints team will review every complaint closed late this quarter and write to each complainant to explain the delay.",
    "Managers will check a sample of ten responses each month against the service standards and record what they find.",
    "Staff who answer the telephone will be trained to log a complaint on the day it is made, with the reference given to the caller.",
    "Where a complaint is upheld, the team will agree a remedy with the complainant within five working days and confirm it in writing.",
    "Progress will be reported to the board each quarter, with the number of complaints closed within timescale and the reasons for any delay.",
  ];
  const prose = Array.from({ length: 40 }, (_, i) => sentences[i % sentences.length]).join(" ");
  const longest = `${prose.slice(0, 5000 - longToken.length - 1)} ${longToken}`;
  const text = (t: string): Cell => ({ kind: "text", text: t });
  return {
    sheetName: "Action_plans",
    tableName: "action_plans",
    title: "Table 7: Learning action plans, overdue first",
    description: ["This worksheet contains one table."],
    columns: [
      { key: "organisation", heading: "Organisation", type: "text", role: "organisation_name" },
      { key: "action", heading: "Action", type: "text", role: "label" },
      { key: "owner", heading: "Owner", type: "text" },
      { key: "due_date", heading: "Due date", type: "text" },
      { key: "status", heading: "Status", type: "text" },
    ],
    rows: [
      ["Example Licensing Agency", sentences[0]!, "Head of Customer Experience", "30 June 2025", "Not started"],
      ["Example Inspection Service", longest, "Director of Operations", "31 July 2025", "In progress"],
      ["Example Records Office", sentences[3]!, "Complaints Manager", "15 August 2025", "In progress"],
    ].map((row) => row.map(text)),
  };
}

describe("writePackPdf on the sample pack", () => {
  const pack = samplePack();
  let bytes: Uint8Array;
  let text: string;
  let info: Record<string, string>;

  beforeAll(async () => {
    bytes = await writePackPdf(pack);
    [text, info] = await Promise.all([pdfText(bytes), pdfInfo(bytes)]);
  });

  it("is a tagged PDF 1.7 on A4 whose title is the pack's", () => {
    expect(info.Tagged).toBe("yes");
    expect(info.Title).toBe(pack.title);
    expect(info["PDF version"]).toBe("1.7");
    expect(info["Page size"]).toContain("(A4)");
    expect(info.CreationDate).toMatch(/Aug\s+1 09:30:00 2025/);
  });

  it("declares its language, marking, structure tree and that viewers show its title", () => {
    const { catalog, ref } = pdfCatalog(bytes);
    expect(catalog).toContain("/Lang (en-GB)");
    expect(ref("MarkInfo")).toMatch(/\/Marked true/);
    expect(ref("StructTreeRoot")).toMatch(/\/Type \/StructTreeRoot/);
    expect(ref("ViewerPreferences")).toMatch(/\/DisplayDocTitle true/);
  });

  it("has selectable text: the title block, headings, captions, and every shown cell exactly as cellText reads it", () => {
    expect(text).toContain("Scope: Department for Example Services (DES)");
    expect(text).toContain("Period: Apr to Jun 2025 (2025-26 Q1)");
    expect(text).toContain("Produced: 1 August 2025");
    for (const block of pack.narrative) {
      if (block.kind === "heading" || block.kind === "paragraph") expect(text.replace(/\s+/g, " ")).toContain(block.text);
      if (block.kind === "table" || block.kind === "figure") expect(text).toContain(block.caption);
    }
    expect(text).toContain("12,345");
    expect(text).toContain("87 [r] [p]");
    expect(text).toContain("12,432 [r]");
    expect(text).toContain("80.9 [p]");
    expect(text).toContain("[x]");
    const headline = pack.tables.find((t) => t.tableName === "headline_measures")!;
    const shown = ["name", "received", "within_timescale"].map((key) => headline.columns.findIndex((c) => c.key === key));
    for (const row of headline.rows) {
      const line = text.split("\n").find((l) => l.includes(cellText(row[shown[0]!]!, headline.columns[shown[0]!]!)));
      expect(line, "the row's first cell is on a line").toBeDefined();
      // pdftotext -layout keeps a row on one line, left to right: the cells appear in order on it.
      const cells = shown.map((i) => cellText(row[i]!, headline.columns[i]!));
      expect(line).toMatch(new RegExp(cells.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s+")));
    }
    // Columns the block did not ask for are left out.
    expect(text).not.toContain("1,250.50");
  });

  it("draws the charts' text as text: axis labels, tick labels and legends", () => {
    for (const label of ["95%", "2024-25", "2025-26", "Process limits (trial)", "Size: complaints closed", "1,000", "99.8% limits", "Licensing Agency", "Lighter to darker: 0 to 14.0", "Emerging theme"]) {
      expect(text).toContain(label);
    }
    // The chart's <title> is not drawn: the caption and alternative text carry it.
    expect(text).not.toContain("Themes per 100 complaints received, Apr to Jun 2025");
  });

  it("numbers every page as Page N of total", () => {
    const total = Number(info.Pages);
    expect(total).toBeGreaterThanOrEqual(2);
    pages(text).forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${total}`));
    expect(pages(text)).toHaveLength(total);
  });

  it("ends with the notes and the shorthand used, with their meanings", () => {
    const end = text.slice(text.lastIndexOf("Notes"));
    expect(end).toContain("[note 1] Counts of 1 to 7 are suppressed [c]");
    expect(end).toContain("[note 2] A complaint is counted in the quarter it was received.");
    const shorthand = end.slice(end.indexOf("Shorthand used"));
    expect(shorthand).toContain("[x] not available");
    expect(shorthand).toContain("[r] revised since first published");
    expect(shorthand).toContain("[p] provisional: from a return the department has not yet accepted");
    expect(shorthand.indexOf("[r] revised")).toBeLessThan(shorthand.indexOf("[p] provisional"));
    // [c] is used by note 1; [z] appears nowhere the PDF shows (the payments column is left out).
    expect(shorthand).toContain("[c] confidential");
    expect(shorthand).not.toContain("[z]");
  });

  it("has a structure tree of headings, paragraphs, a table with header cells and figures with their alternative text", () => {
    const elements = pdfStructElements(bytes);
    const types = elements.map((e) => e.type);
    for (const type of ["Document", "H1", "H2", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "Caption", "Figure"]) expect(types).toContain(type);
    expect(types.filter((t) => t === "H1")).toHaveLength(1);
    expect(types.filter((t) => t === "TH")).toHaveLength(3);
    expect(elements.filter((e) => e.type === "TH").every((e) => e.scope === "Column")).toBe(true);
    expect(types.filter((t) => t === "TD")).toHaveLength(3 * 3);
    const alts = pack.narrative.flatMap((b) => (b.kind === "figure" ? [b.alt] : []));
    expect(elements.filter((e) => e.type === "Figure").map((e) => e.alt)).toEqual(alts);
  });

  it("reads in order with poppler: header cells then data cells, each figure followed by its caption", async () => {
    const tree = await pdfStructText(bytes);
    const lines = tree.split("\n").map((l) => l.trim());
    const at = (line: string) => {
      const i = lines.indexOf(line);
      expect(i, line).toBeGreaterThanOrEqual(0);
      return i;
    };
    expect(lines[0]).toBe("Document");
    expect(at('"Complaints received [note 2]"')).toBeLessThan(at('"12,345"'));
    expect(lines[at('"Complaints received [note 2]"') - 2]).toBe("TH:");
    expect(lines[at('"87 [r] [p]"') - 1]).toBe("TD");
    expect(lines[at('"80.9 [p]"') - 1]).toBe("TD");
    expect(lines[at('"[x]"') - 1]).toBe("TD");
    expect(at('"Headline figures"')).toBeLessThan(at("Table (block)"));
    for (const block of pack.narrative) if (block.kind === "figure") expect(lines[at(`"${block.caption}"`) - 1]).toBe("P (block)");
    expect(tree.match(/^\s*Figure:/gm)).toHaveLength(3);
  });
});

describe("writePackPdf layout", () => {
  it("breaks a long table across pages, repeating its header row, every row once", async () => {
    const pack = samplePack();
    const table = longTable(90);
    const bytes = await writePackPdf(withNarrative(pack, [{ kind: "heading", level: 2, text: "All bodies" }, { kind: "table", tableName: "long_table", caption: "Every body" }], [table]));
    const text = await pdfText(bytes);
    const tablePages = pages(text).filter((p) => p.includes("DES-B"));
    expect(tablePages.length).toBeGreaterThanOrEqual(3);
    for (const page of tablePages) {
      const firstRow = page.indexOf("DES-B");
      for (const heading of ["Organisation", "code", "Complaints", "received", "timescale", "(%)"]) {
        expect(page.indexOf(heading), `"${heading}" above the rows`).toBeGreaterThanOrEqual(0);
        expect(page.indexOf(heading)).toBeLessThan(firstRow);
      }
    }
    for (const row of table.rows) {
      const code = cellText(row[0]!, table.columns[0]!);
      expect(text.match(new RegExp(`\\b${code}\\b`, "g")), code).toHaveLength(1);
      const line = text.split("\n").find((l) => l.includes(code))!;
      expect(line).toContain(cellText(row[2]!, table.columns[2]!));
      expect(line).toContain(cellText(row[3]!, table.columns[3]!));
    }
    // The repeated headers are pagination artifacts: the structure has one header row.
    const elements = pdfStructElements(bytes);
    expect(elements.filter((e) => e.type === "TH")).toHaveLength(4);
    expect(elements.filter((e) => e.type === "TR")).toHaveLength(91);
    expect(elements.filter((e) => e.type === "TD")).toHaveLength(90 * 4);
  });

  it("keeps every word of a 5,000-character action, breaking an unbroken token and the row across pages under a repeated header, above the footer", async () => {
    const table = actionsTable();
    expect(table.rows[1]![1]).toMatchObject({ text: expect.stringMatching(/^.{5000}$/s) });
    const narrative: Block[] = [
      { kind: "heading", level: 2, text: "Overdue learning actions" },
      { kind: "paragraph", text: "Three actions are overdue. The longest is shown in full, over more than one page." },
      { kind: "table", tableName: "action_plans", caption: "3 overdue actions" },
    ];
    const bytes = await writePackPdf(withNarrative(samplePack(), narrative, [table]));
    const words = await pdfWords(bytes);
    const pageCount = Math.max(...words.map((w) => w.page));
    // A4 less its 56 pt bottom margin: only the page number is drawn below it.
    const footerLine = 841.89 - 56;
    for (let page = 1; page <= pageCount; page++) {
      const below = words.filter((w) => w.page === page && w.yMax > footerLine);
      expect(below.map((w) => w.text).join(" "), `below the footer line on page ${page}`).toBe(`Page ${page} of ${pageCount}`);
    }

    // The header row on each page the table is on: the lines from the "Action" heading down that hold only heading words.
    const headingWords = new Set(table.columns.flatMap((c) => c.heading.split(" ")));
    const headerOn = (page: number) => {
      const onPage = words.filter((w) => w.page === page && w.yMax <= footerLine);
      const action = onPage.find((w) => w.text === "Action");
      if (!action) return undefined;
      const lines = new Map<number, PdfWord[]>();
      for (const word of onPage.filter((w) => w.yMin >= action.yMin - 0.5).toSorted((a, b) => a.yMin - b.yMin)) {
        const line = lines.get(word.yMin);
        if (line) line.push(word);
        else lines.set(word.yMin, [word]);
      }
      const header: PdfWord[] = [];
      for (const line of lines.values()) {
        if (!line.every((w) => headingWords.has(w.text))) break;
        header.push(...line);
      }
      return { words: header, top: action.yMin, bottom: Math.max(...header.map((w) => w.yMax)), topOfPage: onPage.every((w) => w.yMin >= action.yMin - 0.5) };
    };
    const tablePages = Array.from({ length: pageCount }, (_, i) => i + 1).filter((page) => headerOn(page));
    expect(tablePages.length, "the long row runs onto a second page").toBeGreaterThanOrEqual(2);
    tablePages.forEach((page, k) => {
      const header = headerOn(page)!;
      expect(header.words.map((w) => w.text).toSorted(), `the header on page ${page}`).toEqual([...headingWords].toSorted());
      if (k > 0) expect(header.topOfPage, `the header heads page ${page}`).toBe(true);
    });

    // Each column's words, page by page and line by line, read as the cells in order: every word of every cell, whole.
    const first = headerOn(tablePages[0]!)!;
    const starts = table.columns.map((c) => first.words.find((w) => w.text === c.heading.split(" ")[0])!.xMin);
    const body = words.filter((w) => tablePages.includes(w.page) && w.yMin > headerOn(w.page)!.bottom && w.yMax <= footerLine);
    body.sort((a, b) => a.page - b.page || a.yMin - b.yMin || a.xMin - b.xMin);
    table.columns.forEach((column, i) => {
      const inColumn = body.filter((w) => w.xMin >= starts[i]! - 1 && (i === starts.length - 1 || w.xMin < starts[i + 1]! - 1));
      const read = inColumn.map((w) => w.text).join("");
      const cells = table.rows.map((row) => (row[i] as { text: string }).text);
      // The table is followed by the notes, which run across every column.
      expect(read.startsWith(cells.join("").replace(/\s+/g, "")), `the ${column.heading} column reads its cells in full, in order`).toBe(true);
      const whole = new Set(inColumn.map((w) => w.text));
      for (const word of cells.flatMap((c) => c.split(/\s+/))) if (word !== longToken) expect(whole.has(word), `"${word}" whole in the ${column.heading} column`).toBe(true);
    });

    // One header row and one row of cells per action in the structure, however many pages they take.
    const elements = pdfStructElements(bytes);
    expect(elements.filter((e) => e.type === "TH")).toHaveLength(5);
    expect(elements.filter((e) => e.type === "TR")).toHaveLength(4);
    expect(elements.filter((e) => e.type === "TD")).toHaveLength(3 * 5);
    // Assistive technology reads the long action as one cell, its parts joined, the address unbroken.
    const tree = (await pdfStructText(bytes)).split("\n").map((l) => l.trim());
    const tds = tree.flatMap((line, i) => (line === "TD" ? [tree.slice(i + 1, tree.findIndex((l, j) => j > i && !l.startsWith('"')))] : []));
    const longest = (table.rows[1]![1] as { text: string }).text;
    expect(tds.map((parts) => parts.map((p) => p.slice(1, -1)).join(""))).toContain(longest);
  });

  it("shows a table's first rows when the block says so, and where the rest are", async () => {
    const pack = samplePack();
    const bytes = await writePackPdf(withNarrative(pack, [{ kind: "table", tableName: "long_table", caption: "The first bodies", maxRows: 5, columns: ["organisation", "received"] }], [longTable(40)]));
    const text = await pdfText(bytes);
    expect(text).toContain("DES-B005");
    expect(text).not.toContain("DES-B006");
    expect(text).not.toContain("Example body number");
    expect(text.replace(/\s+/g, " ")).toContain('Showing the first 5 of 40 rows: the full table is on the "Long" sheet of the spreadsheet.');
  });

  it("says why a table is empty instead of drawing an empty grid", async () => {
    const pack = samplePack();
    const bytes = await writePackPdf(withNarrative(pack, [{ kind: "table", tableName: "overdue_actions", caption: "Overdue actions" }]));
    const text = await pdfText(bytes);
    expect(text).toContain("Overdue actions");
    expect(text).toContain("There are no overdue actions for this period.");
    expect(pdfStructElements(bytes).map((e) => e.type)).not.toContain("Table");
  });

  it("never leaves a heading at the foot of a page", async () => {
    const pack = samplePack();
    const paragraph = "The bodies' complaints handling is described here at some length, so that the text runs over many lines and pushes later headings down the page. ".repeat(3);
    const narrative: Block[] = Array.from({ length: 30 }, (_, i): Block[] => [
      { kind: "heading", level: 2, text: `Section ${i + 1}` },
      { kind: "paragraph", text: paragraph.repeat(1 + (i % 3)) },
    ]).flat();
    const text = await pdfText(await writePackPdf(withNarrative(pack, narrative)));
    const all = pages(text);
    expect(all.length).toBeGreaterThan(3);
    for (const page of all) {
      const lines = page.split("\n").filter((l) => l.trim() !== "" && !/Page \d+ of \d+/.test(l));
      const last = lines.at(-1)!.trim();
      expect(last, `last line of a page: "${last}"`).not.toMatch(/^(Section \d+|Notes|Shorthand used)$/);
    }
  });

  it("splits a heat map too long for a page into parts of whole rows, at full width, on one colour scale", async () => {
    const pack = samplePack();
    const rows = Array.from({ length: 60 }, (_, i) => ({ id: `B${i + 1}`, label: `Body ${i + 1}`, cells: [{ value: i % 13 }, { value: (i * 7) % 11, emerging: i === 40 }] }));
    const narrative: Block[] = [
      { kind: "figure", caption: "Themes by body", alt: "Heat map of two themes at 60 bodies.", chart: { kind: "heatmap", data: { title: "Themes", format: formatOneDecimal, columns: [{ id: "delay", label: "Delay" }, { id: "staff", label: "Staff" }], rows } } },
    ];
    const bytes = await writePackPdf(withNarrative(pack, narrative));
    const text = await pdfText(bytes);
    const figures = pdfStructElements(bytes).filter((e) => e.type === "Figure");
    expect(figures.length).toBeGreaterThan(1);
    figures.forEach((f, k) => {
      expect(text).toContain(`Themes by body (part ${k + 1} of ${figures.length})`);
      expect(f.alt).toMatch(k === 0 ? /^Heat map of two themes at 60 bodies\. Shown in \d parts; part 1: Body 1 to Body \d+\.$/ : new RegExp(`^Part ${k + 1} of ${figures.length} of the heat map`));
      // Drawn across the text column (A4 less 50 pt margins), not shrunk to fit all 60 rows on one page.
      expect(f.bbox![2]! - f.bbox![0]!).toBeCloseTo(595.28 - 100, 1);
    });
    for (const row of rows) expect(text.match(new RegExp(`\\b${row.label}\\b`, "g")), row.label).toHaveLength(1);
    // Every part's key gives the whole map's largest value (12), so a shade means the same everywhere.
    expect(text.match(/Lighter to darker: 0 to 12\.0/g)).toHaveLength(figures.length);
  });

  it("shows text the standard fonts cannot encode as its nearest letters, never as wrong ones", async () => {
    const pack = samplePack();
    const text = await pdfText(await writePackPdf(withNarrative(pack, [{ kind: "paragraph", text: "Gŵyl Ŷd: 10 ≥ 5, “quotes”, café, £12, € and an emoji 🙂." }])));
    expect(text).toContain("Gwyl Yd: 10 >= 5, “quotes”, café, £12, € and an emoji ?.");
  });

  it("bookmarks every heading, level 3 under the heading before it, and opens with the bookmarks shown", async () => {
    const pack = samplePack();
    const bytes = await writePackPdf(
      withNarrative(pack, [
        { kind: "heading", level: 2, text: "Performance" },
        { kind: "heading", level: 3, text: "Timeliness" },
        { kind: "paragraph", text: "Most complaints were closed on time." },
      ]),
    );
    const { catalog, ref } = pdfCatalog(bytes);
    expect(catalog).toContain("/PageMode /UseOutlines");
    expect(ref("Outlines")).toMatch(/\/First \d+ 0 R/);
    const objects = [...pdfObjects(bytes)];
    const mark = (title: string) => {
      const found = objects.find(([, body]) => body.includes(`/Title (${title})`) && body.includes("/Dest"));
      expect(found, title).toBeDefined();
      return found!;
    };
    const [performance] = mark("Performance");
    const [, timeliness] = mark("Timeliness");
    expect(timeliness).toMatch(new RegExp(`/Parent ${performance} 0 R`));
    for (const title of [pack.title, "Notes", "Shorthand used"]) mark(title);
  });

  it("refuses a narrative that refers to a table the pack does not have", async () => {
    const pack = samplePack();
    await expect(writePackPdf(withNarrative(pack, [{ kind: "table", tableName: "no_such_table", caption: "Missing" }]))).rejects.toThrow(/no_such_table/);
  });
});

describe("the PDF test helpers", () => {
  it("fail, saying what to install, when poppler-utils is missing", async () => {
    const empty = await mkdtemp(join(tmpdir(), "no-poppler-"));
    try {
      const bytes = await writePackPdf(samplePack());
      await expect(pdfText(bytes, { searchPath: empty })).rejects.toThrow(/pdftotext is not installed.*poppler-utils/);
      await expect(pdfInfo(bytes, { searchPath: empty })).rejects.toThrow(/pdfinfo is not installed.*poppler-utils/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
