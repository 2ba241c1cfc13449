import { cidrsOverlap, cidrWithin, isCidr, isInside, isUnreadableAddress, isWideRange } from "../../../posture/cidr";
import type { CaPolicyPosture, Endpoint, NetworkPosture, NetworkRule, Origin } from "../../../posture/model";
import { describeEndpoint } from "../../../posture/model";
import { describePorted, type Ported } from "../../../posture/ports";
import { UNKNOWN_MEANS } from "../../../posture/unknown";

/** True for a CIDR inside private address space (every address of it: see posture/cidr.ts): a network, not a tier. */
export const isPrivateCidr = (cidr: string): boolean => isInside(cidr);

/** Traffic from here comes from outside the estate: the internet, anywhere, or a public range. */
export function isOutside(e: Endpoint): boolean {
  // A prefix list whose entries the stack does not hold may list any address (fail closed).
  if (e.kind === "internet" || e.kind === "any" || e.kind === "prefix-list" || e.kind === "service-tag") return true;
  // An address the pack cannot read (a secret, not known until apply) may be anywhere (fail closed).
  if (isUnreadableAddress(e)) return true;
  // A non-CIDR address is a narrow service tag (such as AzureLoadBalancer), not the internet.
  return e.kind === "cidr" && isCidr(e.cidr) && !isInside(e.cidr);
}

/**
 * Open to the internet, or to sources as wide (see posture/cidr.ts): what a mandatory block is for
 * when no tier says otherwise. A narrower public range (an office's /32) is outside, but it is an
 * allow-list: zero-trust advice, not a block.
 */
export function isWideOpen(e: Endpoint): boolean {
  if (!isOutside(e)) return false;
  // A prefix list the stack does not hold is outside, but how wide is unknown: into a tier it is
  // blocked like any undeclared source; elsewhere it is advice, not a block on a guess.
  if (e.kind === "prefix-list") return false;
  return e.kind !== "cidr" || isWideRange([e.cidr]);
}

/** Two rules carry some of the same traffic: a protocol in common, and ports that meet. */
function sameTraffic(a: Ported, b: Ported): boolean {
  if (a.protocol !== "all" && b.protocol !== "all" && a.protocol !== b.protocol) return false;
  if (a.ports === undefined || b.ports === undefined) return true;
  return a.ports.from <= b.ports.to && b.ports.from <= a.ports.to;
}

const endKey = (e: Endpoint) => JSON.stringify(e);

/**
 * The public ranges that let traffic into one group, on traffic the rule carries (`on`: a port it
 * must reach, or any port it shares), added up: a source split into narrow pieces across entries
 * or rules is as wide as its pieces together. The rules of the same group and direction count.
 */
export function publicSourcesTogether(
  r: NetworkRule,
  rules: readonly NetworkRule[],
  on: (o: NetworkRule) => boolean = (o) => sameTraffic(o, r),
): string[] {
  if (r.from.kind !== "cidr" || !isOutside(r.from)) return [];
  return (publicAllowsByGroup(rules).get(groupKey(r)) ?? []).filter(on).map((o) => (o.from as { cidr: string }).cidr);
}

/** Which rules add up: allows of one direction into one end of one group. */
const groupKey = (r: NetworkRule) => `${r.direction} ${r.group ?? ""} ${endKey(r.to)}`;
const byGroup = new WeakMap<readonly NetworkRule[], Map<string, NetworkRule[]>>();
/** The allows from public ranges, by the group and end they let into (built once per list of rules). */
function publicAllowsByGroup(rules: readonly NetworkRule[]): Map<string, NetworkRule[]> {
  let groups = byGroup.get(rules);
  if (!groups) {
    groups = new Map();
    for (const o of rules)
      if (o.access === "allow" && o.from.kind === "cidr" && isOutside(o.from))
        groups.set(groupKey(o), [...(groups.get(groupKey(o)) ?? []), o]);
    byGroup.set(rules, groups);
  }
  return groups;
}

/** The rule's source, added up with the group's other public sources on the same traffic, is as wide as the internet. */
export const wideTogether = (r: NetworkRule, rules: readonly NetworkRule[], on?: (o: NetworkRule) => boolean) =>
  isWideRange(publicSourcesTogether(r, rules, on));

/** The tiers a subnet holds: its own (tag, hosts) and those of the NSGs put over it. */
const subnetTiers = (s: NetworkPosture["subnets"][number]) => [
  ...s.tiers,
  ...s.associations.flatMap((a) => (a.group.kind === "tier" ? [a.group.tier] : [])),
];

/**
 * The tiers a network end lets in by its addresses. The whole virtual network (the VirtualNetwork
 * tag), a range that covers a whole VPC or VNet of the stack, or one that covers every subnet of
 * one (two at least), is every tier: the tier model cannot hold it to any. Any other range reaches
 * the tiers of the subnets it overlaps. `why` says how the pack knows, for the message.
 */
