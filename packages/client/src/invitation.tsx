import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, ErrorSummary, Input, Link, PasswordInput } from "@complaints/ui";
import { useState, type FormEvent } from "react";
import { useNavigate, useParams } from "react-router";
import { useAppIdentity, usePageTitle } from "./app-shell.tsx";
import { procedureQuery } from "./procedure-query.ts";
import { QueryBoundary } from "./query-boundary.tsx";
import { api, errorData, errorMessage } from "./trpc.ts";

const invitationProblems = {
  expired: { title: "This invitation has expired", text: "Invitations work for 7 days. Ask whoever invited you to send a new one." },
  used: { title: "This invitation has already been used", text: "Sign in with the email address and password you chose." },
  unknown: { title: "This invitation link is not valid", text: "Check you copied the whole link from the email. If it still does not work, ask whoever invited you to send a new one." },
} as const;
type ProblemState = keyof typeof invitationProblems;

function InvitationProblemPage({ state }: { state: ProblemState }) {
  const { base } = useAppIdentity();
  const page = invitationProblems[state];
  usePageTitle(page.title);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{page.title}</h1>
        <p className="govuk-body">{page.text}</p>
        <p className="govuk-body">
          <Link href={`${base}/sign-in`} className="govuk-link">
            Go to sign in
          </Link>
        </p>
      </div>
    </div>
  );
}

/** The page an invitation link opens: the person sets their name and password, or is told why the link no longer works. */
export function InvitationPage() {
  const { token = "" } = useParams();
  const link = useQuery({ ...procedureQuery("auth.invitation", { token }), staleTime: Infinity, retry: false });
  return (
    <QueryBoundary queries={[link] as const}>
      {(invitation) => (invitation.state === "valid" ? <AcceptInvitationForm token={token} email={invitation.email} roleLabel={invitation.roleLabel} organisationName={invitation.organisationName} /> : <InvitationProblemPage state={invitation.state} />)}
    </QueryBoundary>
  );
}

interface FieldProblem {
  field: "name" | "password";
  message: string;
}

function AcceptInvitationForm({ token, email, roleLabel, organisationName }: { token: string; email: string; roleLabel: string; organisationName: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [linkState, setLinkState] = useState<ProblemState | null>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle("Set up your account", problems.length > 0);
  const show = (found: FieldProblem[]) => {
    setProblems(found);
    setAttempt((n) => n + 1);
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const name = String(data.get("name") ?? "").trim();
    const password = String(data.get("password") ?? "");
    const missing: FieldProblem[] = [...(name ? [] : [{ field: "name" as const, message: "Enter your full name" }]), ...(password ? [] : [{ field: "password" as const, message: "Enter a password" }])];
    if (missing.length > 0) return show(missing);
    setBusy(true);
    try {
      await api.auth.acceptInvitation.mutate({ token, name, password });
      // Signed in now: whatever was cached belonged to nobody.
      await queryClient.invalidateQueries();
      void navigate("/", { replace: true });
    } catch (error) {
      const state = (errorData(error).details as { linkState?: ProblemState } | null | undefined)?.linkState;
      if (state) return setLinkState(state);
      const issues = errorData(error).issues;
      show(issues && issues.length > 0 ? issues.map((i) => ({ field: i.field === "name" ? "name" : "password", message: i.message })) : [{ field: "password", message: errorMessage(error) }]);
    } finally {
      setBusy(false);
    }
  }

  if (linkState) return <InvitationProblemPage state={linkState} />;
  const of = (field: FieldProblem["field"]) => problems.find((p) => p.field === field)?.message;
  const nameError = of("name");
  const passwordError = of("password");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {problems.length > 0 ? <ErrorSummary key={attempt} titleText="There is a problem" errorList={problems.map((p) => ({ text: p.message, href: `#${p.field}` }))} /> : null}
        <h1 className="govuk-heading-l">Set up your account</h1>
        <p className="govuk-body">
          You have been invited as {roleLabel} for {organisationName}. You will sign in with <strong>{email}</strong>.
        </p>
        <form method="post" noValidate onSubmit={(e) => void onSubmit(e)}>
          <Input id="name" name="name" label={{ text: "Full name" }} hint={{ text: "Shown to others beside what you do in the service." }} autocomplete="name" spellcheck={false} errorMessage={nameError ? { text: nameError } : false} />
          <PasswordInput
            id="password"
            name="password"
            label={{ text: "Create a password" }}
            hint={{ text: "Use at least 12 characters. Several unrelated words together are easy to remember and hard to guess." }}
            autocomplete="new-password"
            errorMessage={passwordError ? { text: passwordError } : false}
          />
          <Button text={busy ? "Setting up…" : "Set up account and sign in"} disabled={busy} preventDoubleClick />
        </form>
      </div>
    </div>
  );
}
