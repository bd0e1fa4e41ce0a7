import { describe, expect, it } from "vitest";
import { base64ToBytes, downloadFileBlob } from "./file-bytes.ts";

describe("files carried as base64", () => {
  it("decodes base64 to the bytes that were encoded, beyond ASCII too", () => {
    const bytes = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x80, 0x7f]);
    expect([...base64ToBytes(Buffer.from(bytes).toString("base64"))]).toEqual([...bytes]);
  });

  it("makes a Blob of the API's file with its type and size", async () => {
    const blob = downloadFileBlob({ fileName: "pack.pdf", mimeType: "application/pdf", contentBase64: Buffer.from("%PDF-1.7\n").toString("base64") });
    expect(blob.type).toBe("application/pdf");
    expect(blob.size).toBe(9);
    expect(await blob.text()).toBe("%PDF-1.7\n");
  });
});
