import {
  caseColumnDescriptions,
  caseColumnLabels,
  caseColumns,
  caseMappingSchema,
  caseTimescalesSchema,
  codedCaseColumns,
  formatPeriodLabel,
  periodFromAddress,
  plural,
  requirePeriod,
  type CaseColumn,
  type CaseMapping,
  type CodedCaseColumn,
} from "@complaints/domain";
import { BackLink, Button, Details, ErrorSummary, Fieldset, FileUpload, Input, LinkProvider, NotificationBanner, Select, Table } from "@complaints/ui";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { api, errorData, errorMessage, type Me, type Organisation, QueryBoundary, usePageTitle } from "@complaints/client";
import { readCsvSample, sampleBytes, type CsvSample } from "./csv-sample.ts";
import { formatBytes } from "./chunked-upload.ts";
import { isRequiredColumn, mappingFromChoices, matchingHeaders, missingRequiredColumns, ourCodes, suggestedCode, unmatchedValues } from "./mapping-draft.ts";
import { casesPath, overviewQuery, useCasesOverview, type CasesOverview } from "./queries.ts";
import "./cases.css";

const pageTitle = "Case file settings";

interface FieldError {
  href: string;
  message: string;
}

/** What the page last did, for the success banner (which takes focus). */
type Done = { kind: "saved"; name: string } | { kind: "deleted"; name: string } | { kind: "timescales" };

/**
 * `/{ORG}/cases/mapping` (column mapping): the body's saved mappings from its case
 * system's export to our columns and codes, a screen to make one from a file's own headers and
 * values, and the default timescales used when a case has no target date. `?period=2026-27-q2`
 * remembers the return the person came from, for the back link.
 */
export function MappingPage({ org, me }: { org: Organisation; me: Me }) {
  const overview = useCasesOverview(org.code);
  const [search] = useSearchParams();
  const from = periodFromAddress(search.get("period") ?? "");
  return (
    <QueryBoundary queries={[overview]}>
      {(settings) => (
        <LinkProvider renderLink={({ href, ...rest }) => <Link to={href} {...rest} />}>
          <SettingsPage org={org} overview={settings} canChange={me.permissions.includes("cases.edit")} fromPeriod={from} />
        </LinkProvider>
      )}
    </QueryBoundary>
  );
}

function SettingsPage({ org, overview, canChange, fromPeriod }: { org: Organisation; overview: CasesOverview; canChange: boolean; fromPeriod: string | null }) {
  const queryClient = useQueryClient();
  const [done, setDone] = useState<Done | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  /** Bumped after a mapping is saved, to start the form afresh (the file input cannot be cleared otherwise). */
  const [formKey, setFormKey] = useState(0);
  usePageTitle(pageTitle, errors.length > 0);

  function succeeded(next: Done) {
    setErrors([]);
    setDone(next);
    setAttempt((a) => a + 1);
    void queryClient.invalidateQueries({ queryKey: overviewQuery(org.code).queryKey });
  }
  function failed(list: FieldError[]) {
    setDone(null);
    setErrors(list);
    setAttempt((a) => a + 1);
  }

  async function deleteMapping(name: string) {
    try {
      await api.cases.deleteMapping.mutate({ organisationCode: org.code, name });
      succeeded({ kind: "deleted", name });
    } catch (error) {
      failed([{ href: "#saved-mappings", message: errorMessage(error) }]);
    }
  }

  const back = fromPeriod ? { href: casesPath(org.code, fromPeriod), text: "Back to the case file upload" } : { href: `/${org.code}/`, text: `Back to ${org.name}` };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={back.href} text={back.text} />
        {errors.length > 0 ? <ErrorSummary key={attempt} titleText="There is a problem" errorList={errors.map((e) => ({ text: e.message, href: e.href }))} /> : null}
        {done ? (
          <NotificationBanner key={attempt} type="success">
            <h3 className="govuk-notification-banner__heading">
              {done.kind === "saved" ? `Mapping “${done.name}” saved` : done.kind === "deleted" ? `Mapping “${done.name}” deleted` : "Default timescales saved"}
            </h3>
            {fromPeriod && done.kind !== "deleted" ? (
              <p className="govuk-body">
                <Link className="govuk-notification-banner__link" to={casesPath(org.code, fromPeriod)}>
                  Upload your case file for {formatPeriodLabel(requirePeriod(fromPeriod))}
                </Link>
              </p>
            ) : null}
          </NotificationBanner>
        ) : null}
        <span className="govuk-caption-l">{org.name}</span>
        <h1 className="govuk-heading-l">{pageTitle}</h1>
        <p className="govuk-body">
          How your case file is read: which of your case system's columns and codes mean ours, and how many working days a case has when it has no target date.
        </p>
        {canChange ? null : <p className="govuk-inset-text">Only your organisation's complaints team can change these.</p>}

        <h2 className="govuk-heading-m" id="saved-mappings">
          Saved mappings
        </h2>
        <SavedMappings mappings={overview.mappings} canChange={canChange} onDelete={(name) => void deleteMapping(name)} />

        {canChange ? (
          <MappingForm
            key={formKey}
            org={org}
            errors={errors}
            onFileChosen={() => setErrors((list) => list.filter((e) => !fileErrorHrefs(e.href)))}
            onSaved={(name) => {
              succeeded({ kind: "saved", name });
              setFormKey((k) => k + 1);
            }}
            onInvalid={failed}
          />
        ) : null}

        <TimescalesForm org={org} timescales={overview.timescales} canChange={canChange} errors={errors} onSaved={() => succeeded({ kind: "timescales" })} onInvalid={failed} />
      </div>
    </div>
  );
}

