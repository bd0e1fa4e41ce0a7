import { strToU8, zipSync } from "fflate";
import { sheetColumns, type ReturnSheet, type SheetRow } from "./rows.ts";
import { sheetName, headerRow } from "./xlsx.ts";
import { odsParagraphs } from "@complaints/reports";
import { xmlText } from "./xml.ts";

/**
 * The return as an OpenDocument spreadsheet (ODF 1.3, the UK government's open standard for
 * editable documents), written directly as zip + XML: `mimetype` first and stored uncompressed (ODF
 * 1.3 part 2, section 3.3), then content, styles, meta (title and language) and the manifest. The
 * table is protected without a password (`table:protected`); only the value cells' style has
 * `style:cell-protect="none"`. Same layout as the XLSX: title, guidance, then one table.
 */

export const odsMimeType = "application/vnd.oasis.opendocument.spreadsheet";

const namespaces = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"',
  'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
].join(" ");

function textCell(text: string, styleName: string, extra = ""): string {
  return `<table:table-cell table:style-name="${styleName}" office:value-type="string"${extra}>${odsParagraphs(text)}</table:table-cell>`;
}

function validationName(index: number): string {
  return `val${index}`;
}

/** The address of the value cell on row `r` as ODF formulas write it. */
const valueColumnLetter = "ABCDEF"[sheetColumns.indexOf("value")]!;

/**
 * The condition of a value cell's validation. ODF's built-in whole-number and decimal conditions
 * cannot accept the markers as well, so counts, money and FTE use `of:is-true-formula` with an
 * OpenFormula expression relative to the cell; a choice is a list (ODF 1.3 part 1, 19.618).
 */
function condition(row: SheetRow, r: number): string | null {
  const ref = `[.${valueColumnLetter}${r}]`;
  const markers = `${ref}="[x]";${ref}="[z]"`;
  switch (row.rule.kind) {
    case "count":
      return `of:is-true-formula(OR(AND(ISNUMBER(${ref});${ref}>=0;${ref}=INT(${ref}));${markers}))`;
    case "money":
      return `of:is-true-formula(OR(AND(ISNUMBER(${ref});${ref}>=0;ROUND(${ref};2)=${ref});${markers}))`;
    case "fte":
      return `of:is-true-formula(OR(AND(ISNUMBER(${ref});${ref}>=0;ROUND(${ref};1)=${ref});${markers}))`;
    case "list":
      return `of:cell-content-is-in-list(${row.rule.options.map((o) => `"${o}"`).join(";")})`;
    case "none":
      return null;
  }
}

const messages = {
  count: "Enter a whole number of 0 or more, or [x] (not available) or [z] (not applicable).",
  money: "Enter an amount in pounds and pence (0 or more), or [x] (not available) or [z] (not applicable).",
  fte: "Enter a number of 0 or more with at most one decimal place, or [x] (not available) or [z] (not applicable).",
  list: "Choose one of the list, or [x] (not available) or [z] (not applicable).",
} as const;

function valueCell(row: SheetRow, validation: string | null): string {
  const v = row.value;
  const extra = validation ? ` table:content-validation-name="${validation}"` : "";
  if (v.kind === "number") {
    const styleName = v.format === "money" ? "ceMoney" : v.format === "fte" ? "ceFte" : "ceWhole";
    const shown = v.format === "money" ? v.value.toFixed(2) : v.format === "fte" ? v.value.toFixed(1) : String(v.value);
    return `<table:table-cell table:style-name="${styleName}" office:value-type="float" office:value="${v.value}"${extra}><text:p>${shown}</text:p></table:table-cell>`;
  }
  const styleName = row.field.type === "money" ? "ceMoney" : row.field.type === "fte" ? "ceFte" : row.field.type === "count" ? "ceWhole" : "ceValue";
  if (v.kind === "blank") return `<table:table-cell table:style-name="${styleName}"${extra}/>`;
  return textCell(v.text, styleName, extra);
}

