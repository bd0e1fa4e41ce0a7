import { createWorld } from "@complaints/api/testing";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { exampleActionPlan } from "@complaints/domain/testing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEnv } from "../env.ts";
import { startServer, type RunningServer } from "./serve.ts";

// What a body keeps to itself: exampleActionPlan's complaint references, failing, owner, people's
// involvement and how they are kept informed; the verification of a completed plan; a private plan.
// The action as recorded ("What we changed") is for signed-in department users: only the public summary is published.
const actions = ["Check the address on file before sending renewal letters.", "Rebuild the online form."];
const secrets = [...actions, "What we changed", "CMP-2025-0412", "CMP-2025-0419", "Letters about renewals went to an old address", "Renewals team", "Email update each month", "reviewing_guidance", "Tested with 6 users", "Digital team", "PRIVATE-PLAN", "Jo Bloggs"];

// Summaries that are never published (markers, so a page or file shows whether any of them leaked).
const unpublished = {
  inProgress: "UNPUBLISHED-IN-PROGRESS: you said the phones rang out.",
  notApproved: "UNPUBLISHED-NOT-APPROVED: you said the fees were wrong.",
  withdrawnByDepartment: "UNPUBLISHED-WITHDRAWN-BY-DEPARTMENT: you said the queue was long.",
  withdrawnByApprover: "UNPUBLISHED-WITHDRAWN-BY-APPROVER: you said the counter closed early.",
  approvedThenEdited: "UNPUBLISHED-APPROVED-THEN-EDITED: you said the letter was unclear.",
  editedAfterApproval: "UNPUBLISHED-EDITED-AFTER-APPROVAL: you said the letter was unclear; we rewrote it.",
};

