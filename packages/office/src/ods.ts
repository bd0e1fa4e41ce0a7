import { strToU8, zipSync } from "fflate";
import { columnLetter, numberFormatsUsed, odsMimeType, quotedSheetName, type CellStyle, type Cell, type NumberFormat, type Sheet, type Validation, type Workbook } from "./model.ts";
import { xmlText } from "./xml.ts";

/**
 * A workbook as an OpenDocument spreadsheet (ODF 1.3, the UK government's open standard for
 * editable documents), written directly as zip + XML: `mimetype` first and stored uncompressed (ODF
 * 1.3 part 2, section 3.3), then content, styles, meta (title and language), settings when the
 * workbook states its view, and the manifest. A table is a `table:database-range` with
 * `table:contains-header="true"` (ODF 1.3 part 3, 9.4.1) and no filter buttons; a protected sheet is
 * `table:protected` without a password, its unlocked styles `style:cell-protect="none"`.
 */

const namespaces = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"',
  'xmlns:xlink="http://www.w3.org/1999/xlink"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
  'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"',
  'xmlns:ooo="http://openoffice.org/2004/office"',
].join(" ");

function languageAttributes(tag: string, prefix: string): string {
  const [language, country] = tag.split("-");
  return ` ${prefix}:language="${xmlText(language ?? tag)}"${country ? ` ${prefix}:country="${xmlText(country)}"` : ""}`;
}

/**
 * A number style (ODF 1.3 part 3, 16.29.2): decimal places, thousands separators
 * (`number:grouping`) and the literal text after the number (`number:text`, 16.29.26), so the cell
 * stays a number. Its language is given, so the separators do not follow the reader's locale.
 */
export function odsNumberStyle(format: NumberFormat, language = "en-GB"): string {
  const grouping = format.grouping ? ' number:grouping="true"' : "";
  return `<number:number-style style:name="N_${format.id}"${languageAttributes(language, "number")}><number:number number:decimal-places="${format.places}" number:min-decimal-places="${format.places}" number:min-integer-digits="1"${grouping}/>${format.suffix ? `<number:text>${xmlText(format.suffix)}</number:text>` : ""}</number:number-style>`;
}

/** A cell style's name in the file: "ceValue" for the workbook's style "value". */
function styleName(name: string | undefined): string {
  return name === undefined ? "Default" : `ce${name[0]!.toUpperCase()}${name.slice(1)}`;
}

