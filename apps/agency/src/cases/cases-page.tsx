import { currentTemplate, exampleCaseFile, formatDateTime, formatPeriodLabel, plural, requirePeriod, requireTemplate, returnStatusLabels, templateFields, transitions, type ReturnStatus } from "@complaints/domain";
import { BackLink, Button, LinkProvider, Radios } from "@complaints/ui";
import { api, type Me, type Organisation, procedureQuery, QueryBoundary, type QueryOutput, saveBlob, usePageTitle } from "@complaints/client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { periodToAddress } from "@complaints/domain";
import type { QuarterPageProps } from "../app/body-route.tsx";
import { caseFileProblem, caseProblemColumns } from "./case-problems.ts";
import { fileErrorOf, FileProblemsTable, outcomeHasErrors } from "../screening/file-outcome.tsx";
import { CaseOutcomeSummary, ComputedFigures, type CaseFigures, type CaseOutcome } from "./case-outcome.tsx";
import { formatBytes, isProgressStep, progressMessage, sendInChunks, UnreadableFile } from "./chunked-upload.ts";
import { CaseFormatDetails } from "./format-details.tsx";
import { casesPath, settingsPath, useCasesOverview, type CasesOverview } from "./queries.ts";
import { ConfirmReplace } from "../return/upload/confirm-replace.tsx";
import { CannotUpload, FileChooser } from "../return/upload/upload-form.tsx";
import { requestFailureMessage, unreadableFileMessage, useConfirmedUpload } from "../return/upload/use-confirmed-upload.ts";
import "../return/upload/upload.css";
import "./cases.css";

type StoredReturn = NonNullable<QueryOutput<"returns.find">>;

const pageTitle = "Compute this return from your case records";

/**
 * The last outcome, kept for the page's life in the app: after following a figure to its cases,
 * Back brings the figures again (without announcing them again).
 */
const outcomeKey = (organisationCode: string, periodCode: string) => ["cases.outcome", organisationCode, periodCode] as const;

/**
 * `/{ORG}/returns/{PERIOD}/cases`: upload the body's case-management export and get the
 * quarter's figures computed from it, each linking to the cases behind it. Another body's page is
 * "You do not have access" (the body and the quarter are checked by BodyRoute).
 */
export function CasesRoute({ me, org: organisation, period: periodCode }: QuarterPageProps) {
  const organisationCode = organisation.code;
  const found = useQuery(procedureQuery("returns.find", { organisationCode, period: periodCode }));
  const overview = useCasesOverview(organisationCode);
  return <QueryBoundary queries={[found, overview]}>{(stored, settings) => <CasesLoaded me={me} organisation={organisation} periodCode={periodCode} stored={stored} overview={settings} />}</QueryBoundary>;
}

function CasesLoaded({ me, organisation, periodCode, stored, overview }: { me: Me; organisation: Organisation; periodCode: string; stored: StoredReturn | null; overview: CasesOverview }) {
  const organisationCode = organisation.code;
  const returnPath = `/${organisationCode}/returns/${periodToAddress(periodCode)}`;
  return (
    // Our links (the back link, the figures) go through the router, under its /agency basename.
    <LinkProvider renderLink={({ href, ...rest }) => <Link to={href} {...rest} />}>
      <CasesPage me={me} organisation={organisation} periodCode={periodCode} stored={stored} overview={overview} returnPath={returnPath} />
    </LinkProvider>
  );
}

/**
 * Why the return cannot be computed from a case file now, in the user's words, or null if it can.
 * A return not started yet is opened by the import (while its reporting window is open: the API says if not).
 */
function importRefusal(me: Me, stored: StoredReturn | null): string | null {
  if (!me.permissions.includes("cases.edit")) return "Only your organisation's complaints team can compute the return from a case file.";
  if (stored === null || (transitions.save.from as readonly ReturnStatus[]).includes(stored.status)) return null;
  return `This return is ${returnStatusLabels[stored.status].toLowerCase()}, so its figures cannot be computed again: only a draft can be changed.`;
}

type Progress = { sent: number; total: number; checking: boolean };

/** The case file's progress bar, and what its live region says: at the start, at each tenth of the way and when checking starts. */
function useUploadProgress() {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [said, setSaid] = useState("");
  const lastSaid = useRef(0);
  return {
    progress,
    said,
    start() {
      lastSaid.current = 0;
    },
    onProgress(sent: number, total: number) {
      setProgress({ sent, total, checking: false });
      if (isProgressStep(lastSaid.current, sent, total)) {
        lastSaid.current = sent;
        setSaid(progressMessage(sent, total));
      }
    },
    checking(size: number) {
      setProgress({ sent: size, total: size, checking: true });
      setSaid("Checking the cases…");
    },
    clear() {
      setProgress(null);
      setSaid("");
    },
  };
}

