import { useEffect, useState, type FormEvent } from "react";
import { Button } from "../button/button.tsx";
import { ErrorSummary } from "../error-summary/error-summary.tsx";
import { Input } from "../input/input.tsx";
import { PasswordInput } from "../password-input/password-input.tsx";
import { Link } from "../shared/link.tsx";

export interface SignInFieldError {
  field: "email" | "password";
  message: string;
}

/** Why a sign-in failed: the server's per-field messages, or one message for the whole form. */
export type SignInFailure = { fieldErrors: SignInFieldError[] } | { message: string };

export interface SignInFormProps {
  /** Signs in; resolves when signed in, or with why not. */
  signIn: (email: string, password: string) => Promise<SignInFailure | null>;
  /** Called with whether the form shows errors, so the page title can start "Error: ". */
  onErrorsChange?: (hasErrors: boolean) => void;
  /**
   * Given when some people sign in with their organisation's account: the form asks for the email
   * alone first and passes it here, which sends those people to their provider (and resolves
   * `"redirected"`), or resolves `"password"` for everyone else, who then see the password field.
   */
  continueWithEmail?: ((email: string) => Promise<"password" | "redirected" | SignInFailure>) | undefined;
  /** The page that sends a link to choose a new password, if there is one. */
  forgottenPasswordHref?: string;
}

/**
 * The GOV.UK sign-in pattern shared by the agency app and the portal: email address, password
 * (with show and hide), "Sign in"; errors in a summary, which takes focus again on each failed
 * attempt, and beside each field. With `continueWithEmail`, the email comes first on its own, with
 * "Continue", and the password field appears only for people who do not sign in with their
 * organisation's account.
 */
export function SignInForm({ signIn, onErrorsChange, continueWithEmail, forgottenPasswordHref }: SignInFormProps) {
  const [askPassword, setAskPassword] = useState(!continueWithEmail);
  const [knownEmail, setKnownEmail] = useState<string | undefined>(undefined);
  const [errors, setErrors] = useState<SignInFieldError[]>([]);
  const [passwordAppeared, setPasswordAppeared] = useState(false);
  // The "Continue" button the person pressed is gone: the password field that replaced it takes focus.
  useEffect(() => {
    if (passwordAppeared) document.getElementById("password")?.focus();
  }, [passwordAppeared]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const hasErrors = errors.length > 0 || problem !== null;

  function show(found: SignInFieldError[], message: string | null) {
    setErrors(found);
    setProblem(message);
    setAttempt((n) => n + 1);
    onErrorsChange?.(found.length > 0 || message !== null);
  }

  const showFailure = (failure: SignInFailure) => show("fieldErrors" in failure ? failure.fieldErrors : [], "message" in failure ? failure.message : null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const found: SignInFieldError[] = [];
    if (!email) found.push({ field: "email", message: "Enter your email address" });
    if (askPassword && !password) found.push({ field: "password", message: "Enter your password" });
    if (found.length > 0) return show(found, null);
    setBusy(true);
    if (!askPassword && continueWithEmail) {
      try {
        const next = await continueWithEmail(email);
        if (next === "password") {
          setKnownEmail(email);
          setAskPassword(true);
          setPasswordAppeared(true);
          setErrors([]);
          setProblem(null);
          onErrorsChange?.(false);
        } else if (next !== "redirected") showFailure(next);
      } finally {
        setBusy(false);
      }
      return;
    }
    try {
      const failure = await signIn(email, password);
      if (failure) showFailure(failure);
    } finally {
      setBusy(false);
    }
  }

  const errorFor = (field: SignInFieldError["field"]) => errors.find((e) => e.field === field)?.message;

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
          <SignInFields knownEmail={knownEmail} emailError={errorFor("email")} askPassword={askPassword} passwordError={errorFor("password")} busy={busy} />
        </form>
        {forgottenPasswordHref && askPassword ? (
          <p className="govuk-body">
            <Link href={forgottenPasswordHref} className="govuk-link">
              Forgotten your password?
            </Link>
          </p>
        ) : null}
      </div>
    </div>
  );
}

interface SignInFieldsProps {
  knownEmail: string | undefined;
  emailError: string | undefined;
  /** Whether the password is asked for yet: until then the button only continues with the email. */
  askPassword: boolean;
  passwordError: string | undefined;
  busy: boolean;
}

/** The email address, then either the password and "Sign in" or just "Continue". */
function SignInFields({ knownEmail, emailError, askPassword, passwordError, busy }: SignInFieldsProps) {
  return (
    <>
      <Input
        id="email"
        name="email"
        type="email"
        label={{ text: "Email address" }}
        spellcheck={false}
        autocomplete="email"
        value={knownEmail}
        errorMessage={emailError ? { text: emailError } : false}
      />
      {askPassword ? (
        <>
          <PasswordInput
            id="password"
            name="password"
            label={{ text: "Password" }}
            autocomplete="current-password"
            errorMessage={passwordError ? { text: passwordError } : false}
          />
          <Button text={busy ? "Signing in…" : "Sign in"} disabled={busy} preventDoubleClick />
        </>
      ) : (
        <Button text={busy ? "Checking…" : "Continue"} disabled={busy} preventDoubleClick />
      )}
    </>
  );
}
