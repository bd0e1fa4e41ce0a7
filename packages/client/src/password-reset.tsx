import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, ErrorSummary, Input, Link, PasswordInput } from "@complaints/ui";
import { useState, type FormEvent } from "react";
import { useParams } from "react-router";
import { useAppIdentity, usePageTitle } from "./app-shell.tsx";
import { procedureQuery } from "./procedure-query.ts";
import { QueryBoundary } from "./query-boundary.tsx";
import { api, errorData, errorMessage } from "./trpc.ts";

/** A problem to show in the error summary and beside its field. */
interface FieldProblem {
  field: string;
  message: string;
}

function useFormProblems() {
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  return {
    problems,
    attempt,
    show(found: FieldProblem[]) {
      setProblems(found);
      setAttempt((n) => n + 1);
    },
    of: (field: string) => problems.find((p) => p.field === field)?.message,
  };
}

function problemsFrom(error: unknown, field: string): FieldProblem[] {
  const issues = errorData(error).issues;
  if (issues && issues.length > 0) return issues.map((i) => ({ field, message: i.message }));
  return [{ field, message: errorMessage(error) }];
}

/**
 * "Forgotten your password?": asks for the email address and always gives the same answer, so
 * the page never says whether an address has an account.
 */
export function ForgottenPasswordPage() {
  const { base } = useAppIdentity();
  const form = useFormProblems();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle(sentTo ? "Check your email" : "Reset your password", form.problems.length > 0);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    if (!email) return form.show([{ field: "email", message: "Enter your email address" }]);
    setBusy(true);
    try {
      await api.auth.requestPasswordReset.mutate({ email, app: base === "/portal" ? "portal" : "agency" });
      form.show([]);
      setSentTo(email);
    } catch (error) {
      form.show(problemsFrom(error, "email"));
    } finally {
      setBusy(false);
    }
  }

  if (sentTo) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Check your email</h1>
          <p className="govuk-body">
            If an account exists for <strong>{sentTo}</strong>, we have sent a link to it to choose a new password. The link works once, for 1 hour.
          </p>
          <p className="govuk-body">If no email arrives in a few minutes, check your spam or junk folder, and check you typed the address you use to sign in.</p>
          <p className="govuk-body">
            <Link href={`${base}/forgotten-password`} className="govuk-link" onClick={() => setSentTo(null)}>
              Ask for another link
            </Link>{" "}
            or <Link href={`${base}/sign-in`} className="govuk-link">sign in</Link>.
          </p>
        </div>
      </div>
    );
  }

  const emailError = form.of("email");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {form.problems.length > 0 ? <ErrorSummary key={form.attempt} titleText="There is a problem" errorList={form.problems.map((p) => ({ text: p.message, href: `#${p.field}` }))} /> : null}
        <h1 className="govuk-heading-l">Reset your password</h1>
        <p className="govuk-body">Enter the email address you use to sign in. We will email you a link to choose a new password.</p>
        <form method="post" noValidate onSubmit={(e) => void onSubmit(e)}>
          <Input id="email" name="email" type="email" label={{ text: "Email address" }} spellcheck={false} autocomplete="email" errorMessage={emailError ? { text: emailError } : false} />
          <Button text={busy ? "Sending…" : "Send the link"} disabled={busy} preventDoubleClick />
        </form>
        <p className="govuk-body">
          <Link href={`${base}/sign-in`} className="govuk-link">
            Back to sign in
          </Link>
        </p>
      </div>
    </div>
  );
}

const linkPages = {
  expired: { title: "This link has expired", text: "Links to reset your password work for 1 hour. Ask for a new link." },
  used: { title: "This link has already been used", text: "Each link to reset your password works once. If you still need to change your password, ask for a new link." },
  unknown: { title: "This link is not valid", text: "Check you copied the whole link from the email, or ask for a new link." },
} as const;

function LinkProblemPage({ state }: { state: keyof typeof linkPages }) {
  const { base } = useAppIdentity();
  const page = linkPages[state];
  usePageTitle(page.title);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{page.title}</h1>
        <p className="govuk-body">{page.text}</p>
        <p className="govuk-body">
          <Link href={`${base}/forgotten-password`} className="govuk-link">
            Ask for a new link
          </Link>
        </p>
      </div>
    </div>
  );
}

/** The page a reset link opens: a new password, or why the link no longer works. */
export function ResetPasswordPage() {
  const { token = "" } = useParams();
  const link = useQuery({ ...procedureQuery("auth.passwordResetLink", { token }), staleTime: Infinity, retry: false });
  return <QueryBoundary queries={[link] as const}>{({ state }) => (state === "valid" ? <NewPasswordForm token={token} /> : <LinkProblemPage state={state} />)}</QueryBoundary>;
}

function NewPasswordForm({ token }: { token: string }) {
  const { base } = useAppIdentity();
  const queryClient = useQueryClient();
  const form = useFormProblems();
  const [done, setDone] = useState(false);
  const [linkState, setLinkState] = useState<keyof typeof linkPages | null>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle(done ? "Your password has been changed" : "Choose a new password", form.problems.length > 0);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    if (!password) return form.show([{ field: "password", message: "Enter a new password" }]);
    setBusy(true);
    try {
      await api.auth.resetPassword.mutate({ token, password });
      // Every session of the person ended, this browser's too.
      queryClient.clear();
      setDone(true);
    } catch (error) {
      const state = (errorData(error).details as { linkState?: keyof typeof linkPages } | null | undefined)?.linkState;
      if (state) setLinkState(state);
      else form.show(problemsFrom(error, "password"));
    } finally {
      setBusy(false);
    }
  }

  if (linkState) return <LinkProblemPage state={linkState} />;
  if (done) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Your password has been changed</h1>
          <p className="govuk-body">You have been signed out everywhere. Sign in with your new password.</p>
          <p className="govuk-body">
            <Link href={`${base}/sign-in`} className="govuk-link">
              Sign in
            </Link>
          </p>
        </div>
      </div>
    );
  }
  const passwordError = form.of("password");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {form.problems.length > 0 ? <ErrorSummary key={form.attempt} titleText="There is a problem" errorList={form.problems.map((p) => ({ text: p.message, href: `#${p.field}` }))} /> : null}
        <h1 className="govuk-heading-l">Choose a new password</h1>
        <form method="post" noValidate onSubmit={(e) => void onSubmit(e)}>
          <PasswordInput
            id="password"
            name="password"
            label={{ text: "New password" }}
            hint={{ text: "Use at least 12 characters. Several unrelated words together are easy to remember and hard to guess." }}
            autocomplete="new-password"
            errorMessage={passwordError ? { text: passwordError } : false}
          />
          <Button text={busy ? "Saving…" : "Save the new password"} disabled={busy} preventDoubleClick />
        </form>
      </div>
    </div>
  );
}
