import { strFromU8, unzipSync } from "fflate";
import { XMLParser } from "fast-xml-parser";

/**
 * Reading the workbooks the writers produce back into one shape, for the tests' structural checks
 * (gss.ts and the writers' tests). Independent of the writers' code: it reads the XML the way the
 * standards define it (ODF 1.3 part 3; ECMA-376 Part 1).
 */

export interface NumberShown {
  /** Decimal places shown. */
  places: number;
  /** Thousands separators. */
  grouping: boolean;
  /** Literal text after the number, e.g. " [r]", " [p]" or " [r] [p]". */
  suffix: string;
}

export type ReadCell =
  | { kind: "text"; text: string; link?: string }
  | { kind: "number"; value: number; shown: NumberShown; formatCode?: string };

export interface ReadTable {
  name: string;
  /** 1-based rows and columns the table covers, header row included. */
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
  /** The table part's column names (XLSX). */
  columns?: string[];
  containsHeader: boolean;
}

export interface ReadSheet {
  name: string;
  /** Row by row from row 1; a missing cell is null. */
  rows: (ReadCell | null)[][];
  table: ReadTable | null;
  /** The sheet's own XML, for searching for things that must not be there. */
  xml: string;
  cursor: { column: number; row: number } | null;
}

export interface ReadWorkbook {
  sheets: ReadSheet[];
  title: string;
  language: string;
  activeSheet: string;
  parts: Map<string, string>;
}

const listNames = new Set([
  "sheet",
  "row",
  "c",
  "col",
  "hyperlink",
  "tableColumn",
  "numFmt",
  "xf",
  "Relationship",
  "Override",
  "table:table",
  "table:table-row",
  "table:table-cell",
  "table:table-column",
  "text:p",
  "text:a",
  "table:database-range",
  "number:number-style",
  "number:text",
  "style:style",
  "config:config-item",
  "config:config-item-map-entry",
  "manifest:file-entry",
  "fill",
  "si",
  "r",
]);

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false, parseAttributeValue: false, trimValues: false, isArray: (name) => listNames.has(name) });

type Node = Record<string, unknown>;

export function parseXml(xml: string): Node {
  return parser.parse(xml) as Node;
}

function list(node: unknown, name: string): Node[] {
  if (!node || typeof node !== "object") return [];
  const value = (node as Node)[name];
  return Array.isArray(value) ? (value as Node[]) : value === undefined ? [] : [value as Node];
}

function child(node: unknown, name: string): Node | undefined {
  return list(node, name)[0];
}

function attr(node: unknown, name: string): string | undefined {
  if (!node || typeof node !== "object") return undefined;
  const value = (node as Node)[`@_${name}`];
  return typeof value === "string" ? value : undefined;
}

function textOf(node: unknown): string {
  if (typeof node === "string") return node;
  if (!node || typeof node !== "object") return "";
  const own = (node as Node)["#text"];
  return typeof own === "string" ? own : "";
}

