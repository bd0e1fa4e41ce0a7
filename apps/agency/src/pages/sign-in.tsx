import { SignIn } from "@complaints/client";
import { useState } from "react";
import { usePageTitle } from "../app/page-title.ts";

/** The GOV.UK sign-in pattern; afterwards, back to the page asked for. */
export function SignInPage() {
  const [hasErrors, setHasErrors] = useState(false);
  usePageTitle("Sign in", hasErrors);
  return <SignIn onErrorsChange={setHasErrors} />;
}
