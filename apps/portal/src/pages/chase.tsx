import { useQuery } from "@tanstack/react-query";
import { Button, ErrorSummary, Link, Panel, Textarea } from "@complaints/ui";
import { formatDate, periodToAddress } from "@complaints/domain";
import { useState, type FormEvent } from "react";
import { api, errorMessage, procedureQuery, QueryBoundary, usePageTitle, type Organisation, type QueryOutput } from "@complaints/client";

type Preview = QueryOutput<"notifications.chasePreview">;

/** Chasing a late body from the tracker: who will be emailed, a line of the analyst's own, send. */
export function ChasePage({ dept, org, period }: { dept: Organisation; org: string; period: string }) {
  const preview = useQuery({ ...procedureQuery("notifications.chasePreview", { organisationCode: org, period }), retry: false });
  return <QueryBoundary queries={[preview] as const}>{(p) => <ChaseForm dept={dept} org={org} period={period} preview={p} />}</QueryBoundary>;
}

function ChaseForm({ dept, org, period, preview }: { dept: Organisation; org: string; period: string; preview: Preview }) {
  const [sentTo, setSentTo] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<{ message: string; attempt: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const title = sentTo ? "Email sent" : `Chase ${preview.bodyName}'s return`;
  usePageTitle(title, problem !== null);
  const trackerPath = `/portal/${dept.code}/tracker/${periodToAddress(period)}`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const message = String(new FormData(event.currentTarget).get("message") ?? "");
    setBusy(true);
    try {
      const result = await api.notifications.chase.mutate({ organisationCode: org, period, message });
      setProblem(null);
      setSentTo(result.sentTo);
    } catch (error) {
      setProblem((p) => ({ message: errorMessage(error), attempt: (p?.attempt ?? 0) + 1 }));
    } finally {
      setBusy(false);
    }
  }

  if (sentTo) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <Panel titleText="Email sent">
            {preview.bodyName}'s team has been asked for its return for {preview.periodLabel}
          </Panel>
          <p className="govuk-body">We emailed {sentTo.join(", ")}. The chase is recorded in the return's history.</p>
          <p className="govuk-body">
            <Link className="govuk-link" href={trackerPath}>
              Back to the tracker
            </Link>
          </p>
        </div>
      </div>
    );
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {problem ? <ErrorSummary key={problem.attempt} titleText="There is a problem" errorList={[{ text: problem.message, href: "#message" }]} /> : null}
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">
          {preview.bodyName}'s return for {preview.periodLabel} was due on {formatDate(preview.dueDate)} and has not been sent to the department.
        </p>
        {preview.recipients.length === 0 ? (
          <p className="govuk-body">Nobody at {preview.bodyName} has an account to email. Contact the body another way.</p>
        ) : (
          <>
            <h2 className="govuk-heading-m">Who we will email</h2>
            <ul className="govuk-list govuk-list--bullet">
              {preview.recipients.map((r) => (
                <li key={r.id}>
                  {r.name} ({r.email})
                </li>
              ))}
            </ul>
            <form method="post" noValidate onSubmit={(e) => void onSubmit(e)}>
              <Textarea
                id="message"
                name="message"
                label={{ text: "Add a line to the email (optional)", classes: "govuk-label--s" }}
                hint={{ text: "For example, when the board needs the figures. 1000 characters at most." }}
                rows={4}
                errorMessage={problem ? { text: problem.message } : undefined}
              />
              <Button text={busy ? "Sending…" : "Send the email"} disabled={busy} preventDoubleClick />
            </form>
          </>
        )}
        <p className="govuk-body">
          <Link className="govuk-link" href={trackerPath}>
            Back to the tracker
          </Link>
        </p>
      </div>
    </div>
  );
}