export function unzip(bytes: Uint8Array): Map<string, string> {
  const files = unzipSync(bytes);
  return new Map(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

/** "B12" → { column: 2, row: 12 }. */
export function cellAddress(ref: string): { column: number; row: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) throw new Error(`not a cell address: ${ref}`);
  let column = 0;
  for (const ch of m[1]!) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { column, row: Number(m[2]) };
}

/**
 * An Excel number format code described: places, grouping, and the literal text after the number
 * (ECMA-376 Part 1, 18.8.31): quoted runs and backslash-escaped characters, as our writer
 * writes `#,##0" [r] [p]"` and other software may write `#,##0\ \[p\]` or `#,##0" [r]"" [p]"`.
 * A code with no digit placeholders (General) shows no suffix.
 */
export function describeFormatCode(code: string): NumberShown {
  const m = /^([#0,.]*)(.*)$/.exec(code)!;
  const number = m[1]!;
  if (number === "") return { places: 0, grouping: false, suffix: "" };
  const decimals = /\.(0+)/.exec(number);
  const suffix = m[2]!.replace(/"([^"]*)"|\\(.)/g, (_, quoted: string | undefined, escaped: string | undefined) => quoted ?? escaped ?? "");
  return { places: decimals ? decimals[1]!.length : 0, grouping: number.includes("#,##"), suffix };
}

const builtInFormats: Record<number, string> = { 0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00" };

export function readXlsx(bytes: Uint8Array): ReadWorkbook {
  const parts = unzip(bytes);
  const part = (name: string) => {
    const text = parts.get(name);
    if (text === undefined) throw new Error(`no part ${name}`);
    return text;
  };
  const workbook = child(parseXml(part("xl/workbook.xml")), "workbook")!;
  const rels = new Map(list(child(parseXml(part("xl/_rels/workbook.xml.rels")), "Relationships"), "Relationship").map((r) => [attr(r, "Id")!, attr(r, "Target")!]));
  const styles = child(parseXml(part("xl/styles.xml")), "styleSheet")!;
  const codes = new Map<number, string>(Object.entries(builtInFormats).map(([id, code]) => [Number(id), code]));
  for (const f of list(child(styles, "numFmts"), "numFmt")) codes.set(Number(attr(f, "numFmtId")), attr(f, "formatCode")!);
  const xfCodes = list(child(styles, "cellXfs"), "xf").map((xf) => codes.get(Number(attr(xf, "numFmtId") ?? "0"))!);
  const core = child(parseXml(part("docProps/core.xml")), "cp:coreProperties")!;
  // Shared strings (ECMA-376 Part 1, 18.4): our writer uses inline strings, LibreOffice shared ones.
  const sharedXml = parts.get("xl/sharedStrings.xml");
  const shared = sharedXml ? list(child(parseXml(sharedXml), "sst"), "si").map((si) => textOf(child(si, "t")) + list(si, "r").map((r) => textOf(child(r, "t"))).join("")) : [];
  const sheetNodes = list(child(workbook, "sheets"), "sheet");
  const activeTab = Number(attr(child(child(workbook, "bookViews"), "workbookView"), "activeTab") ?? "0");
  const sheets = sheetNodes.map((s): ReadSheet => {
    const path = `xl/${rels.get(attr(s, "r:id")!)!}`;
    const xml = part(path);
    const ws = child(parseXml(xml), "worksheet")!;
    const rows: (ReadCell | null)[][] = [];
    for (const row of list(child(ws, "sheetData"), "row")) {
      const r = Number(attr(row, "r"));
      const cells: (ReadCell | null)[] = [];
      for (const c of list(row, "c")) {
        const { column } = cellAddress(attr(c, "r")!);
        const t = attr(c, "t");
        let cell: ReadCell;
        if (t === "inlineStr") cell = { kind: "text", text: textOf(child(child(c, "is"), "t")) };
        else if (t === "s") cell = { kind: "text", text: shared[Number(textOf(child(c, "v")))]! };
        else if ((t === undefined || t === "n") && child(c, "v") === undefined) continue; // a styled blank cell
        else if (t === undefined || t === "n") {
          const formatCode = xfCodes[Number(attr(c, "s") ?? "0")]!;
          cell = { kind: "number", value: Number(textOf(child(c, "v"))), shown: describeFormatCode(formatCode), formatCode };
        } else throw new Error(`unexpected cell type ${t}`);
        while (cells.length < column - 1) cells.push(null);
        cells[column - 1] = cell;
      }
      while (rows.length < r - 1) rows.push([]);
      rows[r - 1] = cells;
    }
    for (const link of list(child(ws, "hyperlinks"), "hyperlink")) {
      const { column, row } = cellAddress(attr(link, "ref")!);
      const cell = rows[row - 1]?.[column - 1];
      if (cell?.kind === "text") cell.link = attr(link, "location");
    }
    let table: ReadTable | null = null;
    const tablePart = child(child(ws, "tableParts"), "tablePart");
    if (tablePart) {
      const sheetRels = new Map(list(child(parseXml(part(path.replace("worksheets/", "worksheets/_rels/") + ".rels")), "Relationships"), "Relationship").map((r) => [attr(r, "Id")!, attr(r, "Target")!]));
      const tablePath = `xl/${sheetRels.get(attr(tablePart, "r:id")!)!.replace("../", "")}`;
      const t = child(parseXml(part(tablePath)), "table")!;
      const [from, to] = attr(t, "ref")!.split(":").map(cellAddress);
      table = {
        name: attr(t, "name")!,
        firstRow: from!.row,
        lastRow: to!.row,
        firstColumn: from!.column,
        lastColumn: to!.column,
        columns: list(child(t, "tableColumns"), "tableColumn").map((c) => attr(c, "name")!),
        containsHeader: (attr(t, "headerRowCount") ?? "1") === "1",
      };
    }
    const selection = child(child(child(ws, "sheetViews"), "sheetView"), "selection");
    return { name: attr(s, "name")!, rows, table, xml, cursor: selection ? cellAddress(attr(selection, "activeCell")!) : null };
  });
  return { sheets, title: textOf(child(core, "dc:title")), language: textOf(child(core, "dc:language")), activeSheet: sheets[activeTab]!.name, parts };
}

/** "'Overdue actions'.A5" → sheet and cell (ODF 1.3 part 3, 9.2.5). */
function odsAddress(address: string): { sheet: string; column: number; row: number } {
  const m = /^\$?(?:'((?:[^']|'')*)'|([^.]*))\.(\$?[A-Z]+\$?\d+)$/.exec(address);
  if (!m) throw new Error(`not an ODF cell address: ${address}`);
  return { sheet: m[1] !== undefined ? m[1].replaceAll("''", "'") : m[2]!, ...cellAddress(m[3]!.replaceAll("$", "")) };
}

/**
 * Rows are read from `table:table-row` elements directly under `table:table`, as our writer and
 * LibreOffice write them; rows inside `table:table-header-rows` or `table:table-row-group` (ODF 1.3
 * part 3, 9.1.7 and 9.1.9) are not read.
 */
export function readOds(bytes: Uint8Array): ReadWorkbook {
  const parts = unzip(bytes);
  const part = (name: string) => {
    const text = parts.get(name);
    if (text === undefined) throw new Error(`no part ${name}`);
    return text;
  };
  const content = child(parseXml(part("content.xml")), "office:document-content")!;
  const automatic = child(content, "office:automatic-styles");
  const numberStyles = new Map(
    list(automatic, "number:number-style").map((n): [string, NumberShown] => {
      const number = child(n, "number:number");
      return [attr(n, "style:name")!, { places: Number(attr(number, "number:decimal-places") ?? "0"), grouping: attr(number, "number:grouping") === "true", suffix: list(n, "number:text").map(textOf).join("") }];
    }),
  );
  const cellDataStyles = new Map(list(automatic, "style:style").map((s) => [attr(s, "style:name")!, attr(s, "style:data-style-name")]));
  const spreadsheet = child(child(content, "office:body"), "office:spreadsheet")!;
  const ranges = list(child(spreadsheet, "table:database-ranges"), "table:database-range");
  const settings = child(parseXml(part("settings.xml")), "office:document-settings");
  const view = child(child(child(child(child(settings, "office:settings"), "config:config-item-set"), "config:config-item-map-indexed"), "config:config-item-map-entry"), "config:config-item-map-named");
  const viewEntry = child(child(child(child(settings, "office:settings"), "config:config-item-set"), "config:config-item-map-indexed"), "config:config-item-map-entry");
  const item = (node: unknown, name: string) => textOf(list(node, "config:config-item").find((i) => attr(i, "config:name") === name));
  const cursors = new Map(list(view, "config:config-item-map-entry").map((e) => [attr(e, "config:name")!, { column: Number(item(e, "CursorPositionX")) + 1, row: Number(item(e, "CursorPositionY")) + 1 }]));
  const contentXml = part("content.xml");
  const sheets = list(spreadsheet, "table:table").map((t): ReadSheet => {
    const name = attr(t, "table:name")!;
    // A cell with no style of its own has its column's default cell style (ODF 1.3 part 3, 9.1.6 and 19.615).
    const columnDefaults = list(t, "table:table-column").flatMap((col) => Array.from({ length: Number(attr(col, "table:number-columns-repeated") ?? "1") }, () => attr(col, "table:default-cell-style-name")));
    const readCell = (c: Node, index: number): ReadCell | null => {
      const type = attr(c, "office:value-type");
      if (type === undefined) return null;
      if (type === "float") {
        const data = cellDataStyles.get(attr(c, "table:style-name") ?? columnDefaults[index] ?? "");
        return { kind: "number", value: Number(attr(c, "office:value")), shown: (data ? numberStyles.get(data) : undefined) ?? { places: -1, grouping: false, suffix: "" } };
      }
      if (type !== "string") throw new Error(`unexpected value type ${type}`);
      const paragraphs = list(c, "text:p");
      const link = paragraphs.flatMap((p) => list(p, "text:a"))[0];
      const text = paragraphs.map((p) => textOf(p) + list(p, "text:a").map(textOf).join("")).join("\n");
      return link ? { kind: "text", text, link: attr(link, "xlink:href") } : { kind: "text", text };
    };
    // Repeated cells and rows (ODF 1.3 part 3, 19.675 and 19.677) are expanded; office software
    // pads a sheet with huge runs of empty ones, so an empty run counts at most `emptyRun` times,
    // and empty cells and rows at the end of a row or sheet are dropped (nobody sees them).
    const emptyRun = 64;
    const rows: (ReadCell | null)[][] = [];
    for (const row of list(t, "table:table-row")) {
      const cells: (ReadCell | null)[] = [];
      for (const c of list(row, "table:table-cell")) {
        const cell = readCell(c, cells.length);
        const repeat = Number(attr(c, "table:number-columns-repeated") ?? "1");
        for (let i = 0; i < (cell === null ? Math.min(repeat, emptyRun) : repeat); i += 1) cells.push(i === 0 ? cell : cell && { ...cell });
      }
      while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
      const repeat = Number(attr(row, "table:number-rows-repeated") ?? "1");
      for (let i = 0; i < (cells.length === 0 ? Math.min(repeat, emptyRun) : repeat); i += 1) rows.push(i === 0 ? cells : [...cells]);
    }
    while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
    const range = ranges.map((r) => ({ r, address: attr(r, "table:target-range-address")!.split(":").map(odsAddress) })).find(({ address }) => address[0]!.sheet === name);
    const table: ReadTable | null = range
      ? {
          name: attr(range.r, "table:name")!,
          firstRow: range.address[0]!.row,
          lastRow: range.address[1]!.row,
          firstColumn: range.address[0]!.column,
          lastColumn: range.address[1]!.column,
          containsHeader: attr(range.r, "table:contains-header") === "true",
        }
      : null;
    // The sheet's own XML: from its table:table start tag to its end.
    const start = contentXml.indexOf(`<table:table table:name="${name.replaceAll("&", "&amp;")}"`);
    const xml = contentXml.slice(start, contentXml.indexOf("</table:table>", start));
    return { name, rows, table, xml, cursor: cursors.get(name) ?? null };
  });
  const meta = child(child(parseXml(part("meta.xml")), "office:document-meta"), "office:meta");
  return { sheets, title: textOf(child(meta, "dc:title")), language: textOf(child(meta, "dc:language")), activeSheet: item(viewEntry, "ActiveTable"), parts };
}
