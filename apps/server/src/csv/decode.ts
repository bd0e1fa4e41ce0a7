/**
 * Text of an uploaded file. Spreadsheets exported from Excel are often Windows-1252 rather than
 * UTF-8; a byte-order mark is dropped. UTF-8 is tried strictly first, so a file that is valid UTF-8
 * is never misread.
 */
export interface DecodedText {
  text: string;
  encoding: "utf-8" | "windows-1252";
}

export class UnreadableFileError extends Error {}

export function decodeText(bytes: Uint8Array): DecodedText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new UnreadableFileError("The file is saved as UTF-16 (Excel's “Unicode text”). Save it as “CSV UTF-8 (comma delimited)” and try again.");
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  if (body.includes(0)) throw new UnreadableFileError("The file contains binary data: it is not a CSV file. Save it from your spreadsheet as CSV.");
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(body), encoding: "windows-1252" };
  }
}
