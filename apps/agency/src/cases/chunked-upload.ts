import { fileToBase64 } from "@complaints/client";

/**
 * Sending a case file in pieces (huge files are streamed): a body's export can be
 * 150 MB, more than a browser should hold as one base64 string or a server as one request. The file
 * is read one slice at a time (File.slice: never the whole file at once), each slice sent as it is
 * read, and the server reads the pieces as a stream.
 */

/** The browser could not read the chosen file (moved, deleted or changed since it was chosen). */
export class UnreadableFile extends Error {}

/** A slice as base64, read natively; a failed read is an UnreadableFile, told apart from a refusal by the server. */
async function readSlice(slice: Blob): Promise<string> {
  try {
    return await fileToBase64(slice);
  } catch (error) {
    throw new UnreadableFile(error instanceof Error ? error.message : "The file could not be read");
  }
}

export interface ChunkTransport {
  start(input: { fileName: string; size: number }): Promise<{ uploadId: string; chunkBytes: number }>;
  send(input: { uploadId: string; index: number; data: string }): Promise<unknown>;
}

/** Sends `file` in slices of the size the server asks for; says after each how many bytes have gone. Returns the upload's id. */
export async function sendInChunks(
  file: Blob & { name: string },
  transport: ChunkTransport,
  onProgress: (sent: number, total: number) => void,
  encode: (slice: Blob) => Promise<string> = readSlice,
): Promise<string> {
  const { uploadId, chunkBytes } = await transport.start({ fileName: file.name, size: file.size });
  if (!(chunkBytes > 0)) throw new Error(`The server asked for pieces of ${chunkBytes} bytes`);
  onProgress(0, file.size);
  for (let index = 0, start = 0; start < file.size; index += 1, start += chunkBytes) {
    const end = Math.min(file.size, start + chunkBytes);
    const data = await encode(file.slice(start, end));
    await transport.send({ uploadId, index, data });
    onProgress(end, file.size);
  }
  return uploadId;
}

/** A size as people read it: "800 bytes", "12 KB", "3.2 MB" (1 KB = 1,024 bytes, as Windows and macOS Finder's "KB" mostly mean). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, "KB"] : bytes < 1024 ** 3 ? [bytes / 1024 ** 2, "MB"] : [bytes / 1024 ** 3, "GB"];
  const shown = value >= 100 ? Math.round(value).toString() : value.toFixed(1).replace(/\.0$/, "");
  return `${shown} ${unit}`;
}

/** The words the progress bar's live region says: "Uploaded 3.2 MB of 10 MB". */
export function progressMessage(sent: number, total: number): string {
  return `Uploaded ${formatBytes(sent)} of ${formatBytes(total)}`;
}

/**
 * Whether the live region should say the new figure: at the start, at the end and at each tenth of
 * the way, so a screen reader is not talking over itself after every piece of a big file.
 */
export function isProgressStep(previous: number, sent: number, total: number): boolean {
  if (sent === 0 || sent >= total) return true;
  return Math.floor((sent / total) * 10) > Math.floor((previous / total) * 10);
}
