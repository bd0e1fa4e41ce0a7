import { isWithinSection, templateFields, type FieldDeclaration, type SectionDeclaration, type ServiceArea, type TemplateDeclaration, type ValidationIssue } from "@complaints/domain";
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { usePageTitle } from "@complaints/client";
import { ConflictPanel } from "./draft/conflict-panel.tsx";
import { SaveStatus } from "./draft/save-status.tsx";
import type { Draft } from "./draft/use-draft.ts";
import { DerivedFigures, derivedFigures } from "./derived-figures.tsx";
import { Button, ErrorSummary, Textarea, WarningText } from "@complaints/ui";
import type { ReturnPageContext } from "./return-route.tsx";
import { SectionForm } from "./section-form.tsx";
import type { ReturnChecks } from "./section-status.ts";
import { useChecks } from "./use-checks.ts";
import { WarningSummary, type WarningSummaryItem } from "./warning-summary.tsx";
import { figurePath, useCaseLinkFields } from "../cases/queries.ts";
import { dateProblem, textToParts } from "@complaints/domain";
import { inputIdOf } from "./fields/field.tsx";

/** An error as shown: its message, the element its summary link focuses, and where its inline message goes. */
export interface ShownError {
  message: string;
  href: string;
  inlineKey: string;
}

/** Where a section is: its id in its template, with the body's service areas (which name breakdown cells). */
export interface SectionPlace {
  template: TemplateDeclaration;
  sectionId: string;
  serviceAreas: readonly ServiceArea[];
}

/**
 * The errors of one section: inputs that cannot be read, then each validation error whose fields
 * are all in the section, shown at the first such field (a breakdown's as a whole, a marker's at its
 * note). An error that spans sections (a breakdown adding up to a figure in another section) is
 * left to the task list and check your answers: it does not stop this section's "Save and
 * continue". Missing required figures only once the user has tried to continue.
 */
export function sectionErrors(
  fields: readonly FieldDeclaration[],
  inputProblems: Readonly<Record<string, string>>,
  checks: ReturnChecks,
  includeRequired: boolean,
  place: SectionPlace,
  inputs: Readonly<Record<string, string>> = {},
): ShownError[] {
  const byId = new Map(fields.map((f) => [f.id, f]));
  const out: ShownError[] = [];
  for (const f of fields) {
    const problem = inputProblems[f.id];
    if (problem) out.push({ ...inputError(f, problem, inputs[f.id] ?? ""), inlineKey: f.id });
  }
  for (const issue of checks.errors) {
    if (!includeRequired && issue.id.startsWith("required:")) continue;
    if (!isWithinSection(issue, place.sectionId, place.template, place.serviceAreas)) continue;
    const anchor = issue.fieldIds.map((id) => byId.get(id)).find((f) => f !== undefined);
    if (!anchor) continue;
    if (issue.id.startsWith("note:")) out.push({ message: issue.message, href: `#${anchor.id}-note`, inlineKey: `${anchor.id}-note` });
    else out.push({ message: issue.message, href: `#${inputIdOf(anchor)}`, inlineKey: anchor.breakdown ? `breakdown:${anchor.breakdown}` : anchor.id });
  }
  return out;
}

/**
 * Text that does not read as a value, as its field says it: a date input in the GOV.UK pattern's
 * words ("… must include a month"), its link to the first field in error; any other field with the
 * cell codec's problem.
 */
function inputError(field: FieldDeclaration, problem: string, text: string): Omit<ShownError, "inlineKey"> {
  if (field.type === "date") {
    const date = dateProblem(textToParts(text), field.label);
    if (date) return { message: date.message, href: `#${field.id}-${date.parts[0]}` };
  }
  return { message: `‘${field.label}’: ${problem}`, href: `#${inputIdOf(field)}` };
}

/** A warning as a section shows it: beneath the figure it flags. */
export interface SectionWarning {
  warning: ValidationIssue;
  /** The flagged figure: the last of the warning's fields in this section, so a total's box follows all its parts. */
  anchor: string;
}

/** The warnings that name one of the section's fields, each anchored to its figure, in form order. */
export function sectionWarnings(fields: readonly FieldDeclaration[], warnings: readonly ValidationIssue[]): SectionWarning[] {
  const order = new Map(fields.map((f, i) => [f.id, i]));
  const out: (SectionWarning & { at: number })[] = [];
  for (const warning of warnings) {
    const at = Math.max(-1, ...warning.fieldIds.map((id) => order.get(id) ?? -1));
    if (at >= 0) out.push({ warning, anchor: fields[at]!.id, at });
  }
  return out.sort((a, b) => a.at - b.at).map(({ warning, anchor }) => ({ warning, anchor }));
}

