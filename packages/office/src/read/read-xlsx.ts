import { CellCount, UnreadableSpreadsheetError, blank, checkSheetCount, columnNumber, maxGridColumns, maxGridRows, type Grid, type GridCell, type GridRow } from "./grid.ts";
import { attribute, children, findFirst, nodeName, parseXml, textOf, type XmlNode } from "./xml.ts";
import { readZipParts } from "./zip.ts";

/**
 * The sheets of an uploaded Excel workbook (as Excel or LibreOffice save it), in workbook order.
 * Cells may be numbers, shared strings, inline strings, booleans, errors or formulas (ECMA-376
 * part 1, 18.3.1.4); a date typed into a cell is a number (days since 1900, or 1904 if the
 * workbook says so), read as a date only where a date field expects one.
 */
export interface XlsxSheets {
  sheets: Grid[];
  /** The workbook counts dates from 1904 (old Mac Excel). */
  date1904: boolean;
}

/** Excel escapes characters XML cannot hold as `_xHHHH_` (ECMA-376 part 1, 22.9.2.19). */
function unescapeOoxml(text: string): string {
  return text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : text;
}

/** All text under a node, in order, skipping phonetic runs (`rPh`). */
function textUnder(node: XmlNode): string {
  let out = "";
  for (const child of children(node)) {
    const text = textOf(child);
    if (text !== null) out += text;
    else if (nodeName(child) !== "rPh") out += textUnder(child);
  }
  return out;
}

/** The text of a string item (`si` or `is`): its `t`, or the `t` of each rich-text run. */
function stringItem(node: XmlNode): string {
  let out = "";
  for (const child of children(node)) {
    const name = nodeName(child);
    if (name === "t") out += textUnder(child);
    else if (name === "r") for (const t of children(child)) if (nodeName(t) === "t") out += textUnder(t);
  }
  return unescapeOoxml(out);
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const sst = findFirst(parseXml(xml, "xl/sharedStrings.xml"), "sst");
  return sst ? children(sst).filter((n) => nodeName(n) === "si").map(stringItem) : [];
}

function childNamed(node: XmlNode, name: string): XmlNode | undefined {
  return children(node).find((c) => nodeName(c) === name);
}

function cellOf(c: XmlNode, strings: string[]): GridCell {
  const f = childNamed(c, "f");
  if (f) return { kind: "formula", formula: textUnder(f) };
  const type = attribute(c, "t") ?? "n";
  const v = childNamed(c, "v");
  const raw = v ? textUnder(v) : undefined;
  switch (type) {
    case "inlineStr": {
      const is = childNamed(c, "is");
      return is ? { kind: "text", text: stringItem(is) } : blank;
    }
    case "s": {
      const text = raw === undefined ? undefined : strings[Number(raw)];
      return text === undefined ? blank : { kind: "text", text };
    }
    case "str":
      return raw === undefined ? blank : { kind: "text", text: unescapeOoxml(raw) };
    case "b":
      return raw === undefined ? blank : { kind: "boolean", value: raw.trim() === "1" };
    case "e":
      return { kind: "error", text: raw ?? "#N/A" };
    case "d":
      return raw === undefined ? blank : { kind: "date", iso: raw.trim().slice(0, 10) };
    default: {
      if (raw === undefined || raw.trim() === "") return blank;
      const value = Number(raw);
      return Number.isFinite(value) ? { kind: "number", value } : { kind: "text", text: raw };
    }
  }
}

function worksheetGrid(xml: string, part: string, strings: string[], cellCount: CellCount): Grid {
  const data = findFirst(parseXml(xml, part), "sheetData");
  const rows: GridRow[] = [];
  let truncated = false;
  let nextRow = 1;
  for (const rowNode of data ? children(data) : []) {
    if (nodeName(rowNode) !== "row") continue;
    const declared = Number(attribute(rowNode, "r"));
    const rowNumber = Number.isSafeInteger(declared) && declared >= nextRow ? declared : nextRow;
    nextRow = rowNumber + 1;
    if (rows.length >= maxGridRows) {
      truncated = true;
      break;
    }
    const cells: GridCell[] = [];
    // Cells past the last column read are not kept, but count: the file still lists them.
    let beyond = 0;
    let nextColumn = 1;
    for (const c of children(rowNode)) {
      if (nodeName(c) !== "c") continue;
      const ref = attribute(c, "r");
      const letters = ref ? /^([A-Za-z]{1,3})/.exec(ref)?.[1] : undefined;
      const column = letters ? columnNumber(letters) : nextColumn;
      nextColumn = column + 1;
      if (column > maxGridColumns) {
        beyond += 1;
        continue;
      }
      while (cells.length < column - 1) cells.push(blank);
      cells[column - 1] = cellOf(c, strings);
    }
    cellCount.add(cells.length + beyond);
    rows.push({ row: rowNumber, cells });
  }
  return { rows, truncated };
}

/** Resolves a relationship target against the workbook's folder (`xl/`). */
function partPath(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ["xl"];
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  return parts.join("/");
}

export function readXlsx(bytes: Uint8Array): XlsxSheets {
  const parts = readZipParts(bytes, (name) => name === "xl/workbook.xml" || name === "xl/_rels/workbook.xml.rels" || name === "xl/sharedStrings.xml" || /^xl\/worksheets\/[^/]+\.xml$/.test(name));
  const workbookXml = parts.get("xl/workbook.xml");
  if (!workbookXml) throw new UnreadableSpreadsheetError("it has no workbook (xl/workbook.xml)");
  const workbook = parseXml(workbookXml, "xl/workbook.xml");
  const relsXml = parts.get("xl/_rels/workbook.xml.rels");
  const rels = relsXml ? findFirst(parseXml(relsXml, "xl/_rels/workbook.xml.rels"), "Relationships") : undefined;
  const targets = new Map((rels ? children(rels) : []).map((r) => [attribute(r, "Id"), attribute(r, "Target")]));
  const workbookPr = findFirst(workbook, "workbookPr");
  const date1904 = workbookPr ? ["1", "true"].includes(attribute(workbookPr, "date1904") ?? "") : false;
  const sheetsNode = findFirst(workbook, "sheets");
  const listed = (sheetsNode ? children(sheetsNode) : []).filter((n) => nodeName(n) === "sheet");
  checkSheetCount(listed.length);
  const strings = sharedStrings(parts.get("xl/sharedStrings.xml"));
  // A workbook may list one part as several sheets: each part is read once.
  const grids = new Map<string, Grid>();
  const cellCount = new CellCount();
  const sheets: Grid[] = [];
  for (const sheet of listed) {
    const target = targets.get(attribute(sheet, "r:id"));
    const path = target ? partPath(target) : undefined;
    const xml = path ? parts.get(path) : undefined;
    if (!path || !xml) continue;
    let grid = grids.get(path);
    if (!grid) {
      grid = worksheetGrid(xml, path, strings, cellCount);
      grids.set(path, grid);
    }
    sheets.push(grid);
  }
  if (sheets.length === 0) throw new UnreadableSpreadsheetError("it has no worksheets");
  return { sheets, date1904 };
}
