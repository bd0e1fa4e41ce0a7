import { isAscii } from "node:buffer";
import iconv from "iconv-lite";

/**
 * Text of an uploaded file. Spreadsheets exported from Excel are often Windows-1252 rather than
 * UTF-8; a byte-order mark is dropped. UTF-8 is tried strictly first, so a file that is valid UTF-8
 * is never misread. Windows-1252 is decoded by iconv-lite, because Node's own
 * `TextDecoder("windows-1252")` decodes as Latin-1 and turns “smart quotes”, dashes and € into
 * invisible control characters.
 */
export interface DecodedText {
  text: string;
  encoding: "utf-8" | "windows-1252";
}

export class UnreadableFileError extends Error {}

/**
 * The checks on a file's first bytes, shared by whole and streamed reading: UTF-32 and
 * UTF-16 are refused, each by its own name, and a UTF-8 byte-order mark is dropped. Returns the
 * bytes after the mark.
 */
export function afterByteOrderMark(bytes: Uint8Array): Uint8Array {
  // UTF-32's little-endian mark starts with UTF-16's (FF FE), so it is looked for first.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)) {
    throw new UnreadableFileError("The file is saved as UTF-32. Save it as “CSV UTF-8 (comma delimited)” and try again.");
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new UnreadableFileError("The file is saved as UTF-16 (Excel's “Unicode text”). Save it as “CSV UTF-8 (comma delimited)” and try again.");
  }
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

/** A NUL byte never occurs in a CSV file in UTF-8 or Windows-1252. */
export function refuseBinary(bytes: Uint8Array): void {
  if (bytes.includes(0)) throw new UnreadableFileError("The file contains binary data: it is not a CSV file. Save it from your spreadsheet as CSV.");
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const body = afterByteOrderMark(bytes);
  refuseBinary(body);
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(body), encoding: "windows-1252" };
  }
}

// Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D are not characters in Windows-1252; iconv-lite gives U+FFFD
// for them, and U+FFFD comes from nothing else in this encoding.
const undefinedByte = "\ufffd";

/**
 * Windows-1252 bytes as text, refusing a byte that is not a character in it. `firstLine` is the
 * file's line number of the bytes' first line, for a part of a file read as a stream.
 */
export function decodeWindows1252(body: Uint8Array, firstLine = 1): string {
  const text = iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), "windows-1252");
  const at = text.indexOf(undefinedByte);
  if (at >= 0) {
    const line = firstLine - 1 + text.slice(0, at).split("\n").length;
    const byte = body[at]!.toString(16).toUpperCase();
    throw new UnreadableFileError(
      `The file is not UTF-8, and line ${line} has a byte (0x${byte}) that is not a character in Windows-1252 either, so the file's encoding is unknown. Save it from your spreadsheet as “CSV UTF-8 (comma delimited)” and try again.`,
    );
  }
  return text;
}

/**
 * UTF-8 (with or without a byte-order mark) or Windows-1252, decided as the bytes arrive: UTF-8 is
 * read strictly, and at the first byte that is not UTF-8, if everything before was plain ASCII (the
 * same in both encodings), the rest is read as Windows-1252. A file that is UTF-8 for a while and
 * then is not has no single encoding and is refused.
 */
export class StreamDecoder {
  encoding: DecodedText["encoding"] | null = null;
  private bytes = 0;
  constructor(private readonly onProgress?: (bytes: number) => void) {}

  async *decode(source: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
    const utf8 = new TextDecoder("utf-8", { fatal: true });
    let mode: "utf-8" | "windows-1252" = "utf-8";
    let sawNonAscii = false;
    let first = true;
    let line = 1;
    for await (const raw of source) {
      let chunk = raw;
      if (first && chunk.byteLength > 0) {
        first = false;
        chunk = afterByteOrderMark(chunk);
        this.encoding = "utf-8";
      }
      this.bytes += raw.byteLength;
      refuseBinary(chunk);
      let text: string;
      if (mode === "windows-1252") text = decodeWindows1252(chunk, line);
      else if (isAscii(chunk)) text = utf8.decode(chunk, { stream: true });
      else {
        try {
          text = utf8.decode(chunk, { stream: true });
          sawNonAscii = true;
        } catch {
          if (sawNonAscii) {
            const firstHigh = chunk.findIndex((b) => b >= 0x80);
            const near = line + chunk.subarray(0, firstHigh).filter((b) => b === 0x0a).length;
            throw new UnreadableFileError(
              `The file is not in one encoding: it starts as UTF-8 but near line ${near} it is not. Save it from your system or spreadsheet as “CSV UTF-8 (comma delimited)” and try again.`,
            );
          }
          mode = "windows-1252";
          this.encoding = "windows-1252";
          text = decodeWindows1252(chunk, line);
        }
      }
      line += countLines(text);
      this.onProgress?.(this.bytes);
      yield text;
    }
    if (mode === "utf-8") {
      try {
        const rest = utf8.decode();
        if (rest) yield rest;
      } catch {
        throw new UnreadableFileError("The file ends part way through a character: it may have been cut short. Export it again and try again.");
      }
    }
  }
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n += 1;
  return n;
}
