/**
 * What an error summary link does instead of jumping to its anchor (govuk-frontend
 * error-summary.mjs `focusTarget`): scroll the field's legend or label into view, so the question
 * is seen, and focus the field. Returns false when the link is left to the browser.
 */
export function focusField(link: HTMLAnchorElement): boolean {
  const targetId = decodeURIComponent(link.hash.replace("#", ""));
  if (!targetId) return false;
  const target = document.getElementById(targetId);
  if (!target) return false;
  // Our addition: a link to a group (a date input's or a fieldset's id) focuses its first field.
  const input = isField(target) ? target : target.querySelector<HTMLElement>("input, select, textarea");
  if (!input) return false;
  const legendOrLabel = associatedLegendOrLabel(input);
  if (!legendOrLabel) return false;
  legendOrLabel.scrollIntoView();
  input.focus({ preventScroll: true });
  return true;
}

function isField(element: HTMLElement): boolean {
  return element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement;
}

/**
 * The fieldset's legend for radios and checkboxes, and for other fields when the legend and the
 * field fit in half the window together; otherwise the field's own label (error-summary.mjs
 * `getAssociatedLegendOrLabel`).
 */
function associatedLegendOrLabel(input: HTMLElement): HTMLElement | null {
  const legend = input.closest("fieldset")?.getElementsByTagName("legend")[0];
  if (legend) {
    if (input instanceof HTMLInputElement && (input.type === "checkbox" || input.type === "radio")) return legend;
    const legendTop = legend.getBoundingClientRect().top;
    const inputRect = input.getBoundingClientRect();
    if (inputRect.height && window.innerHeight && inputRect.top + inputRect.height - legendTop < window.innerHeight / 2) return legend;
  }
  return document.querySelector<HTMLElement>(`label[for='${CSS.escape(input.id)}']`) ?? input.closest("label");
}