function SavedMappings({ mappings, canChange, onDelete }: { mappings: readonly { name: string; mapping: CaseMapping }[]; canChange: boolean; onDelete(name: string): void }) {
  if (mappings.length === 0) {
    return <p className="govuk-body">There are no saved mappings. Without one, your case file must use our column names and codes.</p>;
  }
  const codes = (mapping: CaseMapping) => Object.values(mapping.codes).reduce((n, c) => n + Object.keys(c ?? {}).length, 0);
  return (
    <>
      <Table
        caption="Saved mappings"
        captionClasses="govuk-visually-hidden"
        classes="app-case-mapping__table"
        firstCellIsHeader
        head={[{ text: "Name" }, { text: "Columns" }, { text: "Codes" }, ...(canChange ? [{ children: <span className="govuk-visually-hidden">Action</span> }] : [])]}
        rows={mappings.map(({ name, mapping }) => [
          { text: name },
          { text: plural(Object.keys(mapping.columns).length, "column") },
          { text: plural(codes(mapping), "code") },
          ...(canChange
            ? [
                {
                  children: (
                    <Button classes="govuk-button--warning govuk-button--small app-case-mapping__delete" type="button" onClick={() => onDelete(name)}>
                      Delete<span className="govuk-visually-hidden"> mapping “{name}”</span>
                    </Button>
                  ),
                },
              ]
            : []),
        ])}
        attributes={{ id: "mappings" }}
      />
      {mappings.map(({ name, mapping }) => (
        <MappingDetails key={name} name={name} mapping={mapping} />
      ))}
    </>
  );
}

/** What a saved mapping matches, column by column and code by code, to check it against the export. */
function MappingDetails({ name, mapping }: { name: string; mapping: CaseMapping }) {
  const columns = caseColumns.filter((c) => mapping.columns[c] !== undefined);
  const codes = codedCaseColumns.flatMap((column) => Object.entries(mapping.codes[column] ?? {}).map(([theirs, ours]) => ({ column, theirs, ours })));
  return (
    <Details summaryText={`What “${name}” matches`} classes="app-case-mapping__details">
      <Table
        caption="Columns"
        captionClasses="govuk-table__caption--s"
        classes="app-case-mapping__table"
        firstCellIsHeader
        head={[{ text: "Our column" }, { text: "Your column" }]}
        rows={columns.map((c) => [{ text: caseColumnLabels[c] }, { text: mapping.columns[c]! }])}
      />
      {codes.length > 0 ? (
        <Table
          caption="Codes"
          captionClasses="govuk-table__caption--s"
          classes="app-case-mapping__table"
          head={[{ text: "Our column" }, { text: "Your code" }, { text: "Our code" }]}
          rows={codes.map((c) => [{ text: caseColumnLabels[c.column] }, { text: c.theirs }, { text: c.ours }])}
        />
      ) : (
        <p className="govuk-body">It translates no codes: your file uses ours.</p>
      )}
    </Details>
  );
}

const columnId = (column: CaseColumn) => `column-${column}`;
/** "the case reference": a column's name inside a sentence. */
const columnInSentence = (column: CaseColumn) => `the ${caseColumnLabels[column].charAt(0).toLowerCase()}${caseColumnLabels[column].slice(1)}`;
/** Errors about the chosen file and the columns read from it: a new file answers them, so they go once one is chosen. */
const fileErrorHrefs = (href: string) => href === "#sample-file" || href.startsWith("#column-");
const codeId = (column: CodedCaseColumn, index: number) => `code-${column}-${index}`;

/**
 * Making a mapping from the person's own export: the browser reads its start, offers its headers
 * for each of our columns (matching names chosen already) and, for each coded column, the values
 * that are not our codes, each with our codes to choose from.
 */
