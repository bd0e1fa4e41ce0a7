import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadEnv } from "./env.ts";

describe("loadEnv", () => {
  it("has defaults for the sign-in and host settings", () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ SESSION_HOURS: 8, SESSION_ABSOLUTE_HOURS: 12, MAX_SIGN_IN_FAILURES_PER_ADDRESS: 30, TRUST_PROXY: false, ALLOWED_HOSTS: [] });
  });

  it("has defaults for the standard pages, and reads the department's own", () => {
    expect(loadEnv({})).toMatchObject({ PHASE_BANNER: "beta", SUPPORT_EMAIL: "support@demo.example", SUPPORT_PHONE: null, FEEDBACK_URL: null });
    expect(loadEnv({ PHASE_BANNER: "none", SUPPORT_EMAIL: "help@dept.gov.uk", SUPPORT_HOURS: "Weekdays 8am to 6pm", SUPPORT_PHONE: "0300 123 4567", FEEDBACK_URL: "https://forms.example.gov.uk/feedback" })).toMatchObject({
      PHASE_BANNER: "none",
      SUPPORT_EMAIL: "help@dept.gov.uk",
      SUPPORT_HOURS: "Weekdays 8am to 6pm",
      SUPPORT_PHONE: "0300 123 4567",
      FEEDBACK_URL: "https://forms.example.gov.uk/feedback",
    });
  });

  it("sends no email by default, and reads the public address without its trailing slash", () => {
    const env = loadEnv({});
    expect([env.SMTP_URL, env.NOTIFY_API_KEY, env.PUBLIC_URL]).toEqual([undefined, undefined, undefined]);
    expect(loadEnv({ PUBLIC_URL: "https://complaints.example.gov.uk/", SMTP_URL: "smtp://mail.example.gov.uk:587" })).toMatchObject({ PUBLIC_URL: "https://complaints.example.gov.uk", SMTP_URL: "smtp://mail.example.gov.uk:587" });
  });

  it("reads ALLOWED_HOSTS as lower-case names and TRUST_PROXY as a flag", () => {
    expect(loadEnv({ ALLOWED_HOSTS: " Complaints.Example.gov.uk , other.example ", TRUST_PROXY: "true" })).toMatchObject({
      ALLOWED_HOSTS: ["complaints.example.gov.uk", "other.example"],
      TRUST_PROXY: true,
    });
  });

  it.each([
    [{ SESSION_ABSOLUTE_HOURS: "4" }, "SESSION_ABSOLUTE_HOURS: must be at least SESSION_HOURS"],
    [{ ALLOWED_HOSTS: "https://complaints.example.gov.uk/" }, 'ALLOWED_HOSTS: "https://complaints.example.gov.uk/" is not a host name'],
    [{ TRUST_PROXY: "yes" }, "TRUST_PROXY: expected true or false"],
    [{ PHASE_BANNER: "live" }, "PHASE_BANNER: expected beta, alpha or none"],
    [{ SUPPORT_EMAIL: "the support team" }, "SUPPORT_EMAIL: expected an email address"],
    [{ FEEDBACK_URL: "javascript:alert(1)" }, "FEEDBACK_URL: expected an https:// or mailto: address"],
    [{ SMTP_URL: "mail.example.gov.uk" }, "SMTP_URL: expected an address starting smtp:// or smtps://"],
    [{ SMTP_URL: "smtp://mail.example.gov.uk", NOTIFY_API_KEY: "key", NOTIFY_EMAIL_TEMPLATE_ID: "id" }, "NOTIFY_API_KEY: set SMTP_URL or NOTIFY_API_KEY, not both"],
    [{ NOTIFY_API_KEY: "key" }, "NOTIFY_EMAIL_TEMPLATE_ID: is needed with NOTIFY_API_KEY"],
    [{ PUBLIC_URL: "complaints.example.gov.uk" }, 'PUBLIC_URL: "complaints.example.gov.uk" is not an address'],
  ])("refuses %j with a message naming the setting", (source, message) => {
    expect(() => loadEnv(source)).toThrow(message);
  });

  const entra = {
    department: "DES",
    issuer: "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0",
    clientId: "11111111-1111-1111-1111-111111111111",
    clientSecret: "from-the-app-registration",
    emailDomains: ["Example.gov.uk"],
    passwordSignIn: false,
  };
  const oidc = (departments: unknown[]) => JSON.stringify({ departments });

  it("has no single sign-on unless OIDC_CONFIG or OIDC_CONFIG_FILE is set", () => {
    expect(loadEnv({}).SINGLE_SIGN_ON).toBeNull();
  });

  it("reads single sign-on from a secrets file, with domains in lower case and PUBLIC_URL as an origin", () => {
    const file = join(mkdtempSync(join(tmpdir(), "oidc-config-")), "oidc.json");
    writeFileSync(file, oidc([entra, { ...entra, department: "MSA", issuer: "https://accounts.google.com", emailDomains: ["msa.example.gov.uk"], passwordSignIn: undefined }]));
    const env = loadEnv({ OIDC_CONFIG_FILE: file, PUBLIC_URL: "https://complaints.example.gov.uk/" });
    expect(env.PUBLIC_URL).toBe("https://complaints.example.gov.uk");
    expect(env.SINGLE_SIGN_ON?.departments.map((d) => [d.department, d.emailDomains, d.passwordSignIn])).toEqual([
      ["DES", ["example.gov.uk"], false],
      ["MSA", ["msa.example.gov.uk"], true],
    ]);
  });

  it.each([
    [{ OIDC_CONFIG: oidc([entra]) }, "PUBLIC_URL: required with single sign-on"],
    [{ OIDC_CONFIG: "{ departments", PUBLIC_URL: "https://c.example" }, "OIDC_CONFIG: not valid JSON"],
    [{ OIDC_CONFIG_FILE: "/no/such/oidc.json" }, "OIDC_CONFIG_FILE: cannot read /no/such/oidc.json (ENOENT)"],
    [{ OIDC_CONFIG: oidc([{ ...entra, issuer: "http://login.example" }]), PUBLIC_URL: "https://c.example" }, "OIDC_CONFIG: departments.0.issuer: expected an https:// address"],
    [{ OIDC_CONFIG: oidc([{ ...entra, emailDomains: ["@example.gov.uk"] }]), PUBLIC_URL: "https://c.example" }, "departments.0.emailDomains.0: expected a domain such as department.gov.uk, without @"],
    [{ OIDC_CONFIG: oidc([{ ...entra, clientSecret: "" }]), PUBLIC_URL: "https://c.example" }, "departments.0.clientSecret: expected the client secret"],
    [{ OIDC_CONFIG: oidc([entra, { ...entra, department: "MSA" }]), PUBLIC_URL: "https://c.example" }, "example.gov.uk is also listed for DES: an email domain belongs to one department"],
    [{ OIDC_CONFIG: oidc([entra]), OIDC_CONFIG_FILE: "/x.json", PUBLIC_URL: "https://c.example" }, "set one or the other, not both"],
  ])("refuses single sign-on settings %j with a message naming what is wrong", (source, message) => {
    expect(() => loadEnv(source)).toThrow(message);
  });
});
