import type { Endpoint, NetworkRule, TierGroup, UnreadProperty } from "../model";
import type { IcmpMessages, PortRange, Protocol } from "../ports";
import { coversInternet, isCidr, unreadableAddress } from "../cidr";
import type { ResourceIndex } from "../index-resources";
import type { PlannedResource } from "../resource";
import { arr, isUnknown, num, obj, OPAQUE_SECRET, plain, str, strs, UNKNOWN_VALUE } from "../values";
import { endpointsOf, originOf, tierTag } from "./origin";
import type { ReaderDeclaration } from "./registry";

export const AWS = {
  securityGroup: "aws:ec2/securityGroup:SecurityGroup",
  /** The VPC's default group, managed as a resource of its own: same rules as any group. */
  defaultSecurityGroup: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
  ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
  egressRule: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
  legacyRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
  prefixList: "aws:ec2/managedPrefixList:ManagedPrefixList",
  prefixListEntry: "aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry",
} as const;

/** Types that are a security group (their own inline rules, and what rules attach to). */
const GROUP_TYPES: readonly string[] = [AWS.securityGroup, AWS.defaultSecurityGroup];

/**
 * AWS protocols as the EC2 API reads them: a name in any case or an IP protocol number, as a string
 * or a number; `-1` and `all` are every protocol. ICMPv6 is ICMP of version 6. Another protocol
 * (ESP, GRE...) is outside the posture's vocabulary and is read as every protocol (fail closed), as
 * is a protocol that cannot be read (posture/unknown.ts).
 */
const PROTOCOLS: Record<string, { protocol: Protocol; version?: 4 | 6 }> = {
  "-1": { protocol: "all" },
  all: { protocol: "all" },
  tcp: { protocol: "tcp" },
  "6": { protocol: "tcp" },
  udp: { protocol: "udp" },
  "17": { protocol: "udp" },
  icmp: { protocol: "icmp", version: 4 },
  "1": { protocol: "icmp", version: 4 },
  icmpv6: { protocol: "icmp", version: 6 },
  "58": { protocol: "icmp", version: 6 },
};

function readProtocol(v: unknown): { protocol: Protocol; version?: 4 | 6 } {
  const n = num(v);
  const text = n !== undefined ? String(n) : str(v)?.trim().toLowerCase();
  return (text !== undefined && PROTOCOLS[text]) || { protocol: "all" };
}

export function protocolOf(v: unknown): Protocol {
  return readProtocol(v).protocol;
}

/** A port as AWS reads it: a number (or its text) in 0-65535; -1 and anything unreadable are undefined. */
const portOf = (v: unknown): number | undefined => {
  const n = num(v);
  return n === undefined || n < 0 || n > 65535 ? undefined : n;
};

/**
 * The ports a rule opens, as AWS reads them: every port for every protocol, for -1, for a port
 * not known until apply, or for a range that cannot be a range (fail closed); 0-65535 is a range
 * that holds every port (isAnyPort says so). ICMP has no ports: its fields are the message (icmpOf).
 */
export function portsOf(protocol: Protocol, from: unknown, to: unknown): PortRange | undefined {
  const f = portOf(from);
  const t = portOf(to);
  if (protocol === "all" || protocol === "icmp" || f === undefined || t === undefined || f > t) return undefined;
  return { from: f, to: t };
}

/** The ICMP messages an AWS rule admits: its type and code (-1, or unreadable, for every one). */
export function icmpOf(protocolValue: unknown, type: unknown, code: unknown): IcmpMessages | undefined {
  const p = readProtocol(protocolValue);
  if (p.protocol !== "icmp") return undefined;
  const t = num(type);
  const c = num(code);
  return {
    version: p.version ?? 4,
    ...(t !== undefined && t >= 0 ? { type: t } : {}),
    ...(t !== undefined && t >= 0 && c !== undefined && c >= 0 ? { code: c } : {}),
  };
}

function groupEndpoint(g: PlannedResource): Endpoint {
  const tier = tierTag(g);
  return tier ? { kind: "tier", tier } : { kind: "untagged", group: g.name };
}

/**
 * A CIDR peer, judged by what it holds: every spelling of every address (`0.0.0.0/0`, `0.0.0.0/00`,
 * `::/0`, `0::0/0`, a list of ranges that covers the public space) is the internet; one that cannot
 * be read (not known until apply, a secret, not a CIDR) is the internet too, named by its property.
 */
export function cidrEndpoint(cidr: string, property = "cidr"): Endpoint {
  if (cidr === OPAQUE_SECRET) return unreadableAddress(property, "secret");
  if (cidr === UNKNOWN_VALUE) return unreadableAddress(property);
  if (!isCidr(cidr)) return unreadableAddress(property, "shape", cidr);
  return coversInternet([cidr]) ? { kind: "internet" } : { kind: "cidr", cidr: cidr.trim() };
}

