import { useQuery } from "@tanstack/react-query";
import { api, procedureQuery, QueryBoundary, usePageTitle, type Organisation, type QueryOutput } from "@complaints/client";
import { bankHolidayRegionLabels, bankHolidayRegions, bodyTypes, emptyDate, formatDate, partsToIso, type DateParts } from "@complaints/domain";
import { BackLink, Button, ErrorSummary, Input, Link, NotificationBanner, Select, Table, Tag } from "@complaints/ui";
import { useState, type FormEvent } from "react";
import { ScrollRegion } from "./scroll-region.tsx";
import { adminAddress } from "./admin-route.tsx";
import { DateField, dateHref } from "./date-field.tsx";
import { fieldError, useAdminAction } from "./use-admin-action.ts";

type Bodies = QueryOutput<"organisations.manageList">["bodies"];

/** `/portal/{DEPT}/admin/organisations`: the department's bodies, open ones first, and the form to add one. */
export function OrganisationsPage({ dept }: { dept: Organisation }) {
  const list = useQuery(procedureQuery("organisations.manageList", { departmentCode: dept.code }));
  const action = useAdminAction();
  const [added, setAdded] = useState<string | null>(null);
  usePageTitle("Bodies", action.errors.length > 0);
  return (
    <>
      <BackLink href={adminAddress.home(dept.code)} text="Back to administration" />
      {action.errors.length > 0 ? <ErrorSummary key={action.attempt} titleText="There is a problem" errorList={action.errors} /> : null}
      {added ? <NotificationBanner type="success" text={added} /> : null}
      <span className="govuk-caption-l">{dept.name}</span>
      <h1 className="govuk-heading-l">Bodies</h1>
      <QueryBoundary queries={[list]}>{(data) => <BodiesTable dept={dept.code} bodies={data.bodies} />}</QueryBoundary>
      <AddBodyForm dept={dept.code} action={action} onAdded={setAdded} />
    </>
  );
}

function BodiesTable({ dept, bodies }: { dept: string; bodies: Bodies }) {
  if (bodies.length === 0) return <p className="govuk-body">The department has no bodies yet.</p>;
  return (
    <ScrollRegion label="The department's bodies">
    <Table
      caption="The department's bodies"
      captionClasses="govuk-visually-hidden"
      firstCellIsHeader
      head={[{ text: "Body" }, { text: "Code" }, { text: "Nation for bank holidays" }, { text: "Active" }, { text: "Expected this quarter" }]}
      rows={bodies.map((b) => [
        { children: <Link className="govuk-link" href={adminAddress.organisation(dept, b.code)}>{b.name}</Link> },
        { text: b.code },
        { text: bankHolidayRegionLabels[b.region] },
        { text: b.activeTo ? `${formatDate(b.activeFrom)} to ${formatDate(b.activeTo)}` : `From ${formatDate(b.activeFrom)}` },
        { children: b.expectedNow ? <Tag text="Expected" classes="govuk-tag--green" /> : <Tag text={b.closed ? "Closed" : "Not yet"} classes="govuk-tag--grey" /> },
      ])}
    />
    </ScrollRegion>
  );
}

const fields = ["code", "name", "bodyType", "region"] as const;

function AddBodyForm({ dept, action, onAdded }: { dept: string; action: ReturnType<typeof useAdminAction>; onAdded: (message: string) => void }) {
  const [activeFrom, setActiveFrom] = useState<DateParts>(emptyDate);
  const [formKey, setFormKey] = useState(0);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const date = partsToIso(activeFrom, "the date it starts reporting");
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const local = [
      !text("code") && { text: "Enter a code for the body", href: "#code" },
      !text("name") && { text: "Enter the body's name", href: "#name" },
      !text("bodyType") && { text: "Select the type of body", href: "#bodyType" },
      !text("region") && { text: "Select the nation whose bank holidays the body keeps", href: "#region" },
      date.problem && { text: date.problem, href: dateHref("activeFrom") },
    ].filter((e) => e !== false && e !== null && e !== "");
    if (local.length > 0) return action.fail(local as { text: string; href: string }[]);
    const input = { departmentCode: dept, code: text("code").toUpperCase(), name: text("name"), bodyType: text("bodyType") as (typeof bodyTypes)[number], region: text("region") as (typeof bankHolidayRegions)[number], activeFrom: date.iso };
    const body = await action.run(() => api.organisations.add.mutate(input), fields);
    if (body) {
      onAdded(`${body.name} (${body.code}) was added. It is expected to report from the quarter that includes ${formatDate(body.activeFrom)}.`);
      setActiveFrom(emptyDate);
      setFormKey((k) => k + 1);
    }
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} key={formKey} aria-labelledby="add-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="add-heading">
        Add a body
      </h2>
      <Input id="code" name="code" label={{ text: "Code", classes: "govuk-label--s" }} hint={{ text: "2 to 20 capital letters, digits or hyphens, like DES-LIC1. It cannot be changed later." }} classes="govuk-input--width-20" spellCheck={false} autoComplete="off" errorMessage={fieldError(action.errors, "code")} />
      <Input id="name" name="name" label={{ text: "Name", classes: "govuk-label--s" }} errorMessage={fieldError(action.errors, "name")} />
      <Select id="bodyType" name="bodyType" classes="govuk-!-width-full" label={{ text: "Type of body", classes: "govuk-label--s" }} items={[{ value: "", text: "Choose a type" }, ...bodyTypes.map((t) => ({ value: t, text: t.charAt(0).toUpperCase() + t.slice(1) }))]} errorMessage={fieldError(action.errors, "bodyType")} />
      <Select
        id="region"
        name="region"
        classes="govuk-!-width-full"
        label={{ text: "Nation for bank holidays", classes: "govuk-label--s" }}
        hint={{ text: "Working days and due dates are counted without this nation's bank holidays." }}
        items={[{ value: "", text: "Choose a nation" }, ...bankHolidayRegions.map((r) => ({ value: r, text: bankHolidayRegionLabels[r] }))]}
        errorMessage={fieldError(action.errors, "region")}
      />
      <DateField id="activeFrom" legend="Active from" hint="It is expected to report from the quarter that includes this date. For example, 1 4 2026" value={activeFrom} onChange={setActiveFrom} error={fieldError(action.errors, "activeFrom-day")} />
      <Button text={action.busy ? "Adding the body…" : "Add body"} disabled={action.busy} preventDoubleClick />
    </form>
  );
}
