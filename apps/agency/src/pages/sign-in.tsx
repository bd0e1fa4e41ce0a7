import { useQueryClient } from "@tanstack/react-query";
import { Button } from "@complaints/ui";
import { useEffect, useRef, useState, type FormEvent } from "react";
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
  const summary = useRef<HTMLDivElement>(null);
  const hasErrors = errors.length > 0 || problem !== null;
  usePageTitle("Sign in", hasErrors);

  useEffect(() => {
    if (hasErrors) summary.current?.focus();
  }, [errors, problem, hasErrors]);

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
          <div className="govuk-error-summary" data-module="govuk-error-summary" ref={summary} tabIndex={-1}>
            <div role="alert">
              <h2 className="govuk-error-summary__title">There is a problem</h2>
              <div className="govuk-error-summary__body">
                <ul className="govuk-list govuk-error-summary__list">
                  {problem ? (
                    <li>
                      <a href="#email">{problem}</a>
                    </li>
                  ) : null}
                  {errors.map((e) => (
                    <li key={e.field}>
                      <a href={`#${e.field}`}>{e.message}</a>
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          </div>
        ) : null}
        <h1 className="govuk-heading-l">Sign in</h1>
        <form method="post" noValidate onSubmit={(e) => void onSubmit(e)}>
          <div className={`govuk-form-group${emailError ? " govuk-form-group--error" : ""}`}>
            <label className="govuk-label" htmlFor="email">
              Email address
            </label>
            {emailError ? (
              <p id="email-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {emailError}
              </p>
            ) : null}
            <input
              className={`govuk-input${emailError ? " govuk-input--error" : ""}`}
              id="email"
              name="email"
              type="email"
              spellCheck={false}
              autoComplete="email"
              {...(emailError ? { "aria-describedby": "email-error" } : {})}
            />
          </div>
          <div className={`govuk-form-group${passwordError ? " govuk-form-group--error" : ""}`}>
            <label className="govuk-label" htmlFor="password">
              Password
            </label>
            {passwordError ? (
              <p id="password-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {passwordError}
              </p>
            ) : null}
            <input
              className={`govuk-input govuk-password-input__input${passwordError ? " govuk-input--error" : ""}`}
              id="password"
              name="password"
              type="password"
              spellCheck={false}
              autoComplete="current-password"
              autoCapitalize="none"
              {...(passwordError ? { "aria-describedby": "password-error" } : {})}
            />
          </div>
          <Button text={busy ? "Signing in…" : "Sign in"} disabled={busy} preventDoubleClick />
        </form>
      </div>
    </div>
  );
}
