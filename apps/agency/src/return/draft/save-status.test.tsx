import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SaveStatus, saveStatusText } from "./save-status.tsx";
import type { SaveState } from "./draft-store.ts";

const now = new Date("2026-12-02T14:02:00Z");

describe("SaveStatus", () => {
  it.each<[SaveState, string]>([
    [{ kind: "idle" }, ""],
    [{ kind: "saving" }, "Saving…"],
    [{ kind: "saved", at: now }, "Saved at 14:02"],
    [{ kind: "retrying", message: "The service could not be reached.", nextAttemptAt: new Date(now.getTime() + 10_000) }, "Not saved yet: we'll try again in 10 seconds. Your changes are kept in this browser."],
    [{ kind: "conflict", conflicts: [{ kind: "value", key: "received", label: "Complaints received", yours: 1, theirs: 2 }] }, "Not saved: someone else changed an answer you also changed. Choose which to keep."],
    [{ kind: "refused", message: "This return has been submitted." }, "Not saved: This return has been submitted. Your changes are kept in this browser."],
  ])("%o reads “%s”", (saveState, text) => {
    expect(saveStatusText(saveState, now)).toBe(text);
  });

  it("is a status live region, with a button to try at once while retrying", () => {
    const html = renderToStaticMarkup(<SaveStatus draft={{ saveState: { kind: "retrying", message: "x", nextAttemptAt: new Date(Date.now() + 4000) }, flush: async () => {} }} />);
    expect(html).toMatch(/<p class="govuk-body-s app-save-status__text" role="status">Not saved yet: we&#x27;ll try again in 4 seconds/);
    expect(html).toContain(">Try to save now</button>");
  });
});
