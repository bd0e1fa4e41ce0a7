import { templateFields, type FieldDeclaration, type SectionDeclaration } from "@complaints/domain/browser";
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { usePageTitle } from "../app/page-title.ts";
import { ConflictPanel } from "./draft/conflict-panel.tsx";
import { SaveStatus } from "./draft/save-status.tsx";
import type { Draft } from "./draft/use-draft.ts";
import { DerivedFigures, derivedFigures } from "./derived-figures.tsx";
import { Button, ErrorSummary, Textarea, WarningText } from "@complaints/ui";
import type { ReturnPageContext } from "./return-route.tsx";
import { SectionForm } from "./section-form.tsx";
import type { ReturnChecks } from "./section-status.ts";
import { useChecks } from "./use-checks.ts";
import { figurePath, useCaseLinkFields } from "../cases/queries.ts";

/** An error as shown: its message, the element its summary link focuses, and where its inline message goes. */
export interface ShownError {
  message: string;
  href: string;
  inlineKey: string;
}

/**
 * The errors of one section: inputs that cannot be read, then each validation error that concerns
 * one of the section's fields, shown at the first such field (a breakdown's as a whole, a marker's
 * at its note). Missing required figures only once the user has tried to continue.
 */
export function sectionErrors(
  fields: readonly FieldDeclaration[],
  inputProblems: Readonly<Record<string, string>>,
  checks: ReturnChecks,
  includeRequired: boolean,
): ShownError[] {
  const byId = new Map(fields.map((f) => [f.id, f]));
  const out: ShownError[] = [];
  for (const f of fields) {
    const problem = inputProblems[f.id];
    if (problem) out.push({ message: `‘${f.label}’: ${problem}`, href: `#${f.id}`, inlineKey: f.id });
  }
  for (const issue of checks.errors) {
    if (!includeRequired && issue.id.startsWith("required:")) continue;
    const anchor = issue.fieldIds.map((id) => byId.get(id)).find((f) => f !== undefined);
    if (!anchor) continue;
    if (issue.id.startsWith("note:")) out.push({ message: issue.message, href: `#${anchor.id}-note`, inlineKey: `${anchor.id}-note` });
    else out.push({ message: issue.message, href: `#${anchor.id}`, inlineKey: anchor.breakdown ? `breakdown:${anchor.breakdown}` : anchor.id });
  }
  return out;
}

