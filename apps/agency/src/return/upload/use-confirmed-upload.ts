import { errorData, errorMessage } from "@complaints/client";
import { replacesFigures } from "@complaints/domain";
import { useState } from "react";
import type { FileOutcome } from "../../screening/file-outcome.tsx";
import type { UploadChange } from "./upload-outcome.tsx";

/** What the page says when the browser could not read the chosen file. */
export const unreadableFileMessage = "The selected file could not be read. It may have been moved or changed since you chose it: choose it again";

/** What a failed request says: each of its input's problems as the API words them, or its message. */
export function requestFailureMessage(error: unknown): string {
  const issues = errorData(error).issues;
  return issues && issues.length > 0 ? issues.map((i) => i.message).join(". ") : errorMessage(error);
}

/** What a dry run of a file came to: an outcome to show at once, or the changes it would make and what to send to make them. */
export type DryRun<Outcome, Pending> = { outcome: Outcome } | { changes: UploadChange[]; pending: Pending };

/** How a page sends its file: the dry run, the real send, and what a failed request tells the user. */
export interface ConfirmedUploadSteps<Done extends { kind: string }, Pending, Choice> {
  /** Why a chosen file cannot be sent, said before sending it, or null; `missing` when none is chosen. */
  fileProblem(file: File | null): string | null;
  missing: string;
  /** Sends the file as a dry run and reads the answer. */
  check(file: File, choice: Choice): Promise<DryRun<FileOutcome<Done>, Pending>>;
  /** Sends a checked file for real and reads the answer. */
  send(pending: Pending, fileName: string): Promise<FileOutcome<Done>>;
  /** What a request that threw comes to (and anything the page does about it, such as reading the return again). */
  failed(error: unknown): FileOutcome<Done>;
  /** The outcome the page opens with. */
  initial?: () => FileOutcome<Done>;
  /** Told each finished upload's outcome (not the clearing of one). */
  onFinish?: (outcome: FileOutcome<Done>) => void;
  /** Told when an upload (checked, and sent if it did not need asking about) is over, however it ended. */
  onSettled?: () => void;
}

/** A checked file that would replace figures the draft already holds, waiting for "Replace the figures" or "Cancel". */
interface Question<Pending> {
  fileName: string;
  changes: UploadChange[];
  pending: Pending;
}

/**
 * Where an upload is: nothing happening (showing the last outcome, if any), the file being checked
 * by a dry run, the question waiting for an answer, or the file being sent for real (after the
 * question, which stays on screen meanwhile, or at once when the file replaces nothing).
 */
type Stage<Pending> = { kind: "idle" } | { kind: "checking" } | { kind: "confirming"; question: Question<Pending> } | { kind: "sending"; question: Question<Pending> | null };

/**
 * The upload pages' one flow: choose a file, send it as a dry run, ask before it replaces figures
 * the draft already holds (ConfirmReplace) and send it for real on "Replace the figures", or at
 * once when it replaces none; then show the outcome. `attempt` counts outcomes, so the error
 * summary takes focus again for a second failure that reads the same.
 */
export function useConfirmedUpload<Done extends { kind: string }, Pending, Choice = void>(steps: ConfirmedUploadSteps<Done, Pending, Choice>) {
  const [outcome, setOutcome] = useState<FileOutcome<Done>>(() => steps.initial?.() ?? { kind: "none" });
  const [attempt, setAttempt] = useState(0);
  const [chosenProblem, setChosenProblem] = useState<string | null>(null);
  const [stage, setStage] = useState<Stage<Pending>>({ kind: "idle" });
  const busy = stage.kind === "checking" || stage.kind === "sending";
  const question = stage.kind === "confirming" || stage.kind === "sending" ? stage.question : null;

  function finish(next: FileOutcome<Done>) {
    setOutcome(next);
    setAttempt((a) => a + 1);
    steps.onFinish?.(next);
  }

  function choose(file: File | null) {
    // Said at once, before the button: the browser can tell these without sending the file.
    setChosenProblem(file ? steps.fileProblem(file) : null);
    if (outcome.kind === "not-sent") setOutcome({ kind: "none" });
  }

  async function upload(file: File | null, choice: Choice) {
    const problem = steps.fileProblem(file);
    if (problem || !file) return finish({ kind: "not-sent", message: problem ?? steps.missing });
    setChosenProblem(null);
    setStage({ kind: "checking" });
    let next: Stage<Pending> = { kind: "idle" };
    try {
      // A dry run first: a file that would replace figures the draft holds is asked about before it does.
      const checked = await steps.check(file, choice);
      if ("outcome" in checked) return finish(checked.outcome);
      if (replacesFigures(checked.changes)) {
        setOutcome({ kind: "none" });
        next = { kind: "confirming", question: { fileName: file.name, changes: checked.changes, pending: checked.pending } };
        return;
      }
      setStage({ kind: "sending", question: null });
      finish(await steps.send(checked.pending, file.name));
    } catch (error) {
      finish(steps.failed(error));
    } finally {
      setStage(next);
      steps.onSettled?.();
    }
  }

  async function confirm() {
    if (!question) return;
    setStage({ kind: "sending", question });
    try {
      finish(await steps.send(question.pending, question.fileName));
    } catch (error) {
      finish(steps.failed(error));
    } finally {
      setStage({ kind: "idle" });
    }
  }

  /** The question for ConfirmReplace (with the page's fields), or null when there is none. */
  const confirmation = question
    ? { fileName: question.fileName, changes: question.changes, busy, onConfirm: () => void confirm(), onCancel: () => setStage({ kind: "idle" }) }
    : null;

  return { outcome, attempt, busy, chosenProblem, confirmation, choose, upload };
}
