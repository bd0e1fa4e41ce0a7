import { migrateToLatest, openDatabase, type Connection } from "@complaints/db";
import { financialYearCode, formatPeriodCode, isSupportedYear, parsePeriod } from "@complaints/domain";
import type { Env } from "../env.ts";

/** One command of the command line: given what follows its name, it resolves to the exit status. */
export type Command = (env: Env, args: string[]) => Promise<number>;

/** The command line was not understood: exit status 2, with the usage after the message. */
export class UsageError extends Error {}

/** Runs `run` on the database brought up to date, closing it afterwards. */
export async function withDatabase<T>(env: Env, run: (c: Connection) => Promise<T>): Promise<T> {
  const connection = openDatabase(env.DATABASE_URL);
  try {
    await migrateToLatest(connection);
    return await run(connection);
  } finally {
    await connection.close();
  }
}

/** Each problem as "row 12, column closed_date: …" (the message alone for the file as a whole), then how many more. */
export function printProblems(problems: readonly { row: number | null; column: string | null; message: string }[], more: number): void {
  for (const p of problems) {
    const where = [p.row !== null ? `row ${p.row}` : null, p.column ? `column ${p.column}` : null].filter(Boolean).join(", ");
    console.error(`  ${where ? `${where}: ` : ""}${p.message}`);
  }
  if (more > 0) console.error(`  …and ${more.toLocaleString("en-GB")} more.`);
}

/** `--period "2025-26 Q2"` (or "Jul to Sep 2025"): the quarter's code. */
export function quarterOption(value: string): string {
  const parsed = parsePeriod(value);
  if (!parsed) throw new UsageError(`“${value}” is not a quarter: write it like "2025-26 Q2" or "Jul to Sep 2025"`);
  if (!isSupportedYear(parsed.startYear)) throw new UsageError(`“${value}”: the service takes quarters from April 2000 to March 2100`);
  return formatPeriodCode(parsed);
}

/** `--year 2025-26`, checked to be written as a financial year. */
export function financialYearOption(year: string): string {
  if (!/^\d{4}-\d{2}$/.test(year) || financialYearCode(Number(year.slice(0, 4))) !== year) throw new UsageError(`“${year}” is not a financial year: write it like 2025-26`);
  return year;
}
