import { useMemo } from "react";
import { formatRetryIn, formatSavedTime } from "./saved-time.ts";
import type { Draft } from "./use-draft.ts";

/** The words for a save state; the retry delay is worked out once per attempt, so the live region does not chatter. */
export function saveStatusText(saveState: Draft["saveState"], now: Date): string {
  switch (saveState.kind) {
    case "idle":
      return "";
    case "saving":
      return "Saving…";
    case "saved":
      return `Saved at ${formatSavedTime(saveState.at)}`;
    case "retrying":
      return `Not saved yet: we'll try again ${formatRetryIn(saveState.nextAttemptAt, now)}. Your changes are kept in this browser.`;
    case "conflict":
      return `Not saved: someone else changed ${saveState.conflicts.length === 1 ? "an answer" : "answers"} you also changed. Choose which to keep.`;
    case "refused":
      return `Not saved: ${saveState.message} Your changes are kept in this browser.`;
  }
}

/**
 * When the draft was last saved, or why not, in a polite live region so screen readers hear it
 * without losing their place. While retrying, a button tries at once.
 */
export function SaveStatus({ draft }: { draft: Pick<Draft, "saveState" | "flush"> }) {
  const { saveState } = draft;
  const text = useMemo(() => saveStatusText(saveState, new Date()), [saveState]);
  return (
    <div className="app-save-status">
      <p className="govuk-body-s app-save-status__text" role="status">
        {text}
        {saveState.kind === "conflict" ? (
          <>
            {" "}
            <a className="govuk-link" href="#conflict-panel">
              Go to the answers that clash
            </a>
          </>
        ) : null}
      </p>
      {saveState.kind === "retrying" ? (
        <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-4" data-module="govuk-button" onClick={() => void draft.flush()}>
          Try to save now
        </button>
      ) : null}
    </div>
  );
}
