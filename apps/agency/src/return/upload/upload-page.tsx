import { formatPeriodLabel, requirePeriod, requireTemplate, returnStatusLabels, templateFields, transitions, type ReturnStatus } from "@complaints/domain";
import { BackLink, LinkProvider } from "@complaints/ui";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link } from "react-router";
import type { QuarterPageProps } from "../../app/body-route.tsx";
import { api, errorCode, fileToBase64, type Me, type Organisation, procedureQuery, QueryBoundary, type QueryOutput, usePageTitle } from "@complaints/client";
import { periodToAddress } from "@complaints/domain";
import { fileProblem } from "./file-check.ts";
import { TemplateDownloads } from "./template-downloads.tsx";
import { CannotUpload, UploadForm } from "./upload-form.tsx";
import { ConfirmReplace } from "./confirm-replace.tsx";
import { fileErrorOf, FileProblemsTable, outcomeHasErrors } from "../../screening/file-outcome.tsx";
import { ChangesTable, OutcomeSummary, type Updated } from "./upload-outcome.tsx";
import { requestFailureMessage, unreadableFileMessage, useConfirmedUpload } from "./use-confirmed-upload.ts";
import { uploadProblemColumns } from "./upload-problem.ts";
import "./upload.css";

type StoredReturn = NonNullable<QueryOutput<"returns.find">>;

const pageTitle = "Fill in the return with a spreadsheet";

const findQuery = (organisationCode: string, period: string) => procedureQuery("returns.find", { organisationCode, period });

/**
 * `/{ORG}/returns/{PERIOD}/upload` (the spreadsheet route, at an address people bookmark): download the
 * quarter's template pre-filled, upload it filled in. Another body's return is "You do not have
 * access", with none of its figures (the body and the quarter are checked by BodyRoute).
 */
export function UploadRoute({ me, org: organisation, period: periodCode }: QuarterPageProps) {
  const organisationCode = organisation.code;
  const found = useQuery(findQuery(organisationCode, periodCode));
  return <QueryBoundary queries={[found]}>{(stored) => <UploadLoaded me={me} organisation={organisation} periodCode={periodCode} stored={stored} />}</QueryBoundary>;
}

function UploadLoaded({ me, organisation, periodCode, stored }: { me: Me; organisation: Organisation; periodCode: string; stored: StoredReturn | null }) {
  const organisationCode = organisation.code;
  const returnPath = `/${organisationCode}/returns/${periodToAddress(periodCode)}`;
  return (
    // Our links (the back link) go through the router, under its /agency basename.
    <LinkProvider renderLink={({ href, ...rest }) => <Link to={href} {...rest} />}>
      {stored === null ? (
        <NotStartedPage organisation={organisation} periodCode={periodCode} returnPath={returnPath} />
      ) : (
        <UploadPage me={me} organisation={organisation} periodCode={periodCode} stored={stored} returnPath={returnPath} />
      )}
    </LinkProvider>
  );
}

function PageHeading({ organisation, periodCode }: { organisation: Organisation; periodCode: string }) {
  return (
    <>
      <span className="govuk-caption-l">
        {organisation.name}: {formatPeriodLabel(requirePeriod(periodCode))}
      </span>
      <h1 className="govuk-heading-l">{pageTitle}</h1>
    </>
  );
}

function NotStartedPage({ organisation, periodCode, returnPath }: { organisation: Organisation; periodCode: string; returnPath: string }) {
  usePageTitle(pageTitle);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`${returnPath}/`} text="Back to the return" />
        <PageHeading organisation={organisation} periodCode={periodCode} />
        <p className="govuk-body">This quarter's return has not been started, so there is no template to download yet.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={`${returnPath}/`}>
            Go to the return to start it
          </Link>
        </p>
      </div>
    </div>
  );
}

