import { funnelChartModel, heatmapModel, type SvgNode, xmrChartModel } from "@complaints/charts";
import PDFDocument from "pdfkit";
import { type Block, type BoardPack, type Shorthand, shorthandMeaning } from "../model.ts";
import { type PdfLayout, type StructParent, a4, artifact, ensureRoom, margins, pdfLayout, winAnsi } from "./pdf-layout.ts";
import { drawSvg, svgSize } from "./pdf-svg.ts";
import { drawTable, findTable, shownCells } from "./pdf-table.ts";

/**
 * The board pack as a PDF a board reads: a title block (title, scope, period, date produced), the
 * narrative (headings, paragraphs, lists, the workbook's tables, the portal's charts as vectors),
 * then the notes and the shorthand used.
 *
 * Accessible as tagged PDF (ISO 32000-1, PDF 1.7, section 14.8): a structure tree (Document, H1–H3,
 * P, L/LI/Lbl/LBody, Table/TR/TH/TD, Figure with alternative text) in reading order, everything
 * else (rules, repeated table headers, page numbers) marked as artifacts, the document language
 * (/Lang, section 14.9.2) and its title shown in the viewer's title bar (/DisplayDocTitle,
 * section 12.2). The figures are the pack's own; this only lays them out.
 */
export async function writePackPdf(pack: BoardPack): Promise<Uint8Array> {
  const produced = new Date(pack.produced);
  const doc = new PDFDocument({
    size: "A4",
    margins,
    pdfVersion: "1.7",
    tagged: true,
    lang: pack.language,
    displayTitle: true,
    bufferPages: true,
    font: "Helvetica",
    info: {
      Title: pack.title,
      Author: pack.scope.departmentName,
      Subject: `Complaints handled by ${pack.scope.name}, ${pack.period.label}`,
      CreationDate: produced,
      ModDate: produced,
    },
  });
  const chunks: Uint8Array[] = [];
  doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });

  const layout = pdfLayout(doc);
  const root = doc.struct("Document");
  doc.addStructure(root);

  titleBlock(layout, root, pack, produced);
  const blocks = narrativeAfterTitle(pack);
  blocks.forEach((block, i) => drawBlock(layout, root, pack, block, blocks[i + 1], i));
  endSection(layout, root, pack);
  root.end();
  pageNumbers(layout);

  doc.end();
  await finished;
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.length;
  }
  return bytes;
}

/** The narrative less an opening level 1 heading that repeats the pack's title (the title block already shows it). */
function narrativeAfterTitle(pack: BoardPack): Block[] {
  const [first, ...rest] = pack.narrative;
  return first?.kind === "heading" && first.level === 1 && first.text.trim() === pack.title.trim() ? rest : pack.narrative;
}

const headingSize = { 1: 18, 2: 14, 3: 12 } as const;

function titleBlock(layout: PdfLayout, root: StructParent, pack: BoardPack, produced: Date): void {
  const { doc } = layout;
  root.add(doc.struct("H1", {}, () => heading(layout, pack.title, 1)));
  doc.y += 6;
  const scope =
    pack.scope.kind === "department" ? `${pack.scope.name} (${pack.scope.code})` : `${pack.scope.name} (${pack.scope.code}), ${pack.scope.departmentName}`;
  const date = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" }).format(produced);
  for (const [label, value] of [
    ["Scope", scope],
    ["Period", `${pack.period.label} (${pack.period.code})`],
    ["Produced", date],
  ] as const) {
    root.add(
      doc.struct("P", {}, () => {
        doc.font(layout.fonts.bold).fontSize(layout.bodySize).fillColor(layout.colours.text);
        doc.text(`${label}: `, layout.left, doc.y, { continued: true, lineGap: layout.lineGap });
        doc.font(layout.fonts.regular).text(winAnsi(value), { width: layout.width, lineGap: layout.lineGap });
      }),
    );
  }
  doc.y += layout.paragraphGap * 2;
}

/** The heading's bookmark; the last level 1 or 2 heading's, under which level 3 headings go. */
const sections = new WeakMap<PDFKit.PDFDocument, PDFKit.PDFOutline>();