function content(sheet: ReturnSheet): string {
  const validations: string[] = [];
  const rows: string[] = [
    `<table:table-row table:style-name="ro1">${textCell(sheet.title, "ceTitle")}<table:table-cell table:number-columns-repeated="${sheetColumns.length - 1}"/></table:table-row>`,
    `<table:table-row table:style-name="ro1">${textCell(sheet.guidance, "Default")}<table:table-cell table:number-columns-repeated="${sheetColumns.length - 1}"/></table:table-row>`,
    `<table:table-row table:style-name="ro1">${sheetColumns.map((c) => textCell(c, "ceHeader")).join("")}</table:table-row>`,
  ];
  sheet.rows.forEach((row, i) => {
    const r = headerRow + 1 + i;
    const cond = condition(row, r);
    let name: string | null = null;
    if (cond && row.rule.kind !== "none") {
      name = validationName(validations.length + 1);
      validations.push(
        `<table:content-validation table:name="${name}" table:condition="${xmlText(cond)}" table:allow-empty-cell="true" table:base-cell-address="${sheetName}.${valueColumnLetter}${r}"><table:error-message table:display="true" table:message-type="stop" table:title="${xmlText(row.question.slice(0, 60))}"><text:p>${xmlText(messages[row.rule.kind])}</text:p></table:error-message></table:content-validation>`,
      );
    }
    const labels = [row.id, row.section, row.question, row.hint, row.unit].map((text, c) => (text === "" ? `<table:table-cell table:style-name="${c >= 2 ? "ceWrap" : "Default"}"/>` : textCell(text, c >= 2 ? "ceWrap" : "Default")));
    rows.push(`<table:table-row table:style-name="ro1">${labels.join("")}${valueCell(row, name)}</table:table-row>`);
  });
  const widths = ["6cm", "4.5cm", "8.5cm", "10.5cm", "2.5cm", "4.5cm"];
  const columnStyles = widths.map((w, i) => `<style:style style:name="co${i + 1}" style:family="table-column"><style:table-column-properties fo:break-before="auto" style:column-width="${w}"/></style:style>`).join("");
  const unlocked = '<style:table-cell-properties style:cell-protect="none" style:print-content="true"/>';
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${namespaces} office:version="1.3"><office:automatic-styles>${columnStyles}<style:style style:name="ro1" style:family="table-row"><style:table-row-properties style:use-optimal-row-height="true"/></style:style><style:style style:name="ta1" style:family="table" style:master-page-name="Default"><style:table-properties table:display="true" style:writing-mode="lr-tb"/></style:style><number:number-style style:name="N0"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1"/></number:number-style><number:number-style style:name="N2"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"/></number:number-style><number:number-style style:name="N1"><number:number number:decimal-places="1" number:min-decimal-places="1" number:min-integer-digits="1"/></number:number-style><style:style style:name="ceTitle" style:family="table-cell" style:parent-style-name="Default"><style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style><style:style style:name="ceHeader" style:family="table-cell" style:parent-style-name="Default"><style:text-properties fo:font-weight="bold"/></style:style><style:style style:name="ceWrap" style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="top"/></style:style><style:style style:name="ceValue" style:family="table-cell" style:parent-style-name="Default">${unlocked.replace("/>", ' fo:wrap-option="wrap" style:vertical-align="top"/>')}</style:style><style:style style:name="ceWhole" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N0">${unlocked}</style:style><style:style style:name="ceMoney" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N2">${unlocked}</style:style><style:style style:name="ceFte" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N1">${unlocked}</style:style></office:automatic-styles><office:body><office:spreadsheet>${
    validations.length > 0 ? `<table:content-validations>${validations.join("")}</table:content-validations>` : ""
  }<table:table table:name="${sheetName}" table:style-name="ta1" table:protected="true">${widths.map((_, i) => `<table:table-column table:style-name="co${i + 1}" table:default-cell-style-name="Default"/>`).join("")}${rows.join("")}</table:table></office:spreadsheet></office:body></office:document-content>`;
}

const stylesXml = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ${namespaces} office:version="1.3"><office:styles><style:default-style style:family="table-cell"><style:text-properties style:font-name="Arial" fo:font-size="11pt" fo:language="en" fo:country="GB"/></style:default-style><style:style style:name="Default" style:family="table-cell"/></office:styles></office:document-styles>`;

function meta(title: string, created: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta ${namespaces} office:version="1.3"><office:meta><dc:title>${xmlText(title)}</dc:title><dc:language>en-GB</dc:language><meta:generator>Complaints oversight</meta:generator><meta:creation-date>${created}</meta:creation-date></office:meta></office:document-meta>`;
}

const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${odsMimeType}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>`;

/** The spreadsheet's bytes. `created` is an ISO timestamp for the document's metadata. */
export function writeOds(sheet: ReturnSheet, created: string): Uint8Array {
  const at = new Date(created);
  return zipSync({
    // fflate keeps insertion order: mimetype first, stored (level 0), as ODF requires.
    mimetype: [strToU8(odsMimeType), { level: 0, mtime: at }],
    "content.xml": [strToU8(content(sheet)), { level: 6, mtime: at }],
    "styles.xml": [strToU8(stylesXml), { level: 6, mtime: at }],
    "meta.xml": [strToU8(meta(sheet.title, created.replace(/\.\d{3}Z$/, ""))), { level: 6, mtime: at }],
    "META-INF/manifest.xml": [strToU8(manifest), { level: 6, mtime: at }],
  });
}