/** How the case file is sent: in pieces, then finished as a dry run, then imported from the upload the server kept. */
function useCaseUpload({ organisation, periodCode, periodLabel, overview }: { organisation: Organisation; periodCode: string; periodLabel: string; overview: CasesOverview }) {
  const queryClient = useQueryClient();
  const key = outcomeKey(organisation.code, periodCode);
  const progress = useUploadProgress();
  const upload = useConfirmedUpload<CaseFigures, { uploadId: string; mappingName: string | null }, string | null>({
    fileProblem: (file) => caseFileProblem(file, overview.upload.maxBytes),
    missing: "Select your case file",
    initial: () => queryClient.getQueryData<CaseOutcome>(key) ?? { kind: "none" },
    onFinish(next) {
      // Kept an hour (not the cache's usual five minutes unwatched), for a look through many figures' cases; signing out clears it.
      queryClient.setQueryDefaults(["cases.outcome"], { gcTime: 60 * 60_000 });
      queryClient.setQueryData(key, next.kind === "computed" ? { ...next, restored: true } : { kind: "none" });
    },
    onSettled: progress.clear,
    async check(file, mappingName) {
      progress.start();
      const uploadId = await sendInChunks(
        file,
        {
          // For this quarter: it replaces the person's unfinished upload for it, so trying again never counts against their limit.
          start: (input) => api.cases.startUpload.mutate({ organisationCode: organisation.code, period: periodCode, ...input }),
          send: (input) => api.cases.uploadChunk.mutate(input),
        },
        progress.onProgress,
      );
      progress.checking(file.size);
      // The example file is only ever a dry run; a good file's dry run keeps the upload, so the import does not send it again.
      const checked = await api.cases.finishUpload.mutate({ uploadId, mappingName, period: periodCode, dryRun: true });
      if (!checked.ok) return { outcome: { kind: "refused", fileName: file.name, result: checked } };
      if (checked.example) return { outcome: { kind: "example", fileName: file.name, result: checked } };
      const quarter = checked.writtenQuarters.find((q) => q.period === periodCode);
      if (!quarter) {
        return { outcome: { kind: "failed", message: `None of the ${plural(checked.rows, "case")} in “${file.name}” was received, open or closed in ${periodLabel}, so the return was not changed` } };
      }
      return { changes: quarter.changes, pending: { uploadId, mappingName } };
    },
    /** Imports an upload already checked by a dry run (kept on the server, so not sent again). */
    async send({ uploadId, mappingName }, fileName) {
      const result = await api.cases.finishUpload.mutate({ uploadId, mappingName, period: periodCode, dryRun: false });
      if (!result.ok) return { kind: "refused", fileName, result };
      if (result.example) return { kind: "example", fileName, result };
      // The draft has new figures: everything showing the return reads it again.
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== "auth.me" && q.queryKey[0] !== "cases.outcome" });
      return { kind: "computed", fileName, result };
    },
    failed(error) {
      if (error instanceof UnreadableFile) return { kind: "failed", message: unreadableFileMessage };
      return { kind: "failed", message: requestFailureMessage(error) };
    },
  });
  return { ...upload, progress: progress.progress, said: progress.said };
}

type CaseUpload = ReturnType<typeof useCaseUpload>;

function CasesPage(props: { me: Me; organisation: Organisation; periodCode: string; stored: StoredReturn | null; overview: CasesOverview; returnPath: string }) {
  const { me, organisation, periodCode, stored, overview, returnPath } = props;
  const periodLabel = formatPeriodLabel(requirePeriod(periodCode));
  const upload = useCaseUpload({ organisation, periodCode, periodLabel, overview });
  const { outcome, confirmation } = upload;
  usePageTitle(pageTitle, outcomeHasErrors(outcome));
  const refusal = importRefusal(me, stored);
  const templateVersion = stored?.templateVersion ?? currentTemplate.version;
  const fields = useMemo(() => new Map(templateFields(requireTemplate(templateVersion), organisation.serviceAreas ?? []).map((f) => [f.id, f])), [templateVersion, organisation.serviceAreas]);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`${returnPath}/`} text="Back to the return" />
        <CaseOutcomeSummary outcome={outcome} attempt={upload.attempt} returnPath={returnPath} periodLabel={periodLabel} />
        <span className="govuk-caption-l">
          {organisation.name}: {periodLabel}
        </span>
        <h1 className="govuk-heading-l">{pageTitle}</h1>
        <FileProblemsTable outcome={outcome} columns={caseProblemColumns} />
        {confirmation ? <ConfirmReplace {...confirmation} fields={fields} /> : null}
        {outcome.kind === "computed" || outcome.kind === "example" ? (
          <>
            <ComputedFigures
              result={outcome.result}
              periodCode={periodCode}
              organisation={organisation}
              templateVersion={templateVersion}
              returnPath={returnPath}
              casesPath={casesPath(organisation.code, periodCode)}
              example={outcome.kind === "example"}
            />
            <hr className="govuk-section-break govuk-section-break--l govuk-section-break--visible" />
          </>
        ) : (
          <>
            <p className="govuk-body">
              If your case-management system can export one row per complaint, upload the export here. The return's figures for {periodLabel} are worked out from it, and each figure links to
              the cases behind it.
            </p>
            <p className="govuk-body">Only case references and coded fields, such as the stage and the outcome, are kept. Figures the file cannot give are left for you to fill in.</p>
          </>
        )}
        <CaseFileHelp organisation={organisation} periodCode={periodCode} periodLabel={periodLabel} overview={overview} />
        {confirmation ? null : refusal === null ? (
          <CaseUploadForm upload={upload} overview={overview} />
        ) : (
          <CannotUpload heading="You cannot compute this return from a case file" refusal={refusal} returnPath={returnPath} />
        )}
      </div>
    </div>
  );
}