/**
 * A heading, and a bookmark to it: a long pack can be navigated from the viewer's bookmarks
 * (WCAG 2.2 2.4.5 Multiple Ways, technique PDF2 "Creating bookmarks in long documents"). Level 1
 * and 2 headings are top-level bookmarks, level 3 ones sit under the heading before them.
 */
function heading(layout: PdfLayout, text: string, level: 1 | 2 | 3): void {
  const { doc } = layout;
  const parent = level === 3 ? (sections.get(doc) ?? doc.outline) : doc.outline;
  // pdfkit writes the destination [page /XYZ (width − left) (height − top) zoom]: this left gives
  // the page's left edge and this top the heading's, keeping the reader's zoom.
  const mark = parent.addItem(winAnsi(text), { left: a4.width, top: doc.y, zoom: 0 } as { expanded?: boolean });
  if (level !== 3) sections.set(doc, mark);
  doc.font(layout.fonts.bold).fontSize(headingSize[level]).fillColor(layout.colours.text);
  doc.text(winAnsi(text), layout.left, doc.y, { width: layout.width, lineGap: 2 });
}

function headingHeight(layout: PdfLayout, text: string, level: 1 | 2 | 3): number {
  layout.doc.font(layout.fonts.bold).fontSize(headingSize[level]);
  return layout.doc.heightOfString(winAnsi(text), { width: layout.width, lineGap: 2 });
}

/** Room a block needs at the top of its page so a heading above it is not left alone (keep with next). */
function leadHeight(layout: PdfLayout, pack: BoardPack, block: Block | undefined, index: number): number {
  const { doc } = layout;
  const lines = (n: number) => n * layout.lineHeight;
  if (!block) return lines(3);
  switch (block.kind) {
    case "heading":
      return headingHeight(layout, block.text, block.level) + lines(2);
    case "paragraph":
      doc.font(layout.fonts.regular).fontSize(layout.bodySize);
      return Math.min(doc.heightOfString(winAnsi(block.text), { width: layout.width, lineGap: layout.lineGap }), lines(3));
    case "list":
      return lines(2);
    case "table": {
      const table = findTable(pack.tables, block);
      return table.rows.length === 0 ? lines(3) : lines(5);
    }
    case "figure":
      return figureParts(layout, block, index)[0]!.height + lines(2);
  }
}

function drawBlock(layout: PdfLayout, root: StructParent, pack: BoardPack, block: Block, next: Block | undefined, index: number): void {
  const { doc } = layout;
  switch (block.kind) {
    case "heading": {
      const before = block.level === 1 ? 10 : 8;
      const height = headingHeight(layout, block.text, block.level);
      ensureRoom(layout, before + height + 4 + leadHeight(layout, pack, next, index + 1));
      if (doc.y > margins.top + 1) doc.y += before;
      root.add(doc.struct(`H${block.level}`, {}, () => heading(layout, block.text, block.level)));
      doc.y += 4;
      return;
    }
    case "paragraph":
      ensureRoom(layout, layout.lineHeight * 2);
      root.add(doc.struct("P", {}, () => layout.bodyText(block.text)));
      doc.y += layout.paragraphGap;
      return;
    case "list":
      list(layout, root, block.items);
      return;
    case "table":
      drawTable(layout, root, pack, block);
      return;
    case "figure":
      figure(layout, root, block, index);
      return;
  }
}

/** A bulleted list: L, then LI with a label (the bullet) and a body (PDF 1.7 section 14.8.4.3.3). */
function list(layout: PdfLayout, parent: StructParent, items: readonly string[]): void {
  const { doc } = layout;
  const indent = 16;
  const l = doc.struct("L");
  parent.add(l);
  for (const item of items) {
    // The bullet and at least two lines of its item (or all of a one-line item) on one page.
    doc.font(layout.fonts.regular).fontSize(layout.bodySize);
    const itemHeight = doc.heightOfString(winAnsi(item), { width: layout.width - indent, lineGap: layout.lineGap });
    ensureRoom(layout, Math.min(itemHeight, layout.lineHeight * 2));
    const top = doc.y;
    const li = doc.struct("LI");
    l.add(li);
    li.add(
      doc.struct("Lbl", {}, () => {
        doc.font(layout.fonts.regular).fontSize(layout.bodySize).fillColor(layout.colours.text);
        doc.text("•", layout.left + 4, top, { lineBreak: false });
      }),
    );
    li.add(
      doc.struct("LBody", {}, () => {
        doc.y = top;
        layout.bodyText(item, { x: layout.left + indent, width: layout.width - indent });
      }),
    );
    li.end();
    doc.y += 3;
  }
  l.end();
  doc.y += layout.paragraphGap - 3;
}

