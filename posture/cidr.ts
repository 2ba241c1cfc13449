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

/**
 * An IPv4 range (`first`-`last`, or one CIDR as both) as how many addresses it holds and whether
 * any of them is public; undefined when it cannot be read.
 */
export function ipv4Range(
  first: string,
  last: string,
): { readonly addresses: number; readonly public: boolean } | undefined {
  try {
    const toInt = (ip: ipaddr.IPv4) => ip.octets.reduce((n, o) => n * 256 + o, 0);
    let lo: number;
    let hi: number;
    if (first.includes("/")) {
      const [, bits] = ipaddr.IPv4.parseCIDR(first);
      lo = toInt(ipaddr.IPv4.networkAddressFromCIDR(first));
      hi = lo + 2 ** (32 - bits) - 1;
    } else {
      lo = toInt(ipaddr.IPv4.parse(first));
      hi = toInt(ipaddr.IPv4.parse(last));
    }
    if (hi < lo) return undefined;
    const text = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");
    // Public unless both ends sit in one private block (a range spanning blocks crosses public space).
    const privateBlock = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "169.254.0.0/16"].find(
      (b) =>
        ipaddr.IPv4.parse(text(lo)).match(ipaddr.IPv4.parseCIDR(b)) &&
        ipaddr.IPv4.parse(text(hi)).match(ipaddr.IPv4.parseCIDR(b)),
    );
    return { addresses: hi - lo + 1, public: privateBlock === undefined };
  } catch {
    return undefined;
  }
}
