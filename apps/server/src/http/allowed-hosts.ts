/** Host names the server always answers for, with any port, so `npm start` and the tests work. */
export const localHostNames = ["localhost", "127.0.0.1", "[::1]"] as const;

/** The host name in a `Host` header or an ALLOWED_HOSTS entry, lower-cased and without a port; null if it is not one. */
export function hostNameOf(host: string): string | null {
  if (host === "" || /[\s/?#@\\]/.test(host)) return null;
  try {
    return new URL(`http://${host}`).hostname.replace(/\.$/, "");
  } catch {
    return null;
  }
}

/**
 * Whether a request's `Host` is one of ours. Answering only for known names defeats DNS
 * rebinding, where a page on another site re-points its own name at this server so the browser
 * treats the server as same-origin with it (the same check as Vite's `server.allowedHosts`).
 */
export function isAllowedHost(hostHeader: string | undefined, allowedHosts: readonly string[]): boolean {
  const name = hostHeader === undefined ? null : hostNameOf(hostHeader);
  if (name === null) return false;
  return (localHostNames as readonly string[]).includes(name) || allowedHosts.includes(name);
}
