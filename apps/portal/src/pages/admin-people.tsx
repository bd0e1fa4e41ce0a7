import { errorMessage, NoAccessPage, type Organisation, procedureQuery, QueryBoundary, type QueryOutput, useMe, usePageTitle, api } from "@complaints/client";
import { formatDate, roleLabels, roles, type Role } from "@complaints/domain";
import { Button, ErrorSummary, Input, NotificationBanner, Radios, Select, Tag } from "@complaints/ui";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useDepartmentBodies } from "../app/department-bodies.ts";
import { useQueryFilters } from "../filter-form/query-filters.ts";
import "../filter-form/filter-form.css";

type People = QueryOutput<"users.list">;

const roleItems = roles.map((r) => ({ value: r, text: roleLabels[r] }));

/**
 * `/portal/{DEPT}/admin/people`: the department administrator's people page. Lists the people of
 * the department and its bodies (filter by organisation), invites a person by email, changes a
 * role or the bodies a person acts for, deactivates or reactivates, and sends a password-reset link.
 * Each action is the `users.*` procedure of the same name, recorded in the audit log.
 */
export function AdminPeoplePage({ dept }: { dept: Organisation }) {
  const me = useMe();
  const canManage = ((me.data?.permissions ?? []) as readonly string[]).includes("users.manage");
  if (me.data && !canManage) return <NoAccessPage />;
  return <People dept={dept} />;
}

function People({ dept }: { dept: Organisation }) {
  const me = useMe();
  const { values, apply, active, search } = useQueryFilters(["organisation"] as const);
  const bodies = useDepartmentBodies(dept.code);
  const organisations = [{ code: dept.code, name: dept.name }, ...(bodies.data ?? []).map((b) => ({ code: b.code, name: b.name }))];
  const filter = values.organisation || undefined;
  const people = useQuery(procedureQuery("users.list", filter ? { organisationCode: filter } : {}));
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ text: string; href: string } | null>(null);
  const [attempt, setAttempt] = useState(0);
  usePageTitle("People", problem !== null);

  /** Runs an action, then says what happened (or what went wrong) at the top of the page. */
  async function act(run: () => Promise<unknown>, success: string, field: string): Promise<boolean> {
    try {
      await run();
      setProblem(null);
      setDone(success);
      await queryClient.invalidateQueries();
      return true;
    } catch (error) {
      setDone(null);
      setProblem({ text: errorMessage(error), href: `#${field}` });
      setAttempt((n) => n + 1);
      return false;
    }
  }

  const orgItems = organisations.map((o) => ({ value: o.code, text: o.name }));
  return (
    <>
      {problem ? <ErrorSummary key={attempt} titleText="There is a problem" errorList={[problem]} /> : null}
      {done ? (
        <NotificationBanner key={done} type="success">
          <p className="govuk-notification-banner__heading">{done}</p>
        </NotificationBanner>
      ) : null}
      <span className="govuk-caption-l">{dept.name}</span>
      <h1 className="govuk-heading-l">People</h1>
      <p className="govuk-body">The people of {dept.name} and its bodies, and what each may do. Every change is recorded in the audit log.</p>

      <InviteForm organisations={orgItems} onInvite={(input) => act(() => api.users.invite.mutate(input), `Invitation sent to ${input.email}. The link works for 7 days.`, "invite-email")} />

      <h2 className="govuk-heading-m">People</h2>
      <OrganisationFilter
        key={`${search} ${bodies.isSuccess}`}
        dept={dept}
        organisation={values.organisation}
        organisations={orgItems}
        filtering={active > 0}
        onApply={apply}
      />
      <QueryBoundary queries={[people] as const}>
        {(list) => (
          <>
            <PeopleTable
              people={list.people}
              self={me.data?.email}
              onReset={(email) => act(() => api.users.sendPasswordReset.mutate({ email }), `Password-reset link sent to ${email}.`, "people")}
              onDeactivate={(email) => act(() => api.users.deactivate.mutate({ email }), `${email} is deactivated and signed out everywhere.`, "people")}
              onReactivate={(email) => act(() => api.users.reactivate.mutate({ email }), `${email} can sign in again.`, "people")}
            />
            <Invitations invitations={list.invitations} />
            <ChangeForm
              people={list.people}
              organisations={orgItems}
              onChange={(change) => {
                const { email, role, organisationCode, what } = change;
                const name = organisations.find((o) => o.code === organisationCode)?.name ?? organisationCode;
                if (what === "add") return act(() => api.users.addOrganisation.mutate({ email, organisationCode }), `${email} now acts for ${name} as well.`, "change-email");
                if (what === "remove") return act(() => api.users.removeOrganisation.mutate({ email, organisationCode }), `${email} no longer acts for ${name}.`, "change-email");
                return act(() => api.users.changeRole.mutate({ email, role, organisationCode }), `${email} is now ${roleLabels[role].toLowerCase()} for ${name}.`, "change-email");
              }}
            />
          </>
        )}
      </QueryBoundary>
    </>
  );
}

