import { parseCsv, writeCsv } from "@complaints/e2e/csv";

/** A template's rows with some value cells changed (by field id) and extra rows added; the header row's own names find the columns. */
export function fillTemplate(text: string, values: Record<string, string>, extraRows: { id: string; value: string }[] = []): string {
  const rows = parseCsv(text);
  const header = rows[0]!;
  const idColumn = header.indexOf("id");
  const valueColumn = header.indexOf("value");
  if (idColumn < 0 || valueColumn < 0) throw new Error(`The template has no id and value columns: ${header.join(",")}`);
  const missing = new Set(Object.keys(values));
  for (const row of rows.slice(1)) {
    const id = row[idColumn]!;
    if (id in values) {
      row[valueColumn] = values[id]!;
      missing.delete(id);
    }
  }
  if (missing.size > 0) throw new Error(`The template has no rows for ${[...missing].join(", ")}`);
  for (const extra of extraRows) {
    const row = header.map(() => "");
    row[idColumn] = extra.id;
    row[valueColumn] = extra.value;
    rows.push(row);
  }
  return writeCsv(rows);
}

/** The 1-based row (as a spreadsheet numbers it, the header being row 1) of a field, and its value. */
export function templateRow(text: string, id: string): { row: number; value: string; question: string } {
  const rows = parseCsv(text);
  const header = rows[0]!;
  const index = rows.findIndex((r, i) => i > 0 && r[header.indexOf("id")] === id);
  if (index < 0) throw new Error(`The template has no row for ${id}`);
  return { row: index + 1, value: rows[index]![header.indexOf("value")]!, question: rows[index]![header.indexOf("question")]! };
}
