import ipaddr from "ipaddr.js";
import { WIDE_SOURCE_PREFIX } from "../catalog/limits";
import type { Endpoint } from "./model";
import { OPAQUE_SECRET } from "./values";

/**
 * Address ranges judged by what they hold, not by how they are written: the one place that says
 * which addresses are inside an estate (private), which are the internet, how wide a source must
 * be to count as the internet, and how ranges split across entries or rules add up.
 *
 * - A range is inside (private) only when every address of it lies in the blocks below; a range
 *   that reaches one public address is outside (`10.0.0.0/7` holds 11.0.0.0/8, so it is public).
 * - A set of ranges is the internet when together they cover every routable public address of a
 *   family (`0.0.0.0/1` + `128.0.0.0/1`, or a list of every public block, are the internet).
 * - A set of ranges is as wide as the internet when its public addresses, counted once however the
 *   ranges overlap, are at least a /16 of IPv4 or a /48 of IPv6 (catalog/limits.ts): two /17s of
 *   one group on one port add up to a /16.
 */

type Family = "ipv4" | "ipv6";

/** An inclusive interval of addresses of one family. */
interface Span {
  readonly family: Family;
  readonly first: bigint;
  readonly last: bigint;
}

const BITS: Record<Family, number> = { ipv4: 32, ipv6: 128 };

/**
 * Blocks that are never the internet: private (RFC 1918), shared address space (RFC 6598, the
 * carrier-grade NAT range, which AWS and Azure accept for VPCs and VNets), loopback, link-local,
 * and IPv6 unique local addresses (RFC 4193, fc00::/7, which holds fd00::/8).
 */
export const INSIDE_BLOCKS: readonly string[] = [
  "10.0.0.0/8",
  "172.16.0.0/12",
  "192.168.0.0/16",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "fc00::/7",
  "fe80::/10",
  "::1/128",
];

/**
 * Public space no internet host can send from: "this network" (0.0.0.0/8) and multicast and the
 * reserved blocks above it (224.0.0.0/3); for IPv6, everything outside global unicast (2000::/3).
 * A set of ranges that covers every public address but these is the internet.
 */
const UNROUTED: readonly string[] = ["0.0.0.0/8", "224.0.0.0/3", "::/3", "4000::/2", "8000::/1"];

const toBigInt = (bytes: number[]) => bytes.reduce((n, b) => (n << 8n) | BigInt(b), 0n);

/** Four decimal parts of 0-255 without leading zeros (`010.0.0.0` is octal to some parsers: not read). */
const STRICT_IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/**
 * A CIDR (`10.0.0.0/16`, `0.0.0.0/00`, `0::0/0`) or a bare address (as Azure accepts it), as the
 * interval it covers; undefined for anything else (a service tag, a typo, an octal-looking part).
 */
function spanOf(text: string): (Span & { readonly prefix: number }) | undefined {
  if (!SPANS.has(text)) {
    // Rules judge the same few ranges many times over (every rule against every subnet): parse each once.
    if (SPANS.size > 10_000) SPANS.clear();
    SPANS.set(text, parseSpan(text));
  }
  return SPANS.get(text);
}
const SPANS = new Map<string, (Span & { readonly prefix: number }) | undefined>();

function parseSpan(text: string): (Span & { readonly prefix: number }) | undefined {
  const [address, bits, ...rest] = text.trim().split("/");
  if (address === undefined || rest.length > 0) return undefined;
  try {
    const ip = ipaddr.parse(address);
    const family = ip.kind();
    if (family === "ipv4" && !STRICT_IPV4.test(address)) return undefined;
    const width = BITS[family];
    if (bits !== undefined && !/^\d{1,3}$/.test(bits)) return undefined;
    const prefix = bits === undefined ? width : Number(bits);
    if (prefix > width) return undefined;
    const host = (1n << BigInt(width - prefix)) - 1n;
    const first = toBigInt(ip.toByteArray()) & ~host;
    return { family, first, last: first | host, prefix };
  } catch {
    return undefined;
  }
}

/** True for a CIDR or a bare address, in either family. */
export const isCidr = (text: string): boolean => spanOf(text) !== undefined;

/** True when `inner` lies entirely inside `outer` (both CIDRs or addresses of one family). */
export function cidrWithin(inner: string, outer: string): boolean {
  const a = spanOf(inner);
  const b = spanOf(outer);
  return a !== undefined && b !== undefined && a.family === b.family && b.first <= a.first && a.last <= b.last;
}

/** True when two ranges share an address. */
export function cidrsOverlap(a: string, b: string): boolean {
  const x = spanOf(a);
  const y = spanOf(b);
  return x !== undefined && y !== undefined && x.family === y.family && x.first <= y.last && y.first <= x.last;
}

