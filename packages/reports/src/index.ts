export * from "./model.ts";
export * from "./cells.ts";
export * from "./tidy.ts";
export * from "./build/input.ts";
export * from "./build/board-pack.ts";
export { writePackOds, odsMimeType } from "./writers/ods.ts";
export { writePackXlsx, xlsxMimeType } from "./writers/xlsx.ts";
export * from "./writers/pdf.ts";
