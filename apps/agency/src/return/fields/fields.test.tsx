import { templates, templateFields, writeCell, type FieldDeclaration, type TemplateDeclaration } from "@complaints/domain";
import { describe, expect, it } from "vitest";
import { SectionForm, type SectionFormProps } from "../section-form.tsx";
import { BreakdownFields } from "./breakdown-fields.tsx";
import { Field } from "./field.tsx";
import { GroupFields } from "./group-fields.tsx";
import { attribute, render } from "./render-for-test.ts";

const v2 = templates[2]!;
const serviceAreas = [
  { code: "applications", label: "Applications" },
  { code: "enquiries", label: "Enquiries" },
];
const noop = () => undefined;

function renderSection(template: TemplateDeclaration, sectionId: string, inputs: Record<string, string> = {}, extra: Partial<SectionFormProps> = {}) {
  const section = template.sections.find((s) => s.id === sectionId)!;
  return render(<SectionForm template={template} section={section} serviceAreas={serviceAreas} inputs={inputs} errors={{}} notes={{}} readOnly={false} onInput={noop} onNote={noop} {...extra} />);
}

const field = (id: string): FieldDeclaration => templateFields(v2, serviceAreas).find((f) => f.id === id)!;

describe("the generated return form", () => {
  it("gives every field of every section of template v2 an input whose id and name are the field id, labelled, inside a form group", () => {
    for (const section of v2.sections) {
      const page = renderSection(v2, section.id);
      for (const f of templateFields(v2, serviceAreas).filter((x) => x.section === section.id && x.group === undefined)) {
        if (f.type === "date") {
          // A date input: day, month and year, each named and labelled, in the field's fieldset.
          for (const part of ["day", "month", "year"]) {
            expect(attribute(page.tag(`${f.id}-${part}`), "name"), `${f.id}-${part} in ${section.id}`).toBe(`${f.id}-${part}`);
            expect(page.label(`${f.id}-${part}`)?.length, `${f.id}-${part} has a label`).toBeGreaterThan(0);
          }
          expect(page.formGroupOf(f.id), `${f.id} in a govuk-form-group`).toBe(true);
          expect(page.html).toContain(`${f.label}</legend>`);
          continue;
        }
        const tag = page.tag(f.id);
        expect(tag, `${f.id} in ${section.id}`).toBeDefined();
        expect(attribute(tag, "name")).toBe(f.id);
        expect(page.formGroupOf(f.id), `${f.id} in a govuk-form-group`).toBe(true);
        if (f.type !== "choice") expect(page.label(f.id)?.length, `${f.id} has a label`).toBeGreaterThan(0);
      }
    }
  });

  it("writes a count as a whole number with its unit after it and the numeric keypad", () => {
    const page = render(<Field field={field("received")} text="193" readOnly={false} onInput={noop} />);
    const tag = page.tag("received");
    expect(attribute(tag, "inputmode")).toBe("numeric");
    expect(attribute(tag, "value")).toBe("193");
    expect(attribute(tag, "class")).toContain("govuk-input--width-10");
    expect(attribute(tag, "aria-describedby")).toBe("received-hint");
    expect(page.label("received")).toBe("Complaints received");
    expect(page.html).toContain('<div class="govuk-input__suffix" aria-hidden="true">complaints</div>');
  });

  it("writes money in pounds and pence with a £ prefix and the decimal keypad", () => {
    const f = field("payments_total");
    const page = render(<Field field={f} text={writeCell(f, 123450)} readOnly={false} onInput={noop} />);
    expect(attribute(page.tag("payments_total"), "value")).toBe("1234.50");
    expect(attribute(page.tag("payments_total"), "inputmode")).toBe("decimal");
    expect(page.html).toContain('<div class="govuk-input__prefix" aria-hidden="true">£</div>');
    expect(page.html).not.toContain("govuk-input__suffix");
  });

  it("writes staff time with FTE after it", () => {
    const page = render(<Field field={field("handling_fte")} text="3.5" readOnly={false} onInput={noop} />);
    expect(attribute(page.tag("handling_fte"), "inputmode")).toBe("decimal");
    expect(page.html).toContain('<div class="govuk-input__suffix" aria-hidden="true">FTE</div>');
  });

  it("asks a choice as radios in a fieldset, the first radio's id the field id", () => {
    const page = render(<Field field={field("standards_welcoming")} text="partly_met" readOnly={false} onInput={noop} />);
    expect(page.html).toContain('<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Standard: welcoming complaints positively</legend>');
    expect(attribute(page.tag("standards_welcoming"), "type")).toBe("radio");
    expect(page.label("standards_welcoming-2")).toBe("Partly met");
    expect(page.tag("standards_welcoming-2")).toContain("checked");
  });

  it("asks a narrative as a character count with the field's limit", () => {
    const page = render(<Field field={field("key_themes")} text="Delays" readOnly={false} onInput={noop} />);
    expect(page.tag("key_themes")).toMatch(/^<textarea/);
    expect(page.html).toContain('data-maxlength="5000"');
    expect(page.text("key_themes-info")).toBe("You can enter up to 5000 characters");
    expect(attribute(page.tag("key_themes"), "aria-describedby")).toBe("key_themes-info key_themes-hint");
  });

  it("asks a date as GOV.UK's date input, day, month and year, with an example", () => {
    const page = render(<Field field={field("board_review_date")} text="2026-09-15" readOnly={false} onInput={noop} />);
    expect(page.html).toContain('<fieldset class="govuk-fieldset" role="group" aria-describedby="board_review_date-hint">');
    expect(page.html).toContain(`<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${field("board_review_date").label}</legend>`);
    expect([attribute(page.tag("board_review_date-day"), "value"), attribute(page.tag("board_review_date-month"), "value"), attribute(page.tag("board_review_date-year"), "value")]).toEqual(["15", "9", "2026"]);
    expect([page.label("board_review_date-day"), page.label("board_review_date-month"), page.label("board_review_date-year")].map((l) => l?.trim())).toEqual(["Day", "Month", "Year"]);
    expect(attribute(page.tag("board_review_date-day"), "inputmode")).toBe("numeric");
    expect(page.text("board_review_date-hint")).toContain("For example, 15 9 2026");
  });

  it("keeps a half-typed date as typed, and highlights only the part an error names", () => {
    const page = render(<Field field={field("board_review_date")} text="15//2026" error={`${field("board_review_date").label} must include a month`} readOnly={false} onInput={noop} />);
    expect([attribute(page.tag("board_review_date-day"), "value"), attribute(page.tag("board_review_date-month"), "value"), attribute(page.tag("board_review_date-year"), "value")]).toEqual(["15", "", "2026"]);
    expect(attribute(page.tag("board_review_date-month"), "class")).toContain("govuk-input--error");
    expect(attribute(page.tag("board_review_date-day"), "class")).not.toContain("govuk-input--error");
    expect(attribute(page.tag("board_review_date-year"), "class")).not.toContain("govuk-input--error");
    expect(page.text("board_review_date-error")).toBe(`Error: ${field("board_review_date").label} must include a month`);
    // An error about the date as a whole (required, outside the quarter) highlights all three.
    const whole = render(<Field field={field("board_review_date")} text="" error="Enter the date" readOnly={false} onInput={noop} />);
    for (const part of ["day", "month", "year"]) expect(attribute(whole.tag(`board_review_date-${part}`), "class")).toContain("govuk-input--error");
  });

  it("shows a date read-only when the return cannot be changed", () => {
    const page = render(<Field field={field("board_review_date")} text="2026-09-15" readOnly onInput={noop} />);
    for (const part of ["day", "month", "year"]) expect(page.tag(`board_review_date-${part}`)).toContain("readOnly");
  });

  it("shows an error message inline, described by the input", () => {
    const page = render(<Field field={field("received")} text="4.5" error="‘Complaints received’: expected a whole number, but found 4.5" readOnly={false} onInput={noop} />);
    expect(page.html).toContain("govuk-form-group--error");
    expect(attribute(page.tag("received"), "class")).toContain("govuk-input--error");
    expect(attribute(page.tag("received"), "aria-describedby")).toBe("received-hint received-error");
    expect(page.text("received-error")).toBe("Error: ‘Complaints received’: expected a whole number, but found 4.5");
  });

  it("offers [x] and [z] with a note for a required figure, open when one is chosen", () => {
    const closed = render(<Field field={field("received")} text="" readOnly={false} onInput={noop} note={undefined} onNote={noop} />);
    expect(closed.html).toContain("I cannot give a figure");
    expect(closed.html).not.toMatch(/<details[^>]*open/);
    expect(closed.tag("received-note")).toBeUndefined();

    const marked = render(<Field field={field("received")} text="[x]" readOnly={false} onInput={noop} note="System outage" onNote={noop} />);
    expect(marked.html).toMatch(/<details[^>]*open/);
    expect(attribute(marked.tag("received"), "value")).toBe("");
    expect(marked.tag("received-marker")).toContain("checked");
    expect(marked.label("received-marker")).toBe("Not available ([x])");
    expect(marked.label("received-note")).toBe("Note: why ‘Complaints received’ is not available");
    expect(marked.text("received-note")).toBe("System outage");
  });

  it("marks a figure carried from last quarter as such", () => {
    const page = render(<Field field={field("brought_forward")} text="54" readOnly={false} onInput={noop} />);
    expect(page.text("brought_forward-hint")).toContain("Filled in from last quarter's return.");
    const blank = render(<Field field={field("brought_forward")} text="" readOnly={false} onInput={noop} />);
    expect(blank.text("brought_forward-hint")).not.toContain("Filled in from last quarter's return.");
  });

  it("asks a breakdown as a fieldset with one count per category, each labelled by its category", () => {
    const breakdown = v2.breakdowns.find((b) => b.id === "received_by_service_area")!;
    const cells = templateFields(v2, serviceAreas).filter((f) => f.breakdown === breakdown.id);
    const page = render(<BreakdownFields breakdown={breakdown} cells={cells} inputs={{ "received_by_service_area.enquiries": "12" }} errors={{}} error="They must add up" readOnly={false} onInput={noop} />);
    expect(page.html).toContain(`<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">${breakdown.label}</legend>`);
    expect(page.label("received_by_service_area.applications")).toBe("Applications");
    expect(attribute(page.tag("received_by_service_area.enquiries"), "value")).toBe("12");
    expect(page.text("breakdown-received_by_service_area-error")).toBe("Error: They must add up");
  });

  it("gives a breakdown's cells the unit of the figure they add up to", () => {
    const equality = renderSection(v2, "equality");
    expect(equality.html).toContain('<div class="govuk-input__suffix" aria-hidden="true">complainants</div>');
    expect(equality.html).not.toContain(">complaints</div>");
    expect(renderSection(v2, "breakdowns").html).toContain('<div class="govuk-input__suffix" aria-hidden="true">complaints</div>');
  });

  it("links each figure computed from the case file to its cases, breakdown cells by their full label, and leaves the input's description alone", () => {
    const caseLinks = { fields: new Set(["received", "er_closed", "received_by_channel.online"]), href: (id: string) => `/agency/DES-LIC1/returns/2026-27-q2/cases/${id}?from=flow` };
    const flow = renderSection(v2, "flow", { received: "4" }, { caseLinks });
    const links = [...flow.html.matchAll(/<p class="govuk-body-s app-field__cases"><a class="govuk-link" href="([^"]+)">([\s\S]*?)<\/a><\/p>/g)].map((m) => [m[1], m[2]!.replace(/<[^>]+>/g, "")]);
    expect(links).toContainEqual(["/agency/DES-LIC1/returns/2026-27-q2/cases/received?from=flow", "See the cases behind this figure: Complaints received"]);
    expect(links.map(([href]) => href)).not.toContain(expect.stringContaining("brought_forward"));
    // The link follows the input (the next tab stop), before "I cannot give a figure".
    expect(flow.html.indexOf("cases/received?")).toBeGreaterThan(flow.html.indexOf('id="received"'));
    expect(flow.html.indexOf("cases/received?")).toBeLessThan(flow.html.indexOf("I cannot give a figure", flow.html.indexOf('id="received"')));
    expect(attribute(flow.tag("received"), "aria-describedby")).toBe("received-hint");

    const breakdowns = renderSection(v2, "breakdowns", {}, { caseLinks });
    expect(breakdowns.html).toContain("See the cases behind this figure<span class=\"govuk-visually-hidden\">: Complaints received by channel: Online form</span>");
    expect(breakdowns.html.match(/app-field__cases/g)).toHaveLength(1);

    // Without a case file, no links.
    expect(renderSection(v2, "flow").html).not.toContain("app-field__cases");
  });

  it("lists a repeating group's items given so far, with Remove on each and Add another", () => {
    const group = v2.groups[0]!;
    const fields = templateFields(v2).filter((f) => f.group === group.id);
    const none = render(<GroupFields group={group} fields={fields} inputs={{}} errors={{}} readOnly={false} onInput={noop} />);
    expect(none.tag("special_payments.1.amount")).toBeUndefined();
    expect(none.html).toContain("Add a special payment");

    const two = render(<GroupFields group={group} fields={fields} inputs={{ "special_payments.1.amount": "400000.00", "special_payments.2.description": "Settlement" }} errors={{}} readOnly={false} onInput={noop} />);
    expect(attribute(two.tag("special_payments.1.amount"), "value")).toBe("400000.00");
    expect(two.label("special_payments.1.amount")).toBe("Amount");
    // A date is a date input: its name is its fieldset's legend, which holds its day, month and year.
    expect(two.html).toMatch(/<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Date paid<\/legend>(?:(?!<\/fieldset>)[\s\S])*id="special_payments\.2\.date_paid-day"/);
    expect(two.tag("special_payments.3.amount")).toBeUndefined();
    expect(two.html).toContain("<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">Special payment 2</legend>");
    expect(two.html.match(/>Remove</g)).toHaveLength(2);
    expect(two.html).toContain("Add another special payment");
  });

  it("adds a section and a field declared in a copy of the template, with no form code changed", () => {
    const added: FieldDeclaration = { id: "complaints_about_contractors", section: "contractors", label: "Complaints about contractors", hint: "Complaints about services run for you by others.", type: "count", unit: "complaints", required: true };
    const copy: TemplateDeclaration = {
      ...v2,
      sections: [...v2.sections, { id: "contractors", title: "Contracted-out services" }],
      fields: [...v2.fields, added, { id: "contract_cost", section: "flow", label: "Cost of contracted complaint handling", type: "money", unit: "£", required: false }],
    };
    const page = renderSection(copy, "contractors", { complaints_about_contractors: "7" });
    expect(attribute(page.tag("complaints_about_contractors"), "name")).toBe("complaints_about_contractors");
    expect(attribute(page.tag("complaints_about_contractors"), "value")).toBe("7");
    expect(page.label("complaints_about_contractors")).toBe("Complaints about contractors");
    expect(page.text("complaints_about_contractors-hint")).toBe("Complaints about services run for you by others.");

    const flow = renderSection(copy, "flow");
    expect(flow.label("contract_cost")).toBe("Cost of contracted complaint handling");
    expect(flow.html).toContain('<div class="govuk-input__prefix" aria-hidden="true">£</div>');
  });

  it("makes a return that is not a draft read-only", () => {
    const page = renderSection(v2, "flow", { received: "3" }, { readOnly: true });
    expect(page.tag("received")).toMatch(/readOnly=""|readonly=""/);
  });
});
