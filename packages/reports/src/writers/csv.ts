import { csvText } from "@complaints/domain";
import { safeText } from "../cells.ts";
import type { BoardPack } from "../model.ts";
import { tidyColumns, tidyMarkerList, tidyMarkerMeanings, tidyRows } from "../tidy.ts";

/**
 * The pack's figures as open data: one value per row (tidy long form) in a CSV, with a W3C CSVW
 * metadata file describing it ("Metadata Vocabulary for Tabular Data", W3C Recommendation
 * 2015-12-17, https://www.w3.org/TR/tabular-metadata/). GSS guidance "Releasing statistics in
 * spreadsheets" asks for machine-readable CSV beside a spreadsheet; shorthand sits in its own
 * `marker` column so `value` stays a plain number.
 */

/** The header row of the CSV. */
export const packCsvHeader: readonly string[] = tidyColumns.map((c) => c.name);

const encoder = new TextEncoder();

/**
 * The CSV: UTF-8 with a byte-order mark (so Excel reads it as UTF-8), CRLF line ends and quotes only
 * where needed (RFC 4180 section 2), every text cell neutralised against formula injection (OWASP
 * "CSV Injection"). The value column is a number written plainly ("1250.5"), empty when null.
 */
export function writePackCsv(pack: BoardPack): Uint8Array {
  const records = tidyRows(pack).map((row) =>
    tidyColumns.map((column) => {
      const cell = column.text(row);
      return typeof cell === "string" ? safeText(cell) : cell;
    }),
  );
  return encoder.encode(csvText([[...packCsvHeader], ...records], { byteOrderMark: true }));
}

/** The CSV's file name and its metadata's, as the CSVW convention pairs them (`NAME.csv` and `NAME.csv-metadata.json`, section 5.3 of the Model for Tabular Data). */
export function packCsvMetadataFileName(csvFileName: string): string {
  return `${csvFileName}-metadata.json`;
}

/**
 * The CSVW metadata of the CSV `writePackCsv` writes, naming it by `csvFileName` (relative, so the
 * two files travel together). Common properties use the Dublin Core terms prefix `dc:` from the
 * CSVW context (https://www.w3.org/ns/csvw). CSVW's dialect has no byte-order mark flag: with
 * `encoding: "utf-8"` a parser decodes by the WHATWG Encoding Standard, which drops a leading BOM
 * (Model for Tabular Data, section 8, "Parsing Tabular Data").
 */
export function writePackCsvMetadata(pack: BoardPack, csvFileName: string): Uint8Array {
  // Notes are Web Annotations with a text body, as in the example of section 5.8 ("notes").
  const note = (title: string, text: string) => ({
    "@type": "oa:Annotation",
    "dc:title": title,
    "oa:hasTarget": { "@id": csvFileName },
    "oa:hasBody": { "@type": "oa:EmbeddedContent", "rdf:value": text, "dc:format": { "@value": "text/plain" } },
  });
  const metadata = {
    "@context": "http://www.w3.org/ns/csvw",
    url: csvFileName,
    "dc:title": `${pack.title}: figures in tidy long form`,
    "dc:description": [...pack.cover.about, "One figure per row: the table it comes from, the organisation, the period, what is measured, which statistic of it, whose returns it covers, its unit, the value and any marker."].join(" "),
    "dc:language": pack.language,
    "dc:created": { "@value": pack.produced, "@type": "xsd:dateTime" },
    "dc:publisher": pack.scope.departmentName,
    "dc:source": pack.cover.source,
    "dc:coverage": pack.period.label,
    dialect: { header: true, headerRowCount: 1, encoding: "utf-8", delimiter: ",", quoteChar: '"', doubleQuote: true, lineTerminators: ["\r\n"] },
    tableSchema: {
      columns: tidyColumns.map((c) => ({
        name: c.name,
        titles: c.name,
        "dc:description": c.description,
        datatype: c.datatype,
        required: c.required,
        // An empty cell is a missing value (the default, stated for readers of this file).
        null: "",
      })),
    },
    notes: [
      {
        ...note("Markers", `The marker column is empty or one of: ${tidyMarkerList}. Where it is [c], [x] or [z] the value is empty; where it is [r], [p] or [r] [p] the value is given.`),
        // The same meanings, one per marker, for software that reads them.
        "dc:hasPart": tidyMarkerMeanings.map(([code, meaning]) => ({ "dc:identifier": code, "dc:description": meaning })),
      },
      ...pack.notes.map((n) => note(`Note ${n.number}`, `${n.text} (Applies to: ${n.appliesTo}.)`)),
      ...pack.cover.caveats.map((c) => note("Caveat", c)),
      { ...note("Contact", `Questions about these figures: ${pack.cover.contact}`) },
    ],
  };
  return encoder.encode(`${JSON.stringify(metadata, null, 2)}\n`);
}
