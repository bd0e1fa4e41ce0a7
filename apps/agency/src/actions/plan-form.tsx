import { actionKindLabels, actionKinds, actionThemes, involvementChoices, involvementLabels } from "@complaints/domain";
import { CharacterCount, Checkboxes, type CheckboxesItem, DateInput, Input, Radios, Textarea, type ErrorMessageProps } from "@complaints/ui";
import type { ReactNode } from "react";
import type { DateParts } from "@complaints/domain";
import { messagesFor, type FieldError } from "./form-errors.ts";
import type { PlanFormValues } from "./plan-values.ts";

/** The inline error for a field: every message for it, one a line. */
export function inlineError(errors: readonly FieldError[], field: string): ErrorMessageProps | false {
  const messages = messagesFor(errors, field);
  if (messages.length === 0) return false;
  return {
    children: messages.map((m, i) => (
      <span key={i}>
        {i > 0 ? <br /> : null}
        {m}
      </span>
    )),
  };
}

/** A date input (day, month, year) whose fields are `{id}-day`, `{id}-month`, `{id}-year`. */
export function DateField(props: { id: string; legend: string; hint: string; value: DateParts; onChange: (value: DateParts) => void; errors: readonly FieldError[] }) {
  return (
    <DateInput
      id={props.id}
      namePrefix={props.id}
      fieldset={{ legend: { text: props.legend, classes: "govuk-fieldset__legend--s" } }}
      hint={{ text: props.hint }}
      errorMessage={inlineError(props.errors, props.id)}
      values={{ [`${props.id}-day`]: props.value.day, [`${props.id}-month`]: props.value.month, [`${props.id}-year`]: props.value.year }}
      onChange={(event) => {
        const part = event.target.name.slice(props.id.length + 1) as keyof DateParts;
        props.onChange({ ...props.value, [part]: event.target.value });
      }}
    />
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <h2 className="govuk-heading-m">{title}</h2>
      {children}
    </>
  );
}

/** A long answer in a character count: the API's limit (5,000 characters unless said), its inline error beneath. */
export function LongTextField(props: { id: string; label: string; hint?: string; rows: number; maxlength?: number; value: string; onChange: (value: string) => void; errors: readonly FieldError[] }) {
  return (
    <CharacterCount
      id={props.id}
      name={props.id}
      label={{ text: props.label, classes: "govuk-label--s" }}
      {...(props.hint ? { hint: { text: props.hint } } : {})}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      errorMessage={inlineError(props.errors, props.id)}
      maxlength={props.maxlength ?? 5000}
      threshold={75}
      rows={props.rows}
    />
  );
}

type PlanFieldsProps = { values: PlanFormValues; onChange: (patch: Partial<PlanFormValues>) => void; errors: readonly FieldError[] };
type TextField = { [K in keyof PlanFormValues]: PlanFormValues[K] extends string ? K : never }[keyof PlanFormValues];

/** What every input of a text field shares: its id and name are the API's field name, so the API's issues link straight to it. */
function textProps({ values, onChange, errors }: PlanFieldsProps, field: TextField) {
  return {
    id: field,
    name: field,
    value: values[field],
    onChange: (event: { target: { value: string } }) => onChange({ [field]: event.target.value }),
    errorMessage: inlineError(errors, field),
  };
}

/** A long text field of the plan, in a character count. */
function LongPlanText({ field, fields, ...rest }: { field: TextField; fields: PlanFieldsProps; label: string; hint?: string; rows: number; maxlength?: number }) {
  return <LongTextField id={field} value={fields.values[field]} onChange={(value) => fields.onChange({ [field]: value })} errors={fields.errors} {...rest} />;
}

const label = (t: string) => ({ text: t, classes: "govuk-label--s" });

/**
 * Every field of a learning action plan (DESIGN.md section 2, "Learning action plans are records,
 * not counts"), for creating one and for changing it. Each input's id is the API's field name, so
 * the API's issues link straight to it.
 */
export function PlanFields(props: PlanFieldsProps) {
  return (
    <>
      <Section title="The complaints">
        <LongPlanText field="failing" fields={props} label="What went wrong" hint="The failing the complaints showed, in plain English." rows={4} />
        <Textarea
          {...textProps(props, "sourceComplaints")}
          label={label("Complaints it came from")}
          hint={{ text: "Pseudonymised complaint references only, such as CMP-2025-0412: one a line, or separated by commas. Never write a person’s name or contact details." }}
          rows={3}
          spellcheck={false}
        />
      </Section>
      <ActionFields {...props} />
      <PersonFields {...props} />
      <Section title="Monitoring and impact">
        <LongPlanText field="monitoring" fields={props} label="How it will be monitored and audited" rows={3} />
        <Textarea {...textProps(props, "impactMeasure")} label={label("What will measure its impact")} hint={{ text: "For example, complaints about letters sent to an old address." }} rows={2} />
        <Input {...textProps(props, "impactBaseline")} label={label("Baseline")} hint={{ text: "The measure before the action, such as 14 a quarter." }} classes="govuk-!-width-two-thirds" />
        <Input {...textProps(props, "impactTarget")} label={label("Target")} hint={{ text: "What the action should achieve, such as fewer than 3 a quarter." }} classes="govuk-!-width-two-thirds" />
        <Input {...textProps(props, "impactResult")} label={label("Result (optional)")} hint={{ text: "Once the action has had time to work." }} classes="govuk-!-width-two-thirds" />
      </Section>
      <PublishingFields {...props} />
    </>
  );
}

