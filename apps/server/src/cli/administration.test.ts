import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getOrganisation, listAudit, openDatabase } from "@complaints/db";
import { formatPeriodCode, formatPeriodLabel, periodContaining, periodFromIndex, periodIndex, ukDateOf } from "@complaints/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { complaintsBin } from "../../test/serve-command.ts";

/** The department administration commands, run as the real `complaints` command against an SQLite file of their own. */
const dir = mkdtempSync(join(tmpdir(), "cli-admin-test-"));
const databaseUrl = `sqlite:${join(dir, "cli.sqlite")}`;

function cli(args: string[]) {
  const result = spawnSync(process.execPath, [complaintsBin, ...args], { env: { DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" }, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function organisation(code: string) {
  const c = openDatabase(databaseUrl);
  try {
    return { org: await getOrganisation(c.db, code), audit: await listAudit(c.db, "organisation", code) };
  } finally {
    await c.close();
  }
}

describe("the administration commands", () => {
  beforeAll(() => {
    expect(cli(["seed", "--demo"]).code).toBe(0);
  });

  it("adds, renames and closes a body, each change audited as the command line's", { timeout: 240_000 }, async () => {
    const added = cli(["organisations", "add", "--department", "DES", "--code", "DES-NEW", "--name", "=New Agency", "--type", "executive agency", "--region", "scotland", "--active-from", "2025-04-01"]);
    expect(added.stderr).toBe("");
    expect(added.stdout).toBe("Added =New Agency (DES-NEW) to DES, expected to report from 1 April 2025; bank holidays of Scotland.\n");
    expect(cli(["organisations", "rename", "--code", "DES-NEW", "--name", "New Agency"]).stdout).toBe("DES-NEW is now called New Agency.\n");
    const closed = cli(["organisations", "close", "--code", "DES-NEW", "--active-to", "2026-02-10", "--reason", "=SUM(1)"]);
    expect(closed.stdout).toBe("Closed New Agency (DES-NEW) on 10 February 2026: its last expected return is for Jan to Mar 2026.\n");
    const { org, audit } = await organisation("DES-NEW");
    expect(org).toMatchObject({ name: "New Agency", parentCode: "DES", activeTo: "2026-02-10" });
    expect(audit.map((a) => [a.action, a.actor, a.actorUserId])).toEqual([
      ["organisation.added", "cli", null],
      ["organisation.renamed", "cli", null],
      ["organisation.closed", "cli", null],
    ]);
    const badType = cli(["organisations", "add", "--department", "DES", "--code", "DES-X", "--name", "X", "--type", "quango", "--region", "scotland", "--active-from", "2025-04-01"]);
    expect(badType.code).toBe(1);
    expect(badType.stderr).toContain("bodyType: Invalid option");
    expect(cli(["organisations", "frob"]).code).toBe(2);
  });

  it("adds, renames, retires and deletes service areas, refusing to delete one in use", { timeout: 240_000 }, async () => {
    expect(cli(["service-areas", "add", "--organisation", "DES-NEW", "--code", "permits", "--label", "Permits"]).stdout).toBe("New Agency now has the service area Permits (permits).\n");
    expect(cli(["service-areas", "rename", "--organisation", "DES-NEW", "--code", "permits", "--label", "Parking permits"]).code).toBe(0);
    expect(cli(["service-areas", "delete", "--organisation", "DES-NEW", "--code", "permits"]).stdout).toBe("Deleted the service area permits.\n");
    // The demo's licensing agency has returns broken down by its service areas.
    const { org } = await organisation("DES-LIC1");
    const used = org!.serviceAreas[0]!;
    const refused = cli(["service-areas", "delete", "--organisation", "DES-LIC1", "--code", used.code]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`The service area ${used.label} (${used.code}) cannot be deleted because returns or cases of Licensing Agency (synthetic) use it. Retire it instead.\n`);
    expect(cli(["service-areas", "retire", "--organisation", "DES-LIC1", "--code", used.code]).stdout).toBe(`Retired the service area ${used.code}; its history stays.\n`);
    expect((await organisation("DES-LIC1")).org!.serviceAreas[0]).toEqual({ ...used, retired: true });
  });

  it("prints each body's due date before opening the current quarter, extends one body's and closes the window", { timeout: 240_000 }, () => {
    const current = periodContaining(ukDateOf(new Date()));
    const period = formatPeriodCode(current);
    const dry = cli(["windows", "open", "--department", "DES", "--period", period, "--dry-run"]);
    expect(dry.stdout).toMatch(/^DES-LIC1 +\d{1,2} \w+ \d{4} +England and Wales$/m);
    expect(dry.stdout).toContain(`Not opened (dry run):`);
    const opened = cli(["windows", "open", "--department", "DES", "--period", period]);
    expect(opened.stdout).toContain(`Opened ${formatPeriodLabel(current)} for DES:`);
    const late = formatPeriodCode(periodFromIndex(periodIndex(current) + 2));
    const extended = cli(["windows", "extend", "--department", "DES", "--period", period, "--organisation", "DES-LIC1", "--due-date", `${late.slice(0, 4)}-12-31`, "--reason", "Case system outage"]);
    expect(extended.stderr).toBe("");
    expect(extended.stdout).toMatch(/^Licensing Agency \(synthetic\) now has until 31 December \d{4} for .+ \(was .+\)\.\n$/);
    expect(cli(["windows", "extend", "--department", "DES", "--period", period, "--organisation", "MSA-X", "--due-date", "2099-01-01", "--reason", "x"]).stderr).toBe("There is no organisation with code MSA-X.\n");
    expect(cli(["windows", "close", "--department", "DES", "--period", period]).code).toBe(0);
    const twice = cli(["windows", "close", "--department", "DES", "--period", period]);
    expect(twice.stderr).toBe(`The reporting window for ${formatPeriodLabel(current)} is already closed.\n`);
  });

  it("writes the department's audit log as CSV, filtered, with formula-like text kept as text", { timeout: 240_000 }, () => {
    const listed = cli(["audit", "list", "--department", "DES", "--organisation", "DES-NEW"]);
    expect(listed.stdout.split("\n")[0]).toBe("id,at,actor,action,organisation_code,entity_type,entity_id,changes,reason");
    expect(listed.stdout.match(/^\d+,/gm)).toHaveLength(6);
    // The reason the body was closed began with "=": a spreadsheet must open it as text.
    expect(listed.stdout).toMatch(/,organisation\.closed,DES-NEW,organisation,DES-NEW,"active_to: null → ""2026-02-10""",'=SUM\(1\)\n/);
    expect(cli(["audit", "list", "--department", "DES", "--organisation", "DES-NEW", "--kind", "organisation.added"]).stdout.match(/^\d+,/gm)).toHaveLength(1);
    const person = cli(["audit", "list", "--department", "DES", "--person", "cli", "--kind", "window.extended"]);
    expect(person.stdout).toContain("Case system outage");
    // Another department's entries are not in DES's log.
    expect(cli(["audit", "list", "--department", "MSA", "--organisation", "DES-NEW"]).stderr).toBe("DES-NEW is not in MSA.\n");
    expect(cli(["audit", "list", "--department", "DES", "--from", "2026-13-01"]).stderr).toContain("Enter a real date");
  });
});

describe("a department going live from the command line", () => {
  const liveUrl = `sqlite:${join(dir, "live.sqlite")}`;
  const run = (args: string[]) => {
    const result = spawnSync(process.execPath, [complaintsBin, ...args], { env: { DATABASE_URL: liveUrl, LOG_LEVEL: "silent" }, encoding: "utf8" });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it("adds the department and its first administrator to an empty database, who can then add its bodies", { timeout: 240_000 }, async () => {
    expect(run(["migrate"]).code).toBe(0);
    const dept = run(["organisations", "add-department", "--code", "DFX", "--name", "Department for Examples", "--region", "england-and-wales", "--active-from", "2026-04-01"]);
    expect(dept.stderr).toBe("");
    expect(dept.stdout).toBe("Added the department Department for Examples (DFX). Next: add its first administrator with users add --role admin --organisation DFX.\n");
    const again = run(["organisations", "add-department", "--code", "DFX", "--name", "Another", "--region", "england-and-wales", "--active-from", "2026-04-01"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("There is already an organisation with code DFX");
    const badType = run(["organisations", "add-department", "--code", "DFY", "--name", "Y", "--type", "executive agency", "--region", "england-and-wales", "--active-from", "2026-04-01"]);
    expect(badType.code).toBe(1);
    const admin = run(["users", "add", "--email", "admin@dfx.example", "--role", "admin", "--organisation", "DFX", "--name", "Ada Admin"]);
    expect(admin.code).toBe(0);
    expect(run(["organisations", "add", "--department", "DFX", "--code", "DFX-AG1", "--name", "Example Agency", "--type", "executive agency", "--region", "england-and-wales", "--active-from", "2026-04-01"]).code).toBe(0);
    const c = openDatabase(liveUrl);
    try {
      expect(await getOrganisation(c.db, "DFX")).toMatchObject({ kind: "department", parentCode: null, bodyType: "ministerial department" });
      expect(await getOrganisation(c.db, "DFX-AG1")).toMatchObject({ kind: "body", parentCode: "DFX" });
      expect((await listAudit(c.db, "organisation", "DFX")).map((a) => a.action)).toEqual(["organisation.added"]);
    } finally {
      await c.close();
    }
  });
});
