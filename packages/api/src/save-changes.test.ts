import { listAudit, loadRevision, type StoredRevision } from "@complaints/db";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { DomainError, currentTemplate, templateFields, type FieldValue } from "@complaints/domain";
import { exampleReturnValues } from "@complaints/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SaveConflict } from "./services/save-changes.ts";
import { createWorld, rejection, type World } from "./testing/world.ts";

/** The answers of one section of the form, as the browser would send after someone filled it in. */
function section(id: string): Record<string, FieldValue> {
  const example = exampleReturnValues();
  return Object.fromEntries(templateFields(currentTemplate, []).filter((f) => f.section === id && f.id in example).map((f) => [f.id, example[f.id]!]));
}

/** What the browser sends: each changed answer with the value it started from. */
function changes<T>(base: Readonly<Record<string, T>>, to: Readonly<Record<string, T | null>>) {
  return Object.fromEntries(Object.entries(to).map(([k, v]) => [k, { from: base[k] ?? null, to: v }]));
}

describe.each(testDialects())("saving a draft's changes field by field on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  let quarter = 0;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await createWorld(t.db);
  });
  afterAll(() => t.close());

  /** A fresh draft of A1's, each in a quarter of its own (2015-16 onwards: no history to warn against). */
  async function freshDraft(): Promise<StoredRevision> {
    const period = `${2015 + Math.floor(quarter / 4)}-${String((16 + Math.floor(quarter / 4)) % 100).padStart(2, "0")} Q${(quarter % 4) + 1}`;
    quarter += 4; // a year apart, so no draft carries figures into the next one
    await world.caller("aAdmin").windows.open({ departmentCode: "DEPT-A", period, dueDate: null });
    return world.caller("a1Submitter").returns.openDraft({ organisationCode: "A1", period });
  }

  /** Everything stored about a return: its current revision and its audit log. */
  async function storedState(returnId: string) {
    return { revision: await loadRevision(t.db, returnId), audit: await listAudit(t.db, "return", returnId) };
  }

  async function conflictOf(promise: Promise<unknown>) {
    const error = await rejection(promise);
    expect(error.code).toBe("CONFLICT");
    expect(error.cause).toBeInstanceOf(DomainError);
    return { message: error.message, details: (error.cause as DomainError).details as { currentVersion: number; conflicts: SaveConflict[] } };
  }

  it("keeps both colleagues' sections when they save from the same version, and says the second was merged", async () => {
    const draft = await freshDraft();
    const flow = section("flow");
    const stages = section("stages");
    expect(Object.keys(stages).length).toBeGreaterThanOrEqual(12);

    const first = await world.caller("a1Submitter").returns.saveChanges({ returnId: draft.returnId, baseVersion: draft.version, values: changes(draft.values, flow) });
    expect(first.merged).toBe(false);
    expect(first.return.version).toBe(draft.version + 1);
    const second = await world.caller("a1Submitter2").returns.saveChanges({ returnId: draft.returnId, baseVersion: draft.version, values: changes(draft.values, stages) });
    expect(second.merged).toBe(true);
    expect(second.return.version).toBe(draft.version + 2);
    expect(second.return.values).toEqual({ ...draft.values, ...flow, ...stages });

    const { revision, audit } = await storedState(draft.returnId);
    expect(revision!.values).toEqual({ ...draft.values, ...flow, ...stages });
    // The result is what was stored, so it is the next save's base.
    expect(second.return).toEqual(revision);
    // Each save's audit entry lists only its own answers.
    const saves = audit.filter((e) => e.action === "return.saved");
    expect(saves.map((e) => e.actor)).toEqual(["a1submitter@example.gov.uk", "a1submitter2@example.gov.uk"]);
    expect(saves[1]!.changes.map((c) => c.field).sort()).toEqual(Object.keys(stages).sort());
    expect(saves[1]!.changes).toContainEqual({ field: "er_closed", old: null, new: stages.er_closed });
  });

  it("merges a save whose base is stale when the answers it changes are untouched, and blanks an answer", async () => {
    const draft = await freshDraft();
    const a = await world.caller("a1Submitter").returns.saveChanges({ returnId: draft.returnId, baseVersion: draft.version, values: { received: { from: null, to: 10 }, withdrawn: { from: null, to: 1 } } });
    const b = await world.caller("a1Submitter").returns.saveChanges({ returnId: draft.returnId, baseVersion: a.return.version, values: { received: { from: 10, to: 11 } } });
    // Someone who opened the return before both saves blanks the withdrawn figure and fills in another.
    const late = await world.caller("a1Submitter2").returns.saveChanges({ returnId: draft.returnId, baseVersion: a.return.version, values: { withdrawn: { from: 1, to: null }, cl_closed: { from: null, to: 4 } } });
    expect(late.merged).toBe(true);
    expect(late.return.version).toBe(b.return.version + 1);
    expect((await storedState(draft.returnId)).revision!.values).toEqual({ ...draft.values, received: 11, cl_closed: 4 });
  });

  it("refuses a clash on the same answer with both values, and stores nothing of that save", async () => {
    const draft = await freshDraft();
    const mine = await world.caller("a1Submitter").returns.saveChanges({ returnId: draft.returnId, baseVersion: draft.version, values: { received: { from: null, to: 10 } } });
    const before = await storedState(draft.returnId);

    const clash = await conflictOf(
      world.caller("a1Submitter2").returns.saveChanges({ returnId: draft.returnId, baseVersion: draft.version, values: { received: { from: null, to: 12 }, withdrawn: { from: null, to: 2 } } }),
    );
    expect(clash.message).toBe(
      "Someone else changed 1 answer on this return since you opened it (‘Complaints received’). Nothing you sent was saved. Choose which version of each to keep, then save again.",
    );
    expect(clash.details).toEqual({ currentVersion: mine.return.version, conflicts: [{ kind: "value", key: "received", label: "Complaints received", yours: 12, theirs: 10 }] });
    // Not even the answer that did not clash was saved.
    expect(await storedState(draft.returnId)).toEqual(before);

    // The user keeps their own figure: resent with `from` = theirs, it is saved.
    const resent = await world.caller("a1Submitter2").returns.saveChanges({ returnId: draft.returnId, baseVersion: clash.details.currentVersion, values: { received: { from: 10, to: 12 }, withdrawn: { from: null, to: 2 } } });
    expect(resent.merged).toBe(false);
    expect(resent.return.values).toMatchObject({ received: 12, withdrawn: 2 });
  });

  it("is no clash when both made the same change, and writes nothing when nothing changes", async () => {
    const draft = await freshDraft();
    const a = await world.caller("a1Submitter").returns.saveChanges({ returnId: draft.returnId, baseVersion: draft.version, values: { received: { from: null, to: 10 } } });
    const before = await storedState(draft.returnId);
    const b = await world.caller("a1Submitter2").returns.saveChanges({ returnId: draft.returnId, baseVersion: draft.version, values: { received: { from: null, to: 10 } } });
    expect(b).toEqual({ return: a.return, merged: true });
    expect(await storedState(draft.returnId)).toEqual(before);
  });

  it("merges and refuses notes and explanations the same way, labelling a warning by its message", async () => {
    const draft = await freshDraft();
    // Themes that fall short of complaints received: a warning to explain.
    const values = exampleReturnValues({ theme_delay: 0, theme_communication: 0, theme_decision: 0, withdrawn: "[x]" });
    const filled = await world.caller("a1Submitter").returns.saveChanges({
      returnId: draft.returnId,
      baseVersion: draft.version,
      values: changes(draft.values, values),
      notes: { withdrawn: { from: null, to: "Not recorded this quarter" } },
      explanations: { themes_cover_received: { from: null, to: "Themes were coded from May." } },
    });
    const warning = (await world.caller("a1Submitter").returns.validate({ returnId: draft.returnId })).warnings.find((w) => w.id === "themes_cover_received")!;
    const base = filled.return;

    await world.caller("a1Submitter").returns.saveChanges({
      returnId: draft.returnId,
      baseVersion: base.version,
      notes: { withdrawn: { from: "Not recorded this quarter", to: "Our system was down" } },
      explanations: { themes_cover_received: { from: "Themes were coded from May.", to: "Coding began in May." } },
    });
    const before = await storedState(draft.returnId);
    const clash = await conflictOf(
      world.caller("a1Submitter2").returns.saveChanges({
        returnId: draft.returnId,
        baseVersion: base.version,
        notes: { withdrawn: { from: "Not recorded this quarter", to: "Outage" } },
        explanations: { themes_cover_received: { from: "Themes were coded from May.", to: "Late start." } },
      }),
    );
    expect(clash.message).toMatch(/^Someone else changed 2 answers on this return since you opened it \(‘Complaints withdrawn’, ‘.+’\)\./);
    expect(clash.details.conflicts).toEqual([
      { kind: "note", key: "withdrawn", label: "Complaints withdrawn", yours: "Outage", theirs: "Our system was down" },
      { kind: "explanation", key: "themes_cover_received", label: warning.message, yours: "Late start.", theirs: "Coding began in May." },
    ]);
    expect(await storedState(draft.returnId)).toEqual(before);

    // A note on an answer someone else changed merges beside it.
    const merged = await world.caller("a1Submitter2").returns.saveChanges({ returnId: draft.returnId, baseVersion: base.version, notes: { received: { from: null, to: "Includes a campaign" } } });
    expect(merged.merged).toBe(true);
    expect(merged.return.notes).toEqual({ withdrawn: "Our system was down", received: "Includes a campaign" });
    expect(merged.return.explanations).toEqual({ themes_cover_received: "Coding began in May." });
  });

  it("checks explanations against the merged figures: a warning someone else's figures raised can be explained", async () => {
    const draft = await freshDraft();
    const full = await world.caller("a1Submitter").returns.saveChanges({ returnId: draft.returnId, baseVersion: draft.version, values: changes(draft.values, exampleReturnValues()) });
    // Explaining a warning the return does not have is refused, naming it.
    const stray = await rejection(
      world.caller("a1Submitter2").returns.saveChanges({ returnId: draft.returnId, baseVersion: full.return.version, explanations: { themes_cover_received: { from: null, to: "Late coding." } } }),
    );
    expect(stray.code).toBe("BAD_REQUEST");
    expect(stray.message).toBe("There is no warning “themes_cover_received” on this return to explain (your changes may have cleared it): remove that explanation.");

    // One colleague's figures raise the warning; the other, from the older version, explains it.
    const lowered = await world.caller("a1Submitter").returns.saveChanges({ returnId: draft.returnId, baseVersion: full.return.version, values: { theme_delay: { from: 50, to: 0 } } });
    const explained = await world.caller("a1Submitter2").returns.saveChanges({ returnId: draft.returnId, baseVersion: full.return.version, explanations: { themes_cover_received: { from: null, to: "Late coding." } } });
    expect(explained).toMatchObject({ merged: true, return: { version: lowered.return.version + 1, explanations: { themes_cover_received: "Late coding." }, values: { theme_delay: 0 } } });
  });

  it("refuses an unknown field and a note without a figure, naming the field, and stores nothing", async () => {
    const draft = await freshDraft();
    const saved = await world.caller("a1Submitter").returns.saveChanges({ returnId: draft.returnId, baseVersion: draft.version, values: { received: { from: null, to: 5 } }, notes: { received: { from: null, to: "Estimated" } } });
    const before = await storedState(draft.returnId);
    const cases: [unknown, string][] = [
      [{ values: { nonsense: { from: null, to: 1 } } }, "“nonsense” is not a field of the return."],
      // A service area another body has: a field of the template, but not of this return.
      [{ values: { "received_by_service_area.passports": { from: null, to: 1 } } }, "“received_by_service_area.passports” is not a field of this return (template version 2, for Agency A1)."],
      [{ notes: { withdrawn: { from: null, to: "Why" } } }, "The note on ‘Complaints withdrawn’ needs a figure, or [x] or [z], to go with it."],
      // Blanking a figure that has a note leaves the note without one.
      [{ values: { received: { from: 5, to: null } } }, "The note on ‘Complaints received’ needs a figure, or [x] or [z], to go with it."],
      [{ values: { received: { from: 5, to: -2 } } }, "‘Complaints received’ cannot be negative."],
      [{ values: { received: 6 } }, "‘Complaints received’: send what you started from (from) and the new answer (to), null for blank."],
    ];
    for (const [change, message] of cases) {
      const error = await rejection(world.caller("a1Submitter").returns.saveChanges({ returnId: draft.returnId, baseVersion: saved.return.version, ...(change as object) } as never));
      expect([error.code, error.message]).toEqual(["BAD_REQUEST", message]);
    }
    expect(await storedState(draft.returnId)).toEqual(before);
    // Blanking the figure and removing its note together is fine.
    const cleared = await world.caller("a1Submitter").returns.saveChanges({ returnId: draft.returnId, baseVersion: saved.return.version, values: { received: { from: 5, to: null } }, notes: { received: { from: "Estimated", to: null } } });
    expect([cleared.return.values, cleared.return.notes]).toEqual([draft.values, {}]);
  });

  it("refuses an approver, a department user and another body's submitter", async () => {
    const draft = await freshDraft();
    const input = { returnId: draft.returnId, baseVersion: draft.version, values: { received: { from: null, to: 5 } } };
    for (const [user, message] of [
      ["a1Approver", "Your role does not allow this."],
      ["aOversight", "Your role does not allow this."],
      ["a2Submitter", "You do not have access to that organisation."],
      ["b1Submitter", "You do not have access to that organisation."],
    ] as const) {
      const error = await rejection(world.caller(user).returns.saveChanges(input));
      expect([user, error.code, error.message]).toEqual([user, "FORBIDDEN", message]);
    }
    expect((await storedState(draft.returnId)).revision!.version).toBe(draft.version);
  });

  it("saves only a draft or a return back with the body, never a submitted one", async () => {
    const draft = await freshDraft();
    const full = await world.caller("a1Submitter").returns.saveChanges({ returnId: draft.returnId, baseVersion: draft.version, values: changes(draft.values, exampleReturnValues()) });
    const submitted = await world.caller("a1Submitter").returns.submit({ returnId: draft.returnId, expectedVersion: full.return.version });
    const before = await storedState(draft.returnId);
    const locked = await rejection(world.caller("a1Submitter").returns.saveChanges({ returnId: draft.returnId, baseVersion: submitted.version, values: { received: { from: 120, to: 121 } } }));
    expect([locked.code, locked.message]).toEqual(["PRECONDITION_FAILED", "You cannot save a return that is waiting for sign-off. That is possible only when it is in draft or returned to the body."]);
    expect(await storedState(draft.returnId)).toEqual(before);

    const sentBack = await world.caller("a1Approver").returns.sendBack({ returnId: draft.returnId, expectedVersion: submitted.version, reason: "Check received" });
    const corrected = await world.caller("a1Submitter").returns.saveChanges({ returnId: draft.returnId, baseVersion: sentBack.version, values: { received: { from: 120, to: 121 } } });
    expect(corrected.return).toMatchObject({ status: "returned", values: { received: 121 } });
  });

  it("never overwrites silently when saves race: each compare-and-set that loses merges again", async () => {
    const draft = await freshDraft();
    const fields = ["received", "withdrawn", "er_closed", "cl_closed", "escalated_to_closer_look", "carried_forward"];
    const users = ["a1Submitter", "a1Submitter2"] as const;
    const results = await Promise.all(
      fields.map((field, i) => world.caller(users[i % 2]!).returns.saveChanges({ returnId: draft.returnId, baseVersion: draft.version, values: { [field]: { from: null, to: i + 1 } } })),
    );
    expect(results.map((r) => r.return.version).sort((a, b) => a - b)).toEqual(fields.map((_, i) => draft.version + i + 1));
    const { revision, audit } = await storedState(draft.returnId);
    expect(revision!.values).toEqual({ ...draft.values, ...Object.fromEntries(fields.map((f, i) => [f, i + 1])) });
    expect(audit.filter((e) => e.action === "return.saved")).toHaveLength(fields.length);
  });

  it("lets one of several racing saves of the same answer win, and the others see a clash with the winner's figure", async () => {
    const draft = await freshDraft();
    const users = ["a1Submitter", "a1Submitter2"] as const;
    const outcomes = await Promise.allSettled(
      [1, 2, 3, 4].map((n) => world.caller(users[n % 2]!).returns.saveChanges({ returnId: draft.returnId, baseVersion: draft.version, values: { received: { from: null, to: n } } })),
    );
    const won = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
    expect(won).toHaveLength(1);
    const stored = (await storedState(draft.returnId)).revision!;
    expect(stored.values.received).toBe(won[0]!.return.values.received);
    expect(stored.version).toBe(draft.version + 1);
    for (const o of outcomes) {
      if (o.status === "fulfilled") continue;
      const details = (o.reason as { cause: DomainError }).cause.details as { conflicts: SaveConflict[] };
      expect(details.conflicts).toEqual([expect.objectContaining({ key: "received", theirs: stored.values.received })]);
    }
  });
});