/** The action itself: what, what kind, who and by when, and the standards it must meet. */
function ActionFields(props: PlanFieldsProps) {
  const { values, onChange, errors } = props;
  return (
    <Section title="The action">
      <LongPlanText field="action" fields={props} label="The action" hint="What will be done to put things right or to improve the service." rows={4} />
      <Radios
        name="kind"
        fieldset={{ legend: { text: "What kind of action is it?", classes: "govuk-fieldset__legend--s" } }}
        errorMessage={inlineError(errors, "kind")}
        items={actionKinds.map((k) => ({ value: k, text: actionKindLabels[k] }))}
        value={values.kind}
        onChange={(event) => onChange({ kind: event.target.value })}
      />
      <Input {...textProps(props, "owner")} label={label("Who is responsible")} hint={{ text: "A person’s role or a team, such as Customer contact team." }} classes="govuk-!-width-two-thirds" />
      <DateField id="startDate" legend="Start date" hint="For example, 27 3 2026" value={values.startDate} onChange={(startDate) => onChange({ startDate })} errors={errors} />
      <DateField id="dueDate" legend="Due date" hint="When the action should be finished. For example, 30 9 2026" value={values.dueDate} onChange={(dueDate) => onChange({ dueDate })} errors={errors} />
      <LongPlanText field="standards" fields={props} label="Standards it must meet" hint="For example, the body’s complaints procedure, the Complaint Standards, professional guidance." rows={3} />
    </Section>
  );
}

/** How the person who complained takes part, as far as they have agreed. */
function PersonFields(props: PlanFieldsProps) {
  const { values, onChange, errors } = props;
  return (
    <Section title="The person who complained">
      <Checkboxes
        name="involvement"
        fieldset={{ legend: { text: "How is the person who complained involved?", classes: "govuk-fieldset__legend--s" } }}
        hint={{ text: "Only what they have agreed to. Select all that apply." }}
        errorMessage={inlineError(errors, "involvement")}
        items={involvementChoices.flatMap((c): CheckboxesItem[] =>
          c === "not_involved" ? [{ divider: "or" }, { value: c, text: involvementLabels[c], behaviour: "exclusive" }] : [{ value: c, text: involvementLabels[c] }],
        )}
        values={values.involvement}
        onValuesChange={(involvement) => onChange({ involvement })}
      />
      <LongPlanText field="involvementNote" fields={props} label="Notes on their involvement (optional)" hint="For example, what was agreed and when." maxlength={2000} rows={2} />
      <LongPlanText field="keptInformed" fields={props} label="How they want to be kept informed" hint="For example, an email when each step is done." maxlength={2000} rows={2} />
    </Section>
  );
}

/** The themes of the complaints, and whether the action is shared as "you said, we did" with its summary. */
function PublishingFields(props: PlanFieldsProps) {
  const { values, onChange, errors } = props;
  return (
    <Section title="Themes and publishing">
      <Checkboxes
        name="themes"
        fieldset={{ legend: { text: "Themes", classes: "govuk-fieldset__legend--s" } }}
        hint={{ text: "What the complaints were about: the themes of the quarterly return. Select all that apply." }}
        errorMessage={inlineError(errors, "themes")}
        classes="govuk-checkboxes--small"
        items={actionThemes.map((t) => ({ value: t.code, text: t.label }))}
        values={values.themes}
        onValuesChange={(themes) => onChange({ themes })}
      />
      {/* A single checkbox, not yes/no radios: ARIA allows aria-expanded (the reveal) on a checkbox, not on a radio. */}
      <Checkboxes
        name="publishable"
        fieldset={{ legend: { text: "Publishing", classes: "govuk-fieldset__legend--s" } }}
        hint={{ text: "Published actions are shared on the body’s website and across the department." }}
        errorMessage={inlineError(errors, "publishable")}
        items={[
          {
            value: "yes",
            text: "This action can be published as “you said, we did”",
            conditional: {
              children: (
                <LongPlanText
                  field="publicSummary"
                  fields={props}
                  label="“You said, we did” summary"
                  hint="In plain English, with nothing that could identify the person. For example: You said our letters went to your old address. We now check for a change of address before every letter."
                  maxlength={2000}
                  rows={3}
                />
              ),
            },
          },
        ]}
        values={values.publishable === "yes" ? ["yes"] : []}
        onValuesChange={(checked) => onChange({ publishable: checked.includes("yes") ? "yes" : "no" })}
      />
    </Section>
  );
}
