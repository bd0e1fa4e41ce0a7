import { api, type Organisation } from "@complaints/client";
import { Button, Input, Select, Table, Tag } from "@complaints/ui";
import type { FormEvent } from "react";
import { ScrollRegion } from "./scroll-region.tsx";
import { fieldError, type useAdminAction } from "./use-admin-action.ts";

type Action = ReturnType<typeof useAdminAction>;

/**
 * A body's service-area codes (`received_by_service_area.<code>` in its returns): add, rename,
 * retire or bring back; delete only a code no return or case has used (the API refuses the rest).
 */
export function ServiceAreas({ body, action, onDone }: { body: Organisation; action: Action; onDone: (message: string) => void }) {
  const change = async (send: () => Promise<unknown>, message: string) => {
    if (await action.run(send)) onDone(message);
  };
  return (
    <section aria-labelledby="areas-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="areas-heading">
        Service areas
      </h2>
      <p className="govuk-body">Bodies can break the complaints they receive down by these areas. A code used in a return or a case cannot be deleted, only retired; its history stays.</p>
      {body.serviceAreas.length === 0 ? (
        <p className="govuk-body">{body.name} has no service areas.</p>
      ) : (
        <ScrollRegion label="Service areas">
        <Table
          caption="Service areas"
          captionClasses="govuk-visually-hidden"
          head={[{ text: "Code" }, { text: "Name" }, { text: "Status" }, { text: "Actions" }]}
          rows={body.serviceAreas.map((a) => [
            { text: a.code },
            { text: a.label },
            { children: a.retired ? <Tag text="Retired" classes="govuk-tag--grey" /> : <Tag text="In use" classes="govuk-tag--green" /> },
            {
              children: (
                <div className="govuk-button-group govuk-!-margin-bottom-0">
                  <Button
                    type="button"
                    text={a.retired ? "Bring back" : "Retire"}
                    classes="govuk-button--secondary govuk-!-margin-bottom-0"
                    attributes={{ "aria-label": `${a.retired ? "Bring back" : "Retire"} ${a.label}` }}
                    disabled={action.busy}
                    onClick={() => void change(() => api.organisations.retireServiceArea.mutate({ organisationCode: body.code, areaCode: a.code, retired: !a.retired }), `${a.label} is ${a.retired ? "in use again" : "retired"}.`)}
                  />
                  <Button
                    type="button"
                    text="Delete"
                    classes="govuk-button--warning govuk-!-margin-bottom-0"
                    attributes={{ "aria-label": `Delete ${a.label}` }}
                    disabled={action.busy}
                    onClick={() => void change(() => api.organisations.deleteServiceArea.mutate({ organisationCode: body.code, areaCode: a.code }), `${a.label} was deleted.`)}
                  />
                </div>
              ),
            },
          ])}
        />
        </ScrollRegion>
      )}
      <AddArea body={body} action={action} onDone={onDone} />
      {body.serviceAreas.length > 0 ? <RenameArea body={body} action={action} onDone={onDone} /> : null}
    </section>
  );
}

function AddArea({ body, action, onDone }: { body: Organisation; action: Action; onDone: (message: string) => void }) {
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const areaCode = String(form.get("areaCode") ?? "").trim();
    const label = String(form.get("label") ?? "").trim();
    const local = [!areaCode && { text: "Enter a code for the service area", href: "#areaCode" }, !label && { text: "Enter the service area's name", href: "#label" }].filter((e) => e !== false);
    if (local.length > 0) return action.fail(local);
    if (await action.run(() => api.organisations.addServiceArea.mutate({ organisationCode: body.code, areaCode, label }), ["areaCode", "label"])) onDone(`${body.name} now has the service area ${label}.`);
  }
  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-labelledby="add-area-heading" key={body.serviceAreas.length}>
      <h3 className="govuk-heading-s" id="add-area-heading">
        Add a service area
      </h3>
      <Input id="areaCode" name="areaCode" label={{ text: "Code" }} hint={{ text: "Lower-case letters, digits or underscores, like driving_licences. It is the column name in files." }} classes="govuk-input--width-20" spellCheck={false} autoComplete="off" errorMessage={fieldError(action.errors, "areaCode")} />
      <Input id="label" name="label" label={{ text: "Name" }} errorMessage={fieldError(action.errors, "label")} />
      <Button text="Add service area" classes="govuk-button--secondary" disabled={action.busy} preventDoubleClick />
    </form>
  );
}

function RenameArea({ body, action, onDone }: { body: Organisation; action: Action; onDone: (message: string) => void }) {
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const areaCode = String(form.get("renameCode") ?? "");
    const label = String(form.get("renameLabel") ?? "").trim();
    if (!label) return action.fail([{ text: "Enter the service area's new name", href: "#renameLabel" }]);
    if (await action.run(() => api.organisations.renameServiceArea.mutate({ organisationCode: body.code, areaCode, label }))) onDone(`The service area ${areaCode} is now called ${label}.`);
  }
  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-labelledby="rename-area-heading" key={JSON.stringify(body.serviceAreas)}>
      <h3 className="govuk-heading-s" id="rename-area-heading">
        Rename a service area
      </h3>
      <Select id="renameCode" name="renameCode" classes="govuk-!-width-full" label={{ text: "Service area" }} items={body.serviceAreas.map((a) => ({ value: a.code, text: `${a.label} (${a.code})` }))} />
      <Input id="renameLabel" name="renameLabel" label={{ text: "New name" }} errorMessage={fieldError(action.errors, "renameLabel")} />
      <Button text="Rename service area" classes="govuk-button--secondary" disabled={action.busy} preventDoubleClick />
    </form>
  );
}
