import { SummaryList, WarningText } from "@complaints/ui";
import { answerText, formatDateTime, type FieldDeclaration, type FieldValue } from "@complaints/domain";
import { type QueryOutput } from "@complaints/client";

export type SinceReturned = NonNullable<QueryOutput<"returns.changesSinceReturned">>;

/**
 * What the body changed after the department returned the return, read first on the review page:
 * the department's reasons, the body's reply, then each changed answer as it was returned and as it
 * was sent again, with the body's note on the figure.
 */
export function ChangesSinceReturned({ since, bodyName, fields }: { since: SinceReturned; bodyName: string; fields: readonly FieldDeclaration[] }) {
  const byId = new Map(fields.map((f) => [f.id, f]));
  const n = since.changes.length;
  return (
    <section aria-labelledby="since-returned-heading" data-testid="since-returned" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-l" id="since-returned-heading">
        Changes since the department returned it
      </h2>
      <p className="govuk-body">
        The department returned revision {since.returned.revision}
        {since.returned.returnedAt ? ` on ${formatDateTime(since.returned.returnedAt)}` : ""}. {bodyName} sent it again as revision {since.sent.revision}
        {n === 0 ? " with no answers changed." : ` with ${n === 1 ? "1 answer" : `${n} answers`} changed.`}
      </p>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-2">The department's reasons</h3>
      <blockquote className="govuk-inset-text app-reason govuk-!-margin-top-0">{since.returned.reason}</blockquote>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-2">The body's reply</h3>
      {since.reply ? (
        <blockquote className="govuk-inset-text app-reason govuk-!-margin-top-0" data-testid="body-reply">
          {since.reply.text}
        </blockquote>
      ) : (
        <p className="govuk-body">{bodyName} sent no reply.</p>
      )}
      {since.changes.map((c) => {
        const field = byId.get(c.fieldId);
        return (
          <SummaryList
            key={c.fieldId}
            card={{ title: { text: c.label, headingLevel: 3 }, attributes: { "data-field": c.fieldId } }}
            rows={[
              { key: { text: "As returned" }, value: { text: answerText(field, c.before as FieldValue) } },
              { key: { text: "As sent again" }, value: { text: answerText(field, c.after as FieldValue) } },
              { key: { text: "The body's explanation" }, value: c.note ? { text: c.note } : { children: <span className="govuk-hint govuk-!-margin-bottom-0">None given</span> } },
            ]}
          />
        );
      })}
    </section>
  );
}

/** A revision the department returned, read while the body corrects it: marked so nobody takes its figures as counted. */
export function ReturnedNotice({ bodyName, returnedAt, reason }: { bodyName: string; returnedAt: string | null; reason: string | null }) {
  return (
    <>
      <WarningText iconFallbackText="Warning" attributes={{ "data-testid": "returned-notice" }}>
        Returned to {bodyName}
        {returnedAt ? ` on ${formatDateTime(returnedAt)}` : ""} — not counted. These are the figures the department returned, left out of its statistics and board
        packs. You will see what {bodyName} changed when it sends the return again.
      </WarningText>
      {reason ? (
        <>
          <h2 className="govuk-heading-s govuk-!-margin-bottom-2">The department's reasons</h2>
          <blockquote className="govuk-inset-text app-reason govuk-!-margin-top-0">{reason}</blockquote>
        </>
      ) : null}
    </>
  );
}