interface OrganisationFilterProps {
  dept: Organisation;
  organisation: string;
  organisations: { value: string; text: string }[];
  /** Whether a filter is applied, so there is everyone to go back to. */
  filtering: boolean;
  onApply: (event: FormEvent<HTMLFormElement>) => void;
}

/** Narrows the list of people to one organisation's. */
function OrganisationFilter({ dept, organisation, organisations, filtering, onApply }: OrganisationFilterProps) {
  return (
    <form className="app-filter" method="get" action="" role="search" onSubmit={onApply} aria-label="People">
      <div className="app-filter__fields">
        <Select id="organisation" name="organisation" label={{ text: "Organisation" }} value={organisation} items={[{ value: "", text: "All organisations" }, ...organisations]} />
      </div>
      <div className="app-filter__actions">
        <Button type="submit" text="Filter" classes="govuk-button--secondary" preventDoubleClick />
        {filtering ? (
          <p className="govuk-body">
            <Link className="govuk-link" to={`/${dept.code}/admin/people`}>
              Show everyone
            </Link>
          </p>
        ) : null}
      </div>
    </form>
  );
}

function InviteForm({ organisations, onInvite }: { organisations: { value: string; text: string }[]; onInvite: (input: { email: string; role: Role; organisationCode: string }) => Promise<boolean> }) {
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(0);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setBusy(true);
    const ok = await onInvite({ email: String(data.get("email") ?? "").trim(), role: String(data.get("role")) as Role, organisationCode: String(data.get("organisation") ?? "") });
    setBusy(false);
    if (ok) setKey((k) => k + 1);
  }
  return (
    <form method="post" noValidate onSubmit={(e) => void onSubmit(e)} key={key} aria-labelledby="invite-heading">
      <h2 className="govuk-heading-m" id="invite-heading">
        Invite a person
      </h2>
      <p className="govuk-body">They get an email with a link to set their name and password. The link works once, for 7 days. Someone who already has an account with the same role in another body gets this body added instead.</p>
      <Input id="invite-email" name="email" type="email" label={{ text: "Email address" }} spellcheck={false} autoComplete="off" classes="govuk-!-width-two-thirds" />
      <Select id="invite-role" name="role" label={{ text: "Role" }} items={roleItems} />
      <Select id="invite-organisation" name="organisation" label={{ text: "Organisation" }} hint={{ text: "A complaints team or senior accountable officer belongs to a body; the other roles to the department." }} items={organisations} />
      <Button text={busy ? "Sending…" : "Send invitation"} disabled={busy} preventDoubleClick />
    </form>
  );
}

