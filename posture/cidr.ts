import ipaddr from "ipaddr.js";

/** True when `inner` lies entirely inside `outer` (both CIDRs of one address family). */
export function cidrWithin(inner: string, outer: string): boolean {
  try {
    const [a, aBits] = ipaddr.parseCIDR(inner);
    const [b, bBits] = ipaddr.parseCIDR(outer);
    return a.kind() === b.kind() && aBits >= bBits && a.match(b, bBits);
  } catch {
    return false;
  }
}

export function isCidr(text: string): boolean {
  try {
    ipaddr.parseCIDR(text);
    return true;
  } catch {
    return false;
  }
}
