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