/** `/{ORG}/returns/{PERIOD}/{SECTION}`: one section's questions, generated from the template. */
export function SectionPage({ context, draft, section }: { context: ReturnPageContext; draft: Draft; section: SectionDeclaration }) {
  const template = draft.template!;
  const checks = useChecks(context, draft);
  const fields = useMemo(() => templateFields(template, context.serviceAreas).filter((f) => f.section === section.id), [template, context.serviceAreas, section.id]);
  const place = useMemo<SectionPlace>(() => ({ template, sectionId: section.id, serviceAreas: context.serviceAreas }), [template, section.id, context.serviceAreas]);
  const index = template.sections.findIndex((s) => s.id === section.id);
  const save = useSectionSave({ context, draft, checks, fields, place, next: template.sections[index + 1] });
  usePageTitle(`${section.title} – Complaints return for ${context.periodLabel}`, save.shown.errors.length > 0);
  const { onInput, onNote } = useFieldCallbacks(draft);
  const warnings = useMemo(() => sectionWarnings(fields, checks.warnings), [fields, checks.warnings]);
  const figures = derivedFigures(template, section.id, draft.values, context.serviceAreas);
  const hash = useOpenAtHash(warnings);
  const caseLinks = useSectionCaseLinks(context, section.id);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ConflictPanel draft={draft} />
        {save.shown.errors.length > 0 ? (
          <ErrorSummary
            key={save.shown.attempt}
            disableAutoFocus={save.shown.attempt === 0 && hash !== ""}
            titleText="There is a problem"
            errorList={save.shown.errors.map((e) => ({ text: e.message, href: e.href }))}
          />
        ) : save.warningSummary && context.editable ? (
          <WarningSummary key={save.warningSummary.attempt} items={save.warningSummary.items} busy={save.busy} onContinue={() => void save.continueAnyway()} />
        ) : null}
        <SectionHeading context={context} draft={draft} section={section} number={index + 1} of={template.sections.length} />
        <form noValidate onSubmit={(e) => void save.onSubmit(e)} autoComplete="off">
          <SectionForm
            template={template}
            section={section}
            serviceAreas={context.serviceAreas}
            inputs={draft.inputs}
            errors={save.inlineErrors}
            notes={draft.notes}
            readOnly={!context.editable}
            onInput={onInput}
            onNote={onNote}
            caseLinks={caseLinks}
            below={explanationBoxes(warnings, draft, context.editable)}
          />
          <DerivedFigures figures={figures} />
          <div className="govuk-button-group">
            {context.editable ? <Button text={save.busy ? "Saving…" : "Save and continue"} type="submit" preventDoubleClick /> : null}
            <Link className="govuk-link" to={`${context.base}/`} onClick={(e) => void save.toTaskList(e)}>
              Return to task list
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}

function SectionHeading({ context, draft, section, number, of }: { context: ReturnPageContext; draft: Draft; section: SectionDeclaration; number: number; of: number }) {
  return (
    <>
      <span className="govuk-caption-l">
        {context.organisationName}: complaints return for {context.periodLabel}, section {number} of {of}
      </span>
      <h1 className="govuk-heading-l">{section.title}</h1>
      {section.description ? <p className="govuk-body-l">{section.description}</p> : null}
      {context.editable ? <SaveStatus draft={draft} /> : <div className="govuk-inset-text">This return is not a draft: you can read it, but not change it.</div>}
    </>
  );
}

/** Stable callbacks, so a keystroke re-renders only the field typed in. */
function useFieldCallbacks(draft: Draft) {
  const latest = useRef(draft);
  latest.current = draft;
  const onInput = useCallback((id: string, text: string) => latest.current.setInput(id, text), []);
  const onNote = useCallback((id: string, note: string | null) => latest.current.setNote(id, note), []);
  return { onInput, onNote };
}

/**
 * An address naming a figure (`flow#received`: "Change" on check your answers, Back from a
 * figure's cases) opens the page at that figure: the errors shown on opening do not take focus,
 * which would scroll back to the top (after "Save and continue" they do, as always). One naming a
 * warning's explanation box ("Explain" on check your answers) moves focus into it, once the
 * warnings are known (those about the body's history come with the server's validation).
 */
function useOpenAtHash(warnings: readonly SectionWarning[]): string {
  const { hash } = useLocation();
  const reachedHash = useRef<string | null>(null);
  useEffect(() => {
    if (!hash || reachedHash.current === hash) return;
    const id = decodeURIComponent(hash.slice(1));
    const target = document.getElementById(id);
    if (!target) return;
    reachedHash.current = hash;
    target.scrollIntoView({ block: "center" });
    if (id.startsWith("explanation-")) target.focus({ preventScroll: true });
  }, [hash, warnings]);
  return hash;
}

/**
 * Figures computed from the case file link to their cases, on the draft and on a return that can
 * only be read; "from" brings the cases page's Back link here.
 */
