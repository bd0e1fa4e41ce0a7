import { describe, expect, it } from "vitest";
import { csvRecords, csvTable, CsvStructureError, eachCsvRecord } from "./records.ts";
import { csvText } from "./write.ts";

function recordsWithLines(text: string, skipEmptyLines = false): [string[], number][] {
  const out: [string[], number][] = [];
  eachCsvRecord(text, { skipEmptyLines }, (cells, line) => {
    out.push([cells, line]);
  });
  return out;
}

describe("reading CSV records", () => {
  it("gives each record with the line it ends on, a quoted line break included, and drops a byte-order mark", () => {
    expect(recordsWithLines('\ufeffa,b\r\n"x\r\ny",2\r\n\r\nz,"q ""w"""\r\n')).toEqual([
      [["a", "b"], 1],
      [["x\r\ny", "2"], 3],
      [[""], 4],
      [["z", 'q "w"'], 5],
    ]);
    expect(recordsWithLines("a,b\n\nc,d", true)).toEqual([
      [["a", "b"], 1],
      [["c", "d"], 3],
    ]);
  });

  it.each([
    ['a,b\nc,"d', 2, "a quoted cell is never closed"],
    ['a,b\r\nc,"d\r\ne,f\r\n', 4, "a quoted cell is never closed"],
    ['a,b\nc,d\ne,"f"x\ng,h\n', 3, "a quote mark appears inside a cell that is not quoted properly"],
  ])("refuses broken quoting in %j, naming the line", (text, line, problem) => {
    expect(() => csvRecords(text)).toThrow(new CsvStructureError(line, problem));
  });

  it("stops when asked", () => {
    let seen = 0;
    eachCsvRecord("a\nb\nc\n", { skipEmptyLines: false }, () => ++seen < 2);
    expect(seen).toBe(2);
  });

  it("reads a table by its header row", () => {
    expect(csvTable("name,count\r\nA,1\r\n\r\nB,\r\n")).toEqual([{ name: "A", count: "1" }, { name: "B", count: "" }]);
  });
});

describe("writing CSV text", () => {
  it("quotes only where needed, doubles quotes, ends every record, and reads back the same", () => {
    const records = [["id", "text"], ["a", 'say "hi", then\nleave'], ["b", 12.5], ["c", null]];
    const text = csvText(records);
    expect(text).toBe('id,text\r\na,"say ""hi"", then\nleave"\r\nb,12.5\r\nc,\r\n');
    expect(csvRecords(text)).toEqual([["id", "text"], ["a", 'say "hi", then\nleave'], ["b", "12.5"], ["c", ""]]);
    expect(csvText([["x"]], { lineEnd: "\n", byteOrderMark: true })).toBe("\ufeffx\n");
    expect(csvText([])).toBe("");
  });
});
