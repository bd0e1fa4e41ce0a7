import { listAudit, sql, type Database, type Kysely } from "@complaints/db";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { exampleCaseFile } from "@complaints/domain";
import { exampleReturnValues } from "@complaints/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, rejection, type World, type WorldUserKey } from "./testing/world.ts";

/**
 * Case-level import through the API, on each database: a chunked upload, the cases
 * stored (only the permitted fields), the computed figures in the draft, all or nothing, the cases
 * behind a figure, saved mappings and timescales.
 */

const header = "case_ref,received_date,acknowledged_date,stage,escalated_date,closed_date,withdrawn_date,target_date,outcome,themes,service_area,channel,remedies,payment_amount,payment_type,phso_referred_date";

/**
 * Four cases of A1 (England and Wales) in Apr to Jun 2025, worked out by hand:
 * - early resolution, received Tue 1 Apr, closed Fri 4 Apr (3 working days), upheld; delay; apology and £50 for maladministration.
 * - received Wed 2 Apr (UK date format), escalated Mon 7 Apr, closed Thu 1 May (closer look 16 working days from Tue 8 Apr:
 *   Good Friday 18 Apr and Easter Monday 21 Apr are bank holidays), not upheld; communication and delay; explanation.
 * - received 12 May, withdrawn 20 May, no theme.
 * - received 20 Jun, still open at the end of the quarter.
 */
const goodFile = [
  header,
  "A-001,2025-04-01,2025-04-02,early_resolution,,2025-04-04,,,upheld,delay,licences,online,apology;financial,50.00,maladministration,",
  "A-002,02/04/2025,,closer_look,07/04/2025,01/05/2025,,,not_upheld,communication;delay,licences,email,explanation,,,",
  "A-003,2025-05-12,,early_resolution,,,2025-05-20,,,,,phone,,,,",
  "A-004,2025-06-20,,early_resolution,,,,,,,licences,post,,,,",
  "",
].join("\r\n");

/** The same cases as a body's own system exports them, read through a saved mapping. */
const systemFile = [
  "Reference,Date received,Acknowledged,Level,Escalated,Date closed,Withdrawn,Target,Result,Topics,Team,Channel,Remedies,Payment,Payment type,Ombudsman,Office",
  "A-001,2025-04-01,2025-04-02,Stage 1,,2025-04-04,,,Yes,delay,licences,online,apology;financial,50.00,maladministration,,North",
  "A-002,02/04/2025,,Stage 2,07/04/2025,01/05/2025,,,No,communication;delay,licences,email,explanation,,,,South",
  "A-003,2025-05-12,,Stage 1,,,2025-05-20,,,,,phone,,,,,North",
  "A-004,2025-06-20,,Stage 1,,,,,,,licences,post,,,,,South",
  "",
].join("\r\n");

const storedColumns = [
  "organisation_code",
  "case_ref",
  "received_date",
  "acknowledged_date",
  "stage",
  "escalated_date",
  "closed_date",
  "withdrawn_date",
  "target_date",
  "outcome",
  "themes",
  "service_area",
  "channel",
  "remedies",
  "payment_pence",
  "payment_type",
  "phso_referred_date",
  "import_id",
];

/** The body's stored cases: its current import's (the earlier imports' a revision may still need are kept beside them). */
async function storedCases(db: Kysely<Database>, organisationCode: string) {
  return (await sql<Record<string, unknown>>`select cases.* from cases inner join case_imports on case_imports.id = cases.import_id where cases.organisation_code = ${organisationCode} and case_imports.current = 1 order by case_ref`.execute(db)).rows;
}

async function countRows(db: Kysely<Database>, table: string): Promise<number> {
  return Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n);
}

/** Sends a file in chunks as the browser does; returns the upload's id. */
async function send(world: World, user: WorldUserKey, organisationCode: string, text: string, fileName = "cases.csv") {
  const caller = world.caller(user);
  const bytes = Buffer.from(text);
  const { uploadId, chunkBytes } = await caller.cases.startUpload({ organisationCode, fileName, size: bytes.byteLength });
  for (let i = 0; i * chunkBytes < bytes.byteLength; i += 1) {
    await caller.cases.uploadChunk({ uploadId, index: i, data: bytes.subarray(i * chunkBytes, (i + 1) * chunkBytes).toString("base64") });
  }
  return uploadId;
}

/** Uploads a file in chunks as the browser does, and finishes it. */
async function upload(world: World, user: WorldUserKey, organisationCode: string, text: string, finish: { mappingName?: string | null; period?: string | null; dryRun: boolean }, fileName = "cases.csv") {
  const uploadId = await send(world, user, organisationCode, text, fileName);
  return { uploadId, result: await world.caller(user).cases.finishUpload({ uploadId, ...finish }) };
}