/** Sorted, disjoint intervals covering the same addresses (per family). */
function merged(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  const sorted = [...spans].sort((a, b) =>
    a.family !== b.family ? (a.family < b.family ? -1 : 1) : a.first < b.first ? -1 : a.first > b.first ? 1 : 0,
  );
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && last.family === s.family && s.first <= last.last + 1n) {
      if (s.last > last.last) out[out.length - 1] = { ...last, last: s.last };
    } else out.push(s);
  }
  return out;
}

/** The parts of `spans` not in `minus` (already merged). */
function without(spans: readonly Span[], minus: readonly Span[]): Span[] {
  let out = merged(spans);
  for (const m of minus) {
    out = out.flatMap((s): Span[] => {
      if (s.family !== m.family || m.last < s.first || s.last < m.first) return [s];
      return [
        ...(s.first < m.first ? [{ ...s, last: m.first - 1n }] : []),
        ...(m.last < s.last ? [{ ...s, first: m.last + 1n }] : []),
      ];
    });
  }
  return out;
}

const spans = (cidrs: readonly string[]): Span[] =>
  cidrs.map(spanOf).filter((s): s is Span & { prefix: number } => !!s);
const INSIDE = merged(spans(INSIDE_BLOCKS));
const EVERYTHING: Span[] = [
  { family: "ipv4", first: 0n, last: (1n << 32n) - 1n },
  { family: "ipv6", first: 0n, last: (1n << 128n) - 1n },
];
/** Every address an internet host can send from, per family. */
const INTERNET = without(EVERYTHING, merged([...INSIDE, ...spans(UNROUTED)]));

const size = (ss: readonly Span[], family: Family) =>
  ss.filter((s) => s.family === family).reduce((n, s) => n + (s.last - s.first + 1n), 0n);

/** True for a CIDR or address that lies entirely inside private space (see INSIDE_BLOCKS). */
export function isInside(cidr: string): boolean {
  const s = spanOf(cidr);
  // The blocks are merged and disjoint: a contiguous range inside their union lies in one of them.
  return s !== undefined && INSIDE.some((b) => b.family === s.family && b.first <= s.first && s.last <= b.last);
}

/** The public addresses the ranges hold together, counted once, per family. */
export function publicAddresses(cidrs: readonly string[]): { readonly ipv4: bigint; readonly ipv6: bigint } {
  const outside = without(spans(cidrs), INSIDE);
  return { ipv4: size(outside, "ipv4"), ipv6: size(outside, "ipv6") };
}

/** Together the ranges hold every address an internet host can send from, in IPv4 or in IPv6. */
export function coversInternet(cidrs: readonly string[]): boolean {
  const left = without(INTERNET, merged(spans(cidrs)));
  return (["ipv4", "ipv6"] as const).some((f) => size(left, f) === 0n);
}

/** Together the ranges are as wide as the internet: they cover it, or hold at least a /16 (IPv4) or /48 (IPv6) of public addresses. */
export function isWideRange(cidrs: readonly string[]): boolean {
  const n = publicAddresses(cidrs);
  return (
    coversInternet(cidrs) ||
    n.ipv4 >= 1n << BigInt(32 - WIDE_SOURCE_PREFIX.ipv4) ||
    n.ipv6 >= 1n << BigInt(128 - WIDE_SOURCE_PREFIX.ipv6)
  );
}

/**
 * An IPv4 range (`first`-`last`, or one CIDR as both) as how many addresses it holds and whether
 * any of them is public; undefined when it cannot be read.
 */
export function ipv4Range(
  first: string,
  last: string,
): { readonly addresses: number; readonly public: boolean } | undefined {
  const lo = spanOf(first);
  const hi = first.includes("/") ? lo : spanOf(last);
  if (!lo || !hi || lo.family !== "ipv4" || hi.family !== "ipv4") return undefined;
  const span: Span = { family: "ipv4", first: lo.first, last: first.includes("/") ? lo.last : hi.last };
  if (span.last < span.first) return undefined;
  return { addresses: Number(span.last - span.first + 1n), public: without([span], INSIDE).length > 0 };
}

const JUDGED = "judged as the internet)";

/**
 * A network peer the reader cannot read, as posture/unknown.ts says of a network peer: the
 * internet. A secret kept as ciphertext keeps its own marker; a value not known until apply, or
 * one that is no address, names the property it sits in, so the verdict says where to look.
 */
export function unreadableAddress(
  property: string,
  why: "unknown" | "secret" | "shape" = "unknown",
  value = "",
): Endpoint {
  if (why === "secret") return { kind: "unknown", ref: OPAQUE_SECRET };
  const what = why === "unknown" ? "an address not known until apply" : `"${value}" is not an address`;
  return { kind: "unknown", ref: `${property} (${what}: ${JUDGED}` };
}

/** An address the pack cannot read (a secret, not known until apply, not an address): the internet, not a group. */
export const isUnreadableAddress = (e: Endpoint): boolean =>
  e.kind === "unknown" && (e.ref === OPAQUE_SECRET || e.ref.endsWith(JUDGED));