function MappingForm({ org, errors, onFileChosen, onSaved, onInvalid }: { org: Organisation; errors: FieldError[]; onFileChosen(): void; onSaved(name: string): void; onInvalid(errors: FieldError[]): void }) {
  const [sample, setSample] = useState<CsvSample | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [columns, setColumns] = useState<Partial<Record<CaseColumn, string>>>({});
  const [codes, setCodes] = useState<Partial<Record<CodedCaseColumn, Record<string, string>>>>({});
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const serviceAreaCodes = (org.serviceAreas ?? []).map((a) => a.code);
  const errorFor = (id: string) => {
    const found = errors.find((e) => e.href === `#${id}`);
    return found ? { text: found.message } : false;
  };

  async function onChoose(file: File | null) {
    setSample(null);
    setFileProblem(null);
    if (!file) return;
    onFileChosen();
    try {
      const read = await readCsvSample(file);
      if (read.headers.length === 0 || read.headers.every((h) => h === "")) {
        setFileProblem("The selected file has no header row: its first line must name the columns");
        return;
      }
      setSample(read);
      setColumns(matchingHeaders(read.headers));
      setCodes({});
    } catch {
      setFileProblem("The selected file could not be read. Choose it again");
    }
  }

  /** The values shown for each coded column (from the header chosen for it), with the codes already chosen for them. */
  const codedValues = sample
    ? codedCaseColumns.flatMap((column) => {
        const header = columns[column];
        const index = header ? sample.headers.indexOf(header) : -1;
        if (index < 0) return [];
        const found = unmatchedValues(sample.rows, index, column, ourCodes(column, serviceAreaCodes));
        return found.values.length > 0 ? [{ column, header: header!, ...found }] : [];
      })
    : [];
  const chosenCode = (column: CodedCaseColumn, value: string) => codes[column]?.[value] ?? suggestedCode(value, ourCodes(column, serviceAreaCodes)) ?? "";

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!sample) return onInvalid([{ href: "#sample-file", message: fileProblem ?? "Select an export from your case system" }]);
    const chosenCodes: Partial<Record<CodedCaseColumn, Record<string, string>>> = {};
    for (const { column, values } of codedValues) chosenCodes[column] = Object.fromEntries(values.map((v) => [v, chosenCode(column, v)]));
    const mapping = mappingFromChoices({ name, columns, codes: chosenCodes });
    const problems: FieldError[] = missingRequiredColumns(columns).map((column) => ({ href: `#${columnId(column)}`, message: `Select the column of your file that holds ${columnInSentence(column)}` }));
    const parsed = caseMappingSchema.safeParse(mapping);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        if (issue.path[0] === "name") problems.push({ href: "#mapping-name", message: issue.message });
      }
    }
    if (problems.length > 0) return onInvalid(problems);
    setBusy(true);
    try {
      await api.cases.saveMapping.mutate({ organisationCode: org.code, mapping });
      onSaved(mapping.name);
    } catch (error) {
      const issues = errorData(error).issues;
      onInvalid(issues && issues.length > 0 ? issues.map((i) => ({ href: i.field.startsWith("mapping.name") || i.field === "name" ? "#mapping-name" : "#sample-file", message: i.message })) : [{ href: "#sample-file", message: errorMessage(error) }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)} className="app-case-mapping">
      <h2 className="govuk-heading-m">Add a mapping</h2>
      <p className="govuk-body">
        If your case system's export names its columns or codes differently, choose the export here and say which of its columns and codes mean ours. Only the first {formatBytes(sampleBytes)}{" "}
        of the file is read, in your browser: nothing is uploaded until you upload the case file itself.
      </p>
      <FileUpload
        name="sampleFile"
        id="sample-file"
        label={{ text: "Choose an export from your case system", classes: "govuk-label--s" }}
        hint={{ text: "A CSV file with a header row." }}
        accept=".csv,text/csv"
        errorMessage={fileProblem ? { text: fileProblem } : errorFor("sample-file")}
        onChange={(event) => void onChoose(event.currentTarget.files?.[0] ?? null)}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            event.currentTarget.click();
          }
        }}
      />
      {sample ? (
        <>
          <p className="govuk-body" role="status">
            The file's header names {plural(sample.headers.length, "column")}; {plural(sample.rows.length, "row")} {sample.whole ? "read" : "read from its start"}.
          </p>
          <Fieldset legend={{ text: "Which of your columns holds each of ours", classes: "govuk-fieldset__legend--s" }}>
            {caseColumns.map((column) => (
              <Select
                key={column}
                id={columnId(column)}
                name={columnId(column)}
                label={{ text: isRequiredColumn(column) ? caseColumnLabels[column] : `${caseColumnLabels[column]} (optional)`, classes: "govuk-label--s" }}
                hint={{ text: `Holds ${caseColumnDescriptions[column]}.` }}
                errorMessage={errorFor(columnId(column))}
                items={[{ value: "", text: isRequiredColumn(column) ? "Choose a column" : "Not in my file" }, ...sample.headers.filter((h) => h !== "").map((h) => ({ value: h, text: h }))]}
                value={columns[column] ?? ""}
                onChange={(event) => setColumns({ ...columns, [column]: event.currentTarget.value })}
              />
            ))}
          </Fieldset>
          {codedValues.length > 0 ? (
            <>
              <h3 className="govuk-heading-s">Codes</h3>
              <p className="govuk-body">These values in your file are not our codes. Choose the code each one means. A value left unmatched is reported as a problem when you upload the file.</p>
              {codedValues.map(({ column, header, values, more }) => (
                <Fieldset key={column} legend={{ text: `Values in “${header}” (${columnInSentence(column).replace(/^the /, "our ")})`, classes: "govuk-fieldset__legend--s" }}>
                  {values.map((value, index) => (
                    <Select
                      key={value}
                      id={codeId(column, index)}
                      name={codeId(column, index)}
                      label={{ text: `“${value}” means` }}
                      items={[{ value: "", text: "Not one of ours" }, ...ourCodes(column, serviceAreaCodes).map((code) => ({ value: code, text: code }))]}
                      value={chosenCode(column, value)}
                      onChange={(event) => setCodes({ ...codes, [column]: { ...codes[column], [value]: event.currentTarget.value } })}
                    />
                  ))}
                  {more > 0 ? <p className="govuk-body">and {plural(more, "more value", "more values")}, fewer times each: if these are codes, match the most common first and upload to see the rest.</p> : null}
                </Fieldset>
              ))}
            </>
          ) : (
            <p className="govuk-body">Every code in the part of the file read is one of ours.</p>
          )}
        </>
      ) : null}
      <Input
        id="mapping-name"
        name="mappingName"
        label={{ text: "Name for this mapping", classes: "govuk-label--s" }}
        hint={{ text: "For example, the name of your case system. A mapping with the same name is replaced." }}
        classes="govuk-!-width-two-thirds"
        spellcheck={false}
        value={name}
        errorMessage={errorFor("mapping-name")}
        onChange={(event) => setName(event.currentTarget.value)}
      />
      <Button text="Save mapping" type="submit" attributes={busy ? { "aria-disabled": "true" } : undefined} />
    </form>
  );
}

