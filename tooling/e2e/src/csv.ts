import { csvRecords, csvText } from "@complaints/domain";

/**
 * The browser tests read the files the apps download (a byte-order mark first is dropped) and write
 * one back as a person would in a text editor (CRLF, quotes where needed), with the CSV library the
 * apps and the server use.
 */
export function parseCsv(text: string): string[][] {
  return csvRecords(text);
}

export function writeCsv(rows: string[][]): string {
  return csvText(rows, { byteOrderMark: true });
}
