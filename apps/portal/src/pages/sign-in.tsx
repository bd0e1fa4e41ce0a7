import { useQueryClient } from "@tanstack/react-query";
import { Button, ErrorSummary, Input, PasswordInput } from "@complaints/ui";
import { useState, type FormEvent } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { meQueryKey, safeReturnPath } from "../app/auth.tsx";
import { usePageTitle } from "../app/page-title.ts";
import { api, errorData, errorMessage } from "../app/trpc.ts";

interface FieldError {
  field: "email" | "password";
  message: string;
}

/** The GOV.UK sign-in pattern: email address, password, "Sign in"; errors in a summary and beside each field. */
export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const hasErrors = errors.length > 0 || problem !== null;
  usePageTitle("Sign in", hasErrors);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const found: FieldError[] = [];
    if (!email) found.push({ field: "email", message: "Enter your email address" });
    if (!password) found.push({ field: "password", message: "Enter your password" });
    setProblem(null);
    setErrors(found);
    setAttempt((n) => n + 1);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await api.auth.signIn.mutate({ email, password });
      await queryClient.invalidateQueries();
      await queryClient.refetchQueries({ queryKey: meQueryKey });
      void navigate(safeReturnPath(params.get("returnTo")), { replace: true });
    } catch (error) {
      const data = errorData(error);
      if (data.issues && data.issues.length > 0) {
        setErrors(data.issues.map((i) => ({ field: i.field === "password" ? "password" : "email", message: i.message })));
      } else {
        setProblem(errorMessage(error));
      }
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  const errorFor = (field: FieldError["field"]) => errors.find((e) => e.field === field)?.message;
  const emailError = errorFor("email");
  const passwordError = errorFor("password");

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {hasErrors ? (
          <ErrorSummary
            // A new key on each failed attempt, so the summary takes focus again (it focuses itself on mount).
            key={attempt}
            titleText="There is a problem"
            errorList={[...(problem ? [{ text: problem, href: "#email" }] : []), ...errors.map((e) => ({ text: e.message, href: `#${e.field}` }))]}
          />
        ) : null}
        <h1 className="govuk-heading-l">Sign in</h1>
        <form method="post" noValidate onSubmit={(e) => void onSubmit(e)}>
          <Input
            id="email"
            name="email"
            type="email"
            label={{ text: "Email address" }}
            spellcheck={false}
            autocomplete="email"
            errorMessage={emailError ? { text: emailError } : false}
          />
          <PasswordInput id="password" name="password" label={{ text: "Password" }} autocomplete="current-password" errorMessage={passwordError ? { text: passwordError } : false} />
          <Button text={busy ? "Signing in…" : "Sign in"} disabled={busy} preventDoubleClick />
        </form>
      </div>
    </div>
  );
}
