import { cellText } from "../cells.ts";
import type { Block, Column, PackTable } from "../model.ts";
import { type PdfLayout, type StructParent, artifact, ensureRoom, winAnsi } from "./pdf-layout.ts";

/**
 * A workbook table in the PDF: a real table structure (Table, TR, TH with column scope, TD; PDF 1.7
 * section 14.8.4.3.4) whose cells read exactly as the spreadsheets show them (`cellText`). Columns
 * are sized to their contents within the page width, text wraps inside its cell, numbers are right
 * aligned (GOV.UK Design System, tables: "numeric data … right-aligned"), and a table that runs onto
 * another page repeats its header row there, marked as a pagination artifact so assistive
 * technology reads the header once (PDF/UA-1, ISO 14289-1 section 7.8; Matterhorn protocol 18).
 * A row taller than the space left (an action may be 5,000 characters) continues on the next page.
 */

type TableBlock = Extract<Block, { kind: "table" }>;

const cellPaddingX = 4;
const cellPaddingY = 3;
const fontSize = 9.5;
const ruleColour = "#b1b4b6";
/**
 * The most of the text column one word may claim for its column: a longer word (a web address, a
 * reference with no spaces) is broken between letters instead of squeezing every other column to a
 * letter's width. A quarter of the column holds about 25 letters, more than any ordinary word.
 */
const longestWordShare = 1 / 4;
/** A row of up to this many lines is never split across pages: it starts the next page whole. */
const keepLines = 4;
/** A split row leaves at least this many lines at the foot of a page and takes as many to the next. */
const partLines = 2;

interface Laid {
  columns: Column[];
  /** Text of each shown row, one string per shown column. */
  rows: string[][];
  /** Each cell's text width on one line (regular font), measured once. */
  textWidths: number[][];
  widths: number[];
  numeric: boolean[];
  /** Rows of the table that the block leaves out (`maxRows`). */
  omitted: number;
}

/** The table a block refers to, or an error naming what is missing (the pack builder's mistake, not the reader's). */
export function findTable(tables: readonly PackTable[], block: TableBlock): PackTable {
  const table = tables.find((t) => t.tableName === block.tableName);
  if (!table) throw new Error(`The narrative refers to table "${block.tableName}", which is not in the pack`);
  return table;
}

/** The cells a table block shows, as text. Exported for the end section's list of shorthand used. */
export function shownCells(table: PackTable, block: TableBlock): { columns: Column[]; rows: string[][]; omitted: number } {
  const indexes = block.columns
    ? block.columns.map((key) => {
        const i = table.columns.findIndex((c) => c.key === key);
        if (i < 0) throw new Error(`Table "${table.tableName}" has no column "${key}"`);
        return i;
      })
    : table.columns.map((_, i) => i);
  const columns = indexes.map((i) => table.columns[i]!);
  const kept = block.maxRows === undefined ? table.rows : table.rows.slice(0, Math.max(0, block.maxRows));
  const rows = kept.map((row) => indexes.map((i) => winAnsi(cellText(row[i]!, table.columns[i]!))));
  return { columns, rows, omitted: table.rows.length - kept.length };
}

