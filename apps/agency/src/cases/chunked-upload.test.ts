import { describe, expect, it } from "vitest";
import { formatBytes, isProgressStep, progressMessage, sendInChunks } from "./chunked-upload.ts";

/** Base64 of a slice, without FileReader (not in Node). */
const encode = async (slice: Blob) => Buffer.from(await slice.arrayBuffer()).toString("base64");

describe("sending a case file in pieces", () => {
  it("sends each slice in order, of the size the server asks for, and says how far it has got", async () => {
    const text = "case_ref,received_date\n" + "ABC-1,2025-04-01\n".repeat(20);
    const file = Object.assign(new Blob([text]), { name: "cases.csv" });
    const sent: { index: number; data: string }[] = [];
    const progress: [number, number][] = [];
    const uploadId = await sendInChunks(
      file,
      {
        start: async ({ fileName, size }) => {
          expect([fileName, size]).toEqual(["cases.csv", text.length]);
          return { uploadId: "u1", chunkBytes: 100 };
        },
        send: async (chunk) => {
          expect(chunk.uploadId).toBe("u1");
          const { index, data } = chunk;
          sent.push({ index, data });
        },
      },
      (s, t) => progress.push([s, t]),
      encode,
    );
    expect(uploadId).toBe("u1");
    expect(sent.map((s) => s.index)).toEqual([0, 1, 2, 3]);
    expect(sent.map((s) => Buffer.from(s.data, "base64").toString()).join("")).toBe(text);
    expect(progress).toEqual([[0, 363], [100, 363], [200, 363], [300, 363], [363, 363]]);
  });

  it("stops at the first piece the server refuses", async () => {
    const file = Object.assign(new Blob(["x".repeat(250)]), { name: "cases.csv" });
    let calls = 0;
    const transport = {
      start: async () => ({ uploadId: "u2", chunkBytes: 100 }),
      send: async () => {
        calls += 1;
        if (calls === 2) throw new Error("refused");
      },
    };
    await expect(sendInChunks(file, transport, () => {}, encode)).rejects.toThrow("refused");
    expect(calls).toBe(2);
  });

  it.each([
    [0, "0 bytes"],
    [1, "1 byte"],
    [800, "800 bytes"],
    [12 * 1024, "12 KB"],
    [3.2 * 1024 * 1024, "3.2 MB"],
    [10 * 1024 * 1024, "10 MB"],
    [150.4 * 1024 * 1024, "150 MB"],
  ])("%d bytes is %s", (bytes, words) => {
    expect(formatBytes(bytes)).toBe(words);
  });

  it("says the progress in words, at each tenth of the way", () => {
    expect(progressMessage(3.2 * 1024 * 1024, 10 * 1024 * 1024)).toBe("Uploaded 3.2 MB of 10 MB");
    expect(isProgressStep(0, 0, 100)).toBe(true);
    expect(isProgressStep(0, 5, 100)).toBe(false);
    expect(isProgressStep(5, 12, 100)).toBe(true);
    expect(isProgressStep(12, 19, 100)).toBe(false);
    expect(isProgressStep(95, 100, 100)).toBe(true);
  });
});
