import { strToU8, zipSync } from "fflate";
import { columnCount, columnLetter, numberFormatsUsed, quotedSheetName, validationsOf, type Cell, type CellStyle, type NumberFormat, type Sheet, type Validation, type Workbook } from "./model.ts";
import { xmlText } from "./xml.ts";

/**
 * A workbook as an Excel workbook (Office Open XML, ECMA-376 5th edition, Part 1), written directly
 * as zip + XML. Each table with data rows is a real Excel table part (18.5 "Tables") with no
 * autoFilter, so no filter buttons. Strings are inline (`t="inlineStr"`, 18.3.1.53), which Excel and
 * LibreOffice read. A protected sheet has `sheetProtection` without a password; only cells whose
 * style is unlocked (`locked="0"`) can be changed.
 */

/**
 * A number format code (18.8.31): thousands separators and fixed decimals, and the literal text
 * after the number as one quoted run, so the cell stays a number ("#,##0\" [r] [p]\"").
 */
export function xlsxFormatCode(format: NumberFormat): string {
  const whole = format.grouping ? "#,##0" : "0";
  const base = format.places > 0 ? `${whole}.${"0".repeat(format.places)}` : whole;
  return format.suffix ? `${base}"${format.suffix}"` : base;
}

/** The fonts the styles use, the workbook's own first, and each style's font by name. */
function fontsUsed(book: Workbook): { xml: string[]; of: Map<string, number> } {
  const key = (s: CellStyle) => `${s.bold ? "b" : ""}|${s.link ? "u" : ""}|${s.size ?? book.font.size}`;
  const keys = [key({})];
  const xml = [fontXml({}, book)];
  const of = new Map<string, number>();
  for (const [name, style] of Object.entries(book.styles)) {
    let index = keys.indexOf(key(style));
    if (index < 0) {
      index = keys.push(key(style)) - 1;
      xml.push(fontXml(style, book));
    }
    of.set(name, index);
  }
  return { xml, of };
}

/** A link's font is underlined as well as coloured, so colour is not its only sign. */
function fontXml(style: CellStyle, book: Workbook): string {
  return `<font>${style.bold ? "<b/>" : ""}${style.link ? "<u/>" : ""}<sz val="${style.size ?? book.font.size}"/>${style.link ? '<color rgb="FF1D70B8"/>' : ""}<name val="${xmlText(book.font.name)}"/><family val="2"/></font>`;
}