/** Draws a table block (caption, header, rows) under `parent`, breaking across pages between rows. */
export function drawTable(layout: PdfLayout, parent: StructParent, pack: { tables: readonly PackTable[] }, block: TableBlock): void {
  const { doc } = layout;
  const table = findTable(pack.tables, block);
  const shown = shownCells(table, block);

  doc.font(layout.fonts.bold).fontSize(layout.bodySize);
  const caption = winAnsi(block.caption);
  const captionHeight = doc.heightOfString(caption, { width: layout.width }) + 4;

  if (shown.rows.length === 0) {
    ensureRoom(layout, captionHeight + layout.lineHeight * 2);
    parent.add(
      doc.struct("P", {}, () => {
        doc.font(layout.fonts.bold).fontSize(layout.bodySize).fillColor(layout.colours.text);
        doc.text(caption, layout.left, doc.y, { width: layout.width });
      }),
    );
    doc.y += 4;
    const why = table.empty ?? "This table has no rows for this period.";
    parent.add(doc.struct("P", {}, () => layout.bodyText(why)));
    doc.y += layout.paragraphGap;
    return;
  }

  const laid = layOut(layout, shown);
  const header = laid.columns.map((c) => winAnsi(c.heading));
  doc.font(layout.fonts.bold).fontSize(fontSize);
  const headerLines = header.map((text, i) => cellLines(layout, text, doc.widthOfString(text), laid.widths[i]!));
  const headerHeight = partHeight(layout, lineCount(headerLines), true);
  // The caption, the header and the first row, or the first lines of a row that will be split.
  const firstLines = lineCount(rowLines(layout, laid, 0));
  ensureRoom(layout, captionHeight + headerHeight + partHeight(layout, firstLines <= keepLines ? firstLines : partLines, false));

  const tableStruct = doc.struct("Table");
  parent.add(tableStruct);
  tableStruct.add(
    doc.struct("Caption", {}, () => {
      doc.font(layout.fonts.bold).fontSize(layout.bodySize).fillColor(layout.colours.text);
      doc.text(caption, layout.left, doc.y, { width: layout.width });
    }),
  );
  doc.y += 4;

  drawHeader(layout, tableStruct, laid, headerLines, headerHeight, false);
  const nextPage = () => {
    doc.addPage();
    drawHeader(layout, tableStruct, laid, headerLines, headerHeight, true);
  };
  laid.rows.forEach((_, r) => drawRow(layout, tableStruct, laid, r, nextPage));
  tableStruct.end();

  if (laid.omitted > 0) {
    doc.y += 4;
    const note = `Showing the first ${laid.rows.length} of ${laid.rows.length + laid.omitted} rows: the full table is on the "${table.sheetName}" sheet of the spreadsheet.`;
    parent.add(doc.struct("P", {}, () => layout.bodyText(note, { size: fontSize, colour: layout.colours.secondary })));
  }
  doc.y += layout.paragraphGap + 4;
}

/**
 * One row of cells. A row that does not fit in the space left starts the next page when it is short;
 * a taller one is split between lines, each cell continuing on the next page under the repeated
 * header (its TD holds both parts), so no line is lost or drawn over the foot of the page.
 */
function drawRow(layout: PdfLayout, tableStruct: PDFKit.PDFStructureElement, laid: Laid, r: number, nextPage: () => void): void {
  const { doc } = layout;
  const lines = rowLines(layout, laid, r);
  const count = lineCount(lines);
  const lineHeight = doc.currentLineHeight(true) + 1; // in the body font, which rowLines sets
  const room = () => Math.floor((layout.bottom - doc.y - 2 * cellPaddingY) / lineHeight);
  if (count > room() && (count <= keepLines || room() < partLines)) nextPage();

  const tr = doc.struct("TR");
  tableStruct.add(tr);
  const cells = lines.map(() => {
    const td = doc.struct("TD");
    tr.add(td);
    return td;
  });
  for (let from = 0; ; ) {
    const left = count - from;
    const take = left <= room() ? left : Math.max(1, Math.min(room(), left - partLines));
    const top = doc.y;
    let x = layout.left;
    laid.widths.forEach((w, i) => {
      const cellX = x;
      const part = lines[i]!.slice(from, from + take);
      const oneLine = lines[i]!.length === 1 && lines[i]![0] === laid.rows[r]![i] ? laid.textWidths[r]![i]! : null;
      if (from === 0 || part.length > 0) {
        cells[i]!.add(() => {
          doc.font(layout.fonts.regular).fontSize(fontSize).fillColor(layout.colours.text);
          writeLines(layout, part, oneLine, cellX, top, w, laid.numeric[i]!);
        });
      }
      x += w;
    });
    doc.y = top + take * lineHeight + 2 * cellPaddingY;
    from += take;
    if (from >= count) break;
    nextPage();
  }
  tr.end();
  artifact(layout, () => rule(layout, doc.y, 0.5, ruleColour));
}