/** Why a return cannot be filled in from a file, in the user's words, or null if it can. */
function uploadRefusal(me: Me, status: ReturnStatus): string | null {
  if (!me.permissions.includes("returns.edit")) return "Only your organisation's complaints team can change the return from a file. You can download the template to see the answers it holds.";
  if ((transitions.save.from as readonly ReturnStatus[]).includes(status)) return null;
  const why: Partial<Record<ReturnStatus, string>> = {
    submitted: "It is waiting for your senior accountable officer's approval; they can send it back to you if it needs changes.",
    approved: "It has been approved and is with the department.",
    accepted: "The department has accepted it. To correct it, open a correction from the return's page.",
  };
  return `This return is ${returnStatusLabels[status].toLowerCase()}, so it cannot be changed from a file: only a draft can. ${why[status] ?? ""}`.trim();
}

/** How the spreadsheet is sent: read whole as base64, a dry run, then saved into the draft. */
function useSpreadsheetUpload(stored: StoredReturn) {
  const queryClient = useQueryClient();
  const findKey = findQuery(stored.organisationCode, stored.period).queryKey;
  const mutate = (input: { fileName: string; contentBase64: string; dryRun?: true }) => api.returns.uploadSpreadsheet.mutate({ returnId: stored.returnId, expectedVersion: stored.version, ...input });
  return useConfirmedUpload<Updated, string>({
    fileProblem,
    missing: "Select your completed return",
    async check(file) {
      let contentBase64: string;
      try {
        contentBase64 = await fileToBase64(file);
      } catch {
        return { outcome: { kind: "failed", message: unreadableFileMessage } };
      }
      const checked = await mutate({ fileName: file.name, contentBase64, dryRun: true });
      if (!checked.ok) return { outcome: { kind: "refused", fileName: file.name, result: checked } };
      return { changes: checked.changes, pending: contentBase64 };
    },
    /** Saves a file already checked by a dry run into the draft. */
    async send(contentBase64, fileName) {
      const answer = await mutate({ fileName, contentBase64 });
      if (!answer.ok) return { kind: "refused", fileName, result: answer };
      // The new version at once, so a second upload is not refused as based on an old one.
      queryClient.setQueryData(findKey, answer.return);
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== "returns.find" && q.queryKey[0] !== "auth.me" });
      return { kind: "updated", fileName, changes: answer.changes };
    },
    failed(error) {
      const code = errorCode(error);
      // Refused for the return's state: fetch it again, so the page shows what it is now.
      if (code === "CONFLICT" || code === "PRECONDITION_FAILED") void queryClient.invalidateQueries({ queryKey: findKey });
      const message =
        code === "CONFLICT"
          ? "Someone else changed this return while you were uploading, so nothing from your file was saved. Download the template again to start from their answers, or upload your file again to replace them"
          : requestFailureMessage(error);
      return { kind: "failed", message };
    },
  });
}

function UploadPage({ me, organisation, periodCode, stored, returnPath }: { me: Me; organisation: Organisation; periodCode: string; stored: StoredReturn; returnPath: string }) {
  const upload = useSpreadsheetUpload(stored);
  const { outcome, confirmation } = upload;
  usePageTitle(pageTitle, outcomeHasErrors(outcome));
  const fields = useMemo(() => new Map(templateFields(requireTemplate(stored.templateVersion), organisation.serviceAreas ?? []).map((f) => [f.id, f])), [stored.templateVersion, organisation.serviceAreas]);
  const refusal = uploadRefusal(me, stored.status);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`${returnPath}/`} text="Back to the return" />
        <OutcomeSummary outcome={outcome} attempt={upload.attempt} returnPath={returnPath} />
        <PageHeading organisation={organisation} periodCode={periodCode} />
        <FileProblemsTable outcome={outcome} columns={uploadProblemColumns} />
        {outcome.kind === "updated" ? <ChangesTable changes={outcome.changes} fields={fields} /> : null}
        {confirmation ? <ConfirmReplace {...confirmation} fields={fields} /> : null}
        <p className="govuk-body">You can fill in the return in a spreadsheet instead of this service's pages: download the template, fill it in, then upload it here.</p>
        <TemplateDownloads returnId={stored.returnId} />
        {confirmation ? null : refusal === null ? (
          <UploadForm error={upload.chosenProblem ?? fileErrorOf(outcome)} busy={upload.busy} onChoose={upload.choose} onUpload={(file) => void upload.upload(file)} />
        ) : (
          <CannotUpload heading="You cannot upload into this return" refusal={refusal} returnPath={returnPath} />
        )}
      </div>
    </div>
  );
}