function PeopleTable({ people, self, onReset, onDeactivate, onReactivate }: { people: People["people"]; self: string | undefined; onReset: (email: string) => void; onDeactivate: (email: string) => void; onReactivate: (email: string) => void }) {
  if (people.length === 0) return <p className="govuk-body">Nobody yet.</p>;
  return (
    // Scrolls sideways on a narrow screen, so it can take focus and be scrolled with the keyboard.
    <div className="app-table-scroll" id="people" tabIndex={0} role="region" aria-label="People">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">People, their roles and organisations</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Name</th>
            <th scope="col" className="govuk-table__header">Role and organisations</th>
            <th scope="col" className="govuk-table__header">Status</th>
            <th scope="col" className="govuk-table__header">Actions</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {people.map((p) => (
            <tr className="govuk-table__row" key={p.email}>
              <th scope="row" className="govuk-table__header">
                {p.name}
                <br />
                <span className="govuk-body-s" style={{ overflowWrap: "anywhere" }}>
                  {p.email}
                </span>
              </th>
              <td className="govuk-table__cell">
                {p.roleLabel}
                <br />
                <span className="govuk-body-s">{p.organisations.map((o) => o.name).join(", ")}</span>
              </td>
              <td className="govuk-table__cell">{p.active ? <Tag text="Active" classes="govuk-tag--green" /> : <Tag text="Deactivated" classes="govuk-tag--grey" />}</td>
              <td className="govuk-table__cell">
                {p.email === self ? (
                  <span className="govuk-body-s">Your own account</span>
                ) : p.active ? (
                  <>
                    <Button classes="govuk-button--secondary govuk-!-margin-bottom-1" onClick={() => onReset(p.email)} preventDoubleClick>
                      Send password reset link<span className="govuk-visually-hidden"> to {p.name}</span>
                    </Button>{" "}
                    <Button classes="govuk-button--warning govuk-!-margin-bottom-1" onClick={() => onDeactivate(p.email)} preventDoubleClick>
                      Deactivate<span className="govuk-visually-hidden"> {p.name}</span>
                    </Button>
                  </>
                ) : (
                  <Button classes="govuk-button--secondary govuk-!-margin-bottom-1" onClick={() => onReactivate(p.email)} preventDoubleClick>
                    Reactivate<span className="govuk-visually-hidden"> {p.name}</span>
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Invitations({ invitations }: { invitations: People["invitations"] }) {
  if (invitations.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-m">Invitations not yet accepted</h2>
      <ul className="govuk-list govuk-list--bullet">
        {invitations.map((i) => (
          <li key={`${i.email} ${i.expiresAt}`}>
            {i.email}: {i.roleLabel.toLowerCase()} for {i.organisation.name}, invited by {i.invitedBy}, link works until {formatDate(i.expiresAt.slice(0, 10))}
          </li>
        ))}
      </ul>
    </>
  );
}

type ChangeKind = "role" | "add" | "remove";

function ChangeForm({ people, organisations, onChange }: { people: People["people"]; organisations: { value: string; text: string }[]; onChange: (change: { email: string; role: Role; organisationCode: string; what: ChangeKind }) => Promise<boolean> }) {
  const [busy, setBusy] = useState(false);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setBusy(true);
    await onChange({ email: String(data.get("email") ?? ""), role: String(data.get("role")) as Role, organisationCode: String(data.get("organisation") ?? ""), what: (String(data.get("what") ?? "role") as ChangeKind) });
    setBusy(false);
  }
  const active = people.filter((p) => p.active);
  if (active.length === 0) return null;
  return (
    <form method="post" noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby="change-heading">
      <h2 className="govuk-heading-m" id="change-heading">
        Change a role or organisations
      </h2>
      <Select id="change-email" name="email" label={{ text: "Person" }} items={active.map((p) => ({ value: p.email, text: `${p.name} (${p.email})` }))} />
      <Radios
        name="what"
        idPrefix="change-what"
        fieldset={{ legend: { text: "What to change", classes: "govuk-fieldset__legend--s" } }}
        items={[
          { value: "role", text: "Change their role to the one below, for the organisation below", checked: true },
          { value: "add", text: "Let them act for the body below as well, in the role they have" },
          { value: "remove", text: "Stop them acting for the body below" },
        ]}
      />
      <Select id="change-role" name="role" label={{ text: "Role" }} hint={{ text: "Used only when changing their role." }} items={roleItems} />
      <Select id="change-organisation" name="organisation" label={{ text: "Organisation" }} items={organisations} />
      <Button text={busy ? "Saving…" : "Save the change"} disabled={busy} preventDoubleClick />
    </form>
  );
}
