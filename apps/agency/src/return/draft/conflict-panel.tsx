import { Button, NotificationBanner, Radios } from "@complaints/ui";
import { useState, type FormEvent } from "react";
import { describeAnswer, describeClash } from "./describe-answer.ts";
import { conflictId } from "./draft-store.ts";
import type { Draft } from "./use-draft.ts";

type Choice = "yours" | "theirs";

/**
 * Answers someone else changed while this user changed them too: both shown, the user picks which
 * to keep, and the draft saves again (api `returns.saveChanges` with `from` = theirs). A GOV.UK
 * notification banner holding one radios question per clash. It does not take focus (the user may
 * be typing elsewhere); the save status announces it and links here.
 */
export function ConflictPanel({ draft }: { draft: Pick<Draft, "saveState" | "template" | "resolveConflicts"> }) {
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [missing, setMissing] = useState<string[]>([]);
  if (draft.saveState.kind !== "conflict") return null;
  const conflicts = draft.saveState.conflicts;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const unanswered = conflicts.map(conflictId).filter((id) => !choices[id]);
    setMissing(unanswered);
    if (unanswered.length > 0) {
      document.getElementById(`conflict-${conflicts.findIndex((c) => conflictId(c) === unanswered[0]) + 1}`)?.focus();
      return;
    }
    const first = conflicts[0];
    draft.resolveConflicts(choices);
    setChoices({});
    // The panel goes once resolved: put focus on the first answer it was about, if this page shows it.
    if (first?.kind === "value") document.getElementById(first.key)?.focus();
  }

  const heading = conflicts.length === 1 ? "Someone else changed an answer you also changed" : `Someone else changed ${conflicts.length} answers you also changed`;
  return (
    <NotificationBanner titleId="conflict-panel-title" attributes={{ id: "conflict-panel", tabindex: "-1" }}>
      <p className="govuk-notification-banner__heading">{heading}</p>
      <p className="govuk-body">Nothing has been saved over. Choose which answer to keep for each, then select ‘Keep these answers’.</p>
      <form noValidate onSubmit={onSubmit}>
        {conflicts.map((c, i) => {
          const id = conflictId(c);
          const name = `conflict-${i + 1}`;
          return (
            <Radios
              key={id}
              name={name}
              idPrefix={name}
              fieldset={{ legend: { text: describeClash(c), classes: "govuk-fieldset__legend--s" } }}
              errorMessage={missing.includes(id) ? { text: `Choose your answer or theirs for ${describeClash(c)}` } : false}
              value={choices[id] ?? ""}
              onChange={(event) => setChoices((current) => ({ ...current, [id]: event.target.value as Choice }))}
              items={[
                { value: "yours", text: `Your answer: ${describeAnswer(c, c.yours, draft.template)}` },
                { value: "theirs", text: `Their answer: ${describeAnswer(c, c.theirs, draft.template)}` },
              ]}
            />
          );
        })}
        <Button text="Keep these answers" />
      </form>
    </NotificationBanner>
  );
}
