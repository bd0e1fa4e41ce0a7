import { useEffect, useRef, type RefObject } from "react";

/** How long to wait for a page's heading after a navigation (pages load their data first). */
const headingWait = 10_000;

/**
 * After an in-app navigation, moves focus to the new page's main heading, as a full page load
 * would leave a screen reader at the top of the new page (GOV.UK's single-page guidance): the
 * heading gets tabindex="-1" and focus once it appears inside `main`. Not on the first page
 * loaded, and not when `key` is null (a link to a figure on a page, `flow#received`, scrolls to
 * that figure instead). A page that moved focus itself (an error summary, a figure) keeps it.
 *
 * `redirected` says the address was replaced rather than navigated to. A redirect the app makes
 * by itself while the first page loads (`/tracker` to the latest quarter's tracker) is still that
 * first page, so focus stays at the start of the document; one that follows something the person
 * did on this page (moved focus, as in signing in) or an earlier navigation is a navigation. The
 * browser's own user activation cannot tell: Chromium carries it over same-origin page loads.
 */
export function useFocusHeadingOnNavigate(key: string | null, main: RefObject<HTMLElement | null>, redirected = false): void {
  const firstLoad = useRef(true);
  const firstRender = useRef(true);
  // Read when the key changes, not a reason to run again: a change of search alone keeps the page.
  const latestRedirected = useRef(redirected);
  useEffect(() => {
    latestRedirected.current = redirected;
  });
  const personActed = useRef(false);
  useEffect(() => {
    const note = () => {
      personActed.current = true;
    };
    document.addEventListener("focusin", note);
    document.addEventListener("pointerdown", note);
    return () => {
      document.removeEventListener("focusin", note);
      document.removeEventListener("pointerdown", note);
    };
  }, []);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (firstLoad.current && latestRedirected.current && !personActed.current) return;
    firstLoad.current = false;
    const container = main.current;
    if (key === null || !container) return;
    const focusHeading = (): boolean => {
      const active = document.activeElement;
      if (active && active !== document.body && active !== container && container.contains(active)) return true;
      const heading = container.querySelector("h1");
      if (!heading) return false;
      if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
      heading.focus();
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(container, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), headingWait);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [key, main]);
}
