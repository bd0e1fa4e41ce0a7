import { writeOds, writeXlsx, type Cell, type NumberFormat, type Validation, type Workbook } from "@complaints/office";
import { sheetColumns, sheetValueText, type ReturnSheet, type SheetRow } from "./rows.ts";

/**
 * The return as a workbook (XLSX and ODS are written from it by packages/office): one sheet, a
 * title and a line of guidance above one table (header row, then a row per field). The sheet is
 * protected without a password and only the value column is unlocked, so labels cannot be changed
 * by accident; counts, money, FTE and choices are validated where they are typed.
 */

/** The sheet's name, and the row the table's header is on (1-based; the title and guidance are above it). */
export const sheetName = "Return";
export const headerRow = 3;

const formats = {
  whole: { id: "whole", places: 0, grouping: false },
  money: { id: "money", places: 2, grouping: false },
  fte: { id: "fte", places: 1, grouping: false },
} satisfies Record<string, NumberFormat>;

const styles: Workbook["styles"] = {
  title: { bold: true, size: 14 },
  header: { bold: true },
  wrap: { wrap: true, top: true },
  value: { wrap: true, top: true, unlocked: true },
  whole: { unlocked: true, number: formats.whole },
  money: { unlocked: true, number: formats.money },
  fte: { unlocked: true, number: formats.fte },
};

const markers = ["[x]", "[z]"];

const messages = {
  count: "Enter a whole number of 0 or more, or [x] (not available) or [z] (not applicable).",
  money: "Enter an amount in pounds and pence (0 or more), or [x] (not available) or [z] (not applicable).",
  fte: "Enter a number of 0 or more with at most one decimal place, or [x] (not available) or [z] (not applicable).",
  list: "Choose one of the list, or [x] (not available) or [z] (not applicable).",
} as const;

/** The validation of a value cell: counts, money and FTE accept the markers too; a choice is a list. */
function validation(row: SheetRow): Validation | undefined {
  const rule = row.rule;
  const title = row.question;
  switch (rule.kind) {
    case "count":
      return { kind: "number", min: 0, places: 0, alsoAllowed: markers, title, message: messages.count };
    case "money":
      return { kind: "number", min: 0, places: 2, alsoAllowed: markers, title, message: messages.money };
    case "fte":
      return { kind: "number", min: 0, places: 1, alsoAllowed: markers, title, message: messages.fte };
    case "list":
      return { kind: "list", options: rule.options, title, message: messages.list };
    case "none":
      return undefined;
  }
}

function valueCell(row: SheetRow): Cell {
  const v = row.value;
  const checked = validation(row);
  const rule = checked ? { validation: checked } : {};
  if (v.kind === "number") return { kind: "number", value: v.value, style: v.format, shown: sheetValueText(v), ...rule };
  const style = row.field.type === "money" ? "money" : row.field.type === "fte" ? "fte" : row.field.type === "count" ? "whole" : "value";
  return v.kind === "blank" ? { kind: "blank", style, ...rule } : { kind: "text", text: v.text, style, ...rule };
}

function label(text: string, column: number): Cell {
  const style = column >= 2 ? { style: "wrap" } : {};
  return text === "" ? { kind: "blank", ...style } : { kind: "text", text, ...style };
}

/** The workbook of a return's table. `created` is an ISO timestamp for the document's properties. */
export function returnWorkbook(sheet: ReturnSheet, created: string): Workbook {
  const rows: Cell[][] = [
    [{ kind: "text", text: sheet.title, style: "title" }],
    [{ kind: "text", text: sheet.guidance }],
    sheetColumns.map((c): Cell => ({ kind: "text", text: c, style: "header" })),
    ...sheet.rows.map((row) => [...[row.id, row.section, row.question, row.hint, row.unit].map(label), valueCell(row)]),
  ];
  return {
    properties: { title: sheet.title, language: "en-GB", generator: "Complaints oversight", created },
    font: { name: "Arial", size: 11 },
    styles,
    sheets: [
      {
        name: sheetName,
        columns: [34, 26, 48, 60, 14, 24].map((width) => ({ width })),
        rows,
        table: { name: "Return", headerRow: headerRow - 1, columnCount: sheetColumns.length, dataRows: sheet.rows.length, banded: true },
        protected: true,
        freezeRows: headerRow,
        cursor: { row: headerRow, column: sheetColumns.indexOf("value") },
      },
    ],
  };
}

/** The return as an Excel workbook (Office Open XML). */
export function returnXlsx(sheet: ReturnSheet, created: string): Uint8Array {
  return writeXlsx(returnWorkbook(sheet, created));
}

/** The return as an OpenDocument spreadsheet (ODF 1.3, the UK government's open standard for editable documents). */
export function returnOds(sheet: ReturnSheet, created: string): Uint8Array {
  return writeOds(returnWorkbook(sheet, created));
}
