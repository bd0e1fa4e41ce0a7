import { useEffect, useState } from "react";

/** Whether the menu button is in use: `null` until mounted (no JavaScript yet), then by screen width. */
export type MenuMode = null | "desktop" | "mobile";

/** govuk-frontend's tablet breakpoint (`--govuk-breakpoint-tablet` in its CSS), if the custom property is missing. */
const tabletBreakpoint = "40.0625rem";

/**
 * The menu button's attributes and whether the list is hidden, as service-navigation.mjs sets them
 * (`checkMode`): before JavaScript and on wide screens the button is hidden and the list shown; on
 * narrow screens the button shows, says whether the menu is open, and the list is hidden unless open.
 */
export function menuToggleState(mode: MenuMode, open: boolean): { button: { hidden?: true; "aria-hidden"?: "true"; "aria-expanded"?: boolean }; listHidden: boolean } {
  if (mode !== "mobile") return { button: { hidden: true, "aria-hidden": "true" }, listHidden: false };
  return { button: { "aria-expanded": open }, listHidden: !open };
}

/**
 * The menu's mode and open state, in React instead of service-navigation.mjs. The first render
 * (server or client) is the no-JavaScript markup; the mode follows the tablet media query after mount.
 */
export function useMenuToggle(enabled: boolean) {
  const [mode, setMode] = useState<MenuMode>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    const breakpoint = getComputedStyle(document.documentElement).getPropertyValue("--govuk-breakpoint-tablet").trim() || tabletBreakpoint;
    const query = window.matchMedia(`(min-width: ${breakpoint})`);
    const check = () => setMode(query.matches ? "desktop" : "mobile");
    check();
    query.addEventListener("change", check);
    return () => query.removeEventListener("change", check);
  }, [enabled]);
  return { ...menuToggleState(mode, open), toggle: () => setOpen((wasOpen) => !wasOpen) };
}
