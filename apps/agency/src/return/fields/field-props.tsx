import type { FieldDeclaration } from "@complaints/domain";

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
  /** A figure computed from the body's case file links to the cases behind it. */
  cases?: CaseLink | undefined;
}

/** Where a computed figure's cases are listed, and the figure's full label, which the link names for screen readers. */
export interface CaseLink {
  href: string;
  /** "Complaints received by channel: Email", even where a breakdown shows the cell as "Email". */
  of: string;
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
