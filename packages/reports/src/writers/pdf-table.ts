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
 */

type TableBlock = Extract<Block, { kind: "table" }>;

const cellPaddingX = 4;
const cellPaddingY = 3;
const fontSize = 9.5;
const ruleColour = "#b1b4b6";

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
  const headerHeight = rowHeight(layout, header, null, laid.widths, true);
  const firstRow = rowHeight(layout, laid.rows[0]!, laid.textWidths[0]!, laid.widths, false);
  ensureRoom(layout, captionHeight + headerHeight + firstRow);

  const tableStruct = doc.struct("Table");
  parent.add(tableStruct);
  tableStruct.add(
    doc.struct("Caption", {}, () => {
      doc.font(layout.fonts.bold).fontSize(layout.bodySize).fillColor(layout.colours.text);
      doc.text(caption, layout.left, doc.y, { width: layout.width });
    }),
  );
  doc.y += 4;

  drawHeader(layout, tableStruct, laid, header, headerHeight, false);
  laid.rows.forEach((row, r) => {
    const measured = laid.textWidths[r]!;
    const height = rowHeight(layout, row, measured, laid.widths, false);
    if (doc.y + height > layout.bottom) {
      doc.addPage();
      drawHeader(layout, tableStruct, laid, header, headerHeight, true);
    }
    const top = doc.y;
    const tr = doc.struct("TR");
    tableStruct.add(tr);
    let x = layout.left;
    laid.widths.forEach((w, i) => {
      const cellX = x;
      tr.add(
        doc.struct("TD", {}, () => {
          doc.font(layout.fonts.regular).fontSize(fontSize).fillColor(layout.colours.text);
          writeCell(layout, row[i]!, measured[i]!, cellX, top, w, laid.numeric[i]!);
        }),
      );
      x += w;
    });
    tr.end();
    doc.y = top + height;
    artifact(layout, () => rule(layout, doc.y, 0.5, ruleColour));
  });
  tableStruct.end();

  if (laid.omitted > 0) {
    doc.y += 4;
    const note = `Showing the first ${laid.rows.length} of ${laid.rows.length + laid.omitted} rows: the full table is on the "${table.sheetName}" sheet of the spreadsheet.`;
    parent.add(doc.struct("P", {}, () => layout.bodyText(note, { size: fontSize, colour: layout.colours.secondary })));
  }
  doc.y += layout.paragraphGap + 4;
}

function drawHeader(layout: PdfLayout, tableStruct: PDFKit.PDFStructureElement, laid: Laid, header: string[], height: number, repeated: boolean): void {
  const { doc } = layout;
  const top = doc.y;
  const drawCells = () => {
    let x = layout.left;
    laid.widths.forEach((w, i) => {
      const cellX = x;
      const draw = () => {
        doc.font(layout.fonts.bold).fontSize(fontSize).fillColor(layout.colours.text);
        writeCell(layout, header[i]!, doc.widthOfString(header[i]!), cellX, top, w, laid.numeric[i]!);
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
 * cell letter by letter. Cells are short (names, codes, numbers), so this simple rule gives the
 * same breaks as pdfkit's Unicode line breaker in a fraction of its time, and measuring and
 * drawing share it, so a row is always exactly as tall as measured.
 */
export function wrapCell(measure: (text: string) => number, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    const words = paragraph.split(/ +/).filter(Boolean);
    if (words.length === 0) {
      lines.push("");
      continue;
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
      if (line) lines.push(line);
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
    lines.push(line);
  }
  return lines;
}

function cellLines(layout: PdfLayout, text: string, textWidth: number, cellWidth: number): string[] {
  const room = cellWidth - 2 * cellPaddingX;
  return textWidth <= room && !text.includes("\n") ? [text] : wrapCell((t) => layout.doc.widthOfString(t), text, room);
}

/** One cell's text inside its padding, line by line, right aligned when it is a number. */
function writeCell(layout: PdfLayout, text: string, textWidth: number, x: number, y: number, width: number, right: boolean): void {
  const { doc } = layout;
  const lines = cellLines(layout, text, textWidth, width);
  const lineHeight = doc.currentLineHeight(true) + 1;
  lines.forEach((line, n) => {
    const w = lines.length === 1 ? textWidth : doc.widthOfString(line);
    const left = right ? x + width - cellPaddingX - w : x + cellPaddingX;
    // Keep the space a line ends at, so text extraction and screen readers do not run words together (pdfkit accessibility guide).
    doc.text(n < lines.length - 1 ? `${line} ` : line, left, y + cellPaddingY + n * lineHeight, { lineBreak: false });
  });
}

/** A row's height: its tallest cell, wrapped to its column, plus padding. `measured` gives the cells' one-line widths when known. */
function rowHeight(layout: PdfLayout, cells: readonly string[], measured: readonly number[] | null, widths: readonly number[], bold: boolean): number {
  const { doc } = layout;
  doc.font(bold ? layout.fonts.bold : layout.fonts.regular).fontSize(fontSize);
  const lineHeight = doc.currentLineHeight(true) + 1;
  let most = 1;
  cells.forEach((text, i) => {
    const lines = cellLines(layout, text, measured?.[i] ?? doc.widthOfString(text), widths[i]!).length;
    if (lines > most) most = lines;
  });
  return most * lineHeight + 2 * cellPaddingY;
}

/**
 * Column widths: each column's natural width (its longest cell on one line, its heading on two
 * lines) when they all fit, widened in proportion to fill the text column; otherwise every column keeps at least its longest word and the
 * space left is shared in proportion to how much more each would like.
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
    natural[i] = Math.max(natural[i]!, minimum[i]!);
  });

  // A little more than the padding, so rounding never pushes a longest word onto two lines.
  const pad = 2 * cellPaddingX + 1;
  const want = natural.map((w) => w + pad);
  const least = minimum.map((w) => w + pad);
  const available = layout.width;
  const totalWant = want.reduce((s, w) => s + w, 0);
  let widths: number[];
  if (totalWant <= available) {
    // Share the spare width out in proportion, so the table spans the text column like the paragraphs.
    widths = want.map((w) => (w / totalWant) * available);
  } else {
    const totalLeast = least.reduce((s, w) => s + w, 0);
    if (totalLeast >= available) widths = least.map((w) => (w / totalLeast) * available);
    else {
      const extra = want.map((w, i) => w - least[i]!);
      const totalExtra = extra.reduce((s, w) => s + w, 0);
      widths = least.map((w, i) => w + (extra[i]! / totalExtra) * (available - totalLeast));
    }
  }
  return { columns: shown.columns, rows: shown.rows, textWidths, widths, numeric: shown.columns.map((c) => c.type !== "text"), omitted: shown.omitted };
}
