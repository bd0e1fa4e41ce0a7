/**
 * What the browser can tell about a chosen file before sending it: empty, too large, or not a
 * spreadsheet by its name. The server checks the content again (it tells formats by their bytes,
 * never the name), so this only spares a wait on a slow connection.
 */

/** The largest file the upload accepts: the API's `spreadsheetMaxBytes` (services/return-spreadsheet.ts). */
export const maxSpreadsheetBytes = 700 * 1024;

export const spreadsheetExtensions = ["xlsx", "ods", "csv"] as const;

/** For the file input's `accept`: the extensions and their media types (Windows often calls a CSV "application/vnd.ms-excel"). */
export const spreadsheetAccept = [
  ".xlsx",
  ".ods",
  ".csv",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.oasis.opendocument.spreadsheet",
  "text/csv",
].join(",");

/** The GOV.UK file upload pattern's error message for a chosen file, or null if it may be sent. */
export function fileProblem(file: { name: string; size: number } | null | undefined): string | null {
  if (!file) return "Select your completed return";
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase();
  if (!extension || !(spreadsheetExtensions as readonly string[]).includes(extension)) return "The selected file must be an XLSX, ODS or CSV";
  if (file.size === 0) return "The selected file is empty";
  if (file.size > maxSpreadsheetBytes) return `The selected file must be smaller than ${maxSpreadsheetBytes / 1024} KB`;
  return null;
}
