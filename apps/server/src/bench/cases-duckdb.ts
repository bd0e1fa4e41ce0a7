import { DuckDBInstance } from "@duckdb/node-api";
import { addDays, bankHolidays, caseThemes, formatPeriodCode, periodFromIndex, type CaseSettings, type IsoDate } from "@complaints/domain";

/**
 * The baseline for the case engine's benchmark: the same quarterly figures computed by DuckDB
 * straight from the same CSV file, written from the case rules as specified, not from
 * our engine's code, so the two agreeing checks both. Working days come from a calendar table built
 * from our bank-holiday function: `ord` counts the working days up to and including each day, so the
 * working days from A to B (the day after A to B inclusive) are ord(B) − ord(A), and the date n working
 * days after A is the working day whose ord is ord(A) + n.
 *
 * Reads of the rules (how the return is computed from the cases):
 * - a case's stage is its furthest stage; closer look runs from escalated_date, or received_date when
 *   it was not escalated; early resolution from received_date; both to closed_date;
 * - within timescale: closed on or before target_date, or with no target_date on or before the default
 *   deadline (the stage's default working days after its start);
 * - extension: a target_date later than that default deadline;
 * - brought/carried forward from running totals of received minus closed minus withdrawn (the same
 *   as the definition of valid cases: a case is closed or withdrawn on or after it was received,
 *   and never both);
 * - quarters: from the first received date's to the quarter containing the file's last date.
 * Returns period code → field id → value (money in pence), only the non-zero figures; and DuckDB's
 * version and the threads it used.
 */