export function tiersByAddress(e: Endpoint, network: NetworkPosture): { every: boolean; tiers: string[]; why: string } {
  if (e.kind === "vnet") return { every: true, tiers: [], why: "the whole virtual network" };
  if (e.kind !== "cidr" || !isCidr(e.cidr)) return { every: false, tiers: [], why: "" };
  if (network.spaces.length === 0 && network.subnets.length === 0) return { every: false, tiers: [], why: "" };
  const space = network.spaces.find((n) => n.prefixes.length > 0 && n.prefixes.every((p) => cidrWithin(p, e.cidr)));
  if (space) return { every: true, tiers: [], why: `the whole address space of ${resourceName(space.origin)}` };
  for (const subnets of subnetsByNetwork(network).values())
    if (subnets.length >= 2 && subnets.every((s) => s.prefixes.every((p) => cidrWithin(p, e.cidr))))
      return { every: true, tiers: [], why: `every subnet of its network (${subnets.map((s) => s.name).join(", ")})` };
  const tiers = network.subnets
    .filter((s) => s.kind === "subnet" && s.prefixes.some((p) => cidrsOverlap(p, e.cidr)))
    .flatMap(subnetTiers);
  return { every: false, tiers: [...new Set(tiers)].sort(), why: "the subnets it overlaps" };
}

const networks = new WeakMap<NetworkPosture, Map<string, NetworkPosture["subnets"][number][]>>();
/** The subnets with addresses of each network (built once per posture). */
function subnetsByNetwork(network: NetworkPosture): Map<string, NetworkPosture["subnets"][number][]> {
  let byNetwork = networks.get(network);
  if (!byNetwork) {
    byNetwork = new Map();
    for (const s of network.subnets.filter((s) => s.kind === "subnet" && s.network && s.prefixes.length))
      byNetwork.set(s.network!, [...(byNetwork.get(s.network!) ?? []), s]);
    networks.set(network, byNetwork);
  }
  return byNetwork;
}

/** The one tier whose subnet a range lies within (the tier talking to itself by address), if any. */
export function tierOfRange(cidr: string, network: NetworkPosture): string | undefined {
  const holders = network.subnets.filter((s) => s.kind === "subnet" && s.prefixes.some((p) => cidrWithin(cidr, p)));
  const tiers = [...new Set(holders.flatMap(subnetTiers))];
  return holders.length > 0 && tiers.length === 1 ? tiers[0] : undefined;
}

/** An internet-side endpoint stays within a flow's declared CIDRs (no CIDRs declared: anywhere). */
export function withinDeclared(e: Endpoint, cidrs: readonly string[] | undefined): boolean {
  if (!cidrs || cidrs.length === 0) return true;
  return e.kind === "cidr" && cidrs.some((c) => cidrWithin(e.cidr, c));
}

export const tierOf = (e: Endpoint): string | undefined => (e.kind === "tier" ? e.tier : undefined);

/** "AWS SecurityGroupIngressRule web-in" — how findings name a resource. */
export function resourceName(o: Origin): string {
  return `${o.type.split(":").pop()} '${o.name}'`;
}

/** `web → app on tcp/8443`; with what could not be read and what it counts as (posture/unknown.ts). */
export function describeFlow(r: NetworkRule): string {
  const unread = (r.unread ?? []).map(
    (u) => `${u.property} cannot be read yet, so counts as ${UNKNOWN_MEANS[u.kind].means}`,
  );
  return `${describeEndpoint(r.from)} → ${describeEndpoint(r.to)} on ${describePorted(r)}${unread.length ? ` (${unread.join("; ")})` : ""}`;
}

export const isAllowRule = (r: NetworkRule) => r.access === "allow";

/**
 * Users and apps both "All", with no condition that narrows who or what is covered. An
 * authentication-flow condition narrows too, unless the caller is asking about that very flow.
 */
export function coversEveryoneEverywhere(
  p: CaPolicyPosture,
  allowedExclusions: ReadonlySet<string>,
  ignoreFlows = false,
): boolean {
  const excluded = [...p.users.exclude, ...p.users.excludeGroups, ...p.users.excludeRoles];
  return (
    p.users.include.includes("All") &&
    !p.users.excludesGuests &&
    excluded.every((id) => allowedExclusions.has(id)) &&
    p.apps.include.includes("All") &&
    p.apps.exclude.length === 0 &&
    p.userRiskLevels.length === 0 &&
    p.signInRiskLevels.length === 0 &&
    p.deviceFilter === undefined &&
    (ignoreFlows || p.authenticationFlows.length === 0) &&
    p.apps.userActions.length === 0 &&
    (p.platforms === undefined || (p.platforms.include.includes("all") && p.platforms.exclude.length === 0)) &&
    (p.locations === undefined || (p.locations.include.includes("All") && p.locations.exclude.length === 0))
  );
}

export const blocks = (p: CaPolicyPosture) => p.grant?.builtIn.includes("block") === true;
