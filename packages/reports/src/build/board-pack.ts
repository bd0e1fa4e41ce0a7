import type { BoardPack, PackNote, PackTable } from "../model.ts";
import type { PackData } from "./input.ts";
import { narrative } from "./pack-narrative.ts";
import { noteNumber, noteOrder, noteTexts, packContext, ref, shorthandLead, shorthandSentence } from "./pack-parts.ts";
import { actionPlansTable, departmentTables, equalityTable, figureTables, headlineTable, learningTable, specialPaymentsTable, submissionTable, themesTable } from "./pack-tables.ts";

export { longDate, yearLabel } from "./pack-parts.ts";

/**
 * The board pack model from the API's answers for a period (input.ts). Every figure any writer
 * shows is placed here, rounded here, and suppressed here (equality monitoring, through the metrics
 * package's disclosure control: the output boundary, never stored data). One builder makes each
 * table (pack-tables.ts); the passes below then number the tables, write each one's shorthand
 * sentence, say why an empty one is empty, and gather the notes the tables refer to.
 */
export function buildBoardPack(data: PackData): BoardPack {
  const { scope, period } = data;
  const ctx = packContext(data);
  const tables: PackTable[] = [
    submissionTable(ctx),
    ...departmentTables(ctx),
    headlineTable(ctx),
    ...figureTables(ctx),
    themesTable(ctx),
    specialPaymentsTable(ctx),
    actionPlansTable(ctx),
    learningTable(ctx),
    equalityTable(ctx),
  ];
  numberTables(tables, period.label);
  markShorthand(tables);
  markEmpty(tables);
  const packTitle = `Complaints board pack: ${scope.kind === "department" ? scope.departmentName : scope.name}, ${period.label}`;
  return {
    title: packTitle,
    language: "en-GB",
    scope,
    period,
    produced: data.produced,
    cover: cover(data),
    notes: packNotes(tables),
    tables,
    narrative: narrative(data, packTitle),
  };
}

/** "Table 3: Flow of complaints by body, Apr to Jun 2025": numbered in the order the pack has them. */
function numberTables(tables: PackTable[], periodLabel: string): void {
  tables.forEach((table, i) => (table.title = `Table ${i + 1}: ${table.title}, ${periodLabel}`));
}

/** Each table's shorthand sentence names the codes its cells use, and only those. */
function markShorthand(tables: PackTable[]): void {
  for (const table of tables) {
    const used = new Set<string>();
    for (const row of table.rows) {
      for (const cell of row) {
        if (cell.kind === "shorthand") used.add(cell.code);
        if (cell.kind === "number" && cell.revised) used.add("r");
        if (cell.kind === "number" && cell.provisional) used.add("p");
      }
    }
    const codes = ["c", "x", "z", "r", "p"].filter((code) => used.has(code));
    table.description = table.description.map((d) => (d.startsWith(shorthandLead) ? (codes.length > 0 ? shorthandSentence(codes) : "No shorthand is used in this table, and no cell is left blank.") : d));
  }
}

/** Empty tables keep their header and say why in their description (GSS: nothing below a table). */
function markEmpty(tables: PackTable[]): void {
  for (const table of tables) if (table.rows.length === 0 && table.empty) table.description = [...table.description.slice(0, 1), table.empty, ...table.description.slice(1)];
  for (const table of tables) if (table.rows.length > 0) delete table.empty;
}

/** The notes some table refers to ([note N] in its title, description or a heading), with the sheets each applies to. */
function packNotes(tables: readonly PackTable[]): PackNote[] {
  const refersTo = (table: PackTable, key: keyof typeof noteTexts) => table.description.some((d) => d.includes(ref(key))) || table.title.includes(ref(key)) || table.columns.some((col) => col.heading.includes(ref(key)));
  return noteOrder
    .filter((key) => tables.some((table) => refersTo(table, key)))
    .map((key) => ({
      number: noteNumber(key),
      text: noteTexts[key],
      appliesTo: tables
        .filter((table) => refersTo(table, key))
        .map((table) => table.sheetName)
        .join(", "),
    }));
}

function cover(data: PackData): BoardPack["cover"] {
  const { scope, period } = data;
  const c = data.comparison;
  const who = scope.kind === "department" ? `${scope.departmentName} and its arm's-length bodies` : `${scope.name} (${scope.departmentName})`;
  return {
    about: [
      `Complaints handled by ${who}, ${period.label}: who has sent their return, headline measures with intervals and comparison, the flow of complaints, performance by stage, outcomes, themes, putting things right, the Ombudsman, feedback, other insight, context and resources, learning action plans and equality monitoring.`,
      "Prepared for the board from the quarterly complaints returns, following the Parliamentary and Health Service Ombudsman's guide 'Capturing and reporting on learning from complaints'.",
    ],
    source: "Quarterly complaints returns sent by each body to its department (Complaints oversight).",
    contact: data.contact,
    caveats: [
      ...(data.provisional.length > 0 ? ["Some figures are provisional [p]: they come from returns the department has not yet accepted, and may change."] : []),
      ...(data.revisions.length > 0 ? ["Some figures are revised [r]: a body corrected its return after the department first accepted it."] : []),
      ...data.caveats,
      ...(c.missing.length > 0 ? [`${c.missing.length} of ${c.bodies.expected} bodies have no return that counts yet for this period.`] : []),
      "Bodies differ in size and in what they do; compare them using the intervals, not the figures alone.",
    ],
  };
}