const timescaleFields = [
  { id: "earlyResolutionDays", label: "Early resolution", max: 120 },
  { id: "closerLookDays", label: "Closer look", max: 250 },
] as const;

/** The body's default timescales in working days, used when a case has no target date. */
function TimescalesForm(props: { org: Organisation; timescales: CasesOverview["timescales"]; canChange: boolean; errors: FieldError[]; onSaved(): void; onInvalid(errors: FieldError[]): void }) {
  const [values, setValues] = useState({ earlyResolutionDays: String(props.timescales.earlyResolutionDays), closerLookDays: String(props.timescales.closerLookDays) });
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const problems: FieldError[] = [];
    const numbers: Record<string, number> = {};
    for (const field of timescaleFields) {
      const text = values[field.id].trim();
      const n = /^\d+$/.test(text) ? Number(text) : NaN;
      if (!(n >= 1 && n <= field.max)) problems.push({ href: `#${field.id}`, message: `Enter the ${field.label.toLowerCase()} timescale as a whole number of working days from 1 to ${field.max}` });
      numbers[field.id] = n;
    }
    const parsed = caseTimescalesSchema.safeParse(numbers);
    if (problems.length > 0 || !parsed.success) return props.onInvalid(problems);
    setBusy(true);
    try {
      await api.cases.saveTimescales.mutate({ organisationCode: props.org.code, ...parsed.data });
      props.onSaved();
    } catch (error) {
      props.onInvalid([{ href: "#earlyResolutionDays", message: errorMessage(error) }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)}>
      <h2 className="govuk-heading-m">Default timescales</h2>
      <p className="govuk-body">
        When a case has no target date, it is within timescale if it closes within these working days of the stage's start, and its timescale was extended if its target date is later.
      </p>
      {timescaleFields.map((field) => {
        const error = props.errors.find((e) => e.href === `#${field.id}`);
        return (
          <Input
            key={field.id}
            id={field.id}
            name={field.id}
            inputmode="numeric"
            spellcheck={false}
            classes="govuk-input--width-3"
            label={{ text: field.label, classes: "govuk-label--s" }}
            suffix={{ text: "working days" }}
            value={values[field.id]}
            disabled={!props.canChange}
            errorMessage={error ? { text: error.message } : false}
            onChange={(event) => setValues({ ...values, [field.id]: event.currentTarget.value })}
          />
        );
      })}
      {props.canChange ? <Button text="Save timescales" type="submit" classes="govuk-button--secondary" attributes={busy ? { "aria-disabled": "true" } : undefined} /> : null}
    </form>
  );
}