type FigureBlock = Extract<Block, { kind: "figure" }>;

/** One Figure on one page: a chart, or one part of a heat map too long for a page. */
interface FigurePart {
  tree: SvgNode;
  /** Points per chart unit. */
  scale: number;
  width: number;
  height: number;
  alt: string;
  caption: string;
  captionHeight: number;
}

/**
 * The chart's SVG tree, as the portal draws it, scaled to the text column's width, or smaller when it
 * would not fit on a page with its caption. A heat map whose rows would not fit at that width (one
 * row a body: a department of 60 bodies) is split into parts of whole rows, each on one page at a
 * readable size, all shaded on the whole map's scale; a trend or funnel chart is only ever scaled.
 */
function figureParts(layout: PdfLayout, block: FigureBlock, index: number): FigurePart[] {
  const { doc } = layout;
  const idPrefix = `figure-${index}`;
  const captionHeight = (caption: string) => {
    doc.font(layout.fonts.bold).fontSize(layout.bodySize);
    return doc.heightOfString(winAnsi(caption), { width: layout.width, lineGap: layout.lineGap }) + 6;
  };
  const part = (tree: SvgNode, alt: string, caption: string): FigurePart => {
    const size = svgSize(tree);
    const below = captionHeight(caption);
    const room = layout.bottom - margins.top - below - 4;
    const scale = Math.min(layout.width / size.width, room / size.height);
    return { tree, scale, width: size.width * scale, height: size.height * scale, alt, caption, captionHeight: below };
  };

  const chart = block.chart;
  if (chart.kind === "xmr") return [part(xmrChartModel(chart.data, { idPrefix }).tree, block.alt, block.caption)];
  if (chart.kind === "funnel") return [part(funnelChartModel(chart.data, { idPrefix }).tree, block.alt, block.caption)];

  const data = chart.data;
  const whole = heatmapModel(data, { idPrefix });
  const room = layout.bottom - margins.top - captionHeight(`${block.caption} (part 10 of 10)`) - 4;
  const fitScale = layout.width / whole.width;
  if (whole.height * fitScale <= room || data.rows.length <= 1) return [part(whole.tree, block.alt, block.caption)];

  const values = data.rows.flatMap((r) => r.cells.map((c) => c.value)).filter((v): v is number => v !== null && Number.isFinite(v));
  const maxValue = values.length ? Math.max(...values) : 1;
  const fixed = whole.height - data.rows.length * whole.cellHeight;
  const perPage = Math.max(1, Math.floor((room / fitScale - fixed) / whole.cellHeight));
  const count = Math.ceil(data.rows.length / perPage);
  const size = Math.ceil(data.rows.length / count);
  return Array.from({ length: count }, (_, k) => {
    const rows = data.rows.slice(k * size, (k + 1) * size);
    const span = `${rows[0]!.label} to ${rows.at(-1)!.label}`;
    const tree = heatmapModel({ ...data, rows }, { idPrefix: `${idPrefix}-${k + 1}`, maxValue }).tree;
    const alt = k === 0 ? `${block.alt} Shown in ${count} parts; part 1: ${span}.` : `Part ${k + 1} of ${count} of the heat map "${block.caption}": ${span}.`;
    return part(tree, alt, `${block.caption} (part ${k + 1} of ${count})`);
  });
}

/**
 * A chart as a Figure with the block's alternative text (PDF 1.7 section 14.9.3) and its bounding
 * box (PDF/UA-1 asks for one), then its caption as a paragraph. The chart's own title and
 * description (SVG `title`/`desc`) are not drawn: the caption and the alternative text carry them.
 */