/** Cell formats (`cellXfs`): the plain one first, then one per style in the workbook's order. */
function stylesXml(book: Workbook): { xml: string; xf: Map<string, number> } {
  const formats = numberFormatsUsed(book);
  const codes = [...new Set(formats.map(xlsxFormatCode))];
  const fonts = fontsUsed(book);
  const xf = new Map<string, number>();
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  for (const [name, style] of Object.entries(book.styles)) {
    xf.set(name, xfs.length);
    const numFmt = style.number ? 164 + codes.indexOf(xlsxFormatCode(style.number)) : 0;
    const font = fonts.of.get(name)!;
    const alignment = [style.right ? ' horizontal="right"' : "", style.top ? ' vertical="top"' : "", style.wrap ? ' wrapText="1"' : ""].join("");
    const applied = [numFmt ? ' applyNumberFormat="1"' : "", font ? ' applyFont="1"' : "", alignment ? ' applyAlignment="1"' : "", style.unlocked ? ' applyProtection="1"' : ""].join("");
    const inner = `${alignment ? `<alignment${alignment}/>` : ""}${style.unlocked ? '<protection locked="0"/>' : ""}`;
    const open = `<xf numFmtId="${numFmt}" fontId="${font}" fillId="0" borderId="0" xfId="0"${applied}`;
    xfs.push(inner ? `${open}>${inner}</xf>` : `${open}/>`);
  }
  // A workbook with no numbers has no custom formats: numFmts is left out rather than written empty (18.8.31 is optional).
  const numFmts = codes.length > 0 ? `<numFmts count="${codes.length}">${codes.map((code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${xmlText(code)}"/>`).join("")}</numFmts>` : "";
  // No fills but the two the format requires.
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${numFmts}<fonts count="${fonts.xml.length}">${fonts.xml.join("")}</fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
  return { xml, xf };
}

/** Text for a cell: XML-escaped, and a literal "_xHHHH_" escaped so Excel does not decode it (22.9.2.19 ST_Xstring). */
function cellString(text: string): string {
  const escaped = xmlText(text);
  return escaped.includes("_x") ? escaped.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1") : escaped;
}

function cell(ref: string, c: Cell, s: number, links: string[]): string {
  switch (c.kind) {
    case "blank":
      return `<c r="${ref}" s="${s}"/>`;
    case "text": {
      if (c.link !== undefined) links.push(`<hyperlink ref="${ref}" location="${xmlText(`${quotedSheetName(c.link)}!A1`)}" display="${xmlText(c.text)}"/>`);
      const text = c.text;
      const space = text.length > 0 && (text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32 || text.includes("\n")) ? ' xml:space="preserve"' : "";
      return `<c r="${ref}" s="${s}" t="inlineStr"><is><t${space}>${cellString(text)}</t></is></c>`;
    }
    case "number":
      return `<c r="${ref}" s="${s}"><v>${c.value}</v></c>`;
  }
}

/**
 * A validation as Excel writes it. A number is a custom formula, since it accepts the allowed texts
 * too, which Excel's whole-number and decimal rules cannot; a list is its items in quotes.
 */
function dataValidation(v: Validation, ref: string): string {
  const common = `allowBlank="1" showErrorMessage="1" errorTitle="${xmlText(v.title.slice(0, 32))}" error="${xmlText(v.message)}" sqref="${ref}"`;
  if (v.kind === "list") return `<dataValidation type="list" ${common}><formula1>${xmlText(`"${v.options.join(",")}"`)}</formula1></dataValidation>`;
  const fits = v.places === 0 ? `${ref}=INT(${ref})` : `ROUND(${ref},${v.places})=${ref}`;
  const texts = v.alsoAllowed.map((t) => `,${ref}="${t}"`).join("");
  return `<dataValidation type="custom" ${common}><formula1>${xmlText(`OR(AND(ISNUMBER(${ref}),${ref}>=${v.min},${fits})${texts})`)}</formula1></dataValidation>`;
}

/**
 * Whether the sheet's table becomes an Excel table part. Excel cannot hold a table with a header
 * and no data rows (it reports the file as damaged and repairs it, as the XlsxWriter and
 * rust_xlsxwriter projects both found), so an empty table is written as its header row only, unmarked.
 */
function hasTablePart(sheet: Sheet): boolean {
  return Boolean(sheet.table) && sheet.table!.dataRows > 0;
}

function worksheet(sheet: Sheet, index: number, xf: ReadonlyMap<string, number>): string {
  const links: string[] = [];
  const rows = sheet.rows.map((row, r) => `<row r="${r + 1}">${row.map((c, column) => cell(`${columnLetter(column)}${r + 1}`, c, c.style === undefined ? 0 : xf.get(c.style)!, links)).join("")}</row>`);
  const validations = validationsOf(sheet).map(({ row, column, validation }) => dataValidation(validation, `${columnLetter(column)}${row + 1}`));
  const cursor = `${columnLetter(sheet.cursor?.column ?? 0)}${(sheet.cursor?.row ?? 0) + 1}`;
  const frozen = sheet.freezeRows ?? 0;
  const view = frozen > 0 ? `<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${cursor}" sqref="${cursor}"/>` : `<selection activeCell="${cursor}" sqref="${cursor}"/>`;
  const cols = sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:${columnLetter(columnCount(sheet) - 1)}${Math.max(sheet.rows.length, 1)}"/><sheetViews><sheetView${index === 0 ? ' tabSelected="1"' : ""} workbookViewId="0">${view}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ""}<sheetData>${rows.join("")}</sheetData>${
    sheet.protected ? '<sheetProtection sheet="1" objects="1" scenarios="1" selectLockedCells="0" selectUnlockedCells="0"/>' : ""
  }${validations.length > 0 ? `<dataValidations count="${validations.length}">${validations.join("")}</dataValidations>` : ""}${links.length > 0 ? `<hyperlinks>${links.join("")}</hyperlinks>` : ""}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${
    hasTablePart(sheet) ? '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>' : ""
  }</worksheet>`;
}

function tablePart(sheet: Sheet, id: number): string {
  const table = sheet.table!;
  const first = table.headerRow + 1;
  const ref = `A${first}:${columnLetter(table.columnCount - 1)}${first + table.dataRows}`;
  const header = sheet.rows[table.headerRow] ?? [];
  // Column names equal the header cells' text (18.5.1.3); Excel matches them case-insensitively, so a layout keeps them unique.
  const columns = Array.from({ length: table.columnCount }, (_, i) => {
    const c = header[i];
    const name = c?.kind === "text" ? c.text : c?.kind === "number" ? String(c.value) : `Column${i + 1}`;
    return `<tableColumn id="${i + 1}" name="${xmlText(name)}"/>`;
  }).join("");
  const style = table.banded ? 'name="TableStyleLight1" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"' : 'showFirstColumn="0" showLastColumn="0" showRowStripes="0" showColumnStripes="0"';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${xmlText(table.name)}" displayName="${xmlText(table.name)}" ref="${ref}" headerRowCount="1" totalsRowShown="0"><tableColumns count="${table.columnCount}">${columns}</tableColumns><tableStyleInfo ${style}/></table>`;
}