function drawHeader(layout: PdfLayout, tableStruct: PDFKit.PDFStructureElement, laid: Laid, header: string[][], height: number, repeated: boolean): void {
  const { doc } = layout;
  const top = doc.y;
  const drawCells = () => {
    let x = layout.left;
    laid.widths.forEach((w, i) => {
      const cellX = x;
      const draw = () => {
        doc.font(layout.fonts.bold).fontSize(fontSize).fillColor(layout.colours.text);
        writeLines(layout, header[i]!, null, cellX, top, w, laid.numeric[i]!);
      };
      if (repeated) draw();
      // pdfkit 0.19+ writes /A << /O /Table /Scope /Column >> for a TH's `scope` (PDF 1.7 section 14.8.5.7).
      else tr!.add(doc.struct("TH", { scope: "Column" } as PDFKit.Mixins.StructureElementOptions, draw));
      x += w;
    });
  };
  let tr: PDFKit.PDFStructureElement | null = null;
  if (repeated) {
    artifact(layout, drawCells, "Pagination");
  } else {
    tr = doc.struct("TR");
    tableStruct.add(tr);
    drawCells();
    tr.end();
  }
  doc.y = top + height;
  artifact(layout, () => rule(layout, doc.y, 1, layout.colours.text));
}

function rule(layout: PdfLayout, y: number, width: number, colour: string): void {
  layout.doc
    .save()
    .moveTo(layout.left, y)
    .lineTo(layout.left + layout.width, y)
    .lineWidth(width)
    .strokeColor(colour)
    .stroke()
    .restore();
}

/**
 * A cell's text broken into lines that fit `width`: greedily at spaces, and a word wider than the
 * cell letter by letter. Cells are mostly short (names, codes, numbers), so this simple rule gives
 * the same breaks as pdfkit's Unicode line breaker in a fraction of its time, and measuring and
 * drawing share it, so a row is always exactly as tall as measured. A line broken at a space or a
 * line break keeps a space at its end, so text extraction and screen readers do not run words
 * together (pdfkit accessibility guide); one broken inside a word has none, so the word reads whole.
 */
export function wrapCell(measure: (text: string) => number, text: string, width: number): string[] {
  const lines: string[] = [];
  const paragraphs = text.split("\n");
  paragraphs.forEach((paragraph, p) => {
    const end = p < paragraphs.length - 1 ? " " : "";
    const words = paragraph.split(/ +/).filter(Boolean);
    if (words.length === 0) {
      lines.push(end);
      return;
    }
    const space = measure(" ");
    let line = "";
    let lineWidth = 0;
    for (const word of words) {
      const w = measure(word);
      if (line && lineWidth + space + w <= width) {
        line += ` ${word}`;
        lineWidth += space + w;
        continue;
      }
      if (line) lines.push(`${line} `);
      if (w <= width) {
        line = word;
        lineWidth = w;
        continue;
      }
      // Wider than the cell: as many letters as fit on each line.
      line = "";
      lineWidth = 0;
      for (const letter of word) {
        const lw = measure(letter);
        if (line && lineWidth + lw > width) {
          lines.push(line);
          line = "";
          lineWidth = 0;
        }
        line += letter;
        lineWidth += lw;
      }
    }
    lines.push(line + end);
  });
  return lines;
}

function cellLines(layout: PdfLayout, text: string, textWidth: number, cellWidth: number): string[] {
  const room = cellWidth - 2 * cellPaddingX;
  return textWidth <= room && !text.includes("\n") ? [text] : wrapCell((t) => layout.doc.widthOfString(t), text, room);
}

/** Each cell of body row `r` as the lines it takes in its column (sets the body font). */
function rowLines(layout: PdfLayout, laid: Laid, r: number): string[][] {
  layout.doc.font(layout.fonts.regular).fontSize(fontSize);
  return laid.rows[r]!.map((text, i) => cellLines(layout, text, laid.textWidths[r]![i]!, laid.widths[i]!));
}

/** The lines of a row's tallest cell (or of the header's). */
function lineCount(lines: readonly string[][]): number {
  return Math.max(1, ...lines.map((l) => l.length));
}

/** The height of `lines` lines of a row (the header's are bold, a little taller), with its padding. */
function partHeight(layout: PdfLayout, lines: number, bold: boolean): number {
  layout.doc.font(bold ? layout.fonts.bold : layout.fonts.regular).fontSize(fontSize);
  return lines * (layout.doc.currentLineHeight(true) + 1) + 2 * cellPaddingY;
}

