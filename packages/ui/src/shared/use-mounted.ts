import { useEffect, useState } from "react";

/**
 * False on the server and in the first client render, true after: what govuk-frontend's scripts
 * change on init is changed after mount, so hydration matches the server HTML (the fixtures).
 */
export function useMounted(): boolean {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted;
}
