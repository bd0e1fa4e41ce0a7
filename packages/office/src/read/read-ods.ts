import { CellCount, SpreadsheetLimitError, UnreadableSpreadsheetError, blank, checkSheetCount, maxGridColumns, maxGridRows, type Grid, type GridCell, type GridRow } from "./grid.ts";
import { attribute, children, findFirst, nodeName, parseXml, textOf, type XmlNode } from "./xml.ts";
import { readZipParts } from "./zip.ts";

/**
 * The tables of an uploaded OpenDocument spreadsheet (content.xml), in order. A cell's type and
 * value are in `office:value-type` and `office:value` (or `office:date-value`, …); its text is in
 * paragraphs with `text:s`, `text:tab` and `text:line-break` (ODF 1.3 part 3, 19.385 and 6.1).
 * Repeated rows and cells (`table:number-rows-repeated`, `table:number-columns-repeated`) are
 * expanded only as far as they hold something, and only up to the grid's limits: LibreOffice
 * writes a million empty rows as one repeated row.
 */

/**
 * Spaces that `text:s` elements may stand for in one file. Each of a few bytes can stand for a
 * thousand, so a small file could otherwise unpack to more text than memory holds.
 */
const maxRepeatedSpaces = 1_000_000;

/** What one reading of a file has used of its limits. */
interface Reading {
  cells: CellCount;
  spaces: number;
}

/** The text of a cell: its paragraphs joined by line breaks. */
function paragraphText(node: XmlNode, reading: Reading): string {
  let out = "";
  for (const child of children(node)) {
    const text = textOf(child);
    if (text !== null) {
      out += text;
      continue;
    }
    switch (nodeName(child)) {
      case "text:s": {
        const spaces = Math.min(Number(attribute(child, "text:c") ?? "1") || 1, 1000);
        reading.spaces += spaces;
        if (reading.spaces > maxRepeatedSpaces) throw new SpreadsheetLimitError({ limit: "spaces", most: maxRepeatedSpaces });
        out += " ".repeat(spaces);
        break;
      }
      case "text:tab":
        out += "\t";
        break;
      case "text:line-break":
        out += "\n";
        break;
      // Notes (comments) and change-tracking records are not the cell's text.
      case "office:annotation":
      case "text:note":
      case "text:tracked-changes":
        break;
      default:
        out += paragraphText(child, reading);
    }
  }
  return out;
}

function cellText(cell: XmlNode, reading: Reading): string {
  return children(cell)
    .filter((c) => nodeName(c) === "text:p" || nodeName(c) === "text:h")
    .map((p) => paragraphText(p, reading))
    .join("\n");
}

function cellOf(cell: XmlNode, reading: Reading): GridCell {
  const formula = attribute(cell, "table:formula");
  if (formula !== undefined) return { kind: "formula", formula: formula.replace(/^of:/, "").replace(/^=/, "") };
  const type = attribute(cell, "office:value-type");
  switch (type) {
    case "float":
    case "percentage":
    case "currency": {
      const value = Number(attribute(cell, "office:value"));
      return Number.isFinite(value) ? { kind: "number", value } : { kind: "text", text: cellText(cell, reading) };
    }
    case "date": {
      const iso = attribute(cell, "office:date-value") ?? "";
      return { kind: "date", iso: iso.slice(0, 10) };
    }
    case "boolean":
      return { kind: "boolean", value: attribute(cell, "office:boolean-value") === "true" };
    case "time":
      return { kind: "text", text: cellText(cell, reading) };
    case "string":
      return { kind: "text", text: attribute(cell, "office:string-value") ?? cellText(cell, reading) };
    default: {
      // No value type: an empty cell, or (rarely) text without one.
      const text = cellText(cell, reading);
      return text === "" ? blank : { kind: "text", text };
    }
  }
}

function repeat(node: XmlNode, name: string): number {
  const n = Number(attribute(node, name) ?? "1");
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** Table rows in order, looking inside row groups and header rows. */
function* tableRows(nodes: XmlNode[]): Generator<XmlNode> {
  for (const node of nodes) {
    const name = nodeName(node);
    if (name === "table:table-row") yield node;
    else if (name === "table:table-row-group" || name === "table:table-header-rows" || name === "table:table-rows") yield* tableRows(children(node));
  }
}

function tableGrid(table: XmlNode, reading: Reading): Grid {
  const rows: GridRow[] = [];
  let rowNumber = 1;
  let truncated = false;
  for (const rowNode of tableRows(children(table))) {
    const cells: GridCell[] = [];
    for (const cellNode of children(rowNode)) {
      const name = nodeName(cellNode);
      if (name !== "table:table-cell" && name !== "table:covered-table-cell") continue;
      const room = maxGridColumns - cells.length;
      if (room <= 0) break;
      const times = repeat(cellNode, "table:number-columns-repeated");
      const cell = name === "table:table-cell" ? cellOf(cellNode, reading) : blank;
      for (let i = 0; i < Math.min(times, room); i += 1) cells.push(cell);
    }
    while (cells.length > 0 && cells.at(-1)!.kind === "blank") cells.pop();
    const times = repeat(rowNode, "table:number-rows-repeated");
    if (cells.length === 0) {
      // Empty rows, however many, only move the row number on.
      rowNumber += times;
      continue;
    }
    for (let i = 0; i < times; i += 1) {
      if (rows.length >= maxGridRows) {
        truncated = true;
        break;
      }
      reading.cells.add(cells.length);
      rows.push({ row: rowNumber, cells });
      rowNumber += 1;
    }
    if (truncated) break;
  }
  return { rows, truncated };
}

export function readOds(bytes: Uint8Array): Grid[] {
  const parts = readZipParts(bytes, (name) => name === "content.xml");
  const xml = parts.get("content.xml");
  if (!xml) throw new UnreadableSpreadsheetError("it has no content (content.xml)");
  const spreadsheet = findFirst(parseXml(xml, "content.xml"), "office:spreadsheet");
  const tables = (spreadsheet ? children(spreadsheet) : []).filter((n) => nodeName(n) === "table:table");
  checkSheetCount(tables.length);
  const reading: Reading = { cells: new CellCount(), spaces: 0 };
  return tables.map((table) => tableGrid(table, reading));
}
