import { requirePeriod, templateFields, templates, type FieldValue } from "@complaints/domain";
import { describe, expect, it } from "vitest";
import { derivedFigures } from "./derived-figures.tsx";
import { sectionErrors, sectionWarnings } from "./section-page.tsx";
import { currentChecks, sectionStatus } from "./section-status.ts";

const template = templates[2]!;
const flow = templateFields(template).filter((f) => f.section === "flow");
const checksOf = (values: Record<string, FieldValue>, notes: Record<string, string> = {}) => currentChecks(values, { template, serviceAreas: [], notes, period: requirePeriod("2026-27 Q2") }, undefined);
const statusOf = (values: Record<string, FieldValue>, problems: Record<string, string> = {}, notes: Record<string, string> = {}) => sectionStatus(flow, values, problems, checksOf(values, notes));

describe("a section's status in the task list", () => {
  it.each([
    ["nothing given", {}, {}, "not-started"],
    ["only the figure carried from last quarter", { brought_forward: 54 }, {}, "not-started"],
    ["some figures", { brought_forward: 54, received: 10 }, {}, "in-progress"],
    ["every required figure, balancing", { brought_forward: 5, received: 10, withdrawn: 1, carried_forward: 14 }, {}, "completed"],
    ["a marker with its note counts as given", { brought_forward: 5, received: "[x]", withdrawn: 1, carried_forward: 14 }, { received: "Outage" }, "completed"],
    ["a marker without a note is an error", { brought_forward: 5, received: "[x]", withdrawn: 1, carried_forward: 14 }, {}, "has-errors"],
    ["figures that do not balance", { brought_forward: 5, received: 10, withdrawn: 1, carried_forward: 99, er_closed: 0, cl_closed: 0 }, {}, "has-errors"],
  ] as const)("%s: %s", (_what, values, notes, expected) => {
    expect(statusOf(values, {}, notes)).toBe(expected);
  });

  it("has errors while an input cannot be read", () => {
    expect(statusOf({ received: 10 }, { received: "expected a whole number" })).toBe("has-errors");
  });

  it("keeps warnings from the server's history checks, and takes errors from the values as typed", () => {
    const server = { errors: [{ id: "flow_balance", severity: "error" as const, fieldIds: ["carried_forward"], message: "old" }], warnings: [{ id: "outlier:received", severity: "warning" as const, fieldIds: ["received"], message: "far from usual" }], unexplained: [], canSubmit: false };
    const checks = currentChecks({ received: 10 }, { template, serviceAreas: [], notes: {}, period: requirePeriod("2026-27 Q2") }, server);
    expect(checks.errors.map((e) => e.id)).not.toContain("flow_balance");
    expect(checks.warnings.map((w) => w.id)).toContain("outlier:received");
  });
});

