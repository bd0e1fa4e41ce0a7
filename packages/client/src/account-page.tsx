import { useQueryClient } from "@tanstack/react-query";
import { Button, ErrorSummary, Link, NotificationBanner, PasswordInput, SummaryList } from "@complaints/ui";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { useAppIdentity, usePageTitle } from "./app-shell.tsx";
import type { Me } from "./auth.tsx";
import { api, errorData, errorMessage } from "./trpc.ts";

type PasswordField = "currentPassword" | "newPassword";
interface FieldError {
  field: PasswordField;
  message: string;
}

/** The field an API refusal names (`details.field`, or a refused input's path), if it is one of the form's. */
function fieldOf(error: unknown): PasswordField | null {
  const data = errorData(error);
  const named = (data.details as { field?: unknown } | null | undefined)?.field ?? data.issues?.[0]?.field;
  return named === "currentPassword" || named === "newPassword" ? named : null;
}

/**
 * `/{app}/account`: who the person is (name, email address, role, organisations), changing their
 * password, and signing out everywhere. Both apps show the same page.
 */
export function AccountPage({ me }: { me: Me }) {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [changed, setChanged] = useState(false);
  const [busy, setBusy] = useState(false);
  const [formKey, setFormKey] = useState(0);
  usePageTitle("Your account", errors.length > 0);

  function show(found: FieldError[]) {
    setErrors(found);
    setChanged(false);
    setAttempt((n) => n + 1);
  }

  async function onChangePassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const currentPassword = String(form.get("currentPassword") ?? "");
    const newPassword = String(form.get("newPassword") ?? "");
    const found: FieldError[] = [];
    if (!currentPassword) found.push({ field: "currentPassword", message: "Enter your current password" });
    if (!newPassword) found.push({ field: "newPassword", message: "Enter a new password" });
    if (found.length > 0) return show(found);
    setBusy(true);
    try {
      await api.account.changePassword.mutate({ currentPassword, newPassword });
      setErrors([]);
      setChanged(true);
      // A new, empty form: the passwords typed are not kept on the page.
      setFormKey((n) => n + 1);
    } catch (error) {
      show([{ field: fieldOf(error) ?? "currentPassword", message: errorMessage(error) }]);
    } finally {
      setBusy(false);
    }
  }

  const errorFor = (field: PasswordField) => errors.find((e) => e.field === field)?.message;
  const currentError = errorFor("currentPassword");
  const newError = errorFor("newPassword");

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {errors.length > 0 ? <ErrorSummary key={attempt} titleText="There is a problem" errorList={errors.map((e) => ({ text: e.message, href: `#${e.field}` }))} /> : null}
        {changed ? (
          <NotificationBanner type="success" titleText="Success">
            <p className="govuk-notification-banner__heading">Your password has been changed</p>
            <p className="govuk-body">You are still signed in here. Anywhere else you were signed in, you have been signed out.</p>
          </NotificationBanner>
        ) : null}
        <h1 className="govuk-heading-l">Your account</h1>
        <AccountDetails me={me} />
        <EmailsYouGet />

        <h2 className="govuk-heading-m">Change your password</h2>
        <form key={formKey} method="post" noValidate onSubmit={(e) => void onChangePassword(e)}>
          <PasswordInput id="currentPassword" name="currentPassword" label={{ text: "Current password" }} autocomplete="current-password" errorMessage={currentError ? { text: currentError } : false} />
          <PasswordInput
            id="newPassword"
            name="newPassword"
            label={{ text: "New password" }}
            hint={{ text: "Use at least 12 characters. Three or more random words make a strong password that is easy to remember. Do not use your email address or a common password." }}
            autocomplete="new-password"
            errorMessage={newError ? { text: newError } : false}
          />
          <Button text={busy ? "Changing your password…" : "Change password"} disabled={busy} preventDoubleClick />
        </form>
        <p className="govuk-body">When you change your password, you stay signed in here and are signed out anywhere else you were signed in.</p>

        <SignOutEverywhere />
      </div>
    </div>
  );
}

/** Who the person is; only their department's administrator changes these. */
function AccountDetails({ me }: { me: Me }) {
  return (
    <>
      <SummaryList
        rows={[
          { key: { text: "Name" }, value: { text: me.displayName } },
          { key: { text: "Email address" }, value: { text: me.email } },
          { key: { text: "Role" }, value: { text: me.roleLabel } },
          {
            key: { text: me.organisations.length === 1 ? "Organisation" : "Organisations" },
            value: {
              children:
                me.organisations.length === 1 ? (
                  me.organisations[0]!.name
                ) : (
                  <ul className="govuk-list">
                    {me.organisations.map((o) => (
                      <li key={o.code}>{o.name}</li>
                    ))}
                  </ul>
                ),
            },
          },
        ]}
      />
      <p className="govuk-body">To change your name, email address, role or organisations, ask your department's administrator.</p>
    </>
  );
}

/** Where the person chooses which emails they get. */
function EmailsYouGet() {
  const { base } = useAppIdentity();
  return (
    <>
      <h2 className="govuk-heading-m">Emails you get</h2>
      <p className="govuk-body">
        <Link className="govuk-link" href={`${base}/account/notifications`}>
          Choose which emails you get
        </Link>{" "}
        about returns, actions and reminders.
      </p>
    </>
  );
}

/** Ends every session the person has, this one included, and takes them to sign in. */
function SignOutEverywhere() {
  const navigate = useNavigate();
  const client = useQueryClient();

  async function onSignOutEverywhere() {
    await api.account.signOutEverywhere.mutate().catch(() => undefined);
    client.clear();
    void navigate("/sign-in", { replace: true });
  }

  return (
    <>
      <h2 className="govuk-heading-m">Sign out everywhere</h2>
      <p className="govuk-body">This signs you out of the service on every device and browser, including this one. Use it if you have lost a device, or signed in on a computer you share and did not sign out.</p>
      <Button text="Sign out everywhere" type="button" classes="govuk-button--warning" onClick={() => void onSignOutEverywhere()} />
    </>
  );
}
