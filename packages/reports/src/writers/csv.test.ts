import { csvRecords, csvTable } from "@complaints/domain";
import { describe, expect, it } from "vitest";
import { safeText } from "../cells.ts";
import { shorthandMeaning, statistics, type Cell } from "../model.ts";
import { samplePack } from "../testing/index.ts";
import { tidyRows } from "../tidy.ts";
import { packCsvHeader, packCsvMetadataFileName, writePackCsv, writePackCsvMetadata } from "./csv.ts";

/**
 * The sample pack, with two tables of one row per measure (as the board pack's headline measures
 * and its department measures beside a year earlier): the row names the measure, the columns are
 * its statistics.
 */
const pack = samplePack();
const measureCell = (text: string, code: string): Cell => ({ kind: "text", text, code });
pack.tables.push(
  {
    sheetName: "Measures",
    tableName: "headline_measures_long",
    title: "Table 4: Headline measures, one row per body and measure",
    description: ["This worksheet contains one table."],
    panel: "all",
    columns: [
      { key: "organisation_code", heading: "Organisation code", type: "text", role: "organisation" },
      { key: "measure", heading: "Measure", type: "text", role: "measure" },
      { key: "unit", heading: "Unit", type: "text", role: "unit" },
      { key: "value", heading: "Value [note 2]", type: "decimal1", statistic: "value" },
      { key: "lower_95", heading: "Lower 95% limit", type: "decimal1", statistic: "lower_95" },
      { key: "upper_95", heading: "Upper 95% limit", type: "decimal1", statistic: "upper_95" },
      { key: "numerator", heading: "Numerator", type: "count", statistic: "numerator", unit: "count" },
      { key: "denominator", heading: "Denominator", type: "count", statistic: "denominator", unit: "count" },
      { key: "comparison", heading: "Compared with the department", type: "text" },
    ],
    rows: [
      [{ kind: "text", text: "DES-LIC1" }, measureCell("Complaints closed within timescale", "within_timescale"), { kind: "text", text: "%" }, { kind: "number", value: 39.1, provisional: true }, { kind: "number", value: 37.7, provisional: true }, { kind: "number", value: 40.5, provisional: true }, { kind: "number", value: 391, provisional: true }, { kind: "number", value: 1000, provisional: true }, { kind: "text", text: "Lower than the department" }],
      [{ kind: "text", text: "DES-LIC1" }, measureCell("Average working days to close", "mean_days"), { kind: "text", text: "working days" }, { kind: "number", value: 12.5 }, { kind: "shorthand", code: "z" }, { kind: "shorthand", code: "z" }, { kind: "number", value: 250 }, { kind: "number", value: 20 }, { kind: "text", text: "Not compared" }],
    ],
  },
  {
    sheetName: "Totals",
    tableName: "department_totals",
    title: "Table 5: Totals beside a year earlier, the same bodies and quarters",
    description: ["This worksheet contains one table."],
    panel: "matched",
    columns: [
      { key: "figure", heading: "Figure", type: "text", role: "measure" },
      { key: "unit", heading: "Unit", type: "text", role: "unit" },
      { key: "this_period", heading: "This period (Apr to Jun 2025)", type: "count", statistic: "this_period" },
      { key: "year_earlier", heading: "A year earlier (Apr to Jun 2024)", type: "count", statistic: "year_earlier" },
      { key: "change_size", heading: "Change (%, or percentage points for a percentage)", type: "decimal1", statistic: "change", unit: "percent change" },
      { key: "change", heading: "Change", type: "text" },
    ],
    rows: [
      [measureCell("Complaints received", "received"), { kind: "text", text: "count" }, { kind: "number", value: 1200, revised: true }, { kind: "number", value: 1000 }, { kind: "number", value: 20, revised: true }, { kind: "text", text: "up 20%" }],
      [measureCell("Payments", "payments_total"), { kind: "text", text: "£" }, { kind: "number", value: 5000 }, { kind: "shorthand", code: "x" }, { kind: "shorthand", code: "x" }, { kind: "text", text: "not compared" }],
      [measureCell("Complaints closed within timescale", "within_timescale"), { kind: "text", text: "%" }, { kind: "number", value: 80.5 }, { kind: "number", value: 78.4 }, { kind: "number", value: 2.1, unit: "percentage points" }, { kind: "text", text: "up 2.1 percentage points" }],
    ],
  },
);
const bytes = writePackCsv(pack);
const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
/** Read as a spreadsheet or R would: BOM dropped, the first row as the header. */
const records = csvTable(text);
type CsvwDatatype = string | { base: string; format?: string };
const metadata = JSON.parse(new TextDecoder().decode(writePackCsvMetadata(pack, "board-pack.csv"))) as {
  "@context": string;
  url: string;
  "dc:language": string;
  "dc:created": { "@value": string };
  dialect: { header: boolean; encoding: string; lineTerminators: string[] };
  tableSchema: { columns: { name: string; titles: string; datatype: CsvwDatatype; required: boolean; null: string }[] };
  notes: { "dc:title": string; "oa:hasBody": { "rdf:value": string }; "dc:hasPart"?: { "dc:identifier": string; "dc:description": string }[] }[];
};
const find = (table: string, organisation: string, measureCode: string, statistic = "value") => {
  const found = records.filter((r) => r.table === table && r.organisation === organisation && r.measure_code === measureCode && r.statistic === statistic);
  expect(found, `${table} ${organisation} ${measureCode} ${statistic}`).toHaveLength(1);
  return found[0]!;
};

