import { strToU8, zipSync } from "fflate";
import { sheetColumns, type ReturnSheet, type SheetRow } from "./rows.ts";
import { xmlText } from "./xml.ts";

/**
 * The return as an Excel workbook (Office Open XML, ECMA-376), written directly as zip + XML: one
 * sheet, a title and a line of guidance above one table (header row, then a row per field), marked
 * up as an Excel table. The sheet is protected without a password and only the value column is
 * unlocked (`sheetProtection`, cell style `locked="0"`), so labels cannot be changed by accident.
 */

export const xlsxMimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The sheet's name, and the row the table's header is on (1-based; the title and guidance are above it). */
export const sheetName = "Return";
export const headerRow = 3;

const columnLetters = ["A", "B", "C", "D", "E", "F"] as const;
const valueColumn = columnLetters[sheetColumns.indexOf("value")];

// Cell styles (indexes into cellXfs below).
const style = { locked: 0, title: 1, header: 2, wrap: 3, valueText: 4, valueWhole: 5, valueMoney: 6, valueFte: 7 } as const;

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;

const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`;

const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`;

const workbookRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

const sheetRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>`;

// numFmtId 1 is "0", 2 is "0.00" (built in); 164 is ours, one decimal for FTE.
const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts><fonts count="3"><font><sz val="11"/><name val="Arial"/></font><font><b/><sz val="11"/><name val="Arial"/></font><font><b/><sz val="14"/><name val="Arial"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="8"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1" applyProtection="1"><alignment vertical="top" wrapText="1"/><protection locked="0"/></xf><xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyProtection="1"><protection locked="0"/></xf><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyProtection="1"><protection locked="0"/></xf><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyProtection="1"><protection locked="0"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function core(title: string, created: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xmlText(title)}</dc:title><dc:language>en-GB</dc:language><dc:creator>Complaints oversight</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created></cp:coreProperties>`;
}

const app = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Complaints oversight</Application></Properties>`;

function textCell(ref: string, text: string, styleId: number): string {
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}" s="${styleId}" t="inlineStr"><is><t${space}>${xmlText(text)}</t></is></c>`;
}

function valueCell(ref: string, row: SheetRow): string {
  const v = row.value;
  if (v.kind === "number") {
    const s = v.format === "money" ? style.valueMoney : v.format === "fte" ? style.valueFte : style.valueWhole;
    return `<c r="${ref}" s="${s}"><v>${v.value}</v></c>`;
  }
  const s = row.field.type === "money" ? style.valueMoney : row.field.type === "fte" ? style.valueFte : row.field.type === "count" ? style.valueWhole : style.valueText;
  if (v.kind === "blank") return `<c r="${ref}" s="${s}"/>`;
  return textCell(ref, v.text, s);
}

/**
 * The custom formula of a value cell's validation: counts, money and FTE accept the markers too,
 * which Excel's built-in whole-number and decimal rules cannot.
 */
function validationFormula(row: SheetRow, ref: string): string | null {
  const markers = `${ref}="[x]",${ref}="[z]"`;
  switch (row.rule.kind) {
    case "count":
      return `OR(AND(ISNUMBER(${ref}),${ref}>=0,${ref}=INT(${ref})),${markers})`;
    case "money":
      return `OR(AND(ISNUMBER(${ref}),${ref}>=0,ROUND(${ref},2)=${ref}),${markers})`;
    case "fte":
      return `OR(AND(ISNUMBER(${ref}),${ref}>=0,ROUND(${ref},1)=${ref}),${markers})`;
    default:
      return null;
  }
}

const ruleMessages = {
  count: "Enter a whole number of 0 or more, or [x] (not available) or [z] (not applicable).",
  money: "Enter an amount in pounds and pence (0 or more), or [x] (not available) or [z] (not applicable).",
  fte: "Enter a number of 0 or more with at most one decimal place, or [x] (not available) or [z] (not applicable).",
  list: "Choose one of the list, or [x] (not available) or [z] (not applicable).",
} as const;

