import { describe, it } from "vitest";
import { expectEveryMacroOption, itRendersGovukFixtures } from "../testing/fixture-suite.tsx";
import { TaskList, type TaskListItem, type TaskListProps } from "./task-list.tsx";

describe("TaskList reproduces govuk-frontend's task-list fixtures", () => {
  it("takes every option of the macro", () => {
    const props: Record<keyof TaskListProps, true> = { items: true, classes: true, attributes: true, idPrefix: true };
    expectEveryMacroOption("task-list", props);
    const item: Record<keyof TaskListItem, true> = { title: true, hint: true, status: true, href: true, classes: true };
    expectEveryMacroOption("task-list", item, ["items"]);
    const title: Record<keyof TaskListItem["title"], true> = { text: true, html: true, children: true, classes: true };
    expectEveryMacroOption("task-list", title, ["items", "title"]);
    const hint: Record<keyof NonNullable<TaskListItem["hint"]>, true> = { text: true, html: true, children: true };
    expectEveryMacroOption("task-list", hint, ["items", "hint"]);
    const status: Record<keyof TaskListItem["status"], true> = { tag: true, text: true, html: true, children: true, classes: true };
    expectEveryMacroOption("task-list", status, ["items", "status"]);
  });
  itRendersGovukFixtures("task-list", (options) => <TaskList {...(options as unknown as TaskListProps)} />);
});