export async function duckdbCaseFigures(file: string, settings: CaseSettings): Promise<{ figures: Record<string, Record<string, number>>; version: string; threads: number }> {
  const instance = await DuckDBInstance.create(":memory:");
  const db = await instance.connect();
  try {
    // Tuned so the baseline is DuckDB at its best here: no row order to keep, and themes and remedies
    // kept as text and split only where counted (lists in the table cost 10–20% more time and memory).
    await db.run(`
      SET preserve_insertion_order = false;
      CREATE MACRO pd(s) AS CASE WHEN s IS NULL THEN NULL WHEN s[3] = '/' THEN strptime(s, '%d/%m/%Y')::DATE ELSE s::DATE END;
      CREATE MACRO qi(d) AS (year(d) - CASE WHEN month(d) < 4 THEN 1 ELSE 0 END) * 4 + ((month(d) + 8) % 12) // 3;`);
    const path = file.replaceAll("'", "''");
    await db.run(`
      CREATE TABLE c AS
      SELECT pd(received_date) AS received, stage, pd(escalated_date) AS escalated, pd(closed_date) AS closed,
             pd(withdrawn_date) AS withdrawn, pd(target_date) AS target, outcome,
             themes,
             service_area, channel,
             remedies,
             CAST(round(CAST(payment_amount AS DECIMAL(18, 2)) * 100) AS BIGINT) AS pence, payment_type,
             pd(phso_referred_date) AS phso
      FROM read_csv('${path}', header = true, all_varchar = true, delim = ',', quote = '"')`);
    // Calendar: every day of the years the file's dates fall in and the year after (for deadlines),
    // whether it is a working day in the body's region.
    const [[firstYear, lastYear]] = (await db.runAndReadAll("SELECT year(min(received)), year(greatest(max(received), max(escalated), max(closed), max(withdrawn), max(target), max(phso))) FROM c")).getRows() as [[number, number]];
    await db.run("CREATE TABLE days (d VARCHAR, working BOOLEAN)");
    const appender = await db.createAppender("days");
    for (let d: IsoDate = `${firstYear}-01-01`; d < `${Number(lastYear) + 2}-01-01`; d = addDays(d, 1)) {
      const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
      appender.appendVarchar(d);
      appender.appendBoolean(weekday !== 0 && weekday !== 6 && !bankHolidays(settings.region, Number(d.slice(0, 4))).has(d));
      appender.endRow();
    }
    appender.closeSync();
    await db.run(`
      CREATE TABLE cal AS SELECT d::DATE AS d, working, sum(working::INTEGER) OVER (ORDER BY d) AS ord FROM days;
      CREATE TABLE wd AS SELECT ord, d FROM cal WHERE working;`);
    const stageSql = (stage: string, prefix: string, days: number) => `
      ${prefix} AS (
        SELECT qi(c.closed) AS q, c.*, e.ord - s.ord AS working_days, deadline.d AS deadline
        FROM c
        JOIN cal s ON s.d = ${stage === "closer_look" ? "coalesce(c.escalated, c.received)" : "c.received"}
        JOIN cal e ON e.d = c.closed
        JOIN wd deadline ON deadline.ord = s.ord + ${days}
        WHERE c.closed IS NOT NULL AND c.stage = '${stage}')`;
    const stageFigures = (prefix: string) => `
      SELECT q, '${prefix}_closed', count(*) FROM ${prefix} GROUP BY q
      UNION ALL SELECT q, '${prefix}_' || outcome, count(*) FROM ${prefix} GROUP BY ALL
      UNION ALL SELECT q, '${prefix}_working_days_total', sum(working_days) FROM ${prefix} GROUP BY q
      UNION ALL SELECT q, '${prefix}_within_timescale', count(*) FILTER (WHERE closed <= coalesce(target, deadline)) FROM ${prefix} GROUP BY q
      UNION ALL SELECT q, '${prefix}_extensions', count(*) FILTER (WHERE target > deadline) FROM ${prefix} GROUP BY q`;
    const reader = await db.runAndReadAll(`
      WITH ${stageSql("early_resolution", "er", settings.earlyResolutionDays)}, ${stageSql("closer_look", "cl", settings.closerLookDays)},
      closed AS (SELECT * FROM er UNION ALL BY NAME SELECT * FROM cl),
      span AS (
        SELECT min(qi(received)) AS first,
               qi(greatest(max(received), max(escalated), max(closed), max(withdrawn), max(phso))) AS last FROM c),
      net AS (
        SELECT q, sum(n) AS n FROM (
          SELECT qi(received) AS q, 1 AS n FROM c
          UNION ALL SELECT qi(closed), -1 FROM c WHERE closed IS NOT NULL
          UNION ALL SELECT qi(withdrawn), -1 FROM c WHERE withdrawn IS NOT NULL)
        GROUP BY q),
      flow AS (
        SELECT r.range AS q, sum(coalesce(net.n, 0)) OVER (ORDER BY r.range) AS open_at_end
        FROM span, range(span.first, span.last + 1) r LEFT JOIN net ON net.q = r.range)
      SELECT q, 'carried_forward' AS field, open_at_end AS value FROM flow
      UNION ALL SELECT q, 'brought_forward', lag(open_at_end, 1, 0) OVER (ORDER BY q) FROM flow
      UNION ALL SELECT qi(received), 'received', count(*) FROM c GROUP BY ALL
      UNION ALL SELECT qi(withdrawn), 'withdrawn', count(*) FROM c WHERE withdrawn IS NOT NULL GROUP BY ALL
      UNION ALL ${stageFigures("er")}
      UNION ALL ${stageFigures("cl")}
      UNION ALL SELECT qi(escalated), 'escalated_to_closer_look', count(*) FROM c WHERE escalated IS NOT NULL GROUP BY ALL
      UNION ALL SELECT q, 'theme_' || theme, count(*) FROM (SELECT qi(received) AS q, unnest(list_distinct(string_split(themes, ';'))) AS theme FROM c WHERE themes IS NOT NULL) GROUP BY ALL
      UNION ALL SELECT qi(received), 'themes_not_recorded', count(*) FROM c WHERE themes IS NULL GROUP BY ALL
      UNION ALL SELECT qi(received), 'received_by_channel.' || channel, count(*) FROM c WHERE channel IS NOT NULL GROUP BY ALL
      UNION ALL SELECT qi(received), 'received_by_service_area.' || service_area, count(*) FROM c WHERE service_area IS NOT NULL GROUP BY ALL
      UNION ALL SELECT q, 'remedy_' || remedy, count(*) FROM (SELECT q, unnest(list_distinct(string_split(remedies, ';'))) AS remedy FROM closed WHERE remedies IS NOT NULL) GROUP BY ALL
      UNION ALL SELECT q, 'payments_count', count(*) FROM closed WHERE pence IS NOT NULL GROUP BY q
      UNION ALL SELECT q, 'payments_total', sum(pence) FROM closed WHERE pence IS NOT NULL GROUP BY q
      UNION ALL SELECT q, 'payments_maladministration_count', count(*) FROM closed WHERE pence IS NOT NULL AND payment_type = 'maladministration' GROUP BY q
      UNION ALL SELECT q, 'payments_maladministration_total', sum(pence) FROM closed WHERE pence IS NOT NULL AND payment_type = 'maladministration' GROUP BY q
      UNION ALL SELECT qi(phso), 'phso_referred', count(*) FROM c WHERE phso IS NOT NULL GROUP BY ALL`);
    const figures: Record<string, Record<string, number>> = {};
    for (const [q, field, value] of reader.getRows()) {
      const period = formatPeriodCode(periodFromIndex(Number(q)));
      const quarter = (figures[period] ??= {});
      if (Number(value) !== 0) quarter[String(field)] = Number(value);
    }
    const [[version, threads]] = (await db.runAndReadAll("SELECT version(), current_setting('threads')")).getRows() as [[string, bigint]];
    return { figures, version, threads: Number(threads) };
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

/** The fields the DuckDB baseline computes, for the comparison (a field missing on either side is 0). */
export function duckdbFieldIds(settings: CaseSettings, channels: readonly string[]): string[] {
  const stage = (p: string) => ["closed", "upheld", "partly_upheld", "not_upheld", "within_timescale", "working_days_total", "extensions"].map((f) => `${p}_${f}`);
  return [
    "brought_forward",
    "received",
    "withdrawn",
    "carried_forward",
    ...stage("er"),
    ...stage("cl"),
    "escalated_to_closer_look",
    ...caseThemes.map((t) => `theme_${t}`),
    "themes_not_recorded",
    ...["apology", "explanation", "decision_changed", "service_provided", "financial", "other"].map((r) => `remedy_${r}`),
    "payments_count",
    "payments_total",
    "payments_maladministration_count",
    "payments_maladministration_total",
    "phso_referred",
    ...channels.map((c) => `received_by_channel.${c}`),
    ...settings.serviceAreaCodes.map((a) => `received_by_service_area.${a}`),
  ];
}