function cellStyle(name: string, style: CellStyle, book: Workbook): string {
  const cellProperties = [
    style.unlocked ? ' style:cell-protect="none" style:print-content="true"' : "",
    style.wrap ? ' fo:wrap-option="wrap"' : "",
    style.top ? ' style:vertical-align="top"' : "",
  ].join("");
  const text = [
    style.size !== undefined && style.size !== book.font.size ? ` fo:font-size="${style.size}pt"` : "",
    style.bold ? ' fo:font-weight="bold"' : "",
    style.link ? ' style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color" fo:color="#1d70b8"' : "",
  ].join("");
  return `<style:style style:name="${styleName(name)}" style:family="table-cell" style:parent-style-name="Default"${style.number ? ` style:data-style-name="N_${style.number.id}"` : ""}>${
    cellProperties ? `<style:table-cell-properties${cellProperties}/>` : ""
  }${style.right ? '<style:paragraph-properties fo:text-align="end"/>' : ""}${text ? `<style:text-properties${text}/>` : ""}</style:style>`;
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

/** A sheet and cell as a condition's base address writes it: plain where the name allows, else quoted. */
function sheetAddress(sheet: string, at: string): string {
  return `${/^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : quotedSheetName(sheet)}.${at}`;
}

/**
 * A validation's condition. ODF's built-in whole-number and decimal conditions cannot accept the
 * allowed texts as well, so a number uses `of:is-true-formula` with an OpenFormula expression
 * relative to the cell; a list is `of:cell-content-is-in-list` (ODF 1.3 part 1, 19.618).
 */
function condition(validation: Validation, at: string): string {
  if (validation.kind === "list") return `of:cell-content-is-in-list(${validation.options.map((o) => `"${o}"`).join(";")})`;
  const ref = `[.${at}]`;
  const fits = validation.places === 0 ? `${ref}=INT(${ref})` : `ROUND(${ref};${validation.places})=${ref}`;
  const texts = validation.alsoAllowed.map((t) => `;${ref}="${t}"`).join("");
  return `of:is-true-formula(OR(AND(ISNUMBER(${ref});${ref}>=${validation.min};${fits})${texts}))`;
}

/** The cell's style attribute, left out where the column's default cell style is the same (ODF 1.3 part 3, 19.615). */
function styleAttribute(name: string, columnDefault: string): string {
  return name === columnDefault ? "" : ` table:style-name="${name}"`;
}

function cell(c: Cell, columnDefault: string, validation: string | undefined): string {
  const style = styleAttribute(styleName(c.style), columnDefault);
  const validated = validation ? ` table:content-validation-name="${validation}"` : "";
  switch (c.kind) {
    case "blank":
      return `<table:table-cell${style}${validated}/>`;
    case "text": {
      // A link to a place in this document is "#" and the place (ODF 1.3 part 3, 6.1.8 text:a; 19.910 xlink:href).
      const body = c.link === undefined ? odsParagraphs(c.text) : `<text:p><text:a xlink:type="simple" xlink:href="${xmlText(`#${quotedSheetName(c.link)}.A1`)}">${xmlText(c.text)}</text:a></text:p>`;
      return `<table:table-cell${style} office:value-type="string"${validated}>${body}</table:table-cell>`;
    }
    case "number":
      return `<table:table-cell${style} office:value-type="float" office:value="${c.value}"${validated}><text:p>${xmlText(c.shown ?? String(c.value))}</text:p></table:table-cell>`;
  }
}

/** Arial 12pt: about 0.24 cm per digit (Excel's width unit is one digit of the default font), scaled for other sizes. */
function columnWidth(characters: number, fontSize: number): string {
  return `${((characters * 0.24 + 0.2) * (fontSize / 12)).toFixed(2)}cm`;
}

interface Parts {
  columnStyle(width: number): string;
  validation(sheet: Sheet, row: number, column: number, validation: Validation): string;
}

function table(sheet: Sheet, parts: Parts): string {
  const out: string[] = [`<table:table table:name="${xmlText(sheet.name)}" table:style-name="ta1"${sheet.protected ? ' table:protected="true"' : ""}>`];
  // A column's default cell style spares most of its cells a style of their own (a smaller file, written faster).
  const defaults = sheet.columns.map((c) => styleName(c.style));
  sheet.columns.forEach((column, c) => out.push(`<table:table-column table:style-name="${parts.columnStyle(column.width)}" table:default-cell-style-name="${defaults[c]}"/>`));
  sheet.rows.forEach((row, r) => {
    out.push('<table:table-row table:style-name="ro1">');
    row.forEach((c, column) => out.push(cell(c, defaults[column] ?? "Default", c.validation && parts.validation(sheet, r, column, c.validation))));
    out.push("</table:table-row>");
  });
  out.push("</table:table>");
  return out.join("");
}

function databaseRange(sheet: Sheet): string {
  const t = sheet.table!;
  const name = quotedSheetName(sheet.name);
  const address = `${name}.A${t.headerRow + 1}:${name}.${columnLetter(t.columnCount - 1)}${t.headerRow + 1 + t.dataRows}`;
  return `<table:database-range table:name="${xmlText(t.name)}" table:target-range-address="${xmlText(address)}" table:contains-header="true" table:display-filter-buttons="false"/>`;
}

function content(book: Workbook): string {
  const widths = new Map<number, string>();
  const validations: string[] = [];
  const parts: Parts = {
    columnStyle(width) {
      let name = widths.get(width);
      if (!name) {
        name = `co${widths.size + 1}`;
        widths.set(width, name);
      }
      return name;
    },
    validation(sheet, row, column, v) {
      const name = `val${validations.length + 1}`;
      const at = `${columnLetter(column)}${row + 1}`;
      validations.push(
        `<table:content-validation table:name="${name}" table:condition="${xmlText(condition(v, at))}" table:allow-empty-cell="true" table:base-cell-address="${xmlText(sheetAddress(sheet.name, at))}"><table:error-message table:display="true" table:message-type="stop" table:title="${xmlText(v.title.slice(0, 60))}"><text:p>${xmlText(v.message)}</text:p></table:error-message></table:content-validation>`,
      );
      return name;
    },
  };
  const tables = book.sheets.map((s) => table(s, parts)).join("");
  const columnStyles = [...widths].map(([w, name]) => `<style:style style:name="${name}" style:family="table-column"><style:table-column-properties fo:break-before="auto" style:column-width="${columnWidth(w, book.font.size)}"/></style:style>`).join("");
  const numberStyles = numberFormatsUsed(book).map((f) => odsNumberStyle(f, book.properties.language)).join("");
  const cellStyles = Object.entries(book.styles).map(([name, style]) => cellStyle(name, style, book)).join("");
  const ranges = book.sheets.filter((s) => s.table).map(databaseRange).join("");
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${namespaces} office:version="1.3"><office:automatic-styles>${columnStyles}<style:style style:name="ro1" style:family="table-row"><style:table-row-properties style:use-optimal-row-height="true"/></style:style><style:style style:name="ta1" style:family="table"><style:table-properties table:display="true" style:writing-mode="lr-tb"/></style:style>${numberStyles}${cellStyles}</office:automatic-styles><office:body><office:spreadsheet>${
    validations.length > 0 ? `<table:content-validations>${validations.join("")}</table:content-validations>` : ""
  }${tables}${ranges ? `<table:database-ranges>${ranges}</table:database-ranges>` : ""}</office:spreadsheet></office:body></office:document-content>`;
}

/** The default font and the language of the cells (the one spell checkers and screen readers use). */
function stylesXml(book: Workbook): string {
  const font = xmlText(book.font.name);
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ${namespaces} office:version="1.3"><office:font-face-decls><style:font-face style:name="${font}" svg:font-family="${font}" style:font-family-generic="swiss"/></office:font-face-decls><office:styles><style:default-style style:family="table-cell"><style:text-properties style:font-name="${font}" fo:font-size="${book.font.size}pt"${languageAttributes(book.properties.language, "fo")}/></style:default-style><style:style style:name="Default" style:family="table-cell"/></office:styles></office:document-styles>`;
}

function meta(book: Workbook): string {
  const p = book.properties;
  const created = new Date(p.created).toISOString().replace(/\.\d{3}Z$/, "");
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta ${namespaces} office:version="1.3"><office:meta><dc:title>${xmlText(p.title)}</dc:title>${p.subject === undefined ? "" : `<dc:subject>${xmlText(p.subject)}</dc:subject>`}<dc:language>${xmlText(p.language)}</dc:language><meta:generator>${xmlText(p.generator)}</meta:generator><meta:creation-date>${created}</meta:creation-date><dc:date>${created}</dc:date></office:meta></office:document-meta>`;
}

/**
 * The view: the first sheet active and each sheet's cursor where the sheet puts it (A1 unless
 * said), with no split or frozen panes (ODF 1.3 part 3, 3.10 settings; the item names are
 * LibreOffice's "ooo:view-settings").
 */
function settings(book: Workbook): string {
  const item = (name: string, type: string, value: string | number) => `<config:config-item config:name="${name}" config:type="${type}">${value}</config:config-item>`;
  const perSheet = book.sheets
    .map(
      (s) =>
        `<config:config-item-map-entry config:name="${xmlText(s.name)}">${item("CursorPositionX", "int", s.cursor?.column ?? 0)}${item("CursorPositionY", "int", s.cursor?.row ?? 0)}${item("HorizontalSplitMode", "short", 0)}${item("VerticalSplitMode", "short", 0)}${item("HorizontalSplitPosition", "int", 0)}${item("VerticalSplitPosition", "int", 0)}${item("ActiveSplitRange", "short", 2)}${item("PositionLeft", "int", 0)}${item("PositionRight", "int", 0)}${item("PositionTop", "int", 0)}${item("PositionBottom", "int", 0)}</config:config-item-map-entry>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-settings ${namespaces} office:version="1.3"><office:settings><config:config-item-set config:name="ooo:view-settings"><config:config-item-map-indexed config:name="Views"><config:config-item-map-entry>${item("ViewId", "string", "view1")}<config:config-item-map-named config:name="Tables">${perSheet}</config:config-item-map-named>${item("ActiveTable", "string", xmlText(book.sheets[0]!.name))}</config:config-item-map-entry></config:config-item-map-indexed></config:config-item-set></office:settings></office:document-settings>`;
}

function manifest(parts: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${odsMimeType}"/>${parts
    .map((part) => `<manifest:file-entry manifest:full-path="${part}" manifest:media-type="text/xml"/>`)
    .join("")}</manifest:manifest>`;
}

/** The spreadsheet's bytes. */
export function writeOds(book: Workbook): Uint8Array {
  if (book.sheets.length === 0) throw new Error("A workbook needs at least one sheet.");
  const at = new Date(book.properties.created);
  const xml: [string, string][] = [
    ["content.xml", content(book)],
    ["styles.xml", stylesXml(book)],
    ["meta.xml", meta(book)],
    ...(book.statedView ? [["settings.xml", settings(book)] as [string, string]] : []),
  ];
  return zipSync({
    // fflate keeps insertion order: mimetype first, stored (level 0), as ODF requires.
    mimetype: [strToU8(odsMimeType), { level: 0, mtime: at }],
    ...Object.fromEntries(xml.map(([name, text]) => [name, [strToU8(text), { level: 6, mtime: at }]])),
    "META-INF/manifest.xml": [strToU8(manifest(xml.map(([name]) => name))), { level: 6, mtime: at }],
  });
}
