import { strToU8, zipSync } from "fflate";
import { decimalPlaces, type BoardPack, type NumberFormat } from "../model.ts";
import { markerSuffix, type NumberMarker } from "../cells.ts";
import { columnLetter, numberStyleKey, numberStylesUsed, workbookLayout, type LayoutCell, type NumberStyleKey, type SheetLayout, type TextStyle } from "./layout.ts";
import { xmlText } from "./xml.ts";

/**
 * The board pack as an Excel workbook (Office Open XML, ECMA-376 5th edition, Part 1), written
 * directly as zip + XML on the layout the ODS writer shares (layout.ts). Each table is a real Excel
 * table part (ECMA-376 Part 1, 18.5 "Tables") with no autoFilter, so no filter buttons (GSS: no
 * filters). Strings are inline (`t="inlineStr"`, 18.3.1.53), which Excel and LibreOffice read.
 */

export const xlsxMimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * A number format code (ECMA-376 Part 1, 18.8.31): thousands separators and fixed decimals; years
 * plain; a marked number's " [r]", " [p]" or " [r] [p]" as one quoted literal, so the cell stays a
 * number ("#,##0\" [r] [p]\"").
 */
export function xlsxFormatCode(format: NumberFormat, markers: readonly NumberMarker[]): string {
  const places = decimalPlaces[format];
  const base = format === "year" ? "0" : places > 0 ? `#,##0.${"0".repeat(places)}` : "#,##0";
  const suffix = markerSuffix(markers);
  return suffix ? `${base}"${suffix}"` : base;
}

// Cell formats (indexes into cellXfs). Fonts: 0 body, 1 bold, 2 title, 3 cover heading, 4 link.
const textXf: Record<TextStyle, number> = { body: 0, title: 1, heading: 2, wrap: 3, header: 4, headerNumber: 5, shorthand: 6 };
const linkXf = 7;
const firstNumberXf = 8;

/**
 * The distinct format codes the workbook's cells use (only those: a marker combination no cell
 * carries gets no format), each with its numFmt id (custom ids start at 164), and each number
 * style's cell format index (the index into cellXfs) by `numberStyleKey`.
 */
function numberFormatsUsed(sheets: readonly SheetLayout[]): { codes: string[]; xf: Map<NumberStyleKey, number> } {
  const used = numberStylesUsed(sheets);
  const codes = [...new Set(used.map((u) => xlsxFormatCode(u.format, u.markers)))];
  return { codes, xf: new Map(used.map((u) => [u.key, firstNumberXf + codes.indexOf(xlsxFormatCode(u.format, u.markers))])) };
}

/**
 * Arial 12 as the default font (gptables' and aftables' default); the link font is underlined as
 * well as coloured, so colour is not its only sign. No fills but the two the format requires.
 */
const stylesXml = (codes: readonly string[]) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${
  // A workbook with no numbers has no custom formats: numFmts is left out rather than written empty (18.8.31 is optional).
  codes.length > 0 ? `<numFmts count="${codes.length}">${codes.map((code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${xmlText(code)}"/>`).join("")}</numFmts>` : ""
}<fonts count="5"><font><sz val="12"/><name val="Arial"/><family val="2"/></font><font><b/><sz val="12"/><name val="Arial"/><family val="2"/></font><font><b/><sz val="16"/><name val="Arial"/><family val="2"/></font><font><b/><sz val="14"/><name val="Arial"/><family val="2"/></font><font><u/><sz val="12"/><color rgb="FF1D70B8"/><name val="Arial"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${firstNumberXf + codes.length}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="right" vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="right" vertical="top"/></xf><xf numFmtId="0" fontId="4" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top"/></xf>${codes
  .map((_, i) => `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>`)
  .join("")}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** A sheet name as a formula or link writes it: always quoted, apostrophes doubled (ECMA-376 Part 1, 18.17.2.1). */
export function quotedSheetName(name: string): string {
  return `'${name.replaceAll("'", "''")}'`;
}

/** Text for a cell: XML-escaped, and a literal "_xHHHH_" escaped so Excel does not decode it (ECMA-376 Part 1, 22.9.2.19 ST_Xstring). */
function cellString(text: string): string {
  const escaped = xmlText(text);
  return escaped.includes("_x") ? escaped.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1") : escaped;
}

function textCell(ref: string, text: string, xf: number): string {
  const space = text.length > 0 && (text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32 || text.includes("\n")) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}" s="${xf}" t="inlineStr"><is><t${space}>${cellString(text)}</t></is></c>`;
}

function cell(ref: string, c: LayoutCell, links: string[], numberXf: ReadonlyMap<NumberStyleKey, number>): string {
  switch (c.kind) {
    case "text":
      return textCell(ref, c.text, textXf[c.style]);
    case "link":
      links.push(`<hyperlink ref="${ref}" location="${xmlText(`${quotedSheetName(c.sheet)}!A1`)}" display="${xmlText(c.text)}"/>`);
      return textCell(ref, c.text, linkXf);
    case "number":
      return `<c r="${ref}" s="${numberXf.get(numberStyleKey(c.format, c.markers))!}"><v>${c.value}</v></c>`;
  }
}

