import { describe, expect, it } from "vitest";
import { issueSections, isWithinSection } from "./issue-sections.ts";
import { themeFields } from "./fields.ts";
import { validateReturn } from "./validate.ts";
import { templateV2 } from "./v2.ts";

const template = templateV2;
const serviceAreas = [{ code: "licences", label: "Licences" }];
const noThemes = Object.fromEntries(themeFields(template).map((f) => [f.id, 0]));
const issueOf = (id: string, values: Record<string, number | string>) => {
  const { errors, warnings } = validateReturn(values, { template, serviceAreas });
  const issue = [...errors, ...warnings].find((i) => i.id === id);
  if (!issue) throw new Error(`no ${id} issue`);
  return issue;
};

describe("the sections a check involves", () => {
  it.each([
    ["outcomes that do not add up to closed, all in the stages section", "er_outcomes_total", { er_closed: 10, er_upheld: 1, er_partly_upheld: 1, er_not_upheld: 1 }, ["stages"]],
    ["a flow balance that needs the stages' closed figures", "flow_balance", { brought_forward: 5, received: 10, withdrawn: 1, carried_forward: 99, er_closed: 0, cl_closed: 0 }, ["flow", "stages"]],
    ["channels that must add up to received", "channels_total", { received: 10, "received_by_channel.online": 3 }, ["flow", "breakdowns"]],
    ["service areas (a body's own codes) that must add up to received", "service_areas_total", { received: 10, "received_by_service_area.licences": 3 }, ["flow", "breakdowns"]],
    ["themes that must cover received, a warning", "themes_cover_received", { ...noThemes, received: 10, theme_delay: 1, themes_not_recorded: 0 }, ["flow", "themes"]],
    ["a required figure", "required:handling_fte", {}, ["context"]],
  ] as const)("%s", (_what, id, values, sections) => {
    const issue = issueOf(id, values);
    expect(issueSections(issue, template, serviceAreas)).toEqual(sections);
    for (const section of template.sections.map((s) => s.id)) {
      expect(isWithinSection(issue, section, template, serviceAreas)).toBe(sections.length === 1 && sections[0] === section);
    }
  });

  it("places a repeating group's item fields in the group's section", () => {
    expect(issueSections({ fieldIds: ["special_payments.2.date_paid"] }, template)).toEqual(["remedies"]);
  });

  it("ignores a field the template does not have, and puts a check naming none in no section", () => {
    expect(issueSections({ fieldIds: ["no_such_field", "received"] }, template)).toEqual(["flow"]);
    expect(issueSections({ fieldIds: ["no_such_field"] }, template)).toEqual([]);
    expect(isWithinSection({ fieldIds: [] }, "flow", template)).toBe(false);
  });
});