describe.each(testDialects())("case import on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await createWorld(t.db);
  });
  afterAll(() => t.close());

  it("computes a quarter from a hand-made file, writes only the computed fields into the draft and stores only the permitted fields", async () => {
    const submitter = world.caller("a1Submitter");
    // A figure the file cannot give, typed in before the import, stays.
    const opened = await submitter.returns.openDraft({ organisationCode: "A1", period: "2025-26 Q1" });
    await submitter.returns.save({ returnId: opened.returnId, expectedVersion: opened.version, values: { handling_fte: 1.5, received: 99, "received_by_service_area.licences": 99 } });

    const { result } = await upload(world, "a1Submitter", "A1", goodFile, { period: "2025-26 Q1", dryRun: false });
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ ok: true, rows: 4, encoding: "utf-8", written: { period: "2025-26 Q1", returnId: opened.returnId } });
    expect(result.importId).toEqual(expect.any(String));
    // What it changed, said as it is written (the command line prints it).
    expect(result.written!.changes).toContainEqual({ field: "received", label: "Complaints received", from: 99, to: 4 });

    const draft = await submitter.returns.get({ returnId: opened.returnId });
    expect(draft.values).toMatchObject({
      handling_fte: 1.5,
      brought_forward: 0,
      received: 4,
      withdrawn: 1,
      carried_forward: 1,
      er_closed: 1,
      er_upheld: 1,
      er_working_days_total: 3,
      er_within_timescale: 1,
      cl_closed: 1,
      cl_not_upheld: 1,
      cl_working_days_total: 16,
      cl_within_timescale: 1,
      escalated_to_closer_look: 1,
      theme_delay: 2,
      theme_communication: 1,
      themes_not_recorded: 2,
      "received_by_channel.online": 1,
      "received_by_channel.phone": 1,
      remedy_apology: 1,
      remedy_financial: 1,
      remedy_explanation: 1,
      payments_count: 1,
      payments_total: 5000,
      payments_maladministration_count: 1,
      payments_maladministration_total: 5000,
      phso_referred: 0,
    });
    // A-003 has no service area, so that breakdown is left for the submitter, emptied: the 99 typed
    // before would no longer add up to the 4 complaints received.
    expect(draft.values["received_by_service_area.licences"]).toBeUndefined();
    expect(result.quarters[0]!.left.map((l) => l.field)).toEqual(["received_by_service_area"]);
    const history = await listAudit(t.db, "return", opened.returnId);
    const computed = history.find((e) => e.action === "return.computedFromCases")!;
    expect(computed.reason).toBe("Computed from the case file cases.csv (4 cases)");
    expect(computed.changes).toContainEqual({ field: "received", old: 99, new: 4 });
    expect(computed.changes.map((c) => c.field)).not.toContain("handling_fte");

    const rows = await storedCases(t.db, "A1");
    expect(rows.map((r) => r.case_ref)).toEqual(["A-001", "A-002", "A-003", "A-004"]);
    expect(Object.keys(rows[0]!).sort()).toEqual([...storedColumns].sort());
    expect(rows[0]).toMatchObject({ received_date: "2025-04-01", themes: "delay", remedies: "apology;financial", payment_type: "maladministration", import_id: result.importId });
    expect(Number(rows[0]!.payment_pence)).toBe(5000);
    expect(rows[1]).toMatchObject({ received_date: "2025-04-02", escalated_date: "2025-04-07", closed_date: "2025-05-01", themes: "communication;delay" });

    const overview = await world.caller("a1Approver").cases.overview({ organisationCode: "A1" });
    expect(overview).toMatchObject({ storedCases: 4, timescales: { earlyResolutionDays: 5, closerLookDays: 20 }, lastImport: { fileName: "cases.csv", rows: 4, importedBy: "a1Submitter" }, upload: { chunkBytes: 524_288, maxBytes: dialect === "postgres" ? 200 * 1024 * 1024 : 5 * 1024 * 1024 } });
    expect(overview.computedFields).toEqual(expect.arrayContaining(["received", "er_closed", "theme_delay", "received_by_service_area.licences", "payments_total"]));
    expect(overview.computedFields).not.toContain("handling_cost");
    // The upload is gone once imported.
    expect(await countRows(t.db, "case_upload_chunks")).toBe(0);
  });

  it("lists the cases behind a computed figure, with its total", async () => {
    const approver = world.caller("a1Approver");
    expect(await approver.cases.figure({ organisationCode: "A1", period: "2025-26 Q1", field: "received", page: 1 })).toEqual({
      period: "2025-26 Q1",
      field: "received",
      label: "Complaints received",
      total: 4,
      count: 4,
      cases: ["A-001", "A-002", "A-003", "A-004"].map((ref) => ({ ref, amount: 1 })),
      page: 1,
      pages: 1,
    });
    const days = await approver.cases.figure({ organisationCode: "A1", period: "2025-26 Q1", field: "cl_working_days_total", page: 1 });
    expect(days).toMatchObject({ total: 16, count: 1, cases: [{ ref: "A-002", amount: 16 }] });
    const paid = await approver.cases.figure({ organisationCode: "A1", period: "2025-26 Q1", field: "payments_total", page: 1 });
    expect(paid).toMatchObject({ total: 5000, cases: [{ ref: "A-001", amount: 5000 }] });
    expect((await approver.cases.figure({ organisationCode: "A1", period: "2025-26 Q1", field: "theme_delay", page: 1 })).cases.map((c) => c.ref).sort()).toEqual(["A-001", "A-002"]);
    // Every computed figure of every quarter is the sum of the cases listed behind it.
    const { result } = await upload(world, "a1Submitter", "A1", goodFile, { dryRun: true });
    for (const q of result.quarters) {
      for (const [field, value] of Object.entries(q.values)) {
        expect((await approver.cases.figure({ organisationCode: "A1", period: q.period, field, page: 1 })).total, `${q.period} ${field}`).toBe(value);
      }
    }
    // The next quarter (so far): A-004 is brought forward; the cases that ended in Apr to Jun are not.
    expect(await approver.cases.figure({ organisationCode: "A1", period: "2025-26 Q2", field: "brought_forward", page: 1 })).toMatchObject({ total: 1, cases: [{ ref: "A-004", amount: 1 }] });
    expect((await approver.cases.figure({ organisationCode: "A1", period: "2025-26 Q1", field: "carried_forward", page: 1 })).cases).toEqual([{ ref: "A-004", amount: 1 }]);
    expect((await approver.cases.figure({ organisationCode: "A1", period: "2025-26 Q1", field: "withdrawn", page: 1 })).cases).toEqual([{ ref: "A-003", amount: 1 }]);
    expect((await approver.cases.figure({ organisationCode: "A1", period: "2025-26 Q2", field: "received", page: 1 })).cases).toEqual([]);
    expect((await rejection(approver.cases.figure({ organisationCode: "A1", period: "2025-26 Q1", field: "nonsense", page: 1 }))).code).toBe("BAD_REQUEST");
    expect((await rejection(approver.cases.figure({ organisationCode: "A1", period: "2025-26 Q1", field: "handling_cost", page: 1 }))).message).toBe("‘Cost of complaint handling’ is not computed from the case file, so no cases lie behind it.");
    // The figures the cases give, quarter by quarter, are those the computation gives: the links on the return's pages.
    for (const q of result.quarters) expect((await approver.cases.quarterFields({ organisationCode: "A1", period: q.period })).fields.sort(), q.period).toEqual(Object.keys(q.values).sort());
    const q1 = (await approver.cases.quarterFields({ organisationCode: "A1", period: "2025-26 Q1" })).fields;
    expect(q1).toEqual(expect.arrayContaining(["received", "received_by_channel.online", "payments_total"]));
    // A-003 has no service area, so the service areas are left for the body to fill in: no cases lie behind them.
    expect(q1).not.toContain("received_by_service_area.licences");
    // A quarter before the first case: nothing to link.
    expect(await approver.cases.quarterFields({ organisationCode: "A1", period: "2024-25 Q4" })).toEqual({ period: "2024-25 Q4", fields: [] });
    // The department sees the cases once the body has sent the return; this one is a draft.
    const refused = await rejection(world.caller("aOversight").cases.figure({ organisationCode: "A1", period: "2025-26 Q1", field: "received", page: 1 }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toContain("only its status is shown");
  });

  it("changes nothing for an invalid file: the stored cases and the draft stay as they were", async () => {
    const submitter = world.caller("a1Submitter");
    const before = await submitter.returns.find({ organisationCode: "A1", period: "2025-26 Q1" });
    const imports = await countRows(t.db, "case_imports");
    const audit = await countRows(t.db, "audit_log");
    const bad = goodFile.replace("A-003,2025-05-12,,early_resolution,,,2025-05-20", "A-003,2025-05-12,,early_resolution,,2025-05-02,");
    const { uploadId, result } = await upload(world, "a1Submitter", "A1", `${bad}A-005,2025-06-02,,early_resolution,,,,,,,,fax,,,,\r\n`, { period: "2025-26 Q1", dryRun: false });
    expect(result.ok).toBe(false);
    expect(result.written).toBeNull();
    expect(result.importId).toBeNull();
    expect(result.problems.map((p) => [p.row, p.column])).toEqual(expect.arrayContaining([[4, "closed_date"], [6, "channel"]]));
    expect((await storedCases(t.db, "A1")).map((r) => r.case_ref)).toEqual(["A-001", "A-002", "A-003", "A-004"]);
    expect((await storedCases(t.db, "A1"))[2]).toMatchObject({ closed_date: null, withdrawn_date: "2025-05-20" });
    const after = await submitter.returns.find({ organisationCode: "A1", period: "2025-26 Q1" });
    expect(after!.version).toBe(before!.version);
    expect(after!.values).toEqual(before!.values);
    expect(await countRows(t.db, "case_imports")).toBe(imports);
    expect(await countRows(t.db, "audit_log")).toBe(audit);
    // A file with problems is not kept: it is fixed and sent again.
    expect(result.fileRefused).toBe(true);
    expect(await countRows(t.db, "case_upload_chunks")).toBe(0);
    const again = await rejection(submitter.cases.finishUpload({ uploadId, dryRun: true }));
    expect(again.code).toBe("PRECONDITION_FAILED");
    expect(again.message).toBe("This file was refused and removed when it was first checked, so it cannot be imported. Fix the problems that check listed and upload it again.");
  });

  it("never stores the example file: even sent to be imported, it is answered as a dry run labelled as the example, with what it would change", async () => {
    const submitter = world.caller("a1Submitter");
    const before = await submitter.returns.find({ organisationCode: "A1", period: "2025-26 Q1" });
    const cases = await storedCases(t.db, "A1");
    const imports = await countRows(t.db, "case_imports");
    const audit = await countRows(t.db, "audit_log");
    const { uploadId, result } = await upload(world, "a1Submitter", "A1", exampleCaseFile("2025-26 Q1", ["licences"]), { period: "2025-26 Q1", dryRun: false }, "example-cases.csv");
    expect(result).toMatchObject({ ok: true, example: true, rows: 12, importId: null, written: null });
    expect(result.writtenQuarters).toEqual([{ period: "2025-26 Q1", returnId: before!.returnId, changes: expect.arrayContaining([{ field: "received", label: "Complaints received", from: 4, to: 11 }]) }]);
    const after = await submitter.returns.find({ organisationCode: "A1", period: "2025-26 Q1" });
    expect(after!.version).toBe(before!.version);
    expect(after!.values).toEqual(before!.values);
    expect(await storedCases(t.db, "A1")).toEqual(cases);
    expect(await countRows(t.db, "case_imports")).toBe(imports);
    expect(await countRows(t.db, "audit_log")).toBe(audit);
    // Kept, as a good file's dry run is, and still only ever checked.
    expect((await submitter.cases.finishUpload({ uploadId, period: "2025-26 Q1", dryRun: false })).example).toBe(true);
    // A real file's dry run says what it would change, and the figures stay.
    const { result: checked } = await upload(world, "a1Submitter", "A1", `${goodFile}A-005,2025-06-21,,early_resolution,,,,,,,licences,post,,,,\r\n`, { period: "2025-26 Q1", dryRun: true });
    expect(checked.example).toBe(false);
    expect(checked.writtenQuarters[0]!.changes).toContainEqual({ field: "received", label: "Complaints received", from: 4, to: 5 });
    expect((await submitter.returns.find({ organisationCode: "A1", period: "2025-26 Q1" }))!.version).toBe(before!.version);
  });

  it("refuses a file with a column of personal data, storing nothing", async () => {
    const before = await storedCases(t.db, "A1");
    const file = [`${header},Complainant name`, "P-001,2025-04-01,,early_resolution,,2025-04-03,,,upheld,,licences,online,,,,,Jo Bloggs", ""].join("\r\n");
    const { uploadId, result } = await upload(world, "a1Submitter", "A1", file, { dryRun: false });
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ row: 1, column: "Complainant name" });
    expect(await storedCases(t.db, "A1")).toEqual(before);
    expect(JSON.stringify(await sql`select * from case_imports`.execute(t.db))).not.toContain("Bloggs");
    // Nor is the upload kept.
    expect((await sql`select seq from case_upload_chunks where upload_id = ${uploadId}`.execute(t.db)).rows).toEqual([]);
  });

  it("refuses a quarter whose return has been submitted, storing nothing", async () => {
    const s = world.caller("a2Submitter");
    const draft = await s.returns.openDraft({ organisationCode: "A2", period: "2025-26 Q1" });
    const saved = await s.returns.save({ returnId: draft.returnId, expectedVersion: draft.version, values: exampleReturnValues() });
    const submitted = await s.returns.submit({ returnId: draft.returnId, expectedVersion: saved.version });
    const file = [header, "B-001,2025-04-01,,early_resolution,,2025-04-03,,,upheld,,,online,,,,", ""].join("\r\n");
    const { uploadId, result } = await upload(world, "a2Submitter", "A2", file, { period: "2025-26 Q1", dryRun: false });
    expect(result.ok).toBe(false);
    expect(result.fileRefused).toBe(false);
    expect(result.problems).toEqual([{ row: null, column: null, message: expect.stringContaining("The return for Apr to Jun 2025 cannot take the computed figures") }]);
    expect(result.problems[0]!.message).toContain("waiting for sign-off");
    expect(await storedCases(t.db, "A2")).toEqual([]);
    expect((await s.returns.get({ returnId: draft.returnId })).version).toBe(submitted.version);
    // The upload is kept: a dry run says the same, and then the cases alone are stored without sending the file again.
    expect((await s.cases.finishUpload({ uploadId, period: "2025-26 Q1", dryRun: true })).ok).toBe(false);
    const stored = await s.cases.finishUpload({ uploadId, dryRun: false });
    expect(stored).toMatchObject({ ok: true, written: null, rows: 1 });
    expect((await storedCases(t.db, "A2")).map((r) => r.case_ref)).toEqual(["B-001"]);
    // The department sees the cases behind the figures the body sent: these were typed in, not computed from the cases.
    const oversight = world.caller("aOversight");
    expect((await rejection(oversight.cases.figure({ organisationCode: "A2", period: "2025-26 Q1", field: "received", page: 1 }))).code).toBe("FORBIDDEN");
    await world.caller("a2Approver").returns.approve({ returnId: draft.returnId, expectedVersion: submitted.version });
    const typedIn = await rejection(oversight.cases.figure({ organisationCode: "A2", period: "2025-26 Q1", field: "received", page: 1 }));
    expect([typedIn.code, typedIn.message]).toEqual(["NOT_FOUND", "The return Agency A2 sent for Apr to Jun 2025 was not computed from a case file, so no cases lie behind its figures."]);
  });

  it("uploads a large file in chunks, in order, only from the user who started it; a dry run keeps the upload", async () => {
    const lines = [header];
    for (let i = 0; i < 8000; i += 1) {
      const day = String(1 + (i % 28)).padStart(2, "0");
      lines.push(`CMP-2025-${String(i).padStart(5, "0")},2025-05-${day},,early_resolution,,,,,,delay,licences,online,,,,`);
    }
    const text = `${lines.join("\r\n")}\r\n`;
    const bytes = Buffer.from(text);
    expect(bytes.byteLength).toBeGreaterThan(524_288);
    const caller = world.caller("a1Submitter");
    const { uploadId, chunkBytes } = await caller.cases.startUpload({ organisationCode: "A1", fileName: "big.csv", size: bytes.byteLength });
    expect(chunkBytes).toBe(524_288);
    const chunk = (i: number) => bytes.subarray(i * chunkBytes, (i + 1) * chunkBytes).toString("base64");
    // Out of order, short, from a colleague, or unfinished: refused.
    expect((await rejection(caller.cases.uploadChunk({ uploadId, index: 1, data: chunk(1) }))).message).toBe("Chunk 2 arrived before chunk 1: send the chunks in order.");
    expect((await rejection(caller.cases.uploadChunk({ uploadId, index: 0, data: chunk(1) }))).message).toContain("Chunk 1 should hold 524,288 bytes");
    expect((await rejection(world.caller("a1Submitter2").cases.uploadChunk({ uploadId, index: 0, data: chunk(0) }))).message).toBe("Someone else started this upload; only they can send its file.");
    await caller.cases.uploadChunk({ uploadId, index: 0, data: chunk(0) });
    // Sent again after a lost answer: replaces it.
    await caller.cases.uploadChunk({ uploadId, index: 0, data: chunk(0) });
    expect((await rejection(caller.cases.finishUpload({ uploadId, dryRun: true }))).code).toBe("PRECONDITION_FAILED");
    await caller.cases.uploadChunk({ uploadId, index: 1, data: chunk(1) });

    const checked = await caller.cases.finishUpload({ uploadId, dryRun: true });
    expect(checked).toMatchObject({ ok: true, rows: 8000, written: null, importId: null });
    expect(checked.quarters.find((q) => q.period === "2025-26 Q1")!.values.received).toBe(8000);
    // Nothing stored by the dry run, and the upload kept: the same file is then imported without sending it again.
    expect((await storedCases(t.db, "A1")).length).toBe(4);
    const imported = await caller.cases.finishUpload({ uploadId, dryRun: false });
    expect(imported).toMatchObject({ ok: true, rows: 8000 });
    expect((await storedCases(t.db, "A1")).length).toBe(8000);
    // Its chunks are gone; finishing it again answers with the import's result, storing nothing more.
    expect((await sql`select seq from case_upload_chunks where upload_id = ${uploadId}`.execute(t.db)).rows).toEqual([]);
    const imports = await countRows(t.db, "case_imports");
    expect(await caller.cases.finishUpload({ uploadId, dryRun: true })).toEqual(imported);
    expect(await countRows(t.db, "case_imports")).toBe(imports);
    expect((await rejection(caller.cases.uploadChunk({ uploadId, index: 1, data: chunk(1) }))).message).toBe("This file has already been imported: its cases are stored. To import it again, upload it again.");

    // The Apr to Jun draft was computed from the earlier file, so the cases behind its figures stay that file's;
    // the next quarter, with no return yet, reads the body's current cases: all 8,000, still open, brought forward.
    const approver = world.caller("a1Approver");
    expect(await approver.cases.figure({ organisationCode: "A1", period: "2025-26 Q1", field: "received", page: 1 })).toMatchObject({ total: 4, count: 4 });
    const page = await approver.cases.figure({ organisationCode: "A1", period: "2025-26 Q2", field: "brought_forward", page: 2 });
    expect(page).toMatchObject({ total: 8000, count: 8000, page: 2, pages: 160 });
    expect(page.cases).toHaveLength(50);
  });

  it("refuses, from the browser, a quarter after the last one in which anything in the file happened", async () => {
    // The file's last event is in Jan to Mar 2025; its case stays open, so Apr to Jun is computed, all quiet.
    const before = await storedCases(t.db, "A1");
    const stale = [header, "OLD-1,2025-02-03,,early_resolution,,,,,,delay,licences,online,,,,", ""].join("\r\n");
    const { result } = await upload(world, "a1Submitter", "A1", stale, { period: "2025-26 Q1", dryRun: false });
    expect(result.ok).toBe(false);
    expect(result.fileRefused).toBe(false);
    expect(result.problems).toEqual([
      {
        row: null,
        column: null,
        message:
          "Nothing in the file happened in Apr to Jun 2025 or later (no case received, escalated, closed, withdrawn or referred to the Ombudsman), so the file may have been exported before the quarter ended. Export your cases again and upload the new file, or enter the quarter's figures in the return.",
      },
    ]);
    expect(await storedCases(t.db, "A1")).toEqual(before);
  });

  it("runs two imports of the same body one after the other: the cases are one file's, never a mix", async () => {
    const file = (prefix: string) => [header, ...[1, 2, 3].map((n) => `${prefix}-${n},2025-04-0${n},,early_resolution,,,,,,,licences,online,,,,`), ""].join("\r\n");
    // Two colleagues (one person's second upload would replace the first).
    const x = await upload(world, "a1Submitter", "A1", file("X"), { dryRun: true });
    const y = await upload(world, "a1Submitter2", "A1", file("Y"), { dryRun: true });
    const results = await Promise.all([world.caller("a1Submitter").cases.finishUpload({ uploadId: x.uploadId, dryRun: false }), world.caller("a1Submitter2").cases.finishUpload({ uploadId: y.uploadId, dryRun: false })]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    const refs = (await storedCases(t.db, "A1")).map((r) => r.case_ref);
    expect([["X-1", "X-2", "X-3"], ["Y-1", "Y-2", "Y-3"]]).toContainEqual(refs);
  });

  it("refuses a file over 200 MB before it is sent, and deletes uploads abandoned for a day", async () => {
    const caller = world.caller("a1Submitter");
    // One byte over is refused, and the message does not read as if 200 MB were over 200 MB.
    const big = await rejection(caller.cases.startUpload({ organisationCode: "A1", fileName: "huge.csv", size: 200 * 1024 * 1024 + 1 }));
    expect(big.code).toBe("BAD_REQUEST");
    expect(big.message).toBe(
      "The file is larger than 200 MB, the most a case file uploaded here can be. Export only the columns the import reads, or ask whoever runs the service to import it from the command line (an import replaces all your cases, so the file cannot be split).",
    );
    const yesterday = world.caller("a1Submitter", { clock: () => new Date(world.now.getTime() - 25 * 60 * 60 * 1000) });
    const old = await yesterday.cases.startUpload({ organisationCode: "A1", fileName: "old.csv", size: 10 });
    await caller.cases.startUpload({ organisationCode: "A1", fileName: "new.csv", size: 10 });
    expect((await rejection(caller.cases.uploadChunk({ uploadId: old.uploadId, index: 0, data: Buffer.from("0123456789").toString("base64") }))).code).toBe("NOT_FOUND");
  });

  it("saves a mapping for a body's own export and imports through it; unmapped columns are never stored", async () => {
    const caller = world.caller("a1Submitter");
    const mapping = {
      name: "Case system",
      columns: { case_ref: "Reference", received_date: "Date received", acknowledged_date: "Acknowledged", stage: "Level", escalated_date: "Escalated", closed_date: "Date closed", withdrawn_date: "Withdrawn", target_date: "Target", outcome: "Result", themes: "Topics", service_area: "Team", channel: "Channel", remedies: "Remedies", payment_amount: "Payment", payment_type: "Payment type", phso_referred_date: "Ombudsman" },
      codes: { stage: { "Stage 1": "early_resolution", "Stage 2": "closer_look" }, outcome: { Yes: "upheld", No: "not_upheld" } },
    };
    await caller.cases.saveMapping({ organisationCode: "A1", mapping });
    expect((await caller.cases.overview({ organisationCode: "A1" })).mappings).toEqual([{ name: "Case system", mapping }]);
    const { result } = await upload(world, "a1Submitter", "A1", systemFile, { mappingName: "Case system", period: "2025-26 Q1", dryRun: false });
    expect(result.problems).toEqual([]);
    expect(result.quarters.find((q) => q.period === "2025-26 Q1")!.values).toMatchObject({ received: 4, er_upheld: 1, cl_not_upheld: 1, payments_total: 5000 });
    const rows = await storedCases(t.db, "A1");
    expect(rows.map((r) => r.case_ref)).toEqual(["A-001", "A-002", "A-003", "A-004"]);
    expect(JSON.stringify(rows)).not.toMatch(/North|South/);
    // Without the mapping, the file's headers are not ours.
    expect((await upload(world, "a1Submitter", "A1", systemFile, { dryRun: true })).result.ok).toBe(false);
    expect((await rejection(upload(world, "a1Submitter", "A1", systemFile, { mappingName: "Other system", dryRun: true }))).message).toBe("There is no saved mapping called “Other system”. The saved mappings are “Case system”.");
    expect(await caller.cases.deleteMapping({ organisationCode: "A1", name: "Case system" })).toEqual({ deleted: true });
    expect((await caller.cases.overview({ organisationCode: "A1" })).mappings).toEqual([]);
  });

  it("measures cases without a target date against the body's own timescales", async () => {
    const caller = world.caller("a1Submitter");
    // Received Tue 1 Apr, closed Wed 9 Apr: 6 working days, over the default 5.
    const file = [header, "C-001,2025-04-01,,early_resolution,,2025-04-09,,,upheld,,,online,,,,", ""].join("\r\n");
    const first = (await upload(world, "a1Submitter", "A1", file, { dryRun: true })).result;
    expect(first.quarters[0]!.values).toMatchObject({ er_closed: 1, er_within_timescale: 0 });
    await caller.cases.saveTimescales({ organisationCode: "A1", earlyResolutionDays: 10, closerLookDays: 25 });
    expect((await caller.cases.overview({ organisationCode: "A1" })).timescales).toEqual({ earlyResolutionDays: 10, closerLookDays: 25 });
    const second = (await upload(world, "a1Submitter", "A1", file, { dryRun: true })).result;
    expect(second.quarters[0]!.values).toMatchObject({ er_closed: 1, er_within_timescale: 1 });
    expect((await rejection(caller.cases.saveTimescales({ organisationCode: "A1", earlyResolutionDays: 0, closerLookDays: 25 }))).code).toBe("BAD_REQUEST");
  });
  it("limits pending uploads per person and per body; a new upload for a quarter replaces the person's unfinished one", async () => {
    await sql`delete from case_upload_chunks`.execute(t.db);
    await sql`delete from case_uploads`.execute(t.db);
    const me = world.caller("a1Submitter");
    const start = (caller: ReturnType<World["caller"]>, period: string | null, size = 10) => caller.cases.startUpload({ organisationCode: "A1", fileName: "cases.csv", size, period });
    const ten = Buffer.from("0123456789").toString("base64");

    const first = await start(me, "2025-26 Q1");
    await me.cases.uploadChunk({ uploadId: first.uploadId, index: 0, data: ten });
    // Choosing the file again for the same quarter replaces the unfinished upload, chunks and all.
    const second = await start(me, "2025-26 Q1");
    expect((await rejection(me.cases.uploadChunk({ uploadId: first.uploadId, index: 0, data: ten }))).code).toBe("NOT_FOUND");
    expect(await countRows(t.db, "case_upload_chunks")).toBe(0);
    await me.cases.uploadChunk({ uploadId: second.uploadId, index: 0, data: ten });
    await start(me, "2025-26 Q2");
    await start(me, null);
    expect(await countRows(t.db, "case_uploads")).toBe(3);
    const fourth = await rejection(start(me, "2025-26 Q3"));
    expect(fourth.code).toBe("TOO_MANY_REQUESTS");
    expect(fourth.message).toBe(
      "You already have 3 case files that are uploading or uploaded but not imported (for Apr to Jun 2025, Jul to Sep 2025, no quarter), the most one person can have at once. Import one of them, or upload a file for one of those quarters again: it replaces your unfinished one. Unfinished files are removed a day after they were started.",
    );
    expect(await countRows(t.db, "case_uploads")).toBe(3);
    // A quarter already in hand can be started again: it replaces that one.
    await start(me, "2025-26 Q2");
    expect(await countRows(t.db, "case_uploads")).toBe(3);

    // A colleague's two more make five for the body; a sixth is refused.
    const colleague = world.caller("a1Submitter2");
    await start(colleague, "2025-26 Q1");
    await start(colleague, "2025-26 Q2");
    const sixth = await rejection(start(colleague, "2025-26 Q3"));
    expect(sixth.code).toBe("TOO_MANY_REQUESTS");
    expect(sixth.message).toBe(
      "Agency A1 already has 5 case files that are uploading or uploaded but not imported, the most one organisation can have at once. Try again once one of them has been imported; unfinished files are removed a day after they were started.",
    );
    expect(await countRows(t.db, "case_uploads")).toBe(5);
    // One imported no longer counts, and its place can be taken.
    expect(await me.cases.finishUpload({ uploadId: second.uploadId, dryRun: false })).toMatchObject({ ok: false, fileRefused: true });
    await start(colleague, "2025-26 Q3");

    // Bytes: two of the largest files at once for a body; one byte more is refused.
    const other = world.caller("a2Submitter");
    const max = (await other.cases.overview({ organisationCode: "A2" })).upload.maxBytes;
    await other.cases.startUpload({ organisationCode: "A2", fileName: "a.csv", size: max, period: "2025-26 Q1" });
    await other.cases.startUpload({ organisationCode: "A2", fileName: "b.csv", size: max, period: "2025-26 Q2" });
    const over = await rejection(other.cases.startUpload({ organisationCode: "A2", fileName: "c.csv", size: 1, period: "2025-26 Q3" }));
    expect(over.code).toBe("TOO_MANY_REQUESTS");
    expect(over.message).toBe(
      `Agency A2's case files that are uploading or uploaded but not imported would come to more than ${dialect === "postgres" ? "400 MB" : "10 MB"} with this one, the most one organisation can have waiting at once. Try again once one of them has been imported; unfinished files are removed a day after they were started.`,
    );

    // Many started at once: never more than the limit get through.
    await sql`delete from case_uploads where user_id = ${world.users.a1Submitter.id}`.execute(t.db);
    const periods = ["2025-26 Q1", "2025-26 Q2", "2025-26 Q3", "2025-26 Q4", "2026-27 Q1", "2026-27 Q2"];
    const settled = await Promise.allSettled(periods.map((p) => start(me, p)));
    expect(settled.filter((s) => s.status === "fulfilled").length).toBeLessThanOrEqual(3);
    expect(Number((await sql<{ n: number }>`select count(*) as n from case_uploads where user_id = ${world.users.a1Submitter.id}`.execute(t.db)).rows[0]!.n)).toBeLessThanOrEqual(3);
    await sql`delete from case_upload_chunks`.execute(t.db);
    await sql`delete from case_uploads`.execute(t.db);
  });

  it("answers a double-clicked finish with the first one's result, importing the file once", async () => {
    const lines = [header];
    for (let i = 0; i < 3000; i += 1) lines.push(`D-${String(i).padStart(5, "0")},2025-05-${String(1 + (i % 28)).padStart(2, "0")},,early_resolution,,,,,,delay,,online,,,,`);
    const uploadId = await send(world, "b1Submitter", "B1", `${lines.join("\r\n")}\r\n`);
    const caller = world.caller("b1Submitter");
    const imports = await countRows(t.db, "case_imports");
    const audited = async () => Number((await sql<{ n: number }>`select count(*) as n from audit_log where action = 'cases.imported' and organisation_code = 'B1'`.execute(t.db)).rows[0]!.n);
    const auditBefore = await audited();
    // Both calls at once (on PostgreSQL, on two connections of the pool).
    const [a, b] = await Promise.all([caller.cases.finishUpload({ uploadId, dryRun: false }), caller.cases.finishUpload({ uploadId, dryRun: false })]);
    expect(a.problems).toEqual([]);
    expect(a).toMatchObject({ ok: true, rows: 3000 });
    expect(b).toEqual(a);
    expect(await countRows(t.db, "case_imports")).toBe(imports + 1);
    expect(await audited()).toBe(auditBefore + 1);
    expect((await storedCases(t.db, "B1")).length).toBe(3000);

    // A file refused for its content: one click gets its problems, the other is told it was refused.
    const bad = await send(world, "b1Submitter", "B1", [header, "E-1,2025-05-02,,early_resolution,,2025-05-01,,,upheld,,,online,,,,", ""].join("\r\n"));
    const settled = await Promise.allSettled([caller.cases.finishUpload({ uploadId: bad, dryRun: false }), caller.cases.finishUpload({ uploadId: bad, dryRun: false })]);
    const answered = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    const refused = settled.flatMap((s) => (s.status === "rejected" ? [s.reason as Error] : []));
    expect(answered).toHaveLength(1);
    expect(answered[0]).toMatchObject({ ok: false, fileRefused: true, problems: [{ row: 2, column: "closed_date" }] });
    expect(refused.map((e) => e.message)).toEqual(["This file was refused and removed when it was first checked, so it cannot be imported. Fix the problems that check listed and upload it again."]);
    expect((await storedCases(t.db, "B1")).length).toBe(3000);
  });

  it("takes case files of up to 200 MB on PostgreSQL, and of up to 5 MB on SQLite, where a larger import would hold up every other request", async () => {
    const caller = world.caller("b1Submitter");
    const start = (size: number, period: string) => caller.cases.startUpload({ organisationCode: "B1", fileName: "cases.csv", size, period });
    const sqliteMax = 5 * 1024 * 1024;
    if (dialect === "sqlite") {
      const refused = await rejection(start(sqliteMax + 1, "2025-26 Q1"));
      expect(refused.code).toBe("BAD_REQUEST");
      expect(refused.message).toBe(
        "The file is larger than 5 MB, the most a case file can be while the service runs on SQLite: importing a larger one would hold up everyone else's work until it finished. Case files up to 200 MB need the service to run on PostgreSQL; ask whoever runs it.",
      );
      expect(await start(sqliteMax, "2025-26 Q1")).toMatchObject({ chunkBytes: 524_288 });
    } else {
      expect(await start(sqliteMax + 1, "2025-26 Q1")).toMatchObject({ chunkBytes: 524_288 });
      expect(await start(200 * 1024 * 1024, "2025-26 Q2")).toMatchObject({ chunkBytes: 524_288 });
    }
    expect((await caller.cases.overview({ organisationCode: "B1" })).upload.maxBytes).toBe(dialect === "postgres" ? 200 * 1024 * 1024 : sqliteMax);
  });
});

