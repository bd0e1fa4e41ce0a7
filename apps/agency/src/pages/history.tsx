import { useQueries, useQuery, type UseQueryResult } from "@tanstack/react-query";
import { Link, Table, Timeline, type TimelineItem } from "@complaints/ui";
import { answerText, periodLabelOf, requireTemplate, returnStatusLabels, templateFields, type FieldDeclaration, type FieldValue } from "@complaints/domain";
import { Loading, type Organisation, procedureQuery, type QueryOutput, ServiceProblem, usePageTitle } from "@complaints/client";
import { returnAddress } from "./body.tsx";

type History = QueryOutput<"returns.history">;
type AuditEvent = History["events"][number];

/** What each audit action means to the body's people. */
const eventTitles: Record<string, string> = {
  "return.opened": "Return started",
  "return.saved": "Figures saved",
  "return.imported": "Figures loaded from a file",
  "return.revisedByImport": "Revised from a file",
  "return.uploaded": "Figures uploaded from a spreadsheet",
  "return.computedFromCases": "Figures computed from case records",
  "return.submit": "Sent for sign-off",
  "return.approve": "Approved and sent to the department",
  "return.sendBack": "Sent back to the complaints team",
  "return.accept": "Accepted by the department",
  "return.return": "Returned by the department",
  "return.reopen": "Correction started",
  "return.seeded": "Loaded with the demo data",
};

/** Events that change figures: each says which; one that changed nothing (an upload of the same figures) is left out. */
const figureEvents = new Set(["return.saved", "return.opened", "return.imported", "return.uploaded", "return.computedFromCases"]);
const changedNothing = (e: AuditEvent) => figureEvents.has(e.action) && e.action !== "return.opened" && e.changes.length === 0;

function changedFieldsText(event: AuditEvent, labels: Map<string, string>): string | null {
  const names = event.changes
    .map((c) => c.field)
    .filter((f) => f !== "status" && f !== "revision")
    .map((f) => {
      if (f.startsWith("note:")) return `note on ${labels.get(f.slice(5)) ?? f.slice(5)}`;
      if (f.startsWith("explanation:")) return "an explanation of a warning";
      return labels.get(f) ?? f;
    });
  const unique = [...new Set(names)];
  if (unique.length === 0) return null;
  const shown = unique.slice(0, 6);
  const more = unique.length - shown.length;
  return `Changed: ${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""}.`;
}

function timelineItem(event: AuditEvent, labels: Map<string, string>): TimelineItem {
  const revision = event.action === "return.reopen" ? event.changes.find((c) => c.field === "revision")?.new : undefined;
  const title = eventTitles[event.action] ?? event.action;
  const changed = figureEvents.has(event.action) ? changedFieldsText(event, labels) : null;
  return {
    label: { text: revision !== undefined ? `${title}: revision ${String(revision)}` : title },
    byline: { text: event.actorName },
    datetime: { timestamp: event.at, type: "datetime" },
    children: (
      <>
        {event.reason ? <p className="govuk-body app-reason">{event.reason}</p> : null}
        {changed ? <p className="govuk-body">{changed}</p> : null}
      </>
    ),
  };
}

/** `/agency/{ORG}/returns/{PERIOD}/history`: who did what and when (the audit log), and what changed between revisions. */
export function HistoryPage({ org, period }: { org: Organisation; period: string }) {
  const label = periodLabelOf(period);
  usePageTitle(`History of the return for ${label}`);
  const found = useQuery(procedureQuery("returns.find", { organisationCode: org.code, period }));
  const returnId = found.data?.returnId;
  const history = useQuery({ ...procedureQuery("returns.history", { returnId: returnId ?? "" }), enabled: Boolean(returnId) });
  const revisions = history.data?.revisions ?? [];
  const diffs = useQueries({
    queries: revisions.slice(1).map((r) => ({
      ...procedureQuery("returns.diff", { returnId: returnId ?? "", from: r.revision - 1, to: r.revision }, r.version),
    })),
  });

  if (found.isError || history.isError) return <ServiceProblem />;
  if (found.isPending || (returnId && history.isPending)) return <Loading />;

  const heading = (
    <>
      <span className="govuk-caption-l">
        {org.name}: {label}
      </span>
      <h1 className="govuk-heading-l">History of the return</h1>
    </>
  );
  if (!found.data || !history.data) {
    return (
      <>
        {heading}
        <p className="govuk-body">The return for {label} has not been started.</p>
      </>
    );
  }

  const template = requireTemplate(found.data.templateVersion);
  const fields = new Map<string, FieldDeclaration>(templateFields(template, org.serviceAreas).map((f) => [f.id, f]));
  const labels = new Map([...fields].map(([id, f]) => [id, f.label]));
  const events = history.data.events.filter((e) => !changedNothing(e)).toReversed();

  return (
    <>
      {heading}
      <p className="govuk-body">
        <Link className="govuk-link" href={returnAddress(org.code, period, "check")}>
          Check the return
        </Link>
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">What happened</h2>
          {events.length === 0 ? <p className="govuk-body">Nothing has happened to this return yet.</p> : <Timeline headingLevel={3} items={events.map((e) => timelineItem(e, labels))} />}
        </div>
      </div>

      <h2 className="govuk-heading-m">Changes between revisions</h2>
      {revisions.length < 2 ? (
        <p className="govuk-body">This return has one revision. When the department returns it, or it is corrected after the department accepts it, the changes are listed here.</p>
      ) : (
        revisions.slice(1).map((r, i) => <RevisionChanges key={r.revision} previous={revisions[i]!} revision={r} diff={diffs[i]} fields={fields} />)
      )}
    </>
  );
}

type Revision = History["revisions"][number];
type RevisionDiff = UseQueryResult<QueryOutput<"returns.diff">>;

/** One revision against the one before: why it was opened, and each figure that changed. */
function RevisionChanges({ previous, revision: r, diff, fields }: { previous: Revision; revision: Revision; diff: RevisionDiff | undefined; fields: Map<string, FieldDeclaration> }) {
  const caption = `Revision ${previous.revision} (${returnStatusLabels[previous.status].toLowerCase()}) to revision ${r.revision} (${returnStatusLabels[r.status].toLowerCase()})`;
  if (!diff || diff.isPending) return <Loading />;
  if (diff.isError) return <p className="govuk-body">The changes in revision {r.revision} could not be loaded.</p>;
  return (
    <div>
      {r.reopenReason ? (
        <p className="govuk-body">
          Why revision {r.revision} was opened: <span className="app-reason">{r.reopenReason}</span>
        </p>
      ) : null}
      {diff.data.length === 0 ? (
        <p className="govuk-body">{caption}: no figures have changed.</p>
      ) : (
        <Table
          caption={caption}
          captionClasses="govuk-table__caption--s"
          firstCellIsHeader
          head={[{ text: "Question" }, { text: `Revision ${previous.revision}` }, { text: `Revision ${r.revision}` }]}
          rows={diff.data.map((d) => [{ text: d.label }, { text: answerText(fields.get(d.fieldId), d.from as FieldValue) }, { text: answerText(fields.get(d.fieldId), d.to as FieldValue) }])}
        />
      )}
    </div>
  );
}
