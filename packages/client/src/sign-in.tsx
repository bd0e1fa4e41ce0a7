import { useQueryClient } from "@tanstack/react-query";
import { SignInForm, type SignInFailure } from "@complaints/ui";
import { useEffect } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { useAppIdentity } from "./app-shell.tsx";
import { meQueryKey, safeReturnPath } from "./auth.tsx";
import { api, errorData, errorMessage } from "./trpc.ts";

/**
 * The sign-in page of either app (packages/ui's SignInForm): signs in through the API, then goes back
 * to the page asked for (`?returnTo=`, inside the app only). `onErrorsChange` lets the app's page title say "Error:".
 */
export function SignIn({ onErrorsChange }: { onErrorsChange: (hasErrors: boolean) => void }) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { base } = useAppIdentity();

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

  return <SignInForm signIn={signIn} onErrorsChange={onErrorsChange} forgottenPasswordHref={`${base}/forgotten-password`} />;
}

/** `…/sign-out` (the "Sign out" link without JavaScript's help, or typed in): ends the session, then to sign in. */
export function SignOut() {
  const navigate = useNavigate();
  const client = useQueryClient();
  useEffect(() => {
    void api.auth.signOut
      .mutate()
      .catch(() => undefined)
      .finally(() => {
        client.clear();
        void navigate("/sign-in", { replace: true });
      });
  }, [client, navigate]);
  return <p className="govuk-body" role="status">Signing out…</p>;
}
