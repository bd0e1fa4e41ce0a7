import { SignIn, usePageTitle } from "@complaints/client";
import { useState } from "react";

/** The GOV.UK sign-in pattern; afterwards, back to the page asked for. */
export function SignInPage() {
  const [hasErrors, setHasErrors] = useState(false);
  usePageTitle("Sign in", hasErrors);
  return <SignIn onErrorsChange={setHasErrors} />;
}