describe("the tidy CSV", () => {
  it("starts with a UTF-8 byte-order mark and ends every record with CRLF (RFC 4180)", () => {
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.slice(1).split("\r\n")[0]).toBe(packCsvHeader.join(","));
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("has the tidy columns, in order", () => {
    expect(packCsvHeader).toEqual(["table", "organisation", "organisation_name", "period", "label", "measure_code", "measure", "statistic", "panel", "unit", "value", "marker"]);
  });

  it("reads back as exactly the pack's tidy rows, one value per row", () => {
    const expected = tidyRows(pack).map((r) => ({
      table: safeText(r.table),
      organisation: safeText(r.organisation),
      organisation_name: safeText(r.organisationName),
      period: safeText(r.period),
      label: safeText(r.label),
      measure_code: safeText(r.measureCode),
      measure: safeText(r.measure),
      statistic: r.statistic,
      panel: r.panel,
      unit: safeText(r.unit),
      value: r.value === null ? "" : String(r.value),
      marker: r.marker,
    }));
    // 3 rows × 5 measures in the wide headline table, 3 × 2 in the equality table, none in the empty
    // one, 2 measures × 5 statistics in the long headline table, 3 × 3 in the totals.
    expect(records).toHaveLength(21 + 10 + 9);
    expect(records).toEqual(expected);
    expect(records.map((r) => (r.value === "" ? null : Number(r.value)))).toEqual(tidyRows(pack).map((r) => r.value));
  });

  it("keeps figures as plain numbers and shorthand in the marker column", () => {
    expect(find("headline_measures", "DES-LIC1", "received")).toMatchObject({ value: "12345", marker: "", period: "2025-26 Q1", organisation_name: "Licensing Agency", measure: "Complaints received", unit: "count" });
    expect(find("headline_measures", "DES-LIC1", "payments_total")).toMatchObject({ value: "1250.5", marker: "", unit: "£" });
    expect(find("headline_measures", "DES-BEN3", "received")).toMatchObject({ value: "87", marker: "[r] [p]" });
    expect(find("headline_measures", "DES", "received")).toMatchObject({ value: "12432", marker: "[r]" });
    expect(find("headline_measures", "DES", "within_timescale")).toMatchObject({ value: "80.9", marker: "[p]", unit: "%" });
    expect(find("headline_measures", "DES-BEN3", "within_timescale")).toMatchObject({ value: "", marker: "[x]" });
    expect(find("headline_measures", "DES-BEN3", "payments_total")).toMatchObject({ value: "", marker: "[z]" });
    const suppressed = records.filter((r) => r.table === "equality_monitoring" && r.label === "16 to 24");
    expect(suppressed.map((r) => [r.measure_code, r.statistic, r.value, r.marker])).toEqual([
      ["complaints", "value", "", "[c]"],
      ["share", "value", "", "[c]"],
    ]);
    // The equality table has no organisation column: its figures are about the pack's scope.
    expect(suppressed[0]).toMatchObject({ organisation: "DES", organisation_name: "Department for Example Services" });
    expect(new Set(records.map((r) => r.marker))).toEqual(new Set(["", "[r]", "[p]", "[r] [p]", "[x]", "[z]", "[c]"]));
  });

  it("names a measure by its stable id and its label, and each of its figures by statistic, with the unit of that statistic", () => {
    const of = (measureCode: string) => records.filter((r) => r.table === "headline_measures_long" && r.measure_code === measureCode).map((r) => [r.statistic, r.unit, r.value, r.marker]);
    expect(of("within_timescale")).toEqual([
      ["value", "%", "39.1", "[p]"],
      ["lower_95", "%", "37.7", "[p]"],
      ["upper_95", "%", "40.5", "[p]"],
      // A numerator and a denominator are counts, whatever the measure is in.
      ["numerator", "count", "391", "[p]"],
      ["denominator", "count", "1000", "[p]"],
    ]);
    expect(of("mean_days").slice(0, 3)).toEqual([
      ["value", "working days", "12.5", ""],
      ["lower_95", "working days", "", "[z]"],
      ["upper_95", "working days", "", "[z]"],
    ]);
    expect(find("headline_measures_long", "DES-LIC1", "within_timescale")).toMatchObject({ measure: "Complaints closed within timescale", label: "", panel: "all" });
    // A table of one figure per column names the figure by its column; no panel where the table has none.
    expect(records.find((r) => r.table === "equality_monitoring" && r.measure_code === "share")).toMatchObject({ measure: "Share of complaints (%)", statistic: "value", panel: "", unit: "%" });
    expect(find("headline_measures", "DES-LIC1", "received")).toMatchObject({ measure: "Complaints received", statistic: "value" });
  });

  it("marks the two sides of a comparison with a year earlier as the matched panel", () => {
    const totals = records.filter((r) => r.table === "department_totals");
    expect(totals.map((r) => [r.measure_code, r.measure, r.statistic, r.panel, r.unit, r.value, r.marker])).toEqual([
      ["received", "Complaints received", "this_period", "matched", "count", "1200", "[r]"],
      ["received", "Complaints received", "year_earlier", "matched", "count", "1000", ""],
      ["received", "Complaints received", "change", "matched", "percent change", "20", "[r]"],
      ["payments_total", "Payments", "this_period", "matched", "£", "5000", ""],
      ["payments_total", "Payments", "year_earlier", "matched", "£", "", "[x]"],
      ["payments_total", "Payments", "change", "matched", "percent change", "", "[x]"],
      // A figure's own unit: a change of a percentage is in percentage points.
      ["within_timescale", "Complaints closed within timescale", "this_period", "matched", "%", "80.5", ""],
      ["within_timescale", "Complaints closed within timescale", "year_earlier", "matched", "%", "78.4", ""],
      ["within_timescale", "Complaints closed within timescale", "change", "matched", "percentage points", "2.1", ""],
    ]);
    for (const r of records) expect(statistics).toContain(r.statistic);
  });

  it("neutralises text that a spreadsheet would run as a formula", () => {
    const names = records.filter((r) => r.organisation === "DES-BEN3").map((r) => r.organisation_name);
    expect(new Set(names)).toEqual(new Set(["'=HYPERLINK(\"http://evil.example\",\"Benefits\")"]));
    expect(records.filter((r) => r.label!.includes("25 to 64")).map((r) => r.label)).toEqual(["'-25 to 64", "'-25 to 64"]);
    // No cell of the file starts like a formula.
    for (const record of records) for (const cell of Object.values(record)) if (cell !== record.value) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe("the CSVW metadata", () => {
  it("is JSON in the CSVW vocabulary, describing the CSV by its file name", () => {
    expect(metadata["@context"]).toBe("http://www.w3.org/ns/csvw");
    expect(metadata.url).toBe("board-pack.csv");
    expect(metadata["dc:language"]).toBe("en-GB");
    expect(metadata["dc:created"]["@value"]).toBe(pack.produced);
    expect(metadata).toMatchObject({ "dc:publisher": "Department for Example Services", "dc:source": pack.cover.source });
    expect(metadata.dialect).toMatchObject({ header: true, encoding: "utf-8", lineTerminators: ["\r\n"] });
    expect(packCsvMetadataFileName("board-pack.csv")).toBe("board-pack.csv-metadata.json");
  });

  it("describes the columns of the CSV's header, in order, with their datatypes", () => {
    const header = csvRecords(text)[0]!;
    expect(metadata.tableSchema.columns.map((c) => c.name)).toEqual(header);
    expect(metadata.tableSchema.columns.map((c) => c.titles)).toEqual(header);
    const byName = new Map(metadata.tableSchema.columns.map((c) => [c.name, c]));
    expect(byName.get("value")).toMatchObject({ datatype: "number", null: "", required: false });
    expect(byName.get("organisation")).toMatchObject({ datatype: "string", required: true });
    expect(byName.get("measure_code")).toMatchObject({ datatype: "string", required: true });
    expect(byName.get("statistic")).toMatchObject({ datatype: { base: "string" }, required: true });
    expect(byName.get("panel")).toMatchObject({ datatype: { base: "string" }, required: false });
    const format = (name: string) => new RegExp((byName.get(name)!.datatype as { format: string }).format);
    for (const marker of ["[c]", "[x]", "[z]", "[r]", "[p]", "[r] [p]"]) expect(marker).toMatch(format("marker"));
    for (const marker of ["[p] [r]", "[r][p]", "r", "c", "[q]", " [r]", "[r] "]) expect(marker).not.toMatch(format("marker"));
    for (const statistic of statistics) expect(statistic).toMatch(format("statistic"));
    expect("median").not.toMatch(format("statistic"));
    expect(["all", "matched"].every((p) => format("panel").test(p))).toBe(true);
    expect(format("panel").test("some")).toBe(false);
  });

  it("describes every cell of the CSV: each value is of its column's datatype, or the column's null", () => {
    // CSVW datatypes (Metadata Vocabulary 5.11): "number" is an XML Schema double written plainly; a
    // string with a format matches that regular expression; "" is the null of every column.
    const isNumber = (v: string) => /^-?(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?$/.test(v) && Number.isFinite(Number(v));
    const conforms = (datatype: CsvwDatatype, v: string) => {
      if (datatype === "number") return isNumber(v);
      if (datatype === "string") return true;
      return typeof datatype === "object" && datatype.base === "string" && (datatype.format === undefined || new RegExp(datatype.format).test(v));
    };
    expect(records.length).toBeGreaterThan(0);
    for (const column of metadata.tableSchema.columns) {
      expect(["number", "string"]).toContain(typeof column.datatype === "string" ? column.datatype : column.datatype.base);
      for (const r of records) {
        const v = r[column.name]!;
        expect(v, `${column.name} is a column of the CSV`).toBeDefined();
        if (v === column.null) expect(column.required, `${column.name} may be empty`).toBe(false);
        else expect(conforms(column.datatype, v), `${column.name} "${v}"`).toBe(true);
      }
    }
    // A value is empty exactly where its marker stands in for it.
    for (const r of records) expect(r.value === "", `${r.table} ${r.organisation} ${r.measure_code} ${r.statistic}`).toBe(["[c]", "[x]", "[z]"].includes(r.marker!));
  });

  it("explains each marker and carries the pack's notes", () => {
    const markers = metadata.notes.find((n) => n["dc:title"] === "Markers")!;
    expect(markers["dc:hasPart"]!.slice(0, 5)).toEqual((["c", "x", "z", "r", "p"] as const).map((code) => ({ "dc:identifier": `[${code}]`, "dc:description": shorthandMeaning[code] })));
    expect(markers["dc:hasPart"]![5]).toEqual({ "dc:identifier": "[r] [p]", "dc:description": expect.stringMatching(/^both revised .* and provisional .*/) });
    expect(markers["dc:hasPart"]).toHaveLength(6);
    expect(markers["oa:hasBody"]["rdf:value"]).toContain("[c]: confidential");
    expect(markers["oa:hasBody"]["rdf:value"]).toContain(`[p]: ${shorthandMeaning.p}`);
    expect(markers["oa:hasBody"]["rdf:value"]).toContain("where it is [r], [p] or [r] [p] the value is given");
    const marker = metadata.tableSchema.columns.find((c) => c.name === "marker")! as unknown as { "dc:description": string };
    expect(marker["dc:description"]).toContain(`[p]: ${shorthandMeaning.p}`);
    expect(marker["dc:description"]).toContain("[r] [p]: both revised");
    const texts = metadata.notes.map((n) => n["oa:hasBody"]["rdf:value"]);
    for (const note of pack.notes) expect(texts.some((t) => t.startsWith(note.text))).toBe(true);
  });
});