function dataValidation(row: SheetRow, ref: string): string | null {
  if (row.rule.kind === "none") return null;
  const message = ruleMessages[row.rule.kind];
  const common = `allowBlank="1" showErrorMessage="1" errorTitle="${xmlText(row.question.slice(0, 32))}" error="${xmlText(message)}" sqref="${ref}"`;
  if (row.rule.kind === "list") return `<dataValidation type="list" ${common}><formula1>${xmlText(`"${row.rule.options.join(",")}"`)}</formula1></dataValidation>`;
  return `<dataValidation type="custom" ${common}><formula1>${xmlText(validationFormula(row, ref)!)}</formula1></dataValidation>`;
}

function worksheet(sheet: ReturnSheet): string {
  const lastRow = headerRow + sheet.rows.length;
  const rows: string[] = [
    `<row r="1">${textCell("A1", sheet.title, style.title)}</row>`,
    `<row r="2">${textCell("A2", sheet.guidance, style.locked)}</row>`,
    `<row r="${headerRow}">${sheetColumns.map((c, i) => textCell(`${columnLetters[i]}${headerRow}`, c, style.header)).join("")}</row>`,
  ];
  const validations: string[] = [];
  sheet.rows.forEach((row, i) => {
    const r = headerRow + 1 + i;
    const cells = [row.id, row.section, row.question, row.hint, row.unit].map((text, c) => textCell(`${columnLetters[c]}${r}`, text, c >= 2 ? style.wrap : style.locked));
    cells.push(valueCell(`${valueColumn}${r}`, row));
    rows.push(`<row r="${r}">${cells.join("")}</row>`);
    const validation = dataValidation(row, `${valueColumn}${r}`);
    if (validation) validations.push(validation);
  });
  const widths = [34, 26, 48, 60, 14, 24];
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:${valueColumn}${lastRow}"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${valueColumn}${headerRow + 1}" sqref="${valueColumn}${headerRow + 1}"/></sheetView></sheetViews><cols>${widths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join("")}</cols><sheetData>${rows.join("")}</sheetData><sheetProtection sheet="1" objects="1" scenarios="1" selectLockedCells="0" selectUnlockedCells="0"/>${
    validations.length > 0 ? `<dataValidations count="${validations.length}">${validations.join("")}</dataValidations>` : ""
  }<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`;
}

function table(sheet: ReturnSheet): string {
  const ref = `A${headerRow}:${valueColumn}${headerRow + sheet.rows.length}`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Return" displayName="Return" ref="${ref}" headerRowCount="1" totalsRowShown="0"><tableColumns count="${sheetColumns.length}">${sheetColumns
    .map((c, i) => `<tableColumn id="${i + 1}" name="${c}"/>`)
    .join("")}</tableColumns><tableStyleInfo name="TableStyleLight1" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
}

/** The workbook's bytes. `created` is an ISO timestamp for the document properties. */
export function writeXlsx(sheet: ReturnSheet, created: string): Uint8Array {
  return zipSync(
    {
      "[Content_Types].xml": strToU8(contentTypes),
      "_rels/.rels": strToU8(rootRels),
      "docProps/core.xml": strToU8(core(sheet.title, created.replace(/\.\d{3}Z$/, "Z"))),
      "docProps/app.xml": strToU8(app),
      "xl/workbook.xml": strToU8(workbook),
      "xl/_rels/workbook.xml.rels": strToU8(workbookRels),
      "xl/styles.xml": strToU8(styles),
      "xl/worksheets/sheet1.xml": strToU8(worksheet(sheet)),
      "xl/worksheets/_rels/sheet1.xml.rels": strToU8(sheetRels),
      "xl/tables/table1.xml": strToU8(table(sheet)),
    },
    { level: 6, mtime: new Date(created) },
  );
}