function worksheet(sheet: SheetLayout, index: number, numberXf: ReadonlyMap<NumberStyleKey, number>): string {
  const links: string[] = [];
  const letters = sheet.widths.map((_, c) => columnLetter(c));
  const rows: string[] = [];
  for (let r = 0; r < sheet.rows.length; r += 1) {
    const row = sheet.rows[r]!;
    const cells: string[] = [];
    for (let c = 0; c < row.length; c += 1) cells.push(cell(`${letters[c]}${r + 1}`, row[c]!, links, numberXf));
    rows.push(`<row r="${r + 1}">${cells.join("")}</row>`);
  }
  const lastColumn = letters[letters.length - 1]!;
  // Only the first sheet is selected; every sheet's cursor is in A1 (GSS, "Cursor in cell A1"). No panes: nothing is frozen.
  const view = `<sheetView${index === 0 ? ' tabSelected="1"' : ""} workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView>`;
  const cols = sheet.widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:${lastColumn}${sheet.rows.length}"/><sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${rows.join("")}</sheetData>${
    links.length > 0 ? `<hyperlinks>${links.join("")}</hyperlinks>` : ""
  }<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${hasTablePart(sheet) ? '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>' : ""}</worksheet>`;
}

/**
 * Whether the sheet's table becomes an Excel table part. Excel cannot hold a table with a header
 * and no data rows (it reports the file as damaged and repairs it: XlsxWriter issue 715,
 * rust_xlsxwriter issue 110), so an empty table is written as its header row only, unmarked; its
 * description says why it is empty.
 */
function hasTablePart(sheet: SheetLayout): boolean {
  return sheet.table !== null && sheet.table.dataRows > 0;
}

function tablePart(sheet: SheetLayout, id: number): string {
  const table = sheet.table!;
  const first = table.headerRow + 1;
  const ref = `A${first}:${columnLetter(table.columnCount - 1)}${first + table.dataRows}`;
  const header = sheet.rows[table.headerRow]!;
  // Column names equal the header cells' text (18.5.1.3); Excel matches them case-insensitively, so they are unique (layout.ts checks).
  const columns = header.map((c, i) => `<tableColumn id="${i + 1}" name="${xmlText(c.kind === "number" ? String(c.value) : c.text)}"/>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${table.name}" displayName="${table.name}" ref="${ref}" headerRowCount="1" totalsRowShown="0"><tableColumns count="${table.columnCount}">${columns}</tableColumns><tableStyleInfo showFirstColumn="0" showLastColumn="0" showRowStripes="0" showColumnStripes="0"/></table>`;
}

function core(pack: BoardPack): string {
  const created = new Date(pack.produced).toISOString().replace(/\.\d{3}Z$/, "Z");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xmlText(pack.title)}</dc:title><dc:subject>${xmlText(`${pack.scope.name}, ${pack.period.label}`)}</dc:subject><dc:language>${xmlText(pack.language)}</dc:language><dc:creator>Complaints oversight</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`;
}

function app(sheets: SheetLayout[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Complaints oversight</Application><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">${sheets
    .map((s) => `<vt:lpstr>${xmlText(s.name)}</vt:lpstr>`)
    .join("")}</vt:vector></TitlesOfParts></Properties>`;
}

const relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The workbook's bytes. */
export function writePackXlsx(pack: BoardPack): Uint8Array {
  const sheets = workbookLayout(pack);
  const numberFormats = numberFormatsUsed(sheets);
  const files: Record<string, Uint8Array> = {};
  const overrides: string[] = [];
  let tableId = 0;
  sheets.forEach((sheet, i) => {
    const n = i + 1;
    files[`xl/worksheets/sheet${n}.xml`] = strToU8(worksheet(sheet, i, numberFormats.xf));
    overrides.push(`<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    if (hasTablePart(sheet)) {
      tableId += 1;
      files[`xl/tables/table${tableId}.xml`] = strToU8(tablePart(sheet, tableId));
      files[`xl/worksheets/_rels/sheet${n}.xml.rels`] = strToU8(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relationships}/table" Target="../tables/table${tableId}.xml"/></Relationships>`,
      );
      overrides.push(`<Override PartName="/xl/tables/table${tableId}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`);
    }
  });
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${relationships}"><bookViews><workbookView firstSheet="0" activeTab="0"/></bookViews><sheets>${sheets
    .map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("")}</sheets></workbook>`;
  const workbookRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${relationships}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join("")}<Relationship Id="rId${sheets.length + 1}" Type="${relationships}/styles" Target="styles.xml"/></Relationships>`;
  const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join(
    "",
  )}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;
  const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relationships}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${relationships}/extended-properties" Target="docProps/app.xml"/></Relationships>`;
  return zipSync(
    {
      "[Content_Types].xml": strToU8(contentTypes),
      "_rels/.rels": strToU8(rootRels),
      "docProps/core.xml": strToU8(core(pack)),
      "docProps/app.xml": strToU8(app(sheets)),
      "xl/workbook.xml": strToU8(workbook),
      "xl/_rels/workbook.xml.rels": strToU8(workbookRels),
      "xl/styles.xml": strToU8(stylesXml(numberFormats.codes)),
      ...files,
    },
    { level: 6, mtime: new Date(pack.produced) },
  );
}
