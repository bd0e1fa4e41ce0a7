import type { FieldDeclaration } from "@complaints/domain/browser";

/**
 * What every generated field gets: its declaration, the text the user sees (the draft's input),
 * the inline error to show, and a stable callback. Props are plain values so a memoised field
 * re-renders only when its own text or error changes (one field per keystroke, not the page).
 */
export interface FieldProps {
  field: FieldDeclaration;
  text: string;
  error?: string | undefined;
  readOnly: boolean;
  onInput(fieldId: string, text: string): void;
  /** Markers `[x]` / `[z]` need a note; fields that may take one get these. */
  note?: string | undefined;
  noteError?: string | undefined;
  onNote?(fieldId: string, note: string | null): void;
}

/** The hint under a label: the field's own, plus a line for a figure carried from last quarter. */
export function hintOf(field: FieldDeclaration, text: string): { children: React.ReactNode } | undefined {
  const carried = field.carriedFrom !== undefined && text !== "";
  if (!field.hint && !carried) return undefined;
  return {
    children: (
      <>
        {field.hint}
        {carried ? (
          <>
            {field.hint ? <br /> : null}
            <strong className="app-carried">Filled in from last quarter's return.</strong> Change it only if that figure was wrong.
          </>
        ) : null}
      </>
    ),
  };
}