describe("a section's errors as shown", () => {
  const flowPlace = { template, sectionId: "flow", serviceAreas: [] };
  it("puts an unreadable input first, leaves missing figures until the user continues, and a marker's note error at the note", () => {
    const values = { brought_forward: 5, received: "[x]" as const };
    const checks = checksOf(values);
    const shown = sectionErrors(flow, { withdrawn: "expected a whole number, but found “x”" }, checks, false, flowPlace);
    expect(shown.map((e) => e.href)).toEqual(["#withdrawn", "#received-note"]);
    const all = sectionErrors(flow, {}, checks, true, flowPlace);
    expect(all.map((e) => e.href)).toContain("#carried_forward");
  });

  it("leaves out an error that spans sections: the flow balance needs the stages' closed figures", () => {
    const checks = checksOf({ brought_forward: 5, received: 10, withdrawn: 1, carried_forward: 99, er_closed: 0, cl_closed: 0 });
    expect(checks.errors.map((e) => e.id)).toContain("flow_balance");
    expect(sectionErrors(flow, {}, checks, true, flowPlace)).toEqual([]);
  });

  it("names what a date input is missing in the GOV.UK pattern's words, linking to the first field in error; a missing date links to its day", () => {
    const assurance = templateFields(template).filter((f) => f.section === "assurance");
    const place = { template, sectionId: "assurance", serviceAreas: [] };
    const label = assurance.find((f) => f.id === "board_review_date")!.label;
    const checks = checksOf({});
    const typed = (text: string) => sectionErrors(assurance, { board_review_date: "not a date" }, checks, false, place, { board_review_date: text }).find((e) => e.inlineKey === "board_review_date");
    expect(typed("15//2026")).toEqual({ message: `${label} must include a month`, href: "#board_review_date-month", inlineKey: "board_review_date" });
    expect(typed("/9/")).toEqual({ message: `${label} must include a day and a year`, href: "#board_review_date-day", inlineKey: "board_review_date" });
    expect(typed("31/2/2026")).toEqual({ message: `${label} must be a real date`, href: "#board_review_date-day", inlineKey: "board_review_date" });
    expect(typed("15/9/26")).toEqual({ message: `${label} must be a real date`, href: "#board_review_date-year", inlineKey: "board_review_date" });
    const required = sectionErrors(assurance, {}, checks, true, place).find((e) => e.inlineKey === "board_review_date");
    expect(required?.href).toBe("#board_review_date-day");
  });

  it("keeps an error whose fields are all in the section", () => {
    const stages = templateFields(template).filter((f) => f.section === "stages");
    const checks = checksOf({ er_closed: 10, er_upheld: 1, er_partly_upheld: 1, er_not_upheld: 1 });
    const shown = sectionErrors(stages, {}, checks, false, { template, sectionId: "stages", serviceAreas: [] });
    expect(shown.map((e) => e.href)).toEqual(["#er_upheld"]);
  });
});

describe("a section's warnings", () => {
  it("puts each beneath the last of its figures in the section, so a total's box follows its parts", () => {
    const themes = templateFields(template).filter((f) => f.section === "themes");
    const warning = { id: "themes_cover_received", severity: "warning" as const, fieldIds: ["theme_delay", "themes_not_recorded", "received"], message: "fewer" };
    const outlier = { id: "outlier:theme_delay", severity: "warning" as const, fieldIds: ["theme_delay"], message: "far" };
    const other = { id: "outlier:handling_cost", severity: "warning" as const, fieldIds: ["handling_cost"], message: "far" };
    expect(sectionWarnings(themes, [warning, outlier, other]).map((w) => [w.warning.id, w.anchor])).toEqual([
      ["outlier:theme_delay", "theme_delay"],
      ["themes_cover_received", "themes_not_recorded"],
    ]);
    expect(sectionWarnings(flow, [warning]).map((w) => w.anchor)).toEqual(["received"]);
  });
});

describe("figures worked out as the user types", () => {
  it("gives the flow balance, the breakdown total and the measures from the template's own rules", () => {
    const values = { brought_forward: 50, received: 200, withdrawn: 10, er_closed: 120, cl_closed: 50, service_volume: 100_000, "received_by_channel.online": 150, "received_by_channel.email": 40 };
    const flowFigures = derivedFigures(template, "flow", values, []);
    expect(flowFigures.find((f) => f.key === "rule:flow_balance")?.value).toBe("70");
    expect(flowFigures.find((f) => f.key === "measure:complaints_per_10000")?.value).toBe("20 per 10,000");
    const channels = derivedFigures(template, "breakdowns", values, []);
    expect(channels.find((f) => f.key === "breakdown:received_by_channel")?.value).toBe("190");
    const stages = derivedFigures(template, "stages", { ...values, er_within_timescale: 90, er_working_days_total: 480 }, []);
    expect(stages.find((f) => f.key === "measure:er_within_timescale")?.value).toBe("75%");
    // A mean says its declared unit, as every other measure does.
    expect(stages.find((f) => f.key === "measure:er_average_working_days")?.value).toBe("4 working days");
  });
});
