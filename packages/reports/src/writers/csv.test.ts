import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { safeText } from "../cells.ts";
import { shorthandMeaning } from "../model.ts";
import { samplePack } from "../testing/index.ts";
import { tidyRows } from "../tidy.ts";
import { packCsvHeader, packCsvMetadataFileName, writePackCsv, writePackCsvMetadata } from "./csv.ts";

const pack = samplePack();
const bytes = writePackCsv(pack);
const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
/** csv-parse reads it as a spreadsheet or R would: BOM dropped, the first row as the header. */
const records = parse(bytes.slice(3), { columns: true }) as Record<string, string>[];
const metadata = JSON.parse(new TextDecoder().decode(writePackCsvMetadata(pack, "board-pack.csv"))) as {
  "@context": string;
  url: string;
  "dc:language": string;
  "dc:created": { "@value": string };
  dialect: { header: boolean; encoding: string; lineTerminators: string[] };
  tableSchema: { columns: { name: string; titles: string; datatype: unknown; required: boolean; null: string }[] };
  notes: { "dc:title": string; "oa:hasBody": { "rdf:value": string }; "dc:hasPart"?: { "dc:identifier": string; "dc:description": string }[] }[];
};

describe("the tidy CSV", () => {
  it("starts with a UTF-8 byte-order mark and ends every record with CRLF (RFC 4180)", () => {
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.slice(1).split("\r\n")[0]).toBe(packCsvHeader.join(","));
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("reads back as exactly the pack's tidy rows, one value per row", () => {
    const expected = tidyRows(pack).map((r) => ({
      table: safeText(r.table),
      organisation: safeText(r.organisation),
      organisation_name: safeText(r.organisationName),
      period: safeText(r.period),
      label: safeText(r.label),
      measure: safeText(r.measure),
      measure_label: safeText(r.measureLabel),
      unit: safeText(r.unit),
      value: r.value === null ? "" : String(r.value),
      marker: r.marker,
    }));
    // 3 rows × 5 measures in the headline table, 3 × 2 in the equality table, none in the empty one.
    expect(records).toHaveLength(21);
    expect(records).toEqual(expected);
    expect(records.map((r) => (r.value === "" ? null : Number(r.value)))).toEqual(tidyRows(pack).map((r) => r.value));
  });

  it("keeps figures as plain numbers and shorthand in the marker column", () => {
    const find = (organisation: string, measure: string) => records.find((r) => r.organisation === organisation && r.measure === measure)!;
    expect(find("DES-LIC1", "received")).toMatchObject({ value: "12345", marker: "", period: "2025-26 Q1", organisation_name: "Licensing Agency", measure_label: "Complaints received" });
    expect(find("DES-LIC1", "payments_total")).toMatchObject({ value: "1250.5", marker: "" });
    expect(find("DES-BEN3", "received")).toMatchObject({ value: "87", marker: "r p" });
    expect(find("DES", "received")).toMatchObject({ value: "12432", marker: "r" });
    expect(find("DES", "within_timescale")).toMatchObject({ value: "80.9", marker: "p" });
    expect(find("DES-BEN3", "within_timescale")).toMatchObject({ value: "", marker: "x" });
    expect(find("DES-BEN3", "payments_total")).toMatchObject({ value: "", marker: "z" });
    const suppressed = records.filter((r) => r.table === "equality_monitoring" && r.label === "16 to 24");
    expect(suppressed.map((r) => [r.measure, r.value, r.marker])).toEqual([
      ["complaints", "", "c"],
      ["share", "", "c"],
    ]);
    // The equality table has no organisation column: its figures are about the pack's scope.
    expect(suppressed[0]).toMatchObject({ organisation: "DES", organisation_name: "Department for Example Services" });
    expect(new Set(records.map((r) => r.marker))).toEqual(new Set(["", "r", "p", "r p", "x", "z", "c"]));
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
    const header = parse(bytes.slice(3), { to_line: 1 })[0] as string[];
    expect(metadata.tableSchema.columns.map((c) => c.name)).toEqual(header);
    expect(metadata.tableSchema.columns.map((c) => c.titles)).toEqual(header);
    const byName = new Map(metadata.tableSchema.columns.map((c) => [c.name, c]));
    expect(byName.get("value")).toMatchObject({ datatype: "number", null: "", required: false });
    expect(byName.get("organisation")).toMatchObject({ datatype: "string", required: true });
    // Every required column has a value in every row; every marker matches the declared format.
    for (const column of metadata.tableSchema.columns.filter((c) => c.required)) for (const r of records) expect(r[column.name], column.name).not.toBe("");
    const format = new RegExp((byName.get("marker")!.datatype as { format: string }).format);
    for (const marker of records.map((r) => r.marker).filter((m) => m !== "")) expect(marker).toMatch(format);
    for (const marker of ["c", "x", "z", "r", "p", "r p"]) expect(marker).toMatch(format);
    for (const marker of ["p r", "rp", "r,p", "q", " r"]) expect(marker).not.toMatch(format);
  });

  it("explains each marker and carries the pack's notes", () => {
    const markers = metadata.notes.find((n) => n["dc:title"] === "Markers")!;
    expect(markers["dc:hasPart"]!.slice(0, 5)).toEqual((["c", "x", "z", "r", "p"] as const).map((code) => ({ "dc:identifier": code, "dc:description": shorthandMeaning[code] })));
    expect(markers["dc:hasPart"]![5]).toEqual({ "dc:identifier": "r p", "dc:description": expect.stringMatching(/^both revised .* and provisional .*/) });
    expect(markers["dc:hasPart"]).toHaveLength(6);
    expect(markers["oa:hasBody"]["rdf:value"]).toContain("c: confidential");
    expect(markers["oa:hasBody"]["rdf:value"]).toContain(`p: ${shorthandMeaning.p}`);
    expect(markers["oa:hasBody"]["rdf:value"]).toContain("where it is r, p or r p the value is given");
    const marker = metadata.tableSchema.columns.find((c) => c.name === "marker")! as unknown as { "dc:description": string };
    expect(marker["dc:description"]).toContain(`p: ${shorthandMeaning.p}`);
    expect(marker["dc:description"]).toContain("r p: both revised");
    const texts = metadata.notes.map((n) => n["oa:hasBody"]["rdf:value"]);
    for (const note of pack.notes) expect(texts.some((t) => t.startsWith(note.text))).toBe(true);
  });
});
