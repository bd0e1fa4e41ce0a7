import { strToU8, zipSync } from "fflate";
import { decimalPlaces, type BoardPack, type NumberFormat } from "../model.ts";
import { markerSuffix, type NumberMarker } from "../cells.ts";
import { columnLetter, numberStylesUsed, workbookLayout, type LayoutCell, type SheetLayout, type TextStyle } from "./layout.ts";
import { xmlText } from "./xml.ts";

/**
 * The board pack as an OpenDocument spreadsheet (ODF 1.3, the UK government's open standard for
 * editable documents), written directly as zip + XML on the layout the XLSX writer shares
 * (layout.ts): `mimetype` first and stored uncompressed (ODF 1.3 part 2, section 3.3), then
 * content, styles, meta (title and language), settings (first sheet active, cursor in A1) and the
 * manifest. Each table is a `table:database-range` with `table:contains-header="true"` (ODF 1.3
 * part 3, 9.4.1) and no filter buttons (GSS: no filters).
 */

export const odsMimeType = "application/vnd.oasis.opendocument.spreadsheet";

const namespaces = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"',
  'xmlns:xlink="http://www.w3.org/1999/xlink"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
  'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"',
  'xmlns:ooo="http://openoffice.org/2004/office"',
].join(" ");

/** The data style's name for a column format and a number's markers: N_count, N_count_r, N_count_p, N_count_r_p. */
function dataStyleName(format: NumberFormat, markers: readonly NumberMarker[]): string {
  return `N_${format}${markers.map((m) => `_${m}`).join("")}`;
}

/**
 * A number style (ODF 1.3 part 3, 16.29.2): the column's decimal places, thousands separators
 * (`number:grouping`, none on years) and for a marked number the literal " [r]", " [p]" or
 * " [r] [p]" (`number:text`, 16.29.26), so the cell stays a number. Language en-GB, so the
 * separators do not follow the reader's locale.
 */
export function odsNumberStyle(format: NumberFormat, markers: readonly NumberMarker[]): string {
  const places = decimalPlaces[format];
  const grouping = format === "year" ? "" : ' number:grouping="true"';
  const suffix = markerSuffix(markers);
  return `<number:number-style style:name="${dataStyleName(format, markers)}" number:language="en" number:country="GB"><number:number number:decimal-places="${places}" number:min-decimal-places="${places}" number:min-integer-digits="1"${grouping}/>${suffix ? `<number:text>${suffix}</number:text>` : ""}</number:number-style>`;
}

const textStyleName: Record<TextStyle, string> = { body: "ceBody", title: "ceTitle", heading: "ceHeading", wrap: "ceWrap", header: "ceHeader", headerNumber: "ceHeaderNumber", shorthand: "ceShorthand" };

function cellStyleName(format: NumberFormat, markers: readonly NumberMarker[]): string {
  return `ce_${dataStyleName(format, markers)}`;
}

const top = '<style:table-cell-properties style:vertical-align="top"/>';
const wrapTop = '<style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="top"/>';
const right = '<style:paragraph-properties fo:text-align="end"/>';

const textCellStyles = [
  `<style:style style:name="ceBody" style:family="table-cell" style:parent-style-name="Default"/>`,
  `<style:style style:name="ceTitle" style:family="table-cell" style:parent-style-name="Default"><style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style>`,
  `<style:style style:name="ceHeading" style:family="table-cell" style:parent-style-name="Default"><style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style>`,
  `<style:style style:name="ceWrap" style:family="table-cell" style:parent-style-name="Default">${wrapTop}</style:style>`,
  `<style:style style:name="ceHeader" style:family="table-cell" style:parent-style-name="Default">${wrapTop}<style:text-properties fo:font-weight="bold"/></style:style>`,
  `<style:style style:name="ceHeaderNumber" style:family="table-cell" style:parent-style-name="Default">${wrapTop}${right}<style:text-properties fo:font-weight="bold"/></style:style>`,
  `<style:style style:name="ceShorthand" style:family="table-cell" style:parent-style-name="Default">${top}${right}</style:style>`,
].join("");

/** The number styles and their cell styles, only for the formats and markers the workbook's cells use. */
function numberCellStyles(sheets: readonly SheetLayout[]): string {
  const used = numberStylesUsed(sheets);
  return (
    used.map((u) => odsNumberStyle(u.format, u.markers)).join("") +
    used.map((u) => `<style:style style:name="${cellStyleName(u.format, u.markers)}" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="${dataStyleName(u.format, u.markers)}">${top}</style:style>`).join("")
  );
}

