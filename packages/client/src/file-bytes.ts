/**
 * Files to and from the API, which carries them as base64 in JSON (returns.downloadTemplate,
 * returns.uploadSpreadsheet, reports.pack), and files the page makes itself (reports.annualReport's
 * HTML and text). Both apps use these: the agency app's templates and uploads, the portal's packs.
 */

/** A file as the API sends it for download. */
export interface DownloadFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

/** A file's content as base64. FileReader does the encoding natively: a loop over the bytes in script is slow on an old laptop. */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.addEventListener("load", () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(",") + 1));
    });
    reader.addEventListener("error", () => reject(reader.error ?? new Error("The file could not be read")));
    reader.readAsDataURL(file);
  });
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The API's file as a Blob of its own type. */
export function downloadFileBlob(file: DownloadFile): Blob {
  return new Blob([base64ToBytes(file.contentBase64)], { type: file.mimeType });
}

/** Asks the browser to save what an address (an object URL) holds, under this name, as a link with `download` would. */
export function saveUrl(url: string, fileName: string): void {
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}

/** Hands a Blob to the browser to save under this name. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  saveUrl(url, fileName);
  // The download has started from the URL by the time the click returns; keep it a little for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Hands a file from the API to the browser to save, under its own name. */
export function saveFile(file: DownloadFile): void {
  saveBlob(downloadFileBlob(file), file.fileName);
}
