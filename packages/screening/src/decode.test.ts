import { describe, expect, it } from "vitest";
import { decodeText } from "./decode.ts";

// Windows-1252's 0x80–0x9F, from the Unicode Consortium's mapping table
// (unicode.org/Public/MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT); null where the byte is undefined.
const cp1252: Record<number, string | null> = {
  0x80: "€", 0x81: null, 0x82: "‚", 0x83: "ƒ", 0x84: "„", 0x85: "…", 0x86: "†", 0x87: "‡",
  0x88: "ˆ", 0x89: "‰", 0x8a: "Š", 0x8b: "‹", 0x8c: "Œ", 0x8d: null, 0x8e: "Ž", 0x8f: null,
  0x90: null, 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x95: "•", 0x96: "–", 0x97: "—",
  0x98: "˜", 0x99: "™", 0x9a: "š", 0x9b: "›", 0x9c: "œ", 0x9d: null, 0x9e: "ž", 0x9f: "Ÿ",
};

describe("decodeText", () => {
  it("reads UTF-8, dropping a byte-order mark", () => {
    expect(decodeText(Buffer.from("\ufeffa,b\n“é” – €", "utf8"))).toEqual({ text: "a,b\n“é” – €", encoding: "utf-8" });
  });

  it.each(Object.entries(cp1252).filter(([, c]) => c !== null))("reads Windows-1252 byte 0x%s as its character", (byte, character) => {
    const bytes = Buffer.concat([Buffer.from("a,b\nx"), Buffer.from([Number(byte)]), Buffer.from("y")]);
    expect(decodeText(bytes)).toEqual({ text: `a,b\nx${character}y`, encoding: "windows-1252" });
  });

  it("reads a Windows-1252 file with every defined byte from 0x80 to 0x9F in one line", () => {
    const bytes = Object.entries(cp1252).filter(([, c]) => c !== null).map(([b]) => Number(b));
    const { text } = decodeText(Uint8Array.from([0x61, 0x0a, ...bytes]));
    expect(text).toBe(`a\n${Object.values(cp1252).filter((c) => c !== null).join("")}`);
    // None of them becomes a C1 control character, as Node's own TextDecoder("windows-1252") does.
    expect(/[\u0080-\u009f]/.test(text)).toBe(false);
  });

  it.each(Object.entries(cp1252).filter(([, c]) => c === null))("refuses the undefined byte 0x%s, naming its line", (byte) => {
    const bytes = Buffer.concat([Buffer.from("organisation_code,period\nAGY,caf\xe9\nAGY,x", "latin1"), Buffer.from([Number(byte)])]);
    expect(() => decodeText(bytes)).toThrow(
      `The file is not UTF-8, and line 3 has a byte (0x${Number(byte).toString(16).toUpperCase()}) that is not a character in Windows-1252 either, so the file's encoding is unknown. Save it from your spreadsheet as “CSV UTF-8 (comma delimited)” and try again.`,
    );
  });

  it("refuses UTF-16, UTF-32 (each by its name) and binary data", () => {
    expect(() => decodeText(Uint8Array.from([0xff, 0xfe, 0x61, 0]))).toThrow(/saved as UTF-16/);
    expect(() => decodeText(Uint8Array.from([0xfe, 0xff, 0, 0x61]))).toThrow(/saved as UTF-16/);
    // UTF-32's marks: little-endian starts as UTF-16's does; big-endian starts with NULs, which are not "binary data" here.
    expect(() => decodeText(Uint8Array.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]))).toThrow("The file is saved as UTF-32. Save it as “CSV UTF-8 (comma delimited)” and try again.");
    expect(() => decodeText(Uint8Array.from([0, 0, 0xfe, 0xff, 0, 0, 0, 0x61]))).toThrow("The file is saved as UTF-32. Save it as “CSV UTF-8 (comma delimited)” and try again.");
    expect(() => decodeText(Uint8Array.from([0x61, 0, 0x62]))).toThrow("The file contains binary data: it is not a CSV file. Save it from your spreadsheet as CSV.");
  });
});
