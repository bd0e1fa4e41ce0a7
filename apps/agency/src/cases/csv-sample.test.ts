import { describe, expect, it } from "vitest";
import { decodeSample, parseCsvRows, readCsvSample, sampleBytes, sampleOf } from "./csv-sample.ts";

describe("reading the start of a case file in the browser", () => {
  it.each(["\r\n", "\n", "\r"])("reads quoted cells, doubled quotes, commas and line breaks inside quotes, lines ending %j", async (end) => {
    const text = ['ref,note', '"A1","say ""hi"", then go"', '"B2","two\r\nlines"', "C3,plain", ""].join(end);
    expect(await parseCsvRows(text, true)).toEqual([["ref", "note"], ["A1", 'say "hi", then go'], ["B2", "two\r\nlines"], ["C3", "plain"]]);
  });

  it("keeps a last row without a line break when the text is the whole file, and drops it when the sample cut it off", async () => {
    expect(await parseCsvRows("a,b\n1,2", true)).toEqual([["a", "b"], ["1", "2"]]);
    expect(await parseCsvRows("a,b\n1,2", false)).toEqual([["a", "b"]]);
    expect(await parseCsvRows('a,b\n1,"half a quo', false)).toEqual([["a", "b"]]);
    expect(await parseCsvRows("a,b\n1,2\n", false)).toEqual([["a", "b"], ["1", "2"]]);
  });

  it("skips blank lines", async () => {
    expect(await parseCsvRows("a,b\n\n1,2\n\n", true)).toEqual([["a", "b"], ["1", "2"]]);
  });

  it("trims the header's names", async () => {
    expect((await sampleOf(" Case Ref , Opened\nX,2025-04-01\n", true, "utf-8")).headers).toEqual(["Case Ref", "Opened"]);
  });

  it("decodes UTF-8 with or without a byte-order mark, and Windows-1252 when the bytes are not UTF-8", () => {
    const utf8 = new TextEncoder().encode("area\nCafé\n");
    expect(decodeSample(utf8, true)).toEqual({ text: "area\nCafé\n", encoding: "utf-8" });
    expect(decodeSample(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), true)).toEqual({ text: "area\nCafé\n", encoding: "utf-8" });
    // "Café" and "£5" as Excel saves "CSV" on Windows.
    expect(decodeSample(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x0a, 0xa3, 0x35]), true)).toEqual({ text: "Café\n£5", encoding: "windows-1252" });
  });

  it("is not put off by a character cut in two at the end of the sample", () => {
    const bytes = new TextEncoder().encode("a\n£");
    expect(decodeSample(bytes.subarray(0, bytes.length - 1), false).encoding).toBe("utf-8");
  });

  it("reads only the first part of a big file", async () => {
    const header = "case_ref,stage\n";
    const row = "ABC-1,early_resolution\n";
    const big = new Blob([header, row.repeat(Math.ceil((sampleBytes * 2) / row.length))]);
    const sample = await readCsvSample(big);
    expect(sample.whole).toBe(false);
    expect(sample.headers).toEqual(["case_ref", "stage"]);
    expect(sample.rows.length).toBe(Math.floor((sampleBytes - header.length) / row.length));
    expect(sample.rows.every((r) => r.length === 2 && r[1] === "early_resolution")).toBe(true);
  });
});
