/** The parts of a DOM element that setFocus uses (an HTMLElement; a stand-in in tests). */
export interface Focusable {
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  addEventListener(type: "focus" | "blur", listener: () => void, options?: { once?: boolean }): void;
  focus(): void;
}

/**
 * Moves focus to an element that may not be focusable, as govuk-frontend's `setFocus` does
 * (common/index.mjs): a temporary `tabindex="-1"`, removed again when focus leaves.
 */
export function setFocus(element: Focusable, options: { onBeforeFocus?: () => void; onBlur?: () => void } = {}) {
  const isFocusable = element.getAttribute("tabindex");
  if (!isFocusable) element.setAttribute("tabindex", "-1");
  element.addEventListener(
    "focus",
    () =>
      element.addEventListener(
        "blur",
        () => {
          options.onBlur?.();
          if (!isFocusable) element.removeAttribute("tabindex");
        },
        { once: true },
      ),
    { once: true },
  );
  options.onBeforeFocus?.();
  element.focus();
}
