/**
 * The one vocabulary for ports and protocols: the profile parses flows with it, readers normalise
 * provider rules into it, and rules, the lock, its diff and the reports compare and print with it.
 * It imports nothing, so every part of the house (the profile included) may read it.
 */

export type Protocol = "tcp" | "udp" | "icmp" | "all";

/** An inclusive range of ports; one port is a range of one. */
export interface PortRange {
  readonly from: number;
  readonly to: number;
}

/**
 * The ICMP messages an ICMP rule admits: ICMP (4) or ICMPv6 (6), a type and a code; an undefined
 * type or code is every one. AWS writes them in a rule's port fields (from = type, to = code, -1 =
 * every one) or as an ACL's `icmpType`/`icmpCode`; Azure cannot name one, so its ICMP is every message.
 */
export interface IcmpMessages {
  readonly version: 4 | 6;
  readonly type?: number;
  readonly code?: number;
}

/** Something that carries traffic on a protocol and (unless every port) a range of ports. */
export interface Ported {
  readonly protocol: Protocol;
  /** Undefined for every port (any-port, or a protocol without ports). */
  readonly ports?: PortRange;
  /** For ICMP, the messages it is limited to (undefined: every ICMP message). */
  readonly icmp?: IcmpMessages;
}

/** A flow the tier model allows, as far as ports go: a protocol and the ranges it may use. */
export interface PortedFlow {
  readonly protocol: Protocol;
  readonly ports: readonly PortRange[];
}

export const EVERY_PORT: PortRange = { from: 0, to: 65535 };

/** Texts that mean every port in profiles and provider APIs. */
const EVERY_PORT_TEXT = /^(\*|any|all|-1|0-65535|1-65535)$/i;

/**
 * A port text as profiles and Azure write it: `443` or `8000-8080` is a range, `*` (or any other
 * spelling of every port) is `"every"`, anything else (out of 0-65535, reversed) is undefined.
 */
export function parsePortRange(text: string): PortRange | "every" | undefined {
  const t = text.trim();
  if (EVERY_PORT_TEXT.test(t)) return "every";
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(t);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = Number(m[2] ?? m[1]);
  return from <= to && to <= 65535 ? { from, to } : undefined;
}

/** `443`, or `8000-8080`. */
export function describePortRange(p: PortRange): string {
  return p.from === p.to ? String(p.from) : `${p.from}-${p.to}`;
}

export const portRangeWithin = (inner: PortRange, outer: PortRange): boolean =>
  outer.from <= inner.from && inner.to <= outer.to;

/** Every port of its protocol (ICMP has none, so it is never "any port"). */
export function isAnyPort(r: Ported): boolean {
  if (r.protocol === "icmp") return false;
  return r.ports === undefined || (r.ports.from <= 1 && r.ports.to >= 65535);
}

/** `icmp`, `icmp type 3 code 4`, `icmpv6 type 2`. */
function describeIcmp(m: IcmpMessages | undefined): string {
  if (m?.type === undefined) return m?.version === 6 ? "icmpv6" : "icmp";
  return `${m.version === 6 ? "icmpv6" : "icmp"} type ${m.type}${m.code === undefined ? "" : ` code ${m.code}`}`;
}

/**
 * Path MTU discovery's own message and nothing else: "fragmentation needed" (ICMP type 3 code 4)
 * or "packet too big" (ICMPv6 type 2, whose only code is 0). AWS documents admitting it from
 * anywhere so that hosts can learn a smaller MTU; it opens no port and carries no session.
 */
export function isPathMtuDiscovery(r: Ported): boolean {
  const m = r.icmp;
  if (r.protocol !== "icmp" || m?.type === undefined) return false;
  return m.version === 4 ? m.type === 3 && m.code === 4 : m.type === 2 && (m.code === undefined || m.code === 0);
}

/** `tcp/443`, `udp/any port`, `any protocol/any port`, `icmp`, `icmp type 3 code 4`. */
export function describePorted(r: Ported): string {
  if (r.protocol === "icmp") return describeIcmp(r.icmp);
  if (isAnyPort(r)) return `${r.protocol === "all" ? "any protocol" : r.protocol}/any port`;
  return `${r.protocol}/${describePortRange(r.ports!)}`;
}

/** The traffic reaches this port of this protocol. */
export function coversPort(r: Ported, port: number, protocol: "tcp" | "udp" = "tcp"): boolean {
  if (r.protocol !== "all" && r.protocol !== protocol) return false;
  return isAnyPort(r) || (r.ports!.from <= port && port <= r.ports!.to);
}

/** Everything `inner` carries, `outer` carries too (its protocol or all; its ports or wider). */
export function portedWithin(inner: Ported, outer: Ported): boolean {
  if (outer.protocol !== "all" && outer.protocol !== inner.protocol) return false;
  if (inner.protocol === "icmp" && outer.protocol === "icmp") return true;
  if (outer.ports === undefined) return true;
  return inner.ports !== undefined && portRangeWithin(inner.ports, outer.ports);
}

/** The rule's protocol is the flow's, and its ports lie within one of the flow's ranges. */
export function withinFlowPorts(r: Ported, f: PortedFlow): boolean {
  if (f.protocol !== r.protocol) return false;
  return r.protocol === "icmp" || (r.ports !== undefined && f.ports.some((p) => portRangeWithin(r.ports!, p)));
}
