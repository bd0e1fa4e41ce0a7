/**
 * Files to and from the API, which carries them as base64 in JSON (returns.downloadTemplate,
 * returns.uploadSpreadsheet).
 */

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

/** Hands a file to the browser to save, under its own name, as a link with `download` would. */
export function saveFile(file: { fileName: string; mimeType: string; contentBase64: string }): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(file.contentBase64)], { type: file.mimeType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by the time the click returns; keep it a little for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
