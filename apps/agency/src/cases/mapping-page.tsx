import { caseColumnLabels, caseColumns, caseTimescalesSchema, codedCaseColumns, formatPeriodLabel, periodFromAddress, plural, requirePeriod, type CaseMapping } from "@complaints/domain";
import { BackLink, Button, Details, ErrorSummary, Input, LinkProvider, NotificationBanner, Table } from "@complaints/ui";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { api, errorMessage, type Me, type Organisation, QueryBoundary, usePageTitle } from "@complaints/client";
import { casesPath, overviewQuery, useCasesOverview, type CasesOverview } from "./queries.ts";
import { fileErrorHrefs, MappingForm, type FieldError } from "./mapping-form.tsx";
import "./cases.css";

const pageTitle = "Case file settings";

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