/** Runs of spaces, tabs and line breaks as ODF keeps them (ODF 1.3 part 3, 6.1.2 to 6.1.4). */
const specialWhitespace = /[\t\n\r]| {2}|^ /;

export function odsParagraphs(text: string): string {
  if (!specialWhitespace.test(text)) return `<text:p>${xmlText(text)}</text:p>`;
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => {
      const body = xmlText(line)
        .replace(/&#9;/g, "<text:tab/>")
        .replace(/ {2,}/g, (spaces) => ` <text:s text:c="${spaces.length - 1}"/>`)
        .replace(/^ /, '<text:s text:c="1"/>');
      return `<text:p>${body}</text:p>`;
    })
    .join("");
}

/** A sheet name in a cell address (ODF 1.3 part 3, 9.2.5 and OpenFormula 5.8): quoted, apostrophes doubled. */
function quotedSheetName(name: string): string {
  return `'${name.replaceAll("'", "''")}'`;
}

/** The cell's style attribute, left out where the column's default cell style is the same (ODF 1.3 part 3, 19.615). */
function styleAttribute(name: string, columnDefault: string): string {
  return name === columnDefault ? "" : ` table:style-name="${name}"`;
}

function cell(c: LayoutCell, columnDefault: string): string {
  switch (c.kind) {
    case "text":
      return `<table:table-cell${styleAttribute(textStyleName[c.style], columnDefault)} office:value-type="string">${odsParagraphs(c.text)}</table:table-cell>`;
    case "link":
      // A link to a place in this document is "#" and the place (ODF 1.3 part 3, 6.1.8 text:a; 19.910 xlink:href).
      return `<table:table-cell${styleAttribute("ceBody", columnDefault)} office:value-type="string"><text:p><text:a xlink:type="simple" xlink:href="${xmlText(`#${quotedSheetName(c.sheet)}.A1`)}">${xmlText(c.text)}</text:a></text:p></table:table-cell>`;
    case "number":
      return `<table:table-cell${styleAttribute(cellStyleName(c.format, c.markers), columnDefault)} office:value-type="float" office:value="${c.value}"><text:p>${xmlText(c.shown)}</text:p></table:table-cell>`;
  }
}

function columnWidth(characters: number): string {
  // Arial 12pt: about 0.24 cm per digit, as Excel's width unit is one digit of the default font.
  return `${(characters * 0.24 + 0.2).toFixed(2)}cm`;
}

function table(sheet: SheetLayout, columnStyle: (width: number) => string): string {
  const parts: string[] = [`<table:table table:name="${xmlText(sheet.name)}" table:style-name="ta1">`];
  // A table's columns default to their data cells' style, so most data cells need no style of their own (a smaller file, written faster).
  const defaults = sheet.widths.map((_, c) => {
    const type = sheet.table?.columnTypes[c];
    return type === undefined ? "Default" : type === "text" ? "ceWrap" : cellStyleName(type, []);
  });
  sheet.widths.forEach((width, c) => parts.push(`<table:table-column table:style-name="${columnStyle(width)}" table:default-cell-style-name="${defaults[c]}"/>`));
  for (const row of sheet.rows) {
    parts.push('<table:table-row table:style-name="ro1">');
    for (let c = 0; c < row.length; c += 1) parts.push(cell(row[c]!, defaults[c]!));
    parts.push("</table:table-row>");
  }
  parts.push("</table:table>");
  return parts.join("");
}

function databaseRange(sheet: SheetLayout): string {
  const t = sheet.table!;
  const name = quotedSheetName(sheet.name);
  const address = `${name}.A${t.headerRow + 1}:${name}.${columnLetter(t.columnCount - 1)}${t.headerRow + 1 + t.dataRows}`;
  return `<table:database-range table:name="${t.name}" table:target-range-address="${xmlText(address)}" table:contains-header="true" table:display-filter-buttons="false"/>`;
}

