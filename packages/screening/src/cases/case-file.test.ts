import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { type CaseMapping, type CaseSettings, parsePence } from "@complaints/domain";
import { readCaseFile } from "./case-file.ts";

const header = "case_ref,received_date,acknowledged_date,stage,escalated_date,closed_date,withdrawn_date,target_date,outcome,themes,service_area,channel,remedies,payment_amount,payment_type,phso_referred_date";
const settings: CaseSettings = { region: "england-and-wales", serviceAreaCodes: ["licensing", "appeals"], earlyResolutionDays: 5, closerLookDays: 20 };
const good = "CMP-1,2025-04-02,,early_resolution,,2025-04-04,,,upheld,delay,licensing,online,apology,,,";

function read(content: string | Uint8Array, mapping?: CaseMapping, onCase?: () => void) {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += 5) yield bytes.subarray(i, i + 5);
  }
  return readCaseFile(chunks(), { settings, mapping, today: "2025-10-01", onCase });
}

const file = (...rows: string[]) => [header, ...rows].join("\n");

describe("reading a case file", () => {
  it("reports each bad row with its row, column and what was expected, and computes nothing", async () => {
    const result = await read(
      file(
        good,
        "CMP-2,2025-04-31,,early_resolution,,,,,,,,,,,,",
        "CMP-3,2025-04-02,,first_stage,,2025-04-01,,,upheld,delay;weather,leisure,pigeon,hug,12.345,gift,",
        "CMP-1,2025-04-02,,early_resolution,,,2025-04-03,,,,,,,,,",
        "jo.bloggs@example.com,2025-04-02,,early_resolution,,,,,,,,,,,,",
        "Jo Bloggs,2025-04-02,,early_resolution,,,,,,,,,,,,",
        "CMP-7,2025-04-02,,early_resolution,2025-04-03,2025-04-05,2025-04-06,,,,,,,,,",
        "CMP-8,2025-04-02,,closer_look,,,,,upheld,,,,,,,2025-05-01",
        "CMP-9,2026-01-02,,closer_look,,,,,,,,,,,,",
        "CMP-10,,,closer_look,,2025-05-01,,,,,,,,100,,",
      ),
    );
    expect(result.ok).toBe(false);
    expect(result.quarters).toEqual([]);
    expect(result.rows).toBe(10);
    const seen = result.problems.map((p) => `${p.row} ${p.column}: ${p.message}`);
    expect(seen).toEqual([
      "3 received_date: “2025-04-31” is not a real date.",
      "4 stage: “first_stage” is not a stage: expected early_resolution or closer_look. If your system uses its own codes, add them to a column mapping.",
      "4 themes: “weather” is not a theme code: expected one of delay, communication, staff_conduct, decision, process_error, policy, accessibility, digital, data_protection, discrimination, charges, complaint_handling, other. If your system uses its own codes, add them to a column mapping.",
      "4 remedies: “hug” is not a remedy code: expected one of apology, explanation, decision_changed, service_provided, financial, other. If your system uses its own codes, add them to a column mapping.",
      "4 service_area: “leisure” is not one of your body's service areas: expected one of licensing, appeals. If your system uses its own codes, add them to a column mapping.",
      "4 channel: “pigeon” is not one of your body's channels: expected one of online, email, phone, post, in_person, other. If your system uses its own codes, add them to a column mapping.",
      "4 payment_amount: Enter the payment in pounds, such as 1250.00, not “12.345”.",
      "4 payment_type: “gift” is not a payment type: expected maladministration or other. If your system uses its own codes, add them to a column mapping.",
      "4 closed_date: Closed (2025-04-01) is before the complaint was received (2025-04-02).",
      "5 case_ref: The case reference “CMP-1” appears more than once: each case must be on one row.",
      "6 case_ref: This looks like an email address. Case references must be pseudonymised: use your system's case number, never personal details.",
      "7 case_ref: “Jo Bloggs” has spaces, so it may be a name or free text. Case references must be pseudonymised: letters, digits and - _ / . only.",
      "8 withdrawn_date: A case cannot be both closed and withdrawn: give one of closed_date or withdrawn_date.",
      "8 escalated_date: The case was escalated but its stage is early_resolution: an escalated case's furthest stage is closer_look.",
      "8 outcome: Enter the outcome (upheld, partly_upheld or not_upheld): the case has a closed_date.",
      "9 outcome: The case has an outcome but no closed_date: give the date it was closed, or leave the outcome empty while it is open.",
      "9 phso_referred_date: The case was referred to the Ombudsman but has no closed_date: a case goes to the Ombudsman after the body's final response.",
      "10 received_date: 2026-01-02 is in the future.",
      "11 received_date: Enter the date the complaint was received: every case needs one.",
      "11 payment_type: Enter the payment's type (maladministration or other): the case has a payment_amount.",
      "11 outcome: Enter the outcome (upheld, partly_upheld or not_upheld): the case has a closed_date.",
    ]);
  });

  it("shows the first 100 problems and counts the rest", async () => {
    const rows = Array.from({ length: 130 }, (_, i) => `CMP-${i},not a date,,early_resolution,,,,,,,,,,,,`);
    const result = await read(file(...rows));
    expect(result.problems).toHaveLength(100);
    expect(result.moreProblems).toBe(30);
    expect(result.problems[99]).toEqual({ row: 101, column: "received_date", message: "Enter a date such as 2025-04-01 or 01/04/2025, not “not a date”." });
  });

  it("stops storing at the first problem", async () => {
    let stored = 0;
    await read(file(good, "CMP-2,2025-04-02,,early_resolution,,,,,,,,,,,,", "bad ref,2025-04-02,,early_resolution,,,,,,,,,,,,", "CMP-4,2025-04-02,,early_resolution,,,,,,,,,,,,"), undefined, () => void (stored += 1));
    expect(stored).toBe(2);
  });

  it("reads UTF-8 with a byte-order mark, and Windows-1252 from Excel", async () => {
    const text = file(good).replace("case_ref", "case_ref").replace(header, `${header},team`) + ",Équipe £ “North”";
    const withBom = await read(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]));
    expect(withBom).toMatchObject({ ok: true, encoding: "utf-8", rows: 1 });
    // Plain ASCII for many chunks, then a Windows-1252 byte: everything before was the same in both.
    const cp1252 = await read(iconv.encode(text, "windows-1252"));
    expect(cp1252.problems).toEqual([]);
    expect(cp1252).toMatchObject({ ok: true, encoding: "windows-1252", rows: 1 });
  });

  it("refuses UTF-16, binary data and a file in two encodings", async () => {
    const utf16 = await read(new Uint8Array([0xff, 0xfe, 0x63, 0x00]));
    expect(utf16.problems[0]!.message).toMatch(/UTF-16/);
    const utf32 = await read(new Uint8Array([0xff, 0xfe, 0x00, 0x00, 0x63, 0x00, 0x00, 0x00]));
    expect(utf32.problems[0]!.message).toMatch(/saved as UTF-32/);
    const binary = await read(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    expect(binary.problems[0]!.message).toMatch(/binary data/);
    // Windows-1252 from line 2 (é), then a byte that is no character in it on line 3: named by its line, though read in pieces.
    const unknown = new Uint8Array([...new TextEncoder().encode(`${header},team\n${good},Caf`), 0xe9, 0x0a, ...new TextEncoder().encode(`${good.replace("CMP-1", "CMP-2")},x`), 0x81]);
    expect((await read(unknown)).problems[0]!.message).toMatch(/^The file is not UTF-8, and line 3 has a byte \(0x81\)/);
    const mixed = new Uint8Array([...new TextEncoder().encode(`${file(good)},é\n`), 0xe9, 0x0a]);
    const result = await read(mixed);
    expect(result.ok).toBe(false);
    expect(result.problems[0]!.message).toMatch(/not in one encoding: it starts as UTF-8 but near line 3/);
  });

  it("refuses columns that look like personal data, by name and by content", async () => {
    const named = await read([`${header},Complainant name,Email address,Case notes,Team name`, `${good},x,y,z,North`].join("\n"));
    expect(named.ok).toBe(false);
    expect(named.problems.map((p) => p.column)).toEqual(["Complainant name", "Email address", "Case notes"]);
    expect(named.problems[0]!.message).toBe(
      "The column “Complainant name” is refused: its name says it holds people's names. Only pseudonymised references and coded fields may be uploaded. Remove the column from the export and try again.",
    );
    const contents = await read([`${header},contact,ref2,extra`, `${good},01632 960 001,a,b`].join("\n"));
    expect(contents.problems.map((p) => `${p.row} ${p.column}: ${p.message.split(":")[1]!.split(".")[0]!.trim()}`)).toEqual(["2 contact: it holds telephone numbers"]);
    const text = await read([`${header},remarks`, `${good},The complainant said that the officer was rude to her on the phone twice`].join("\n"));
    expect(text.problems[0]!.message).toMatch(/refused: it holds free text/);
    const email = await read([`${header},who`, `${good},someone@example.org`].join("\n"));
    expect(email.problems[0]!.message).toMatch(/refused: it holds email addresses/);
  });

  it("reads a system's own headers and codes through a mapping", async () => {
    const mapping: CaseMapping = {
      name: "Our CRM",
      columns: { case_ref: "Case ID", received_date: "Date logged", stage: "Tier", closed_date: "Date closed", outcome: "Result", channel: "Source", service_area: "Directorate" },
      codes: { stage: { "Tier 1": "early_resolution", "Tier 2": "closer_look" }, outcome: { Yes: "upheld", Partly: "partly_upheld", No: "not_upheld" }, channel: { Web: "online" }, service_area: { LIC: "licensing" } },
    };
    const text = ["Case ID,Date logged,Tier,Date closed,Result,Source,Directorate,Officer", "X1,2025-04-02,Tier 1,2025-04-03,Yes,Web,LIC,ZZ", "X2,2025-04-02,TIER 2,,,email,appeals,ZZ"].join("\n");
    const result = await read(text, mapping);
    expect(result.problems).toEqual([]);
    const q1 = result.quarters[0]!.values;
    expect([q1.received, q1.er_upheld, q1["received_by_channel.online"], q1["received_by_service_area.licensing"], q1["received_by_service_area.appeals"]]).toEqual([2, 1, 1, 1, 1]);
    const missing = await read(file(good), mapping);
    expect(missing.problems[0]).toEqual({ row: 1, column: "Case ID", message: "The mapping “Our CRM” says case_ref is in the column “Case ID”, but the file has no such column." });
  });

  it("names each check the screener ran, failing those that found problems", async () => {
    const checks = (result: { checks: { check: string; result: string }[] }) => result.checks.map((c) => `${c.check}: ${c.result}`);
    const rowChecks = ["row width", "case references", "dates", "codes", "payments", "consistency"];
    expect(checks(await read(file(good)))).toEqual(["encoding: pass", "columns: pass", "personal data: pass", ...rowChecks.map((c) => `${c}: pass`), "contents: pass"]);
    const bad = await read(file(good, "CMP-2,2025-04-31,,early_resolution,,,,,,,,,,,,"));
    expect(checks(bad)).toEqual(["encoding: pass", "columns: pass", "personal data: pass", ...rowChecks.map((c) => `${c}: ${c === "dates" ? "fail" : "pass"}`), "contents: pass"]);
    expect(checks(await read(`${header},Email address\n${good},x`))).toEqual(["encoding: pass", "columns: pass", "personal data: fail", "contents: pass"]);
  });

  it("says plainly when a file is empty, has no cases, or lacks a column", async () => {
    expect((await read("")).problems[0]!.message).toBe("The file is empty. Export your cases as CSV with a header row and try again.");
    expect((await read(`${header}\n\n`)).problems[0]!.message).toBe("The file has a header row but no cases.");
    const ragged = await read(file(good, "CMP-2,2025-04-02,,early_resolution,,,,,,delay,licensing,online,apology,,,,extra", 'CMP-3,"2025-04-02'));
    expect(ragged.problems.map((p) => [p.row, p.column, p.message.slice(0, 50)])).toEqual([
      [3, null, "The row has 17 values but the header has 16 column"],
      [4, null, "The row has 2 values but the header has 16 columns"],
    ]);
    const noOutcome = await read("case_ref,received_date,stage,closed_date\nA,2025-04-02,early_resolution,");
    expect(noOutcome.problems).toEqual([{ row: 1, column: "outcome", message: "The file has no outcome column: the file must have a “outcome” column. If your system names it differently, save a column mapping." }]);
  });

  it("reads amounts in pounds as whole pence", () => {
    expect(["1250.00", "£1,250.5", "300", "0.01", "1,000,000.99"].map(parsePence)).toEqual([125_000, 125_050, 30_000, 1, 100_000_099]);
    expect(["", "0", "0.00", "-5", "12.345", "1.2.3", "1,00", "£", "ten"].map(parsePence)).toEqual(Array(9).fill(null));
  });
});
