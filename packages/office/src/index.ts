export * from "./model.ts";
export { xmlText } from "./xml.ts";
export { writeOds, odsNumberStyle, odsParagraphs } from "./ods.ts";
export { writeXlsx, xlsxFormatCode } from "./xlsx.ts";
export * from "./read/grid.ts";
export { readXlsx, type XlsxSheets } from "./read/read-xlsx.ts";
export { readOds } from "./read/read-ods.ts";
export { answerOf, readInWorker, readSpreadsheet, readTimeLimitMs, type ReadAnswer, type SpreadsheetSheets } from "./read/read-spreadsheet.ts";