function useSectionCaseLinks(context: ReturnPageContext, sectionId: string) {
  const caseFields = useCaseLinkFields(context.organisationCode, context.periodCode, context.readsCases);
  return useMemo(
    () =>
      caseFields.size === 0
        ? undefined
        : { fields: caseFields, href: (id: string) => `/agency${figurePath(context.organisationCode, context.periodCode, id)}?from=${encodeURIComponent(sectionId)}` },
    [caseFields, context.organisationCode, context.periodCode, sectionId],
  );
}

interface SectionSaveOptions {
  context: ReturnPageContext;
  draft: Draft;
  checks: ReturnChecks;
  fields: readonly FieldDeclaration[];
  place: SectionPlace;
  /** The section after this one; none after the last, which goes back to the task list. */
  next: SectionDeclaration | undefined;
}

/**
 * "Save and continue": the errors as last shown, the warnings a save stopped for, and moving on.
 * Errors are shown as they stood when the page opened or the user last pressed "Save and
 * continue" (GOV.UK validates on submit), so nothing moves or takes focus while someone types.
 */
function useSectionSave({ context, draft, checks, fields, place, next }: SectionSaveOptions) {
  const navigate = useNavigate();
  const [shown, setShown] = useState<{ attempt: number; errors: ShownError[] }>(() => ({
    attempt: 0,
    errors: context.editable ? sectionErrors(fields, draft.inputProblems, checks, false, place, draft.inputs) : [],
  }));
  const inlineErrors = useMemo(() => {
    const out: Record<string, string> = {};
    for (const e of shown.errors) out[e.inlineKey] ??= e.message;
    return out;
  }, [shown]);
  const latest = useRef({ draft, checks });
  latest.current = { draft, checks };
  const [busy, setBusy] = useState(false);
  // The warnings a save stopped for, as they stood then, at the top of the page; a warning the user
  // has been shown there does not stop the next save ("Continue anyway" is a choice made once).
  const [warningSummary, setWarningSummary] = useState<{ attempt: number; items: WarningSummaryItem[] } | null>(null);
  const acknowledged = useRef(new Set<string>());
  // Counts the saves that found no errors: each runs the warnings check once, after it renders.
  const [saved, setSaved] = useState(0);
  const toNext = useRef(() => {});
  toNext.current = () => void navigate(next ? `${context.base}/${next.id}` : `${context.base}/`);

  async function flushing(then: () => void) {
    setBusy(true);
    try {
      await draft.flush();
    } finally {
      setBusy(false);
    }
    then();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors = sectionErrors(fields, draft.inputProblems, checks, true, place, draft.inputs);
    await flushing(() => {
      if (errors.length > 0) {
        setWarningSummary(null);
        setShown((s) => ({ attempt: s.attempt + 1, errors }));
        return;
      }
      setShown((s) => ({ attempt: s.attempt, errors: [] }));
      setSaved((n) => n + 1);
    });
  }

  // After a save without errors, in the render that follows it: the checks then include the
  // server's history warnings about what was just saved. New unexplained warnings stop the user.
  useEffect(() => {
    if (saved === 0) return;
    const unexplained = sectionWarnings(fields, latest.current.checks.warnings).filter(({ warning }) => !latest.current.draft.explanations[warning.id]?.trim());
    if (unexplained.some(({ warning }) => !acknowledged.current.has(warning.id))) {
      for (const { warning } of unexplained) acknowledged.current.add(warning.id);
      const items = unexplained.map(({ warning, anchor }) => ({ text: warning.message, href: `#${anchor}` }));
      setWarningSummary((s) => ({ attempt: (s?.attempt ?? 0) + 1, items }));
      return;
    }
    toNext.current();
  }, [saved, fields]);

  async function toTaskList(event: React.MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    await draft.flush();
    void navigate(`${context.base}/`);
  }

  return { shown, inlineErrors, busy, warningSummary, onSubmit, continueAnyway: () => flushing(() => toNext.current()), toTaskList };
}

/** Each warning's explanation box, directly beneath the figure it flags. */
function explanationBoxes(warnings: readonly SectionWarning[], draft: Draft, editable: boolean): Record<string, ReactNode[]> {
  const below: Record<string, ReactNode[]> = {};
  for (const { warning: w, anchor } of warnings) {
    (below[anchor] ??= []).push(
      <div key={w.id} className="app-warning">
        <div id={`warning-${w.id}`}>
          <WarningText text={w.message} />
        </div>
        <Textarea
          id={`explanation-${w.id}`}
          name={`explanation-${w.id}`}
          rows={3}
          describedBy={`warning-${w.id}`}
          label={{ text: "Explain why this figure is right", classes: "govuk-label--s" }}
          hint={{ text: "For example, a change in how complaints are recorded. Reviewers in your body and your department see the explanation." }}
          value={draft.explanations[w.id] ?? ""}
          readOnly={!editable}
          onChange={(event) => draft.setExplanation(w.id, event.target.value === "" ? null : event.target.value)}
        />
      </div>,
    );
  }
  return below;
}