/** `/{ORG}/returns/{PERIOD}/{SECTION}`: one section's questions, generated from the template. */
export function SectionPage({ context, draft, section }: { context: ReturnPageContext; draft: Draft; section: SectionDeclaration }) {
  const template = draft.template!;
  const navigate = useNavigate();
  const checks = useChecks(context, draft);
  const fields = useMemo(() => templateFields(template, context.serviceAreas).filter((f) => f.section === section.id), [template, context.serviceAreas, section.id]);
  const index = template.sections.findIndex((s) => s.id === section.id);
  const next = template.sections[index + 1];

  // Errors are shown as they stood when the page opened or the user last pressed "Save and
  // continue" (GOV.UK validates on submit), so nothing moves or takes focus while someone types.
  const [shown, setShown] = useState<{ attempt: number; errors: ShownError[] }>(() => ({
    attempt: 0,
    errors: context.editable ? sectionErrors(fields, draft.inputProblems, checks, false) : [],
  }));
  const inlineErrors = useMemo(() => {
    const out: Record<string, string> = {};
    for (const e of shown.errors) out[e.inlineKey] ??= e.message;
    return out;
  }, [shown]);
  usePageTitle(`${section.title} – Complaints return for ${context.periodLabel}`, shown.errors.length > 0);

  // Stable callbacks, so a keystroke re-renders only the field typed in.
  const latest = useRef(draft);
  latest.current = draft;
  const onInput = useCallback((id: string, text: string) => latest.current.setInput(id, text), []);
  const onNote = useCallback((id: string, note: string | null) => latest.current.setNote(id, note), []);

  const sectionIds = useMemo(() => new Set(fields.map((f) => f.id)), [fields]);
  const warnings = checks.warnings.filter((w) => w.fieldIds.some((id) => sectionIds.has(id)));
  const figures = derivedFigures(template, section.id, draft.values, context.serviceAreas);
  const [busy, setBusy] = useState(false);

  // An address naming a figure (`flow#received`: "Change" on check your answers, Back from a
  // figure's cases) opens the page at that figure: the errors shown on opening do not take focus,
  // which would scroll back to the top (after "Save and continue" they do, as always).
  const { hash } = useLocation();
  useEffect(() => {
    if (hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView({ block: "center" });
  }, [hash]);

  // Figures computed from the case file link to their cases (issue 10), on the draft and on a return
  // that can only be read; "from" brings the cases page's Back link here.
  const caseFields = useCaseLinkFields(context.organisationCode, context.periodCode, context.readsCases);
  const caseLinks = useMemo(
    () =>
      caseFields.size === 0
        ? undefined
        : { fields: caseFields, href: (id: string) => `/agency${figurePath(context.organisationCode, context.periodCode, id)}?from=${encodeURIComponent(section.id)}` },
    [caseFields, context.organisationCode, context.periodCode, section.id],
  );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors = sectionErrors(fields, draft.inputProblems, checks, true);
    setBusy(true);
    try {
      await draft.flush();
    } finally {
      setBusy(false);
    }
    if (errors.length > 0) {
      setShown((s) => ({ attempt: s.attempt + 1, errors }));
      return;
    }
    setShown((s) => ({ attempt: s.attempt, errors: [] }));
    void navigate(next ? `${context.base}/${next.id}` : `${context.base}/`);
  }

  async function toTaskList(event: React.MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    await draft.flush();
    void navigate(`${context.base}/`);
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ConflictPanel draft={draft} />
        {shown.errors.length > 0 ? (
          <ErrorSummary key={shown.attempt} disableAutoFocus={shown.attempt === 0 && hash !== ""} titleText="There is a problem" errorList={shown.errors.map((e) => ({ text: e.message, href: e.href }))} />
        ) : null}
        <span className="govuk-caption-l">
          {context.organisationName}: complaints return for {context.periodLabel}, section {index + 1} of {template.sections.length}
        </span>
        <h1 className="govuk-heading-l">{section.title}</h1>
        {section.description ? <p className="govuk-body-l">{section.description}</p> : null}
        {context.editable ? (
          <SaveStatus draft={draft} />
        ) : (
          <div className="govuk-inset-text">This return is not a draft: you can read it, but not change it.</div>
        )}
        <form noValidate onSubmit={(e) => void onSubmit(e)} autoComplete="off">
          <SectionForm
            template={template}
            section={section}
            serviceAreas={context.serviceAreas}
            inputs={draft.inputs}
            errors={inlineErrors}
            notes={draft.notes}
            readOnly={!context.editable}
            onInput={onInput}
            onNote={onNote}
            caseLinks={caseLinks}
          />
          <DerivedFigures figures={figures} />
          {warnings.length > 0 ? (
            <>
              <h2 className="govuk-heading-m">Check these figures</h2>
              <p className="govuk-body">If a figure is right, explain why. Reviewers in your body and your department see the explanation.</p>
              {warnings.map((w) => (
                <div key={w.id} className="app-warning">
                  <div id={`warning-${w.id}`}>
                    <WarningText text={w.message} />
                  </div>
                  <Textarea
                    id={`explanation-${w.id}`}
                    name={`explanation-${w.id}`}
                    rows={3}
                    describedBy={`warning-${w.id}`}
                    label={{ text: "Explanation" }}
                    hint={{ text: "Why the figure is right, for example a change in how complaints are recorded." }}
                    value={draft.explanations[w.id] ?? ""}
                    readOnly={!context.editable}
                    onChange={(event) => draft.setExplanation(w.id, event.target.value === "" ? null : event.target.value)}
                  />
                </div>
              ))}
            </>
          ) : null}
          <div className="govuk-button-group">
            {context.editable ? <Button text={busy ? "Saving…" : "Save and continue"} type="submit" preventDoubleClick /> : null}
            <Link className="govuk-link" to={`${context.base}/`} onClick={(e) => void toTaskList(e)}>
              Return to task list
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
