import type { Endpoint, NetworkRule, TierGroup } from "../model";
import type { PortRange, Protocol } from "../ports";
import type { ResourceIndex } from "../index-resources";
import type { PlannedResource } from "../resource";
import { arr, isOpaqueSecret, num, obj, OPAQUE_SECRET, str, strs, UNKNOWN_VALUE } from "../values";
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

const PROTOCOLS: Record<string, Protocol> = {
  "-1": "all",
  all: "all",
  tcp: "tcp",
  "6": "tcp",
  udp: "udp",
  "17": "udp",
  icmp: "icmp",
  "1": "icmp",
};

export function protocolOf(v: unknown): Protocol {
  return PROTOCOLS[String(str(v) ?? num(v) ?? "-1").toLowerCase()] ?? "all";
}

export function portsOf(protocol: Protocol, from: unknown, to: unknown): PortRange | undefined {
  const f = num(from);
  const t = num(to);
  if (protocol === "all" || f === undefined || t === undefined || f < 0 || t < 0) return undefined;
  return { from: f, to: t };
}

function groupEndpoint(g: PlannedResource): Endpoint {
  const tier = tierTag(g);
  return tier ? { kind: "tier", tier } : { kind: "untagged", group: g.name };
}

export function cidrEndpoint(cidr: string): Endpoint {
  if (cidr === OPAQUE_SECRET || cidr === UNKNOWN_VALUE) return { kind: "unknown", ref: cidr };
  return cidr === "0.0.0.0/0" || cidr === "::/0" ? { kind: "internet" } : { kind: "cidr", cidr };
}

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
    protocol: Protocol,
    from: unknown,
    to: unknown,
    inline: boolean,
    group: string | undefined,
  ) =>
    rules.push({
      cloud: "aws",
      direction,
      access: "allow",
      ...(direction === "ingress" ? { from: peer, to: own } : { from: own, to: peer }),
      protocol,
      ports: portsOf(protocol, from, to),
      inline,
      ...(group ? { group } : {}),
      origin: originOf(r),
    });
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
        return cidrs.length ? cidrs.map(cidrEndpoint) : [{ kind: "prefix-list", id: list.name }];
      }),
      ...refs!.others.map((id): Endpoint => ({ kind: "prefix-list", id })),
      ...refs!.anyOf.map((c): Endpoint => ({ kind: "prefix-list", id: `one of ${c.map((l) => l.name).join(", ")}` })),
    ];
  };
  const ownerUrn = (r: PlannedResource) => {
    const [owner] = index.resolve(r, "securityGroupId", [[r.inputs.securityGroupId]], GROUP_TYPES);
    return owner!.targets.length === 1 ? owner!.targets[0]!.urn : undefined;
  };

  for (const g of groups) {
    for (const direction of ["ingress", "egress"] as const) {
      for (const entry of arr(g.inputs[direction]).map(obj)) {
        const protocol = protocolOf(entry.protocol);
        const peers: Endpoint[] = [
          ...[...strs(entry.cidrBlocks), ...strs(entry.ipv6CidrBlocks)].map(cidrEndpoint),
          ...groupsOf(g, direction, arr(entry.securityGroups)),
          ...prefixListsOf(g, direction, arr(entry.prefixListIds)),
          ...(entry.self === true ? [groupEndpoint(g)] : []),
        ];
        for (const peer of peers)
          push(g, direction, groupEndpoint(g), peer, protocol, entry.fromPort, entry.toPort, true, g.urn);
      }
    }
  }

  for (const r of index.ofType(AWS.ingressRule, AWS.egressRule)) {
    const direction = r.type === AWS.ingressRule ? "ingress" : "egress";
    const own = groupOf(r, "securityGroupId");
    // A CIDR kept secret in a state file is unreadable: it is judged as an unknown source (fail closed).
    const secret = isOpaqueSecret(r.inputs.cidrIpv4) || isOpaqueSecret(r.inputs.cidrIpv6);
    const cidr = secret ? OPAQUE_SECRET : (str(r.inputs.cidrIpv4) ?? str(r.inputs.cidrIpv6));
    const peers: Endpoint[] =
      r.inputs.referencedSecurityGroupId !== undefined
        ? [groupOf(r, "referencedSecurityGroupId")]
        : cidr
          ? [cidrEndpoint(cidr)]
          : r.inputs.prefixListId !== undefined
            ? prefixListsOf(r, "prefixListId", [r.inputs.prefixListId])
            : [{ kind: "unknown", ref: "no source" }];
    for (const peer of peers)
      push(
        r,
        direction,
        own,
        peer,
        protocolOf(r.inputs.ipProtocol),
        r.inputs.fromPort,
        r.inputs.toPort,
        false,
        ownerUrn(r),
      );
  }

  for (const r of index.ofType(AWS.legacyRule)) {
    const direction = str(r.inputs.type) === "egress" ? "egress" : "ingress";
    const own = groupOf(r, "securityGroupId");
    const protocol = protocolOf(r.inputs.protocol);
    const peers: Endpoint[] = [
      ...[...strs(r.inputs.cidrBlocks), ...strs(r.inputs.ipv6CidrBlocks)].map(cidrEndpoint),
      ...(r.inputs.sourceSecurityGroupId !== undefined ? [groupOf(r, "sourceSecurityGroupId")] : []),
      ...prefixListsOf(r, "prefixListIds", arr(r.inputs.prefixListIds)),
      ...(r.inputs.self === true ? [own] : []),
    ];
    for (const peer of peers)
      push(r, direction, own, peer, protocol, r.inputs.fromPort, r.inputs.toPort, false, ownerUrn(r));
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