/** What a rule carries, as written, and the names of the properties it is written in. */
interface Traffic {
  readonly protocol: unknown;
  readonly from: unknown;
  readonly to: unknown;
  readonly names: readonly [string, string, string];
}
const VPC_NAMES = ["ipProtocol", "fromPort", "toPort"] as const;
const LEGACY_NAMES = ["protocol", "fromPort", "toPort"] as const;

/** Reads AWS security groups (inline rules included) and standalone rules of both generations. */
export function readAwsNetwork(index: ResourceIndex): { groups: TierGroup[]; rules: NetworkRule[] } {
  const groups = index.ofType(...GROUP_TYPES);
  const rules: NetworkRule[] = [];
  /** AWS rules are allows attached to one group: ingress comes from the peer, egress goes to it. */
  const push = (
    r: PlannedResource,
    direction: "ingress" | "egress",
    own: Endpoint,
    peer: Endpoint,
    traffic: Traffic,
    inline: boolean,
    group: string | undefined,
    self = false,
  ) => {
    const protocol = protocolOf(traffic.protocol);
    const icmp = icmpOf(traffic.protocol, traffic.from, traffic.to);
    const unread: UnreadProperty[] = [
      ...(isUnknown(traffic.protocol) ? [{ property: traffic.names[0], kind: "protocol" as const }] : []),
      ...(protocol !== "all" && protocol !== "icmp"
        ? ([1, 2] as const)
            .filter((i) => isUnknown(i === 1 ? traffic.from : traffic.to))
            .map((i) => ({ property: traffic.names[i], kind: "ports" as const }))
        : []),
    ];
    rules.push({
      cloud: "aws",
      direction,
      access: "allow",
      ...(direction === "ingress" ? { from: peer, to: own } : { from: own, to: peer }),
      protocol,
      ports: portsOf(protocol, traffic.from, traffic.to),
      ...(icmp ? { icmp } : {}),
      inline,
      ...(self ? { self } : {}),
      ...(unread.length ? { unread } : {}),
      ...(group ? { group } : {}),
      origin: originOf(r),
    });
  };
  /** The groups a reference names, by id once known or literal, else through the dependency. */
  const groupsOf = (r: PlannedResource, property: string, values: unknown[]): Endpoint[] => {
    const [refs] = index.resolve(r, property, [values], GROUP_TYPES);
    return endpointsOf(refs!, groupEndpoint);
  };
  const groupOf = (r: PlannedResource, property: string): Endpoint => {
    const ends = [...new Map(groupsOf(r, property, [r.inputs[property]]).map((e) => [JSON.stringify(e), e])).values()];
    return ends.length === 1 ? ends[0]! : { kind: "unknown", ref: str(r.inputs[property]) ?? property };
  };
  /** The CIDRs a prefix list of the stack holds: its own entries, and the entry resources naming it. */
  // Entry resources, by the list they name: resolved once, not for every rule that names a list.
  let entriesByList: Map<PlannedResource, string[]> | undefined;
  const prefixListCidrs = (list: PlannedResource): string[] => {
    if (!entriesByList) {
      entriesByList = new Map();
      for (const e of index.ofType(AWS.prefixListEntry))
        for (const target of index.resolve(e, "prefixListId", [[e.inputs.prefixListId]], AWS.prefixList)[0]!.targets)
          entriesByList.set(target, [...(entriesByList.get(target) ?? []), ...strs([e.inputs.cidr])]);
    }
    return [...arr(list.inputs.entries).flatMap((e) => strs([obj(e).cidr])), ...(entriesByList.get(list) ?? [])];
  };
  /** A rule's prefix-list peers: a list of the stack as its CIDRs; any other as a prefix list (anywhere). */
  const prefixListsOf = (r: PlannedResource, property: string, values: unknown[]): Endpoint[] => {
    if (values.length === 0) return [];
    const [refs] = index.resolve(r, property, [values], AWS.prefixList);
    return [
      ...refs!.targets.flatMap((list): Endpoint[] => {
        const cidrs = prefixListCidrs(list);
        return cidrs.length
          ? cidrs.map((c) => cidrEndpoint(c, `the entries of prefix list ${list.name}`))
          : [{ kind: "prefix-list", id: list.name }];
      }),
      ...refs!.others.map((id): Endpoint => ({ kind: "prefix-list", id })),
      ...refs!.anyOf.map((c): Endpoint => ({ kind: "prefix-list", id: `one of ${c.map((l) => l.name).join(", ")}` })),
    ];
  };
  /** Two properties name one group: the same known id, or the same single resource they come from. */
  const sameGroup = (r: PlannedResource, a: string, b: string): boolean => {
    const [x, y] = [str(r.inputs[a]), str(r.inputs[b])];
    if (x !== undefined && y !== undefined) return x === y;
    const [da, db] = [r.propertyDependencies[a] ?? [], r.propertyDependencies[b] ?? []];
    return da.length === 1 && db.length === 1 && da[0] === db[0];
  };
  const ownerUrn = (r: PlannedResource) => {
    const [owner] = index.resolve(r, "securityGroupId", [[r.inputs.securityGroupId]], GROUP_TYPES);
    return owner!.targets.length === 1 ? owner!.targets[0]!.urn : undefined;
  };

  for (const g of groups) {
    for (const direction of ["ingress", "egress"] as const) {
      for (const entry of arr(g.inputs[direction]).map(obj)) {
        const peers: Endpoint[] = [
          ...strs(entry.cidrBlocks).map((c) => cidrEndpoint(c, `${direction}.cidrBlocks`)),
          ...strs(entry.ipv6CidrBlocks).map((c) => cidrEndpoint(c, `${direction}.ipv6CidrBlocks`)),
          ...groupsOf(g, direction, arr(entry.securityGroups)),
          ...prefixListsOf(g, direction, arr(entry.prefixListIds)),
        ];
        const traffic = { protocol: entry.protocol, from: entry.fromPort, to: entry.toPort, names: LEGACY_NAMES };
        for (const peer of peers) push(g, direction, groupEndpoint(g), peer, traffic, true, g.urn);
        if (plain(entry.self) === true)
          push(g, direction, groupEndpoint(g), groupEndpoint(g), traffic, true, g.urn, true);
      }
    }
  }

  for (const r of index.ofType(AWS.ingressRule, AWS.egressRule)) {
    const direction = r.type === AWS.ingressRule ? "ingress" : "egress";
    const own = groupOf(r, "securityGroupId");
    // A CIDR not known until apply, or kept secret in a state file, is unreadable: the internet (fail closed).
    const cidrProperty = ["cidrIpv4", "cidrIpv6"].find((p) => r.inputs[p] !== undefined);
    // The same group on both sides (the same id, or the same resource it comes from) is a self reference.
    const self =
      r.inputs.referencedSecurityGroupId !== undefined && sameGroup(r, "securityGroupId", "referencedSecurityGroupId");
    const peers: Endpoint[] =
      r.inputs.referencedSecurityGroupId !== undefined
        ? [groupOf(r, "referencedSecurityGroupId")]
        : cidrProperty
          ? [cidrEndpoint(strs([r.inputs[cidrProperty]])[0] ?? UNKNOWN_VALUE, cidrProperty)]
          : r.inputs.prefixListId !== undefined
            ? prefixListsOf(r, "prefixListId", [r.inputs.prefixListId])
            : [{ kind: "unknown", ref: "no source" }];
    const traffic = { protocol: r.inputs.ipProtocol, from: r.inputs.fromPort, to: r.inputs.toPort, names: VPC_NAMES };
    for (const peer of peers) push(r, direction, own, peer, traffic, false, ownerUrn(r), self);
  }

  for (const r of index.ofType(AWS.legacyRule)) {
    // An unreadable type is inbound (posture/unknown.ts, rule-direction).
    const direction = str(r.inputs.type)?.trim().toLowerCase() === "egress" ? "egress" : "ingress";
    const own = groupOf(r, "securityGroupId");
    const peers: Endpoint[] = [
      ...strs(r.inputs.cidrBlocks).map((c) => cidrEndpoint(c, "cidrBlocks")),
      ...strs(r.inputs.ipv6CidrBlocks).map((c) => cidrEndpoint(c, "ipv6CidrBlocks")),
      ...(r.inputs.sourceSecurityGroupId !== undefined ? [groupOf(r, "sourceSecurityGroupId")] : []),
      ...prefixListsOf(r, "prefixListIds", arr(r.inputs.prefixListIds)),
    ];
    const traffic = { protocol: r.inputs.protocol, from: r.inputs.fromPort, to: r.inputs.toPort, names: LEGACY_NAMES };
    const self =
      r.inputs.sourceSecurityGroupId !== undefined && sameGroup(r, "securityGroupId", "sourceSecurityGroupId");
    for (const peer of peers) push(r, direction, own, peer, traffic, false, ownerUrn(r), self);
    if (plain(r.inputs.self) === true) push(r, direction, own, own, traffic, false, ownerUrn(r), true);
  }

  return {
    groups: groups.map((g) => ({ cloud: "aws", kind: "security-group", tier: tierTag(g), origin: originOf(g) })),
    rules,
  };
}

export const READER: ReaderDeclaration = {
  name: "aws-network",
  feeds: {
    "network.groups": GROUP_TYPES,
    "network.rules": [...GROUP_TYPES, AWS.ingressRule, AWS.egressRule, AWS.legacyRule],
  },
  consults: [AWS.prefixList, AWS.prefixListEntry],
};