function content(sheets: SheetLayout[]): string {
  const widths = new Map<number, string>();
  const columnStyle = (width: number): string => {
    let name = widths.get(width);
    if (!name) {
      name = `co${widths.size + 1}`;
      widths.set(width, name);
    }
    return name;
  };
  const tables = sheets.map((s) => table(s, columnStyle)).join("");
  const columnStyles = [...widths].map(([w, name]) => `<style:style style:name="${name}" style:family="table-column"><style:table-column-properties fo:break-before="auto" style:column-width="${columnWidth(w)}"/></style:style>`).join("");
  const ranges = sheets.filter((s) => s.table !== null).map(databaseRange).join("");
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${namespaces} office:version="1.3"><office:automatic-styles>${columnStyles}<style:style style:name="ro1" style:family="table-row"><style:table-row-properties style:use-optimal-row-height="true"/></style:style><style:style style:name="ta1" style:family="table"><style:table-properties table:display="true" style:writing-mode="lr-tb"/></style:style>${numberCellStyles(sheets)}${textCellStyles}</office:automatic-styles><office:body><office:spreadsheet>${tables}<table:database-ranges>${ranges}</table:database-ranges></office:spreadsheet></office:body></office:document-content>`;
}

/** Arial 12 as the default, in English (United Kingdom): the language spell checkers and screen readers use. */
const stylesXml = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ${namespaces} office:version="1.3"><office:font-face-decls><style:font-face style:name="Arial" svg:font-family="Arial" style:font-family-generic="swiss"/></office:font-face-decls><office:styles><style:default-style style:family="table-cell"><style:text-properties style:font-name="Arial" fo:font-size="12pt" fo:language="en" fo:country="GB"/></style:default-style><style:style style:name="Default" style:family="table-cell"/></office:styles></office:document-styles>`;

function meta(pack: BoardPack): string {
  const created = new Date(pack.produced).toISOString().replace(/\.\d{3}Z$/, "");
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta ${namespaces} office:version="1.3"><office:meta><dc:title>${xmlText(pack.title)}</dc:title><dc:subject>${xmlText(`${pack.scope.name}, ${pack.period.label}`)}</dc:subject><dc:language>${xmlText(pack.language)}</dc:language><meta:generator>Complaints oversight</meta:generator><meta:creation-date>${created}</meta:creation-date><dc:date>${created}</dc:date></office:meta></office:document-meta>`;
}

/**
 * The view: the first sheet active and every sheet's cursor in A1 with no split or frozen panes
 * (ODF 1.3 part 3, 3.10 settings; the item names are LibreOffice's "ooo:view-settings").
 */
function settings(sheets: SheetLayout[]): string {
  const item = (name: string, type: string, value: string) => `<config:config-item config:name="${name}" config:type="${type}">${value}</config:config-item>`;
  const perSheet = sheets
    .map(
      (s) =>
        `<config:config-item-map-entry config:name="${xmlText(s.name)}">${item("CursorPositionX", "int", "0")}${item("CursorPositionY", "int", "0")}${item("HorizontalSplitMode", "short", "0")}${item("VerticalSplitMode", "short", "0")}${item("HorizontalSplitPosition", "int", "0")}${item("VerticalSplitPosition", "int", "0")}${item("ActiveSplitRange", "short", "2")}${item("PositionLeft", "int", "0")}${item("PositionRight", "int", "0")}${item("PositionTop", "int", "0")}${item("PositionBottom", "int", "0")}</config:config-item-map-entry>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-settings ${namespaces} office:version="1.3"><office:settings><config:config-item-set config:name="ooo:view-settings"><config:config-item-map-indexed config:name="Views"><config:config-item-map-entry>${item("ViewId", "string", "view1")}<config:config-item-map-named config:name="Tables">${perSheet}</config:config-item-map-named>${item("ActiveTable", "string", xmlText(sheets[0]!.name))}</config:config-item-map-entry></config:config-item-map-indexed></config:config-item-set></office:settings></office:document-settings>`;
}

const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${odsMimeType}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="settings.xml" manifest:media-type="text/xml"/></manifest:manifest>`;

/** The spreadsheet's bytes. */
export function writePackOds(pack: BoardPack): Uint8Array {
  const sheets = workbookLayout(pack);
  const at = new Date(pack.produced);
  return zipSync({
    // fflate keeps insertion order: mimetype first, stored (level 0), as ODF requires.
    mimetype: [strToU8(odsMimeType), { level: 0, mtime: at }],
    "content.xml": [strToU8(content(sheets)), { level: 6, mtime: at }],
    "styles.xml": [strToU8(stylesXml), { level: 6, mtime: at }],
    "meta.xml": [strToU8(meta(pack)), { level: 6, mtime: at }],
    "settings.xml": [strToU8(settings(sheets)), { level: 6, mtime: at }],
    "META-INF/manifest.xml": [strToU8(manifest), { level: 6, mtime: at }],
  });
}
