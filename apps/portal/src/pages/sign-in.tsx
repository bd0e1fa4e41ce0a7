import { useQueryClient } from "@tanstack/react-query";
import { SignInForm, type SignInFailure } from "@complaints/ui";
import { useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { meQueryKey, safeReturnPath } from "../app/auth.tsx";
import { usePageTitle } from "../app/page-title.ts";
import { api, errorData, errorMessage } from "../app/trpc.ts";

/** The GOV.UK sign-in pattern (packages/ui's SignInForm); afterwards, back to the page asked for. */
export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [hasErrors, setHasErrors] = useState(false);
  usePageTitle("Sign in", hasErrors);

  async function signIn(email: string, password: string): Promise<SignInFailure | null> {
    try {
      await api.auth.signIn.mutate({ email, password });
    } catch (error) {
      const issues = errorData(error).issues;
      if (issues && issues.length > 0) return { fieldErrors: issues.map((i) => ({ field: i.field === "password" ? "password" : "email", message: i.message })) };
      return { message: errorMessage(error) };
    }
    await queryClient.invalidateQueries();
    await queryClient.refetchQueries({ queryKey: meQueryKey });
    void navigate(safeReturnPath(params.get("returnTo")), { replace: true });
    return null;
  }

  return <SignInForm signIn={signIn} onErrorsChange={setHasErrors} />;
}
