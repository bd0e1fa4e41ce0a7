import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Checkboxes, ErrorSummary, NotificationBanner } from "@complaints/ui";
import { useState, type FormEvent } from "react";
import { usePageTitle } from "./app-shell.tsx";
import { procedureQuery, type QueryOutput } from "./procedure-query.ts";
import { QueryBoundary } from "./query-boundary.tsx";
import { api, errorMessage } from "./trpc.ts";

type Preferences = QueryOutput<"notifications.preferences">;

/**
 * "Emails you get": each kind of notification sent to the signed-in person's role, with a box to
 * turn it off. Invitations and password resets are not listed: they always come.
 */
export function NotificationPreferencesPage() {
  const preferences = useQuery(procedureQuery("notifications.preferences", undefined));
  return <QueryBoundary queries={[preferences] as const}>{(current) => <PreferencesForm current={current} />}</QueryBoundary>;
}

function PreferencesForm({ current }: { current: Preferences }) {
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(0);
  const [problem, setProblem] = useState<{ message: string; attempt: number } | null>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle("Emails you get", problem !== null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const on = new FormData(event.currentTarget).getAll("on").map(String) as Preferences[number]["kind"][];
    setBusy(true);
    try {
      const after = await api.notifications.setPreferences.mutate({ on });
      queryClient.setQueryData(procedureQuery("notifications.preferences", undefined).queryKey, after);
      setProblem(null);
      setSaved((n) => n + 1);
    } catch (error) {
      setProblem((p) => ({ message: errorMessage(error), attempt: (p?.attempt ?? 0) + 1 }));
      setSaved(0);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {problem ? <ErrorSummary key={problem.attempt} titleText="There is a problem" errorList={[{ text: problem.message, href: "#on" }]} /> : null}
        {saved > 0 ? (
          <NotificationBanner key={saved} type="success">
            <p className="govuk-notification-banner__heading">Your email choices have been saved</p>
          </NotificationBanner>
        ) : null}
        <h1 className="govuk-heading-l">Emails you get</h1>
        {current.length === 0 ? (
          <p className="govuk-body">The service does not send people in your role any emails you can turn off. You will still get emails inviting you and letting you reset your password.</p>
        ) : (
          <form method="post" noValidate onSubmit={(e) => void onSubmit(e)}>
            <Checkboxes
              idPrefix="on"
              name="on"
              fieldset={{ legend: { text: "Which emails do you want to get?", classes: "govuk-fieldset__legend--m" } }}
              hint={{ text: "Untick the ones you do not want. You will always get emails inviting you and letting you reset your password." }}
              items={current.map((p) => ({ value: p.kind, text: p.label, hint: { text: p.hint }, checked: p.on }))}
            />
            <Button text={busy ? "Saving…" : "Save your choices"} disabled={busy} preventDoubleClick />
          </form>
        )}
      </div>
    </div>
  );
}
