import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emailJobHandler, emailJobKind } from "./services/email/outbox.ts";
import { smtpSender } from "./services/email/smtp-sender.ts";
import { createJobRunner } from "./services/jobs/runner.ts";
import { invitationValidMs } from "./services/users.ts";
import { startTestSmtpServer, type TestSmtpServer } from "./testing/smtp-server.ts";
import { createWorld, worldPassword, type World } from "./testing/world.ts";

const publicUrl = "http://127.0.0.1:3999";

describe.each(testDialects())("people administration on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  let smtp: TestSmtpServer;
  let now = new Date("2026-12-08T09:00:00Z");
  const as = (user: Parameters<World["caller"]>[0]) => world.caller(user, { clock: () => now });

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await createWorld(t.db, now);
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
    await t.close();
  });
  beforeEach(() => {
    smtp.messages.length = 0;
  });

  async function deliver(): Promise<void> {
    const runner = createJobRunner({ db: t.db, handlers: { [emailJobKind]: emailJobHandler(smtpSender({ url: smtp.url, from: "noreply@example.gov.uk" }), publicUrl) }, clock: () => now });
    await runner.runOnce();
  }

  /** The token of the one invitation that arrived, after checking where it went and its link. */
  async function invitationSentTo(email: string, app: "agency" | "portal"): Promise<string> {
    await deliver();
    await smtp.waitFor(1);
    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0]!;
    expect(mail.to && "text" in mail.to ? mail.to.text : "").toBe(email);
    const match = new RegExp(`${publicUrl}/${app}/invitation/([A-Za-z0-9_-]{43})`).exec(mail.text ?? "");
    expect(match, mail.text).not.toBeNull();
    return match![1]!;
  }

  /** The audit entries recorded for an organisation, oldest first. */
  async function auditOf(organisationCode: string) {
    const rows = await t.db.selectFrom("audit_log").selectAll().where("organisation_code", "=", organisationCode).orderBy("id").execute();
    return rows.map((r) => ({ action: r.action, actor: r.actor, changes: JSON.parse(r.changes) as unknown }));
  }

  async function codeOf(promise: Promise<unknown>): Promise<string> {
    try {
      await promise;
      return "ok";
    } catch (error) {
      if (error instanceof TRPCError) return `${error.code}: ${error.message}`;
      throw error;
    }
  }

  it("invites a person by email; the link works once, makes the account, signs them in and is audited", async () => {
    const email = "new.submitter@example.gov.uk";
    expect(await as("aAdmin").users.invite({ email: "New.Submitter@example.gov.uk ", role: "submitter", organisationCode: "A2" })).toEqual({ outcome: "invited" });
    const token = await invitationSentTo(email, "agency");
    expect(smtp.messages[0]!.subject).toBe("You have been invited to Complaints oversight for Agency A2");
    // Stored hashed: the token is nowhere in the database.
    expect(JSON.stringify(await t.db.selectFrom("invitations").selectAll().execute())).not.toContain(token);
    expect(JSON.stringify(await t.db.selectFrom("jobs").selectAll().execute())).not.toContain(token);
    // The administrator sees it waiting.
    const listed = await as("aAdmin").users.list({ organisationCode: "A2" });
    expect(listed.invitations.map((i) => [i.email, i.role, i.organisation.code])).toEqual([[email, "submitter", "A2"]]);

    expect(await as(null).auth.invitation({ token })).toEqual({ state: "valid", email, roleLabel: "complaints team (submitter)", organisationName: "Agency A2", app: "agency" });
    expect(await codeOf(as(null).auth.acceptInvitation({ token, name: "New Person", password: "password1234" }))).toBe("BAD_REQUEST: Use a password that is harder to guess: this one is among the most common passwords. Try three or more random words");
    expect(await codeOf(as(null).auth.acceptInvitation({ token, name: " ", password: "a long enough new password" }))).toBe("BAD_REQUEST: name: Enter your full name.");
    let cookie = "";
    const me = await world.caller(null, { clock: () => now, cookies: { set: (value) => (cookie = value), clear: () => {} } }).auth.acceptInvitation({ token, name: "New Person", password: "a long enough new password" });
    expect(me).toMatchObject({ email, displayName: "New Person", role: "submitter", organisationCode: "A2" });
    expect(cookie).not.toBe("");
    expect(await as(null).auth.invitation({ token })).toEqual({ state: "used" });
    expect(await codeOf(as(null).auth.acceptInvitation({ token, name: "Someone", password: "a long enough new password" }))).toBe(
      "NOT_FOUND: This invitation has already been used. Sign in with the email address and password you chose.",
    );
    // The new account signs in with the password chosen.
    expect((await as(null).auth.signIn({ email, password: "a long enough new password" })).email).toBe(email);
    const people = await as("aAdmin").users.list({ organisationCode: "A2" });
    expect(people.invitations).toEqual([]);
    expect(people.people.find((p) => p.email === email)).toMatchObject({ name: "New Person", role: "submitter", organisations: [{ code: "A2", name: "Agency A2" }], active: true });
    const audit = await auditOf("A2");
    expect(audit.map((a) => [a.action, a.actor])).toEqual(expect.arrayContaining([["user.invited", "aadmin@example.gov.uk"], ["user.added", email]]));
  });

  it("a department role's invitation opens the portal; a link stops working after 7 days", async () => {
    await as("aAdmin").users.invite({ email: "analyst@example.gov.uk", role: "oversight", organisationCode: "DEPT-A" });
    const token = await invitationSentTo("analyst@example.gov.uk", "portal");
    const saved = now;
    now = new Date(now.getTime() + invitationValidMs);
    try {
      expect(await as(null).auth.invitation({ token })).toEqual({ state: "expired" });
      expect(await codeOf(as(null).auth.acceptInvitation({ token, name: "Late", password: "a long enough new password" }))).toBe(
        "NOT_FOUND: This invitation has expired. Invitations work for 7 days. Ask whoever invited you to send a new one.",
      );
    } finally {
      now = saved;
    }
    expect(await as(null).auth.invitation({ token: "made-up" })).toEqual({ state: "unknown" });
  });

  it("refuses an invitation of the wrong kind or for another department, storing nothing", async () => {
    const before = await t.db.selectFrom("invitations").selectAll().execute();
    expect(await codeOf(as("aAdmin").users.invite({ email: "x@example.gov.uk", role: "submitter", organisationCode: "DEPT-A" }))).toBe(
      "BAD_REQUEST: A complaints team (submitter) belongs to a body, but Department A is a department.",
    );
    expect(await codeOf(as("aAdmin").users.invite({ email: "x@example.gov.uk", role: "submitter", organisationCode: "B1" }))).toBe("FORBIDDEN: You do not have access to that organisation.");
    expect(await codeOf(as("aAdmin").users.invite({ email: "not an email", role: "submitter", organisationCode: "A1" }))).toBe(
      "BAD_REQUEST: email: Enter an email address in the correct format, like name@example.gov.uk.",
    );
    expect(await t.db.selectFrom("invitations").selectAll().execute()).toEqual(before);
  });

  it("inviting an existing account with the same body role adds the body, and tells them", async () => {
    expect(await as("aAdmin").users.invite({ email: "a1submitter@example.gov.uk", role: "submitter", organisationCode: "A2" })).toEqual({ outcome: "added" });
    await deliver();
    await smtp.waitFor(1);
    expect(smtp.messages[0]!.subject).toBe("You can now use Complaints oversight for Agency A2");
    const people = await as("aAdmin").users.list({ organisationCode: "A2" });
    expect(people.people.find((p) => p.email === "a1submitter@example.gov.uk")?.organisations.map((o) => o.code)).toEqual(["A1", "A2"]);
    expect(await codeOf(as("aAdmin").users.invite({ email: "a1submitter@example.gov.uk", role: "approver", organisationCode: "A2" }))).toBe(
      "CONFLICT: a1submitter@example.gov.uk already has an account as complaints team (submitter). Change their role instead.",
    );
    // And the body can be taken away again.
    await as("aAdmin").users.removeOrganisation({ email: "a1submitter@example.gov.uk", organisationCode: "A2" });
    expect(await codeOf(as("aAdmin").users.removeOrganisation({ email: "a1submitter@example.gov.uk", organisationCode: "A2" }))).toBe("NOT_FOUND: a1submitter@example.gov.uk does not act for Agency A2.");
    expect(await codeOf(as("aAdmin").users.removeOrganisation({ email: "a1submitter@example.gov.uk", organisationCode: "A1" }))).toMatch(/^CONFLICT: Agency A1 is a1submitter@example.gov.uk's own organisation/);
  });

  it("changes a role; a department role drops the person's other bodies", async () => {
    await as("aAdmin").users.addOrganisation({ email: "a2approver@example.gov.uk", organisationCode: "A1" });
    await as("aAdmin").users.changeRole({ email: "a2approver@example.gov.uk", role: "secretariat", organisationCode: "DEPT-A" });
    const person = (await as("aAdmin").users.list()).people.find((p) => p.email === "a2approver@example.gov.uk");
    expect(person).toMatchObject({ role: "secretariat", organisations: [{ code: "DEPT-A", name: "Department A" }] });
    expect(await codeOf(as("aAdmin").users.changeRole({ email: "aadmin@example.gov.uk", role: "oversight", organisationCode: "DEPT-A" }))).toBe(
      "CONFLICT: You cannot change the role of your own account. Ask another administrator.",
    );
    await as("aAdmin").users.changeRole({ email: "a2approver@example.gov.uk", role: "approver", organisationCode: "A2" });
    const audit = await auditOf("DEPT-A");
    expect(audit.find((a) => a.action === "user.role-changed")?.changes).toEqual([
      { field: "role", old: "approver", new: "secretariat" },
      { field: "organisation", old: "A2", new: "DEPT-A" },
    ]);
  });

  it("deactivating ends every session at once and stops sign-in; reactivating lets them back", async () => {
    const email = "a1approver@example.gov.uk";
    let token = "";
    await world.caller(null, { clock: () => now, cookies: { set: (value) => (token = value), clear: () => {} } }).auth.signIn({ email, password: worldPassword });
    const sessions = () => t.db.selectFrom("sessions").select("id").where("user_id", "=", world.users.a1Approver.id).execute();
    expect(await sessions()).toHaveLength(1);
    expect(token).not.toBe("");
    expect(await as("aAdmin").users.deactivate({ email })).toEqual({ sessionsEnded: 1 });
    expect(await sessions()).toHaveLength(0);
    expect(await codeOf(as(null).auth.signIn({ email, password: worldPassword }))).toBe("UNAUTHORIZED: Enter a correct email address and password.");
    expect((await as("aAdmin").users.list({ organisationCode: "A1" })).people.find((p) => p.email === email)?.active).toBe(false);
    expect(await codeOf(as("aAdmin").users.sendPasswordReset({ email }))).toBe(`CONFLICT: The account for ${email} is deactivated. Reactivate it first.`);
    expect(await codeOf(as("aAdmin").users.deactivate({ email: "aadmin@example.gov.uk" }))).toBe("CONFLICT: You cannot deactivate your own account. Ask another administrator.");
    await as("aAdmin").users.reactivate({ email });
    expect((await as(null).auth.signIn({ email, password: worldPassword })).email).toBe(email);
    const actions = (await auditOf("A1")).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["user.deactivated", "user.reactivated"]));
  });

  it("sends a password-reset link that works, in the person's own app", async () => {
    await as("aAdmin").users.sendPasswordReset({ email: "a2submitter@example.gov.uk" });
    await deliver();
    await smtp.waitFor(1);
    const match = new RegExp(`${publicUrl}/agency/reset-password/([A-Za-z0-9_-]{43})`).exec(smtp.messages[0]!.text ?? "");
    expect(match).not.toBeNull();
    expect(await as(null).auth.passwordResetLink({ token: match![1]! })).toEqual({ state: "valid" });
    expect((await auditOf("A2")).map((a) => a.action)).toContain("user.password-reset-sent");
  });

  it("an admin of one department cannot see or touch another's people, nor grant a role on its body", async () => {
    const listed = await as("bAdmin").users.list();
    expect(listed.people.map((p) => p.email).sort()).toEqual(["badmin@example.gov.uk", "b1approver@example.gov.uk", "b1submitter@example.gov.uk", "boversight@example.gov.uk", "bsecretariat@example.gov.uk"].sort());
    const forbidden = "FORBIDDEN: You do not have access to that organisation.";
    expect(await codeOf(as("bAdmin").users.list({ organisationCode: "A1" }))).toBe(forbidden);
    for (const call of [
      () => as("bAdmin").users.deactivate({ email: "a1submitter@example.gov.uk" }),
      () => as("bAdmin").users.sendPasswordReset({ email: "a1submitter@example.gov.uk" }),
      () => as("bAdmin").users.changeRole({ email: "a1submitter@example.gov.uk", role: "submitter", organisationCode: "B1" }),
      // A's admin may not give B's person a role on A's body, nor anyone a role on B's body.
      () => as("aAdmin").users.addOrganisation({ email: "b1submitter@example.gov.uk", organisationCode: "A1" }),
      () => as("aAdmin").users.addOrganisation({ email: "a1submitter@example.gov.uk", organisationCode: "B1" }),
      () => as("aAdmin").users.invite({ email: "b1submitter@example.gov.uk", role: "submitter", organisationCode: "A1" }),
    ]) {
      expect(await codeOf(call())).toBe(forbidden);
    }
  });
});
