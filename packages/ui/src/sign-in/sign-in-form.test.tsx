import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SignInForm } from "./sign-in-form.tsx";

describe("SignInForm", () => {
  it("labels its fields as the GOV.UK sign-in pattern does, with autocomplete for password managers", () => {
    const html = renderToStaticMarkup(<SignInForm signIn={() => Promise.resolve(null)} />);
    expect(html).toContain('<h1 class="govuk-heading-l">Sign in</h1>');
    expect(html).toMatch(/<label class="govuk-label" for="email">\s*Email address\s*<\/label>/);
    expect(html).toMatch(/<input[^>]*id="email"[^>]*autocomplete="email"/i);
    expect(html).toMatch(/<input[^>]*id="password"[^>]*autocomplete="current-password"/i);
    expect(html).toContain("Sign in</button>");
    // No error summary until an attempt fails.
    expect(html).not.toContain("govuk-error-summary");
  });
});

describe("SignInForm asking for the email first", () => {
  it("shows the email and Continue, and no password field, until the email is known", () => {
    const html = renderToStaticMarkup(<SignInForm signIn={() => Promise.resolve(null)} continueWithEmail={() => Promise.resolve("password")} />);
    expect(html).toContain('<h1 class="govuk-heading-l">Sign in</h1>');
    expect(html).toMatch(/<input[^>]*id="email"[^>]*autocomplete="email"/i);
    expect(html).not.toContain('id="password"');
    expect(html).toContain("Continue</button>");
  });
});