describe.each(testDialects())("published learning over HTTP on %s", (dialect) => {
  let t: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    const world = await createWorld(t.db);
    const a1 = world.caller("a1Submitter");
    const a2 = world.caller("a2Submitter");
    /** Closes a plan as its complaints team and has the body's senior accountable officer approve its summary; gives back its version. */
    const publish = async (submitter: "a1Submitter" | "a2Submitter" | "b1Submitter", id: string, verifiedBy = "Digital team") => {
      const done = await world.caller(submitter).actions.complete({ id, expectedVersion: 1, completedDate: "2025-07-08", verifiedBy, verifiedDate: "2025-07-09", verificationNote: "Tested with 6 users" });
      const approver = submitter.replace("Submitter", "Approver") as "a1Approver" | "a2Approver" | "b1Approver";
      return (await world.caller(approver).actions.approvePublication({ id, expectedVersion: done.version })).version;
    };
    const letters = await a1.actions.create({ organisationCode: "A1", ...exampleActionPlan({ themes: ["communication"], publishable: true, publicSummary: "You said our letters went to your old address. We now check it first." }) });
    await publish("a1Submitter", letters.id);
    const form = await a2.actions.create({ organisationCode: "A2", ...exampleActionPlan({ action: "Rebuild the online form.", startDate: "2025-05-01", themes: ["digital"], publishable: true, publicSummary: "You said the form did not work with a screen reader. We rebuilt it." }) });
    await publish("a2Submitter", form.id);
    // Not publishable: its words must appear nowhere, whatever its summary says.
    await a1.actions.create({ organisationCode: "A1", ...exampleActionPlan({ action: "PRIVATE-PLAN action", owner: "Jo Bloggs", publishable: false, publicSummary: "PRIVATE-PLAN summary" }) });
    // A plan of A-OLD's from before it closed (moved there directly: no new plans are taken for a closed body).
    const old = await a1.actions.create({ organisationCode: "A1", ...exampleActionPlan({ action: "Move the counter.", publishable: true, publicSummary: "You said the old office was hard to reach." }) });
    await publish("a1Submitter", old.id);
    await t.db.updateTable("action_plans").set({ organisation_code: "A-OLD" }).where("id", "=", old.id).execute();
    const b = await world.caller("b1Submitter").actions.create({ organisationCode: "B1", ...exampleActionPlan({ publishable: true, publicSummary: "You said letters were late. Department B fixed it." }) });
    await publish("b1Submitter", b.id);

    // Never published: an action still in progress ticked publishable by a submitter; a completed one
    // nobody approved; one the department withdrew; one the approver withdrew; one edited after approval.
    await a1.actions.create({ organisationCode: "A1", ...exampleActionPlan({ publishable: true, publicSummary: unpublished.inProgress }) });
    const notApproved = await a1.actions.create({ organisationCode: "A1", ...exampleActionPlan({ publishable: true, publicSummary: unpublished.notApproved }) });
    await a1.actions.complete({ id: notApproved.id, expectedVersion: 1, completedDate: "2025-07-08", verifiedBy: "Digital team", verifiedDate: "2025-07-09", verificationNote: "Tested with 6 users" });
    const byDepartment = await a2.actions.create({ organisationCode: "A2", ...exampleActionPlan({ publishable: true, publicSummary: unpublished.withdrawnByDepartment }) });
    await publish("a2Submitter", byDepartment.id);
    await world.caller("aOversight").actions.withdrawPublication({ id: byDepartment.id });
    const byApprover = await a1.actions.create({ organisationCode: "A1", ...exampleActionPlan({ publishable: true, publicSummary: unpublished.withdrawnByApprover }) });
    await publish("a1Submitter", byApprover.id);
    await world.caller("a1Approver").actions.withdrawPublication({ id: byApprover.id });
    const edited = await a1.actions.create({ organisationCode: "A1", ...exampleActionPlan({ publishable: true, publicSummary: unpublished.approvedThenEdited }) });
    const version = await publish("a1Submitter", edited.id);
    await a1.actions.update({ id: edited.id, expectedVersion: version, ...exampleActionPlan({ publishable: true, publicSummary: unpublished.editedAfterApproval }) });
    server = await startServer(loadEnv({ PORT: "0", DATABASE_URL: t.url }), t, pino({ level: "silent" }));
  });
  afterAll(async () => {
    await server?.close();
    await t.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });

  it("serves a department's page to anyone, grouped by body, cacheable, with no cookie", async () => {
    // A session cookie is neither needed nor read.
    const response = await get("/published/DEPT-A/learning", { cookie: "complaints_session=not-a-session" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=UTF-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(response.headers.get("content-security-policy")).toContain("style-src 'self'");
    const html = await response.text();
    expect(html).toContain(`<html lang="en-GB" class="govuk-template">`);
    expect(html).toContain("You said our letters went to your old address. We now check it first.");
    expect(html).toContain("You said the form did not work with a screen reader. We rebuilt it.");
    expect(html).toContain(`id="body-A1-heading">Agency A1</h2>`);
    expect(html).toContain(`id="body-A2-heading">Agency A2</h2>`);
    expect(html).toContain("Completed on 8 July 2025");
    expect(html).not.toContain("Department B fixed it");
    for (const secret of secrets) expect(html, secret).not.toContain(secret);
    expect(html).toContain(`<a class="govuk-link" href="../A1/learning">Page for Agency A1 only</a>`);
  });

  it("keeps a closed body's items on its department's page, marked closed, with no link to its page (which is not found)", async () => {
    const html = await (await get("/published/DEPT-A/learning")).text();
    expect(html).toContain(`id="body-A-OLD-heading">Closed body (closed)</h2>`);
    expect(html).toContain("You said the old office was hard to reach.");
    expect(html).not.toContain("Move the counter.");
    expect(html).not.toContain("../A-OLD/learning");
    // Every "Page for … only" link on the page leads somewhere.
    const links = [...html.matchAll(/href="\.\.\/([^"/]+)\/learning"/g)].map((m) => `/published/${decodeURIComponent(m[1]!)}/learning`);
    expect(links.sort()).toEqual(["/published/A1/learning", "/published/A2/learning"]);
    for (const link of links) expect((await get(link)).status, link).toBe(200);
  });

  it("serves a body's own page with only its items", async () => {
    const html = await (await get("/published/A2/learning")).text();
    expect(html).toContain("You said the form did not work with a screen reader.");
    expect(html).not.toContain("old address");
    for (const secret of secrets) expect(html, secret).not.toContain(secret);
  });

  it("offers the same items as a CSV download", async () => {
    const response = await get("/published/DEPT-A/learning.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="learning-DEPT-A-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("organisation_code,organisation_name,you_said_we_did,themes,status,start_date,due_date,completed_date");
    // A1's, A2's and the closed A-OLD's.
    expect(lines.filter((l) => l !== "").length).toBe(4);
    expect(text).toContain("A1,Agency A1,You said our letters went to your old address. We now check it first.");
    for (const secret of secrets) expect(text, secret).not.toContain(secret);
  });

  it("never shows an action in progress, one not approved, withdrawn or edited since its approval, on a page or in its CSV", async () => {
    for (const path of ["/published/DEPT-A/learning", "/published/A1/learning", "/published/A2/learning", "/published/DEPT-A/learning.csv", "/published/A1/learning.csv", "/published/A2/learning.csv"]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      const text = await response.text();
      expect(text, path).not.toContain("UNPUBLISHED");
      // The approved items are there, so the page is not simply empty.
      expect(text, path).toMatch(/old address|screen reader/);
    }
  });

  it("serves the page's stylesheet from its own address", async () => {
    const response = await get("/published/learning.css");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(await response.text()).toContain(".govuk-summary-list");
  });

  it("answers an unknown, closed or mistyped organisation with the plain 404 page", async () => {
    for (const path of ["/published/NOPE/learning", "/published/A-OLD/learning", "/published/a1/learning", "/published/NOPE/learning.csv", "/published/A-OLD/learning.csv", "/published/DEPT-A", "/published/DEPT-A/learning/extra"]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toContain("<h1>Page not found</h1>");
      expect(response.headers.get("cache-control"), path).toBeNull();
    }
  });
});
