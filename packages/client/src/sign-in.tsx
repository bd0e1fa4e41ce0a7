import { useQuery, useQueryClient } from "@tanstack/react-query";
import { SignInForm, type SignInFailure } from "@complaints/ui";
import { useEffect } from "react";
import { useHref, useNavigate, useSearchParams } from "react-router";
import { useAppIdentity } from "./app-shell.tsx";
import { meQueryKey, safeReturnPath } from "./auth.tsx";
import { api, errorData, errorMessage } from "./trpc.ts";

/**
 * The sign-in page of either app (packages/ui's SignInForm): signs in through the API, then goes back
 * to the page asked for (`?returnTo=`, inside the app only). `onErrorsChange` lets the app's page title say "Error:".
 * When a department signs its people in with their organisation's account, the email comes first:
 * theirs goes to the server's `/auth/sso/start`, which sends them to their provider and, once signed
 * in, back to the same page.
 */
export function SignIn({ onErrorsChange }: { onErrorsChange: (hasErrors: boolean) => void }) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { base } = useAppIdentity();
  const returnPath = safeReturnPath(params.get("returnTo"));
  // The page asked for, with the app's own prefix (/portal/…), for the server to come back to.
  const returnHref = useHref(returnPath);
  const method = useQuery({ queryKey: ["auth", "signInMethod"], queryFn: () => api.auth.signInMethod.query({}), staleTime: Infinity, retry: 1 });

  async function continueWithEmail(email: string): Promise<"password" | "redirected" | SignInFailure> {
    try {
      const found = await api.auth.signInMethod.query({ email });
      if (!found.singleSignOn) return "password";
    } catch (error) {
      return { message: errorMessage(error) };
    }
    window.location.assign(`/auth/sso/start?${new URLSearchParams({ email, returnTo: returnHref }).toString()}`);
    return "redirected";
  }

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
    void navigate(returnPath, { replace: true });
    return null;
  }

  // Asked once: while the answer is on its way nothing is shown, so the form never changes under someone typing.
  if (method.isPending) return null;
  return (
    <SignInForm
      signIn={signIn}
      onErrorsChange={onErrorsChange}
      forgottenPasswordHref={`${base}/forgotten-password`}
      continueWithEmail={method.data?.emailFirst ? continueWithEmail : undefined}
    />
  );
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