/**
 * Lines of one cell inside its padding from `y`, right aligned when it is a number. `oneLine` is the
 * width of a cell's only line when already measured.
 */
function writeLines(layout: PdfLayout, lines: readonly string[], oneLine: number | null, x: number, y: number, width: number, right: boolean): void {
  const { doc } = layout;
  const lineHeight = doc.currentLineHeight(true) + 1;
  lines.forEach((line, n) => {
    const left = right ? x + width - cellPaddingX - (oneLine ?? doc.widthOfString(line.trimEnd())) : x + cellPaddingX;
    doc.text(line, left, y + cellPaddingY + n * lineHeight, { lineBreak: false });
  });
}

/**
 * Column widths: each column's natural width (its longest cell on one line, its heading on two
 * lines, at most the text column) when they all fit, widened in proportion to fill the text column;
 * otherwise every column keeps at least its longest word (at most `longestWordShare` of the text
 * column) and the space left is shared in proportion to how much more each would like. When even
 * the longest words do not fit, the widest are cut to one width, so the narrow columns keep theirs.
 */
function layOut(layout: PdfLayout, shown: { columns: Column[]; rows: string[][]; omitted: number }): Laid {
  const { doc } = layout;
  const n = shown.columns.length;
  const natural = Array.from({ length: n }, () => 0);
  const minimum = Array.from({ length: n }, () => 0);
  const longestWord = (text: string) => Math.max(0, ...text.split(/\s+/).map((w) => doc.widthOfString(w)));

  doc.font(layout.fonts.bold).fontSize(fontSize);
  shown.columns.forEach((c, i) => {
    const heading = winAnsi(c.heading);
    minimum[i] = longestWord(heading);
    // A heading may take two lines.
    natural[i] = doc.widthOfString(heading) / 2;
  });
  doc.font(layout.fonts.regular).fontSize(fontSize);
  const textWidths = shown.rows.map((row) => row.map((text) => doc.widthOfString(text)));
  shown.columns.forEach((c, i) => {
    for (const [r, row] of shown.rows.entries()) {
      const text = row[i]!;
      const whole = textWidths[r]![i]!;
      natural[i] = Math.max(natural[i]!, whole);
      // Text wraps, so it needs its longest word; numbers never wrap.
      minimum[i] = Math.max(minimum[i]!, c.type === "text" ? longestWord(text) : whole);
    }
    minimum[i] = Math.min(minimum[i]!, layout.width * longestWordShare);
    natural[i] = Math.min(Math.max(natural[i]!, minimum[i]!), layout.width);
  });

  // A little more than the padding, so rounding never pushes a longest word onto two lines.
  const pad = 2 * cellPaddingX + 1;
  const want = natural.map((w) => w + pad);
  const available = layout.width;
  const least = fitWidest(minimum.map((w) => w + pad), available);
  const totalWant = want.reduce((s, w) => s + w, 0);
  let widths: number[];
  if (totalWant <= available) {
    // Share the spare width out in proportion, so the table spans the text column like the paragraphs.
    widths = want.map((w) => (w / totalWant) * available);
  } else {
    const totalLeast = least.reduce((s, w) => s + w, 0);
    const extra = want.map((w, i) => w - least[i]!);
    const totalExtra = extra.reduce((s, w) => s + w, 0);
    widths = least.map((w, i) => w + (extra[i]! / totalExtra) * (available - totalLeast));
  }
  return { columns: shown.columns, rows: shown.rows, textWidths, widths, numeric: shown.columns.map((c) => c.type !== "text"), omitted: shown.omitted };
}

/** `widths`, the widest cut to the one width that makes them add up to `available` when they are more. */
function fitWidest(widths: readonly number[], available: number): number[] {
  const ascending = widths.toSorted((a, b) => a - b);
  let rest = available;
  for (const [k, w] of ascending.entries()) {
    const cap = rest / (ascending.length - k);
    if (w > cap) return widths.map((x) => Math.min(x, cap));
    rest -= w;
  }
  return [...widths];
}