function core(book: Workbook): string {
  const p = book.properties;
  const created = new Date(p.created).toISOString().replace(/\.\d{3}Z$/, "Z");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xmlText(p.title)}</dc:title>${p.subject === undefined ? "" : `<dc:subject>${xmlText(p.subject)}</dc:subject>`}<dc:language>${xmlText(p.language)}</dc:language><dc:creator>${xmlText(p.generator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`;
}

function app(book: Workbook): string {
  const sheets = book.sheets;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>${xmlText(book.properties.generator)}</Application><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">${sheets
    .map((s) => `<vt:lpstr>${xmlText(s.name)}</vt:lpstr>`)
    .join("")}</vt:vector></TitlesOfParts></Properties>`;
}

const relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The workbook's bytes. */
export function writeXlsx(book: Workbook): Uint8Array {
  if (book.sheets.length === 0) throw new Error("A workbook needs at least one sheet.");
  const styles = stylesXml(book);
  const files: Record<string, Uint8Array> = {};
  const overrides: string[] = [];
  let tableId = 0;
  book.sheets.forEach((sheet, i) => {
    const n = i + 1;
    files[`xl/worksheets/sheet${n}.xml`] = strToU8(worksheet(sheet, i, styles.xf));
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
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${relationships}"><bookViews><workbookView firstSheet="0" activeTab="0"/></bookViews><sheets>${book.sheets
    .map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("")}</sheets></workbook>`;
  const workbookRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${book.sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${relationships}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join("")}<Relationship Id="rId${book.sheets.length + 1}" Type="${relationships}/styles" Target="styles.xml"/></Relationships>`;
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
      "docProps/core.xml": strToU8(core(book)),
      "docProps/app.xml": strToU8(app(book)),
      "xl/workbook.xml": strToU8(workbook),
      "xl/_rels/workbook.xml.rels": strToU8(workbookRels),
      "xl/styles.xml": strToU8(styles.xml),
      ...files,
    },
    { level: 6, mtime: new Date(book.properties.created) },
  );
}
