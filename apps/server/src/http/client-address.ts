/**
 * The address a request came from, for throttling sign-ins. Behind a load balancer
 * (`trustProxy`), the connection comes from the load balancer, which appends the address it saw
 * to X-Forwarded-For; anything to the left of that was sent by the client and can be forged, so
 * only the right-most entry is believed (MDN, "X-Forwarded-For: Selecting an IP address"). This
 * assumes exactly one proxy in front of the server, as in DESIGN.md's deployment.
 */
export function clientAddressOf(forwardedFor: string | undefined, socketAddress: string | undefined, trustProxy: boolean): string | undefined {
  if (trustProxy && forwardedFor) {
    const last = forwardedFor.split(",").at(-1)?.trim();
    if (last) return last;
  }
  return socketAddress;
}