/** The file's format, the example file, the timescales counted and the last case file. */
function CaseFileHelp({ organisation, periodCode, periodLabel, overview }: { organisation: Organisation; periodCode: string; periodLabel: string; overview: CasesOverview }) {
  return (
    <>
      <CaseFormatDetails />
      <p className="govuk-body">To see the format with this quarter's dates, or to try the import, download an example file of made-up cases. Uploading it shows the figures it gives and saves nothing.</p>
      <Button
        text={`Download an example case file for ${periodLabel}`}
        type="button"
        classes="govuk-button--secondary"
        id="example-file"
        onClick={() => saveBlob(new Blob([exampleCaseFile(periodCode, organisation.serviceAreas.map((a) => a.code))], { type: "text/csv" }), `example-cases-${organisation.code}-${periodToAddress(periodCode)}.csv`)}
      />
      <p className="govuk-body">
        A case with no target date is within timescale when it closes within {plural(overview.timescales.earlyResolutionDays, "working day")} at early resolution and{" "}
        {plural(overview.timescales.closerLookDays, "working day")} at closer look.{" "}
        <Link className="govuk-link" to={`${settingsPath(organisation.code)}?period=${periodToAddress(periodCode)}`}>
          Change these, or match your system's column names and codes to ours
        </Link>
        .
      </p>
      {overview.lastImport ? (
        <p className="govuk-body" id="last-import">
          Last case file: “{overview.lastImport.fileName}”, {plural(overview.lastImport.rows, "case")}, uploaded by {overview.lastImport.importedBy} on {formatDateTime(overview.lastImport.importedAt)}.
        </p>
      ) : null}
    </>
  );
}

/** The case file input, the choice of mapping, and the progress while the file goes. */
function CaseUploadForm({ upload, overview }: { upload: CaseUpload; overview: CasesOverview }) {
  const { busy, outcome, chosenProblem, progress, said } = upload;
  const mappings = overview.mappings;
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget;
    const input = form.elements.namedItem("file");
    const mapping = form.elements.namedItem("mapping");
    const chosen = mapping instanceof RadioNodeList || mapping instanceof HTMLInputElement ? mapping.value : "";
    void upload.upload(input instanceof HTMLInputElement ? (input.files?.[0] ?? null) : null, chosen || null);
  }
  return (
    <form method="post" encType="multipart/form-data" noValidate onSubmit={onSubmit}>
      <FileChooser
        label="Upload your case file"
        hint={`A CSV file, up to ${formatBytes(overview.upload.maxBytes)}. The whole file is checked: if any row has a problem, nothing is saved.`}
        error={chosenProblem ?? fileErrorOf(outcome)}
        accept=".csv,text/csv"
        onChoose={upload.choose}
      />
      {mappings.length > 0 ? (
        <Radios
          name="mapping"
          idPrefix="mapping"
          fieldset={{ legend: { text: "Which column names does your file use?", classes: "govuk-fieldset__legend--s" } }}
          items={[{ value: "", text: "None: my file uses the standard column names", checked: true }, ...mappings.map((m) => ({ value: m.name, text: `Our saved mapping “${m.name}”` }))]}
        />
      ) : null}
      <Button text="Upload and compute the figures" type="submit" attributes={busy ? { "aria-disabled": "true" } : undefined} />
      <div className="app-case-progress">
        {progress ? (
          <>
            <label className="govuk-label" htmlFor="upload-progress">
              {progress.checking ? "File uploaded" : "Uploading your case file"}
            </label>
            <progress id="upload-progress" className="app-case-progress__bar" max={progress.total || 1} value={progress.sent}>
              {progressMessage(progress.sent, progress.total)}
            </progress>
          </>
        ) : null}
        <div className="app-upload-status" role="status">
          {said ? (
            <p className="govuk-body app-upload-status__text">
              {progress?.checking ? <span className="app-upload-status__spinner" aria-hidden="true" /> : null}
              {said}
            </p>
          ) : null}
        </div>
      </div>
    </form>
  );
}
