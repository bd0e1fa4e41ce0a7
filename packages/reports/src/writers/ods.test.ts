import { describe, expect, it } from "vitest";
import { samplePack } from "../testing/index.ts";
import { odsMimeType } from "@complaints/office";
import { odsNumberStyle, writePackOds } from "./pack-workbook.ts";
import { parseXml, readOds } from "@complaints/office/testing";

/** What only the ODS file has to get right (ODF 1.3), beside the shared checks in workbook.test.ts. */

const pack = samplePack();
const bytes = writePackOds(pack);
const book = readOds(bytes);

describe("the board pack as ODS", () => {
  it("is a zip whose first entry is mimetype, stored uncompressed with no extra field (ODF 1.3 part 2, 3.3)", () => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(8, true)).toBe(0); // compression method: stored
    const nameLength = view.getUint16(26, true);
    const extraLength = view.getUint16(28, true);
    expect(new TextDecoder().decode(bytes.subarray(30, 30 + nameLength))).toBe("mimetype");
    expect(extraLength).toBe(0);
    expect(new TextDecoder().decode(bytes.subarray(30 + nameLength, 30 + nameLength + odsMimeType.length))).toBe(odsMimeType);
  });

  it("lists every part in the manifest, and declares ODF 1.3 in each", () => {
    const manifest = book.parts.get("META-INF/manifest.xml")!;
    for (const part of ["content.xml", "styles.xml", "meta.xml", "settings.xml"]) {
      expect(manifest).toContain(`manifest:full-path="${part}"`);
      expect(book.parts.get(part)).toContain('office:version="1.3"');
    }
    expect(manifest).toContain(`manifest:full-path="/" manifest:version="1.3" manifest:media-type="${odsMimeType}"`);
  });

  it("sets the title and language in the metadata, and English (United Kingdom) as the default language of the cells", () => {
    const meta = (parseXml(book.parts.get("meta.xml")!)["office:document-meta"] as Record<string, Record<string, unknown>>)["office:meta"]!;
    expect(meta["dc:title"]).toBe(pack.title);
    expect(meta["dc:language"]).toBe("en-GB");
    expect(book.parts.get("styles.xml")).toMatch(/<style:default-style style:family="table-cell"><style:text-properties [^>]*fo:language="en" fo:country="GB"/);
  });

  it("marks up each table as a database range with a header row and no filter buttons; an empty table's range is its header row", () => {
    const ranges = book.sheets.filter((s) => s.table).map((s) => [s.name, s.table!.name, s.table!.firstRow, s.table!.lastRow]);
    expect(ranges).toEqual([
      ["Contents", "workbook_contents", 3, 7],
      ["Notes", "workbook_notes", 3, 5],
      ["Headline", "headline_measures", 5, 8],
      ["Equality", "equality_monitoring", 4, 7],
      ["Overdue actions", "overdue_actions", 4, 4],
    ]);
    expect(book.parts.get("content.xml")).toContain("table:target-range-address=\"'Overdue actions'.A4:'Overdue actions'.C4\"");
    expect(book.parts.get("content.xml")!.match(/table:display-filter-buttons="false"/g)).toHaveLength(5);
  });

  it("uses number styles with separators, fixed decimals, none on years, and [r], [p] or [r] [p] as text", () => {
    expect(odsNumberStyle("count", ["r"])).toBe(
      '<number:number-style style:name="N_count_r" number:language="en" number:country="GB"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1" number:grouping="true"/><number:text> [r]</number:text></number:number-style>',
    );
    expect(odsNumberStyle("decimal1", ["p"])).toBe(
      '<number:number-style style:name="N_decimal1_p" number:language="en" number:country="GB"><number:number number:decimal-places="1" number:min-decimal-places="1" number:min-integer-digits="1" number:grouping="true"/><number:text> [p]</number:text></number:number-style>',
    );
    expect(odsNumberStyle("count", ["r", "p"])).toContain('style:name="N_count_r_p"');
    expect(odsNumberStyle("count", ["r", "p"])).toContain("<number:text> [r] [p]</number:text>");
    expect(odsNumberStyle("count", [])).not.toContain("number:text");
    expect(odsNumberStyle("year", [])).not.toContain("grouping");
    expect(odsNumberStyle("pence", [])).toContain('number:decimal-places="2" number:min-decimal-places="2"');
  });

  it("declares number styles only for the formats and markers its cells use, and shows [p] after a number that stays a number", () => {
    const content = book.parts.get("content.xml")!;
    expect([...content.matchAll(/<number:number-style style:name="([^"]+)"/g)].map((m) => m[1])).toEqual(["N_count", "N_count_r", "N_count_r_p", "N_decimal1", "N_percent1", "N_percent1_p", "N_pence", "N_year"]);
    expect(content).toContain('office:value-type="float" office:value="87"><text:p>87 [r] [p]</text:p>');
    expect(content).toContain('office:value-type="float" office:value="80.9"><text:p>80.9 [p]</text:p>');
    const headline = book.sheets.find((s) => s.name === "Headline")!;
    expect(headline.rows[6]![2]).toMatchObject({ kind: "number", value: 87, shown: { places: 0, grouping: true, suffix: " [r] [p]" } });
    expect(headline.rows[7]![3]).toMatchObject({ kind: "number", value: 80.9, shown: { places: 1, grouping: true, suffix: " [p]" } });
  });

  it("opens on the first sheet with the cursor in A1 and no split or frozen panes on any sheet", () => {
    const settings = book.parts.get("settings.xml")!;
    expect(settings).toContain('<config:config-item config:name="ActiveTable" config:type="string">Cover</config:config-item>');
    expect(settings.match(/config:name="HorizontalSplitMode" config:type="short">0</g)).toHaveLength(book.sheets.length);
    expect(settings.match(/config:name="VerticalSplitMode" config:type="short">0</g)).toHaveLength(book.sheets.length);
  });

  it("has no background colours", () => {
    for (const part of ["content.xml", "styles.xml"]) expect(book.parts.get(part)).not.toContain("background-color");
  });
});
