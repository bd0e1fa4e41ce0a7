import { useQuery } from "@tanstack/react-query";
import { api, procedureQuery, QueryBoundary, usePageTitle, type Organisation } from "@complaints/client";
import { bankHolidayRegionLabels, formatDate } from "@complaints/domain";
import { BackLink, Button, ErrorSummary, Input, Link, NotificationBanner, SummaryList } from "@complaints/ui";
import { useState, type FormEvent } from "react";
import { adminAddress } from "./admin-route.tsx";
import { ServiceAreas } from "./service-areas.tsx";
import { fieldError, useAdminAction } from "./use-admin-action.ts";

/** `/portal/{DEPT}/admin/organisations/{ORG}`: one body's details, its name, its service-area codes, and the way to close it. */
export function OrganisationPage({ dept, org }: { dept: Organisation; org: string }) {
  const body = useQuery(procedureQuery("organisations.get", { code: org }));
  const action = useAdminAction();
  const [done, setDone] = useState<string | null>(null);
  usePageTitle(body.data ? body.data.name : "Body", action.errors.length > 0);
  return (
    <>
      <BackLink href={adminAddress.organisations(dept.code)} text="Back to bodies" />
      {action.errors.length > 0 ? <ErrorSummary key={action.attempt} titleText="There is a problem" errorList={action.errors} /> : null}
      {done ? <NotificationBanner key={done} type="success" text={done} /> : null}
      <QueryBoundary queries={[body]}>
        {(b) => (
          <>
            <span className="govuk-caption-l">{dept.name}</span>
            <h1 className="govuk-heading-l">{b.name}</h1>
            <Details dept={dept.code} body={b} />
            <RenameForm body={b} action={action} onDone={setDone} />
            <ServiceAreas body={b} action={action} onDone={setDone} />
          </>
        )}
      </QueryBoundary>
    </>
  );
}

function Details({ dept, body }: { dept: string; body: Organisation }) {
  return (
    <SummaryList
      rows={[
        { key: { text: "Code" }, value: { text: body.code } },
        { key: { text: "Name" }, value: { text: body.name }, actions: { items: [{ href: "#name", text: "Change", visuallyHiddenText: "name" }] } },
        { key: { text: "Type" }, value: { text: body.bodyType.charAt(0).toUpperCase() + body.bodyType.slice(1) } },
        { key: { text: "Nation for bank holidays" }, value: { text: bankHolidayRegionLabels[body.region] } },
        { key: { text: "Active from" }, value: { text: formatDate(body.activeFrom) } },
        {
          key: { text: "Closed" },
          value: body.activeTo ? { text: `On ${formatDate(body.activeTo)}` } : { children: <Link className="govuk-link" href={adminAddress.closeOrganisation(dept, body.code)}>Close this body</Link> },
        },
      ]}
    />
  );
}

function RenameForm({ body, action, onDone }: { body: Organisation; action: ReturnType<typeof useAdminAction>; onDone: (message: string) => void }) {
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    if (!name) return action.fail([{ text: "Enter the body's new name", href: "#name" }]);
    const saved = await action.run(() => api.organisations.rename.mutate({ code: body.code, name }), ["name"]);
    if (saved) onDone(`${body.code} is now called ${saved.name}.`);
  }
  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-labelledby="rename-heading" key={body.name}>
      <h2 className="govuk-heading-m" id="rename-heading">
        Rename
      </h2>
      <Input id="name" name="name" label={{ text: "Name", classes: "govuk-label--s" }} defaultValue={body.name} errorMessage={fieldError(action.errors, "name")} />
      <Button text="Save name" classes="govuk-button--secondary" disabled={action.busy} preventDoubleClick />
    </form>
  );
}
