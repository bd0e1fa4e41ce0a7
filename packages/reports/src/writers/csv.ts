import { stringify } from "csv-stringify/sync";
import { safeText } from "../cells.ts";
import { shorthandMeaning, statistics, type BoardPack } from "../model.ts";
import { tidyMarkers, tidyRows, type TidyRow } from "../tidy.ts";

/**
 * The pack's figures as open data: one value per row (tidy long form) in a CSV, with a W3C CSVW
 * metadata file describing it ("Metadata Vocabulary for Tabular Data", W3C Recommendation
 * 2015-12-17, https://www.w3.org/TR/tabular-metadata/). GSS guidance "Releasing statistics in
 * spreadsheets" asks for machine-readable CSV beside a spreadsheet; shorthand sits in its own
 * `marker` column so `value` stays a plain number.
 */

interface CsvColumn {
  name: string;
  description: string;
  text: (row: TidyRow) => string | number | null;
  /** A CSVW datatype (Metadata Vocabulary section 5.11): text columns are strings, `value` a number. */
  datatype: "string" | "number" | { base: "string"; format: string };
  required: boolean;
}

/** Every marker with its meaning, as the spreadsheets show it; a number both revised and provisional is marked "[r] [p]", r first (model.ts). */
const markerMeanings: [string, string][] = [
  ...(["c", "x", "z", "r", "p"] as const).map((m): [string, string] => [`[${m}]`, shorthandMeaning[m]]),
  ["[r] [p]", `both revised (${shorthandMeaning.r}) and provisional (${shorthandMeaning.p})`],
];
const markerList = markerMeanings.map(([m, meaning]) => `${m}: ${meaning}`).join("; ");
/** A CSVW format for a string datatype is a regular expression (Metadata Vocabulary section 6.4, "Formats"): the column's values other than empty (its null). */
const oneOf = (values: readonly string[]) => `^(${values.map((v) => v.replace(/[[\]]/g, "\\$&")).join("|")})$`;

/** The CSV's columns, in order: the header row and the metadata's `tableSchema.columns` both come from here. */
const csvColumns: readonly CsvColumn[] = [
  { name: "table", description: "The pack table the figure comes from (its table name in the spreadsheet).", text: (r) => r.table, datatype: "string", required: true },
  { name: "organisation", description: "Code of the body, or of the department for figures about all its bodies.", text: (r) => r.organisation, datatype: "string", required: true },
  { name: "organisation_name", description: "Name of the organisation, where the table gives one.", text: (r) => r.organisationName, datatype: "string", required: false },
  { name: "period", description: "The quarter (such as 2025-26 Q1) or financial year (such as 2025-26) the figure is for; a year_earlier figure is for the same period a year before.", text: (r) => r.period, datatype: "string", required: true },
  { name: "label", description: "What the row is about where a table has more than one row per organisation, such as a stage, a theme or an equality category.", text: (r) => r.label, datatype: "string", required: false },
  { name: "measure_code", description: "Stable identifier of what is measured: the return template's id of the measure or field (such as received or within_timescale), or the table column's.", text: (r) => r.measureCode, datatype: "string", required: true },
  { name: "measure", description: "What is measured, as the spreadsheet labels it.", text: (r) => r.measure, datatype: "string", required: true },
  {
    name: "statistic",
    description: "Which figure of the measure the value is: value (the figure), lower_95 and upper_95 (its 95% confidence interval), numerator and denominator (the counts it is worked out from), this_period and year_earlier (the two sides of a comparison with a year earlier).",
    text: (r) => r.statistic,
    datatype: { base: "string", format: oneOf(statistics) },
    required: true,
  },
  {
    name: "panel",
    description: "Whose returns the figure covers: all (every body that has sent a return that counts) or matched (only the bodies and quarters counted both this period and a year earlier, so the two sides compare like with like); empty where the figure is not part of a comparison.",
    text: (r) => r.panel,
    datatype: { base: "string", format: oneOf(["all", "matched"]) },
    required: false,
  },
  { name: "unit", description: "What the value is in: count, % (percentages from 0 to 100), £, per 10,000, per 100 received, working days or year; empty where unknown.", text: (r) => r.unit, datatype: "string", required: false },
  { name: "value", description: "The figure, as stored in the spreadsheet (percentages from 0 to 100). Empty where the marker is [c], [x] or [z].", text: (r) => r.value, datatype: "number", required: false },
  { name: "marker", description: `Empty, or a marker for the figure: ${markerList}.`, text: (r) => r.marker, datatype: { base: "string", format: oneOf(tidyMarkers.filter((m) => m !== "")) }, required: false },
];

/** The header row of the CSV. */
export const packCsvHeader: readonly string[] = csvColumns.map((c) => c.name);

const encoder = new TextEncoder();

/**
 * The CSV: UTF-8 with a byte-order mark (so Excel reads it as UTF-8), CRLF line ends and quotes only
 * where needed (RFC 4180 section 2), every text cell neutralised against formula injection (OWASP
 * "CSV Injection"). The value column is a number written plainly ("1250.5"), empty when null.
 */
export function writePackCsv(pack: BoardPack): Uint8Array {
  const records = tidyRows(pack).map((row) =>
    csvColumns.map((column) => {
      const cell = column.text(row);
      return typeof cell === "string" ? safeText(cell) : cell;
    }),
  );
  return encoder.encode(stringify([[...packCsvHeader], ...records], { bom: true, record_delimiter: "windows" }));
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
      columns: csvColumns.map((c) => ({
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
        ...note("Markers", `The marker column is empty or one of: ${markerList}. Where it is [c], [x] or [z] the value is empty; where it is [r], [p] or [r] [p] the value is given.`),
        // The same meanings, one per marker, for software that reads them.
        "dc:hasPart": markerMeanings.map(([code, meaning]) => ({ "dc:identifier": code, "dc:description": meaning })),
      },
      ...pack.notes.map((n) => note(`Note ${n.number}`, `${n.text} (Applies to: ${n.appliesTo}.)`)),
      ...pack.cover.caveats.map((c) => note("Caveat", c)),
      { ...note("Contact", `Questions about these figures: ${pack.cover.contact}`) },
    ],
  };
  return encoder.encode(`${JSON.stringify(metadata, null, 2)}\n`);
}
