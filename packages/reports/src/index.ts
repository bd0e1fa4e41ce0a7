export * from "./model.ts";
export * from "./cells.ts";
export * from "./tidy.ts";
export * from "./build/input.ts";
export * from "./build/board-pack.ts";
export { writePackOds, odsMimeType, odsParagraphs } from "./writers/ods.ts";
/** XML text escaping shared with the API's return spreadsheets. */
export { xmlText } from "./writers/xml.ts";
export { writePackXlsx, xlsxMimeType } from "./writers/xlsx.ts";
export * from "./writers/pdf.ts";
export * from "./writers/csv.ts";
export * from "./learning-page.ts";
export * from "./learning-page-styles.ts";
export * from "./annual-report.ts";
