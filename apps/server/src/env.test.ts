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
});