/** A file of `count` cases with references `PREFIX-001`…, each received early in Apr to Jun 2025 and still open. */
function openCasesFile(prefix: string, count: number): string {
  const rows = Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(3, "0")},2025-04-${String(1 + (i % 28)).padStart(2, "0")},,early_resolution,,,,,,delay,licences,online,,,,`);
  return [header, ...rows, ""].join("\r\n");
}

describe.each(testDialects())("a corrected return's cases on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await createWorld(t.db);
  });
  afterAll(() => t.close());

  /** The imports whose cases are stored for A1. */
  async function storedImports(): Promise<string[]> {
    return (await sql<{ import_id: string }>`select distinct import_id from cases where organisation_code = 'A1'`.execute(t.db)).rows.map((r) => r.import_id).sort();
  }

  /** Submits, approves and (unless told not to) accepts the return's current revision. */
  async function send(returnId: string, accept = true) {
    const current = await world.caller("a1Submitter").returns.get({ returnId });
    const submitted = await world.caller("a1Submitter").returns.submit({ returnId, expectedVersion: current.version });
    const approved = await world.caller("a1Approver").returns.approve({ returnId, expectedVersion: submitted.version });
    return accept ? world.caller("aOversight").returns.accept({ returnId, expectedVersion: approved.version }) : approved;
  }

  it("shows the department the history and cases of what was sent, not of a correction in preparation", async () => {
    const submitter = world.caller("a1Submitter");
    const oversight = world.caller("aOversight");
    const figure = (user: WorldUserKey) => world.caller(user).cases.figure({ organisationCode: "A1", period: "2025-26 Q1", field: "received", page: 1 });
    const refs = (count: number, prefix: string) => Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(3, "0")}`);

    // Revision 1, computed from the four cases of goodFile, is sent and accepted.
    const opened = await submitter.returns.openDraft({ organisationCode: "A1", period: "2025-26 Q1" });
    await submitter.returns.save({ returnId: opened.returnId, expectedVersion: opened.version, values: exampleReturnValues() });
    const first = (await upload(world, "a1Submitter", "A1", goodFile, { period: "2025-26 Q1", dryRun: false }, "april-cases.csv")).result;
    expect(first.ok).toBe(true);
    const accepted = await send(opened.returnId);
    expect(accepted).toMatchObject({ revision: 1, status: "accepted", values: { received: 4 } });

    // The body reopens it and recomputes it from a new export, but does not send it.
    const reopened = await submitter.returns.reopen({ returnId: opened.returnId, expectedVersion: accepted.version, reason: "Our export missed some complaints." });
    expect(reopened).toMatchObject({ revision: 2, status: "draft" });
    const second = (await upload(world, "a1Submitter", "A1", openCasesFile("N", 30), { period: "2025-26 Q1", dryRun: false }, "corrected-cases.csv")).result;
    expect(second.ok).toBe(true);
    expect((await submitter.returns.get({ returnId: opened.returnId })).values.received).toBe(30);

    // The department sees revision 1: its figures, its cases, and the workflow up to the reopening;
    // none of the draft's figures, nor the file it was computed from.
    expect(await oversight.returns.find({ organisationCode: "A1", period: "2025-26 Q1" })).toMatchObject({ revision: 1, values: { received: 4 } });
    const history = await oversight.returns.history({ returnId: opened.returnId });
    expect(history.revisions.map((r) => [r.revision, r.status])).toEqual([[1, "accepted"]]);
    expect(history.events.map((e) => e.action)).toEqual(["return.submit", "return.approve", "return.accept", "return.reopen"]);
    expect(JSON.stringify(history)).not.toMatch(/corrected-cases|april-cases/);
    expect(await figure("aOversight")).toMatchObject({ total: 4, count: 4, cases: ["A-001", "A-002", "A-003", "A-004"].map((ref) => ({ ref, amount: 1 })) });
    // Measured against the timescales the sent figures were computed with, even once the body changes its own.
    await submitter.cases.saveTimescales({ organisationCode: "A1", earlyResolutionDays: 2, closerLookDays: 20 });
    expect(await oversight.cases.figure({ organisationCode: "A1", period: "2025-26 Q1", field: "er_within_timescale", page: 1 })).toMatchObject({ total: 1, cases: [{ ref: "A-001", amount: 1 }] });
    // The body sees its draft: the new cases, and the whole history.
    expect(await figure("a1Approver")).toMatchObject({ total: 30, count: 30 });
    const bodyHistory = await submitter.returns.history({ returnId: opened.returnId });
    expect(bodyHistory.revisions.map((r) => [r.revision, r.status])).toEqual([[1, "accepted"], [2, "draft"]]);
    expect(bodyHistory.events.filter((e) => e.action === "return.computedFromCases").map((e) => e.reason)).toEqual([
      "Computed from the case file april-cases.csv (4 cases)",
      "Computed from the case file corrected-cases.csv (30 cases)",
    ]);

    // A third export replaces the draft's: the second file's cases are no longer kept (no revision
    // was computed from them that could still be sent), the sent revision's are.
    const third = (await upload(world, "a1Submitter", "A1", openCasesFile("M", 12), { period: "2025-26 Q1", dryRun: false }, "final-cases.csv")).result;
    expect(await storedImports()).toEqual([first.importId, third.importId].sort());
    expect((await figure("aOversight")).cases.map((c) => c.ref)).toEqual(["A-001", "A-002", "A-003", "A-004"]);
    expect((await figure("a1Submitter")).cases.map((c) => c.ref)).toEqual(refs(12, "M"));

    // Once the correction is approved, the department sees it, its cases and how it was sent.
    await send(opened.returnId, false);
    expect((await figure("aOversight")).cases.map((c) => c.ref)).toEqual(refs(12, "M"));
    const sentHistory = await oversight.returns.history({ returnId: opened.returnId });
    expect(sentHistory.revisions.map((r) => [r.revision, r.status])).toEqual([[1, "accepted"], [2, "approved"]]);
    expect(sentHistory.events.map((e) => e.action)).toEqual(["return.submit", "return.approve", "return.accept", "return.reopen", "return.submit", "return.approve"]);

    // Revision 1 no longer counts, so the next import lets its cases go; revision 2's stay.
    const fourth = (await upload(world, "a1Submitter", "A1", openCasesFile("P", 3), { dryRun: false }, "later-cases.csv")).result;
    expect(await storedImports()).toEqual([third.importId, fourth.importId].sort());
    expect((await figure("aOversight")).cases.map((c) => c.ref)).toEqual(refs(12, "M"));
  });
});
