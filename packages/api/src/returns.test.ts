import { randomUUID } from "node:crypto";
import { insertReturnsInBulk } from "@complaints/db";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { periodIndex, requirePeriod } from "@complaints/domain";
import { exampleReturnValues } from "@complaints/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World, rejection } from "./testing/world.ts";


describe.each(testDialects())("the return workflow on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await createWorld(t.db);
  });
  afterAll(() => t.close());

  it("runs draft → submitted → approved → returned (revision 2) → submitted → approved → accepted → revision 3", async () => {
    const submitter = world.caller("a1Submitter");
    const approver = world.caller("a1Approver");
    const oversight = world.caller("aOversight");

    // Last quarter's return, so brought_forward is filled in from its carried_forward.
    await world.caller("aAdmin").windows.open({ departmentCode: "DEPT-A", period: "2024-25 Q4", dueDate: null });
    const previous = await submitter.returns.openDraft({ organisationCode: "A1", period: "2024-25 Q4" });
    await submitter.returns.save({ returnId: previous.returnId, expectedVersion: previous.version, values: exampleReturnValues({ carried_forward: 45 }) });

    const draft = await submitter.returns.openDraft({ organisationCode: "A1", period: "2025-26 Q1" });
    expect(draft.status).toBe("draft");
    expect(draft.values).toEqual({ brought_forward: 45 });
    expect(draft.revision).toBe(1);
    // Opening again gives back the same return.
    expect((await submitter.returns.openDraft({ organisationCode: "A1", period: "2025-26 Q1" })).returnId).toBe(draft.returnId);

    // Incomplete: cannot submit, with the reasons.
    const incomplete = await rejection(submitter.returns.submit({ returnId: draft.returnId, expectedVersion: draft.version }));
    expect(incomplete.code).toBe("UNPROCESSABLE_CONTENT");
    expect(incomplete.message).toMatch(/^This return cannot be submitted yet: \d+ problems to fix\.$/);

    const saved = await submitter.returns.save({ returnId: draft.returnId, expectedVersion: draft.version, values: exampleReturnValues({ theme_delay: 0, theme_communication: 0, theme_decision: 0 }) });
    expect(saved.version).toBe(draft.version + 1);
    const validation = await submitter.returns.validate({ returnId: draft.returnId });
    expect(validation.errors).toEqual([]);
    expect(validation.unexplained.map((w) => w.id)).toEqual(["themes_cover_received"]);
    expect((await rejection(submitter.returns.submit({ returnId: draft.returnId, expectedVersion: saved.version }))).message).toBe(
      "This return cannot be submitted yet: 1 warning to explain.",
    );

    const explained = await submitter.returns.save({
      returnId: draft.returnId,
      expectedVersion: saved.version,
      values: exampleReturnValues({ theme_delay: 0, theme_communication: 0, theme_decision: 0 }),
      explanations: { themes_cover_received: "We started coding themes halfway through the quarter." },
    });
    const submitted = await submitter.returns.submit({ returnId: draft.returnId, expectedVersion: explained.version });
    expect(submitted.status).toBe("submitted");
    // Not yet with the department: timeliness counts from the first approval.
    expect(submitted.receivedAt).toBeNull();

    // Editing after submission is refused.
    const locked = await rejection(submitter.returns.save({ returnId: draft.returnId, expectedVersion: submitted.version, values: {} }));
    expect(locked.code).toBe("PRECONDITION_FAILED");
    expect(locked.message).toBe("You cannot save a return that is submitted for approval. That is possible only when it is draft or returned for changes.");

    // Segregation of duties: a submitter cannot approve (wrong role), and an approver who submitted could not either.
    const approved = await approver.returns.approve({ returnId: draft.returnId, expectedVersion: submitted.version });
    expect(approved.status).toBe("approved");
    expect(approved.approvedBy).toBe(world.users.a1Approver.id);
    expect(approved.receivedAt).toBe(world.now.toISOString());

    const returned = await oversight.returns.returnToBody({ returnId: draft.returnId, expectedVersion: approved.version, reason: "Please check the Ombudsman figures." });
    expect(returned.status).toBe("returned");
    expect(returned.returnReason).toBe("Please check the Ombudsman figures.");
    // The revision returned is kept as it was sent; the body corrects revision 2.
    expect(returned.revision).toBe(2);
    const tracked = await oversight.tracker.forPeriod({ departmentCode: "DEPT-A", period: "2025-26 Q1" });
    expect(tracked.rows.find((r) => r.organisationCode === "A1")).toMatchObject({ status: "returned", returnedBy: "department" });

    // Returned: the body edits and submits again; the first submission time is kept for timeliness.
    const corrected = await world.caller("a1Submitter2").returns.save({
      returnId: draft.returnId,
      expectedVersion: returned.version,
      values: exampleReturnValues({ phso_referred: 4 }),
    });
    expect(corrected.status).toBe("returned");
    const resubmitted = await world.caller("a1Submitter2").returns.submit({ returnId: draft.returnId, expectedVersion: corrected.version });
    expect(resubmitted.receivedAt).toBe(approved.receivedAt);
    // A fresh sign-off is needed: the earlier approval and decision are cleared.
    expect([resubmitted.approvedBy, resubmitted.decidedBy, resubmitted.returnReason]).toEqual([null, null, null]);
    const reapproved = await approver.returns.approve({ returnId: draft.returnId, expectedVersion: resubmitted.version });
    const accepted = await oversight.returns.accept({ returnId: draft.returnId, expectedVersion: reapproved.version });
    expect(accepted.status).toBe("accepted");

    // Accepted is locked; a correction opens revision 3 and keeps revision 2.
    expect((await rejection(submitter.returns.save({ returnId: draft.returnId, expectedVersion: accepted.version, values: {} }))).code).toBe("PRECONDITION_FAILED");
    const reopenedForDepartment = await oversight.returns.reopen({ returnId: draft.returnId, expectedVersion: accepted.version, reason: "Body found 2 more complaints." });
    // The department goes on seeing the accepted figures; the body works on revision 3.
    expect(reopenedForDepartment).toMatchObject({ revision: 2, status: "accepted" });
    const reopened = await submitter.returns.get({ returnId: draft.returnId });
    expect(reopened.revision).toBe(3);
    expect(reopened.status).toBe("draft");
    const revised = await submitter.returns.save({
      returnId: draft.returnId,
      expectedVersion: reopened.version,
      values: { ...reopened.values, received: 122, carried_forward: 47, "received_by_channel.online": 62 },
      notes: reopened.notes,
      explanations: reopened.explanations,
    });
    const revision2 = await submitter.returns.get({ returnId: draft.returnId, revision: 2 });
    expect(revision2.status).toBe("accepted");
    expect(revision2.values.received).toBe(120);
    expect(revised.values.received).toBe(122);
    expect(await submitter.returns.diff({ returnId: draft.returnId, from: 2, to: 3 })).toEqual([
      { fieldId: "carried_forward", label: "Open at the end of the quarter", from: 45, to: 47 },
      { fieldId: "received", label: "Complaints received", from: 120, to: 122 },
      { fieldId: "received_by_channel.online", label: "Complaints received by channel: Online form", from: 60, to: 62 },
    ]);

    const history = await oversight.returns.history({ returnId: draft.returnId });
    // The department sees what was sent to it: the revision it returned and the one it accepted, not the correction being prepared.
    expect(history.revisions.map((r) => [r.revision, r.status])).toEqual([[1, "returned"], [2, "accepted"]]);
    // The department sees the workflow, not the body's drafting (whose changes are draft figures).
    expect(history.events.map((e) => e.action)).toEqual([
      "return.submit", "return.approve", "return.return", "return.submit", "return.approve", "return.accept", "return.reopen",
    ]);
    const bodyHistory = await submitter.returns.history({ returnId: draft.returnId });
    expect(bodyHistory.events.map((e) => e.action)).toEqual([
      "return.opened", "return.saved", "return.saved", "return.submit", "return.approve", "return.return",
      "return.saved", "return.submit", "return.approve", "return.accept", "return.reopen", "return.saved",
    ]);
    const returnEvent = history.events.find((e) => e.action === "return.return")!;
    expect(returnEvent).toMatchObject({
      actor: "aoversight@example.gov.uk",
      reason: "Please check the Ombudsman figures.",
      changes: [{ field: "status", old: "approved", new: "returned" }, { field: "revision", old: 1, new: 2 }],
    });
    const lastSave = bodyHistory.events.at(-1)!;
    expect(lastSave.changes).toContainEqual({ field: "received", old: 120, new: 122 });
  });

  it("refuses a save based on a stale version and keeps the other person's figures", async () => {
    const a = world.caller("a1Submitter");
    const b = world.caller("a1Submitter2");
    await world.caller("aAdmin").windows.open({ departmentCode: "DEPT-A", period: "2025-26 Q2", dueDate: null });
    const draft = await a.returns.openDraft({ organisationCode: "A1", period: "2025-26 Q2" });
    const first = await a.returns.save({ returnId: draft.returnId, expectedVersion: draft.version, values: { received: 10 } });
    const stale = await rejection(b.returns.save({ returnId: draft.returnId, expectedVersion: draft.version, values: { received: 99 } }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toContain("Nothing you sent was saved");
    const now = await a.returns.get({ returnId: draft.returnId });
    expect(now.values.received).toBe(10);
    expect(now.version).toBe(first.version);
  });

  it("refuses bad values with the field named and stores nothing", async () => {
    const a = world.caller("a1Submitter");
    const draft = await a.returns.openDraft({ organisationCode: "A1", period: "2025-26 Q2" });
    const bad = await rejection(a.returns.save({ returnId: draft.returnId, expectedVersion: draft.version, values: { received: -3, withdrawn: "lots", nonsense: 1 } }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).toContain("‘Complaints received’ cannot be negative");
    expect(bad.message).toContain("“nonsense” is not a field of the return");
    expect((await a.returns.get({ returnId: draft.returnId })).version).toBe(draft.version);
  });

  it("refuses notes with nothing to explain, and trims text", async () => {
    const a = world.caller("a1Submitter");
    const draft = await a.returns.openDraft({ organisationCode: "A1", period: "2025-26 Q2" });
    const blank = await rejection(a.returns.save({ returnId: draft.returnId, expectedVersion: draft.version, values: { received: 3 }, notes: { compliments: "none this quarter", nonsense: "x" } }));
    expect(blank.code).toBe("BAD_REQUEST");
    expect(blank.message).toBe("The note on ‘Compliments and thanks’ needs a figure, or [x] or [z], to go with it. A note names nonsense, which is not a field of this return.");
    const saved = await a.returns.save({ returnId: draft.returnId, expectedVersion: draft.version, values: { received: 3, compliments: "[x]", key_themes: "  Delay  " }, notes: { compliments: "Not counted yet" } });
    expect(saved.values).toMatchObject({ compliments: "[x]", key_themes: "Delay" });
    expect(saved.notes).toEqual({ compliments: "Not counted yet" });
  });

  it.each([
    ["a blank note", { notes: { received: "   " } }, "notes.received", "The note on ‘Complaints received’ is blank: write it, or leave it out"],
    ["a note that is not text", { notes: { received: 12 } }, "notes.received", "The note on ‘Complaints received’ must be text"],
    ["a blank explanation", { explanations: { themes_cover_received: "" } }, "explanations.themes_cover_received", "The explanation of warning “themes_cover_received” is blank"],
    ["an explanation that is not text", { explanations: { themes_cover_received: ["x"] } }, "explanations.themes_cover_received", "must be text"],
    ["an explanation of a warning the return does not have", { explanations: { outlier_received: "A big quarter" } }, "explanations.outlier_received", "There is no warning “outlier_received” on this return to explain"],
    ["a __proto__ key", { values: JSON.parse('{"__proto__": {"received": 1}}') }, "values", "is not a field or warning of a return"],
    ["a NUL character in a narrative", { values: { received: 3, key_themes: "Delay\u0000s" } }, "values.key_themes", "‘Key themes this quarter’ contains a NUL character (U+0000) at character 6"],
    ["a lone surrogate in a note", { notes: { received: "Counted \ud83d" } }, "notes.received", "The note on ‘Complaints received’ contains half of a character"],
    ["a NUL character in an explanation", { explanations: { themes_cover_received: "\u0000" } }, "explanations.themes_cover_received", "contains a NUL character"],
    ["a long note", { notes: { received: "x".repeat(2001) } }, "notes.received", "is 2,001 characters long; the most is 2,000"],
    ["190 explanations of 5,000 characters", { explanations: Object.fromEntries(Array.from({ length: 190 }, (_, i) => [`warning_${i}`, "x".repeat(5000)])) }, "values", "more than 100,000 characters of text"],
  ])("refuses %s with BAD_REQUEST naming it, and records nothing", async (_what, extra, field, message) => {
    const a = world.caller("a1Submitter");
    await world.caller("aAdmin").windows.open({ departmentCode: "DEPT-A", period: "2025-26 Q4", dueDate: null });
    const draft = await a.returns.openDraft({ organisationCode: "A1", period: "2025-26 Q4" });
    const before = await a.returns.history({ returnId: draft.returnId });
    const input = { returnId: draft.returnId, expectedVersion: draft.version, values: { received: 3, ...(extra as { values?: object }).values }, ...extra, ...("values" in extra ? { values: extra.values } : {}) };
    const refused = await rejection(a.returns.save(input as Parameters<typeof a.returns.save>[0]));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toContain(message);
    expect(refused.message).not.toMatch(/^\[|"code"|"path"/); // plain English, not zod's issue list
    const issues = refused.cause instanceof Error && "issues" in refused.cause ? (refused.cause.issues as { path: PropertyKey[] }[]).map((i) => i.path.join(".")) : ((refused.cause as { details?: { issues: { field: string }[] } }).details?.issues ?? []).map((i) => i.field);
    expect(issues.some((f) => f.startsWith(field))).toBe(true);
    const after = await a.returns.history({ returnId: draft.returnId });
    expect(after.events).toHaveLength(before.events.length);
    expect((await a.returns.get({ returnId: draft.returnId })).version).toBe(draft.version);
  });

  it("does not let the submitter approve their own return, even holding both roles' duties", async () => {
    // Same person: the approver submits (as if they also had the submitter role) — simulated by the
    // approver being recorded as submitter.
    const s = world.caller("a2Submitter");
    const draft = await s.returns.openDraft({ organisationCode: "A2", period: "2025-26 Q1" });
    const saved = await s.returns.save({ returnId: draft.returnId, expectedVersion: draft.version, values: exampleReturnValues() });
    await s.returns.submit({ returnId: draft.returnId, expectedVersion: saved.version });
    // An approver account for A2 with the same user id as the submitter.
    const sameUser = { ...world.users.a2Submitter, role: "approver" as const };
    const caller = world.caller(null, { user: sameUser });
    const current = await s.returns.get({ returnId: draft.returnId });
    const refused = await rejection(caller.returns.approve({ returnId: draft.returnId, expectedVersion: current.version }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toBe("You submitted this return, so someone else must approve it.");
  });

  it("refuses drafts outside an open window or for bodies not active then", async () => {
    const a = world.caller("a1Submitter");
    expect((await rejection(a.returns.openDraft({ organisationCode: "A1", period: "2026-27 Q1" }))).message).toBe(
      "Returns for Apr to Jun 2026 are not open. Your department opens each quarter's reporting window.",
    );
    await world.caller("aAdmin").windows.close({ departmentCode: "DEPT-A", period: "2025-26 Q2" });
    expect((await rejection(world.caller("a2Submitter").returns.openDraft({ organisationCode: "A2", period: "2025-26 Q2" }))).code).toBe("PRECONDITION_FAILED");
  });

  it("tracks every expected body with status and timeliness", async () => {
    const tracker = await world.caller("aOversight").tracker.forPeriod({ departmentCode: "DEPT-A", period: "Apr to Jun 2025" });
    expect(tracker.periodLabel).toBe("Apr to Jun 2025");
    // A-OLD closed in March 2024, so it is not expected.
    expect(tracker.rows.map((r) => [r.organisationCode, r.status, r.dueDate, r.timeliness])).toEqual([
      // A1 reached the department on time, was accepted and is being corrected; A2 awaits its approver.
      ["A1", "accepted", "2025-07-28", "on time"],
      ["A2", "submitted", "2025-07-28", "not yet due"],
    ]);
    expect(tracker.rows.map((r) => r.statusLabel)).toEqual(["Accepted, correction in progress", "Awaiting sign-off"]);
    expect(tracker.rows.map((r) => r.bodyType)).toEqual(["executive agency", "executive non-departmental public body"]);
    expect(tracker.summary).toEqual({ expected: 2, received: 1, accepted: 1, onTime: 1, late: 0, returned: 0 });

    const later = createWorldCaller(world, new Date("2025-08-01T12:00:00Z"));
    await world.caller("aAdmin").windows.open({ departmentCode: "DEPT-A", period: "2025-26 Q1", dueDate: "2025-07-09" });
    const late = await later.tracker.forPeriod({ departmentCode: "DEPT-A", period: "2025-26 Q1" });
    // A1 was received against the due date in force then: moving the date earlier later does not re-rate it.
    expect(late.rows.map((r) => [r.dueDate, r.timeliness])).toEqual([["2025-07-28", "on time"], ["2025-07-09", "overdue"]]);
    expect(late.summary).toMatchObject({ received: 1, onTime: 1, late: 1 });

    // The approver sends A2's return back; the tracker says who returned it.
    const a2 = (await world.caller("a2Submitter").returns.find({ organisationCode: "A2", period: "2025-26 Q1" }))!;
    const a2Approver = world.caller(null, { user: { ...world.users.a1Approver, organisationCode: "A2" } });
    await a2Approver.returns.sendBack({ returnId: a2.returnId, expectedVersion: a2.version, reason: "Add the Ombudsman figures" });
    const after = await world.caller("aOversight").tracker.forPeriod({ departmentCode: "DEPT-A", period: "2025-26 Q1" });
    expect(after.rows.map((r) => [r.organisationCode, r.status, r.returnedBy])).toEqual([
      ["A1", "accepted", null],
      ["A2", "returned", "approver"],
    ]);
  });

  it("fills in last quarter's figure as sent, and asks for an explanation when this quarter's differs", async () => {
    const admin = world.caller("aAdmin");
    for (const period of ["2023-24 Q2", "2023-24 Q3"]) await admin.windows.open({ departmentCode: "DEPT-A", period, dueDate: null });
    const submitter = world.caller("a2Submitter");
    const last = await submitter.returns.openDraft({ organisationCode: "A2", period: "2023-24 Q2" });
    const saved = await submitter.returns.save({ returnId: last.returnId, expectedVersion: last.version, values: exampleReturnValues() });
    const submitted = await submitter.returns.submit({ returnId: last.returnId, expectedVersion: saved.version });
    await world.caller("a2Approver").returns.approve({ returnId: last.returnId, expectedVersion: submitted.version });

    const draft = await submitter.returns.openDraft({ organisationCode: "A2", period: "2023-24 Q3" });
    expect(draft.values).toEqual({ brought_forward: exampleReturnValues().carried_forward });
    const changed = exampleReturnValues({ brought_forward: 41, carried_forward: 46 });
    const edited = await submitter.returns.save({ returnId: draft.returnId, expectedVersion: draft.version, values: changed });
    const validation = await submitter.returns.validate({ returnId: draft.returnId });
    expect(validation.warnings.find((w) => w.id === "carried:brought_forward")?.message).toContain(`as sent to the department is ${exampleReturnValues().carried_forward}`);
    // The warning is answered with an explanation, which is kept.
    const explained = await submitter.returns.save({ returnId: draft.returnId, expectedVersion: edited.version, values: changed, explanations: { "carried:brought_forward": "One complaint was found open after last quarter was sent." } });
    expect((await submitter.returns.validate({ returnId: explained.returnId })).unexplained.map((w) => w.id)).not.toContain("carried:brought_forward");
  });

  it("rates timeliness against the due date in force when the return arrived, counting an extension made before", async () => {
    const period = "2025-26 Q3";
    const admin = world.caller("aAdmin");
    await admin.windows.open({ departmentCode: "DEPT-A", period, dueDate: "2026-01-20" });
    const submitter = world.caller("a1Submitter");
    const draft = await submitter.returns.openDraft({ organisationCode: "A1", period });
    const saved = await submitter.returns.save({ returnId: draft.returnId, expectedVersion: draft.version, values: exampleReturnValues() });
    const submitted = await submitter.returns.submit({ returnId: draft.returnId, expectedVersion: saved.version });
    // The department extends the deadline before the return is sent; it is sent after the first date.
    await admin.windows.open({ departmentCode: "DEPT-A", period, dueDate: "2026-01-30" });
    const approved = await world.caller("a1Approver", { clock: () => new Date("2026-01-26T09:00:00Z") }).returns.approve({ returnId: draft.returnId, expectedVersion: submitted.version });
    expect(approved).toMatchObject({ receivedAt: "2026-01-26T09:00:00.000Z", dueDateAtReceipt: "2026-01-30" });
    const row = async () => (await world.caller("aOversight").tracker.forPeriod({ departmentCode: "DEPT-A", period })).rows.find((r) => r.organisationCode === "A1");
    expect(await row()).toMatchObject({ dueDate: "2026-01-30", timeliness: "on time" });
    // Moving the date earlier afterwards changes nothing for a return already received.
    await admin.windows.open({ departmentCode: "DEPT-A", period, dueDate: "2026-01-10" });
    expect(await row()).toMatchObject({ dueDate: "2026-01-30", timeliness: "on time" });
  });

  it("lets the body's complaints team reopen its accepted return to correct it, and no other body's", async () => {
    const period = "2020-21 Q1";
    await world.caller("aAdmin").windows.open({ departmentCode: "DEPT-A", period, dueDate: null });
    const submitter = world.caller("a1Submitter");
    const draft = await submitter.returns.openDraft({ organisationCode: "A1", period });
    const saved = await submitter.returns.save({ returnId: draft.returnId, expectedVersion: draft.version, values: exampleReturnValues() });
    const submitted = await submitter.returns.submit({ returnId: draft.returnId, expectedVersion: saved.version });
    const approved = await world.caller("a1Approver").returns.approve({ returnId: draft.returnId, expectedVersion: submitted.version });
    const accepted = await world.caller("aOversight").returns.accept({ returnId: draft.returnId, expectedVersion: approved.version });

    const input = { returnId: draft.returnId, expectedVersion: accepted.version, reason: "We found 2 more complaints." };
    for (const [user, message] of [
      ["a2Submitter", "You do not have access to that organisation."],
      ["b1Submitter", "You do not have access to that organisation."],
      ["a1Approver", "Your role does not allow this."],
    ] as const) {
      const refused = await rejection(world.caller(user).returns.reopen(input));
      expect([user, refused.code, refused.message]).toEqual([user, "FORBIDDEN", message]);
    }
    expect((await submitter.returns.get({ returnId: draft.returnId })).revision).toBe(1);

    const reopened = await submitter.returns.reopen(input);
    expect(reopened).toMatchObject({ revision: 2, status: "draft", reopenReason: "We found 2 more complaints.", values: { received: exampleReturnValues().received } });
    // The department goes on seeing the accepted figures until the correction is approved.
    expect(await world.caller("aOversight").returns.get({ returnId: draft.returnId })).toMatchObject({ revision: 1, status: "accepted" });
    const events = (await world.caller("aOversight").returns.history({ returnId: draft.returnId })).events;
    expect(events.at(-1)).toMatchObject({ action: "return.reopen", actor: "a1submitter@example.gov.uk", reason: "We found 2 more complaints." });
  });

  it("shows history loaded from a file as accepted with its timeliness not recorded, not as overdue", async () => {
    await insertReturnsInBulk(
      t.db,
      [{ returnId: randomUUID(), revisionId: randomUUID(), organisationCode: "A2", period: "2024-25 Q3", periodIndex: periodIndex(requirePeriod("2024-25 Q3")), revision: 1, templateVersion: 1, status: "accepted", values: exampleReturnValues(), notes: {}, existing: false }],
      "import",
      world.now.toISOString(),
    );
    const tracker = await world.caller("aOversight").tracker.forPeriod({ departmentCode: "DEPT-A", period: "2024-25 Q3" });
    expect(tracker.rows.find((r) => r.organisationCode === "A2")).toMatchObject({ status: "accepted", timeliness: "not recorded", receivedAt: null });
    expect(tracker.rows.find((r) => r.organisationCode === "A1")).toMatchObject({ status: "not started", timeliness: "overdue" });
  });
});

function createWorldCaller(world: World, now: Date) {
  return world.caller("aOversight", { clock: () => now });
}
