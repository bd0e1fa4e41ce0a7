/** Why a file of this many bytes is refused, or null. Checked before it is read (IMPORT_MAX_BYTES). */
export function fileSizeProblem(bytes: number, maxBytes: number): string | null {
  if (bytes <= maxBytes) return null;
  return `The file is ${(bytes / 1_048_576).toFixed(1)} MB; the most this system accepts is ${(maxBytes / 1_048_576).toFixed(1)} MB (IMPORT_MAX_BYTES). Split it into smaller files.`;
}
