import { strToU8, zipSync } from "fflate";

/**
 * An XLSX file as a hostile upload builds one, for the readers' limits: a workbook listing `listed`
 * sheets that take their parts in turn from `parts` (the XML inside each sheetData), compressed
 * hard, so a few KB unpack to MBs and one part may be listed many times.
 */
export function listingWorkbook(listed: number, parts: string[]): Uint8Array {
  const main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const sheets = Array.from({ length: listed }, (_, i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="rId${i % parts.length}"/>`).join("");
  const rels = parts.map((_, i) => `<Relationship Id="rId${i}" Type="x" Target="worksheets/sheet${i}.xml"/>`).join("");
  return zipSync(
    {
      "xl/workbook.xml": strToU8(`<workbook ${main} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets}</sheets></workbook>`),
      "xl/_rels/workbook.xml.rels": strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`),
      ...Object.fromEntries(parts.map((data, i) => [`xl/worksheets/sheet${i}.xml`, strToU8(`<worksheet ${main}><sheetData>${data}</sheetData></worksheet>`)])),
    },
    { level: 9 },
  );
}

const odsNamespaces = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';

/** An ODS file holding only `tables` (the XML inside `office:spreadsheet`), for the readers' limits and the formats' parts ours never writes. */
export function odsOfTables(tables: string): Uint8Array {
  return zipSync({
    mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
    "content.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><office:document-content ${odsNamespaces}><office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`),
  });
}