function figure(layout: PdfLayout, parent: StructParent, block: FigureBlock, index: number): void {
  const { doc } = layout;
  for (const part of figureParts(layout, block, index)) {
    ensureRoom(layout, part.height + part.captionHeight + 4);
    const top = doc.y;
    const options = { alt: part.alt, bbox: [layout.left, top, layout.left + part.width, top + part.height] } as PDFKit.Mixins.StructureElementOptions;
    parent.add(doc.struct("Figure", options, () => drawSvg(doc, part.tree, layout.left, top, part.scale, layout.fonts)));
    doc.y = top + part.height + 6;
    parent.add(doc.struct("P", {}, () => layout.bodyText(part.caption, { bold: true })));
    doc.y += layout.paragraphGap + 4;
  }
}

/** The notes the pack refers to, and what each piece of shorthand used means (GSS: explain shorthand where it is used). */
function endSection(layout: PdfLayout, root: StructParent, pack: BoardPack): void {
  const { doc } = layout;
  const notesHeading = "Notes";
  ensureRoom(layout, 12 + headingHeight(layout, notesHeading, 2) + layout.lineHeight * 3);
  doc.y += 12;
  root.add(doc.struct("H2", {}, () => heading(layout, notesHeading, 2)));
  doc.y += 4;
  if (pack.notes.length === 0) {
    root.add(doc.struct("P", {}, () => layout.bodyText("There are no notes for this pack.")));
    doc.y += layout.paragraphGap;
  } else {
    list(
      layout,
      root,
      pack.notes.map((n) => `[note ${n.number}] ${n.text} Applies to: ${n.appliesTo}.`),
    );
  }

  const shorthandHeading = "Shorthand used";
  ensureRoom(layout, 8 + headingHeight(layout, shorthandHeading, 2) + layout.lineHeight * 3);
  doc.y += 8;
  root.add(doc.struct("H2", {}, () => heading(layout, shorthandHeading, 2)));
  doc.y += 4;
  const used = shorthandUsed(pack);
  if (used.length === 0) {
    root.add(doc.struct("P", {}, () => layout.bodyText("No shorthand is used in this document.")));
    doc.y += layout.paragraphGap;
  } else {
    list(
      layout,
      root,
      used.map((code) => `[${code}] ${shorthandMeaning[code]}`),
    );
  }
}

/** The shorthand ([c], [x], [z]) and markers ([r] revised, [p] provisional) that appear in what the PDF shows, in that order. */
export function shorthandUsed(pack: BoardPack): (Shorthand | "r" | "p")[] {
  const seen = new Set<string>();
  const scan = (text: string) => {
    for (const m of text.matchAll(/\[([cxzrp])\]/g)) seen.add(m[1]!);
  };
  // The end section lists every note, so shorthand a note uses is explained too.
  for (const note of pack.notes) scan(note.text);
  for (const block of pack.narrative) {
    switch (block.kind) {
      case "heading":
      case "paragraph":
        scan(block.text);
        break;
      case "list":
        block.items.forEach(scan);
        break;
      case "figure":
        scan(block.caption);
        break;
      case "table": {
        scan(block.caption);
        const shown = shownCells(findTable(pack.tables, block), block);
        shown.columns.forEach((c) => scan(c.heading));
        for (const row of shown.rows) row.forEach(scan);
        break;
      }
    }
  }
  return (["c", "x", "z", "r", "p"] as const).filter((code) => seen.has(code));
}

/** "Page 3 of 7" at the foot of every page, as pagination artifacts (PDF 1.7 section 14.8.2.2.2). */
function pageNumbers(layout: PdfLayout): void {
  const { doc } = layout;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const label = `Page ${i + 1} of ${range.count}`;
    artifact(
      layout,
      () => {
        doc.font(layout.fonts.regular).fontSize(9).fillColor(layout.colours.secondary);
        const x = layout.left + layout.width - doc.widthOfString(label);
        // lineBreak: false, or pdfkit would start a new page for text below the bottom margin.
        doc.text(label, x, a4.height - margins.bottom + 22, { lineBreak: false });
      },
      "Pagination",
    );
  }
}
