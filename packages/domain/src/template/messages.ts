/**
 * Validation messages, keyed, with `{placeholders}` (after ONS eQ's keyed message catalogue).
 * Plain English; each names the fields by their question text so it makes sense read aloud.
 */
export const messages: Record<string, string> = {
  required: "Enter ‘{label}’, or [x] if it is not available or [z] if it does not apply",
  markerNeedsNote: "Add a note saying why ‘{label}’ is {marker} ({markerLabel})",
  flowBalance:
    "‘Open at the end of the quarter’ is {leftValue}, but open at the start plus received, minus withdrawn and closed at both stages, comes to {rightValue}",
  flowNotNegative:
    "More complaints were withdrawn or closed ({leftSecondValue}) than were open at the start of the quarter or received in it ({leftFirstValue})",
  outcomesAddUp: "{left} add up to {leftValue}, but ‘{right}’ is {rightValue}. They must be equal",
  partAtMostWhole: "{left} ({leftValue}) cannot be more than {right} ({rightValue})",
  escalatedAtMostOpen:
    "‘Escalated from early resolution to closer look’ ({leftValue}) cannot be more than the complaints open at the start plus those received ({rightValue})",
  themesCoverReceived:
    "The themes and ‘complaints with no theme recorded’ add up to {leftValue}, fewer than the {rightValue} complaints received. Each complaint should have at least one theme, or be counted as having none recorded",
  breakdownAddsUp: "‘{breakdown}’ adds up to {leftValue}, but ‘{total}’ is {rightValue}. They must be equal",
  amountNeedsCount: "‘{amount}’ is {amountValue}, but ‘{count}’ is 0. Enter how many payments made up the total",
  reviewerOutcomesAtMostReferred:
    "The independent reviewer's outcomes add up to {leftValue}, more than the {rightValue} complaints referred this quarter. Check the figures, or explain that some outcomes are for complaints referred earlier",
  groupItemIncomplete: "{item} is incomplete: enter {missing}, or leave all of it blank",
  specialPaymentNotOverThreshold:
    "‘{label}’ is {value}. List only special payments over {threshold} here; include smaller ones in the totals paid",
  specialPaymentOutsideQuarter:
    "‘{label}’ is {value}, which is not in {quarter}. List the special payments made in the quarter of this return, or explain why this one is here",
  carriedChanged:
    "‘{label}’ is {value}, but last quarter's ‘{fromLabel}’ as sent to the department is {previousValue}. Check it, or explain the difference",
  outlier:
    "‘{label}’ is {value}, far from your last {quarters} quarters (typically {median}). Check the figure, and explain it if it is right",
};

/** Fills `{name}` placeholders. An unknown placeholder is left visible so a test can catch it. */
export function formatMessage(key: string, values: Record<string, string | number>): string {
  const template = messages[key];
  if (template === undefined) throw new Error(`No message with key ${key}`);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
