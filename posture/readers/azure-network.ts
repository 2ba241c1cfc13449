import type { Endpoint, NetworkRule, TierGroup } from "../model";
import { parsePortRange, type PortRange, type Protocol } from "../ports";
import type { ResourceIndex } from "../index-resources";
import type { PlannedResource } from "../resource";
import { arr, isOpaqueSecret, num, obj, OPAQUE_SECRET, str, strs, UNKNOWN_VALUE } from "../values";
import { endpointsOf, originOf, tierTag } from "./origin";
import { WIDE_SERVICE_TAGS } from "../../catalog/azure-service-tags";
import type { ReaderDeclaration } from "./registry";

export const AZURE = {
  nsg: "azure-native:network:NetworkSecurityGroup",
  asg: "azure-native:network:ApplicationSecurityGroup",
  rule: "azure-native:network:SecurityRule",
  /** The classic `@pulumi/azure` provider: the same ARM objects, ASGs referenced by plain ids. */
  classicNsg: "azure:network/networkSecurityGroup:NetworkSecurityGroup",
  classicAsg: "azure:network/applicationSecurityGroup:ApplicationSecurityGroup",
  classicRule: "azure:network/networkSecurityRule:NetworkSecurityRule",
} as const;

const NSG_TYPES: readonly string[] = [AZURE.nsg, AZURE.classicNsg];
const ASG_TYPES: readonly string[] = [AZURE.asg, AZURE.classicAsg];
const RULE_TYPES: readonly string[] = [AZURE.rule, AZURE.classicRule];

/** An NSG's name: azure-native's input (or its output once deployed), the classic provider's `name`. */
const nsgName = (n: PlannedResource) => (str(n.inputs.networkSecurityGroupName) ?? str(n.inputs.name))?.toLowerCase();

const PROTOCOLS: Record<string, Protocol> = { "*": "all", tcp: "tcp", udp: "udp", icmp: "icmp" };

function prefixEndpoint(prefix: string): Endpoint {
  if (prefix === OPAQUE_SECRET || prefix === UNKNOWN_VALUE) return { kind: "unknown", ref: prefix };
  if (prefix === "*") return { kind: "any" };
  // Service tags are case-insensitive in Azure: `internet` is the Internet tag.
  const tag = prefix.toLowerCase();
  if (tag === "internet" || prefix === "0.0.0.0/0" || prefix === "::/0") return { kind: "internet" };
  if (tag === "virtualnetwork") return { kind: "vnet" };
  if (WIDE_SERVICE_TAGS.some((t) => t.test(prefix))) return { kind: "service-tag", tag: prefix };
  return { kind: "cidr", cidr: prefix };
}

function portRanges(single: unknown, many: unknown): (PortRange | undefined)[] {
  const texts = [...(str(single) ? [str(single)!] : []), ...strs(many)];
  const ranges = texts.map(parsePortRange);
  // A text that is not a port range (nor every port) is read as every port: fail closed.
  if (ranges.length === 0 || ranges.some((r) => r === undefined || r === "every")) return [undefined];
  return ranges as PortRange[];
}

/**
 * Reads Azure NSGs (inline rules included), standalone security rules and ASGs. A rule whose
 * address side is `*` on a tier's NSG applies to that tier: that is what the NSG protects.
 */
export function readAzureNetwork(index: ResourceIndex): { groups: TierGroup[]; rules: NetworkRule[] } {
  const nsgs = index.ofType(...NSG_TYPES);
  const asgs = index.ofType(...ASG_TYPES);
  const rules: NetworkRule[] = [];

  const tierEndpoint = (g: PlannedResource | undefined, fallback: string): Endpoint => {
    if (!g) return { kind: "unknown", ref: fallback };
    const tier = tierTag(g);
    return tier ? { kind: "tier", tier } : { kind: "untagged", group: g.name };
  };

  const sides = (r: PlannedResource, props: Record<string, unknown>, side: "source" | "destination", own: Endpoint) => {
    // azure-native: `[{ id }]`; the classic provider: `...Ids`, a list of ids.
    const classic = `${side}ApplicationSecurityGroupIds`;
    const asgRefs = [...arr(props[`${side}ApplicationSecurityGroups`]).map((a) => obj(a).id), ...arr(props[classic])];
    if (asgRefs.length > 0) {
      // Inline rules share the NSG's one dependency list: an unknown id is pinned only when one ASG is left.
      const standalone = RULE_TYPES.includes(r.type);
      const property = standalone
        ? props[classic] !== undefined
          ? classic
          : `${side}ApplicationSecurityGroups`
        : "securityRules";
      const [refs] = index.resolve(r, property, [asgRefs], ASG_TYPES);
      return endpointsOf(refs!, (g) => tierEndpoint(g, g.name));
    }
    const prefixes = [
      ...(isOpaqueSecret(props[`${side}AddressPrefix`]) ? [OPAQUE_SECRET] : []),
      ...(str(props[`${side}AddressPrefix`]) ? [str(props[`${side}AddressPrefix`])!] : []),
      ...strs(props[`${side}AddressPrefixes`]),
    ];
    const endpoints = (prefixes.length ? prefixes : ["*"]).map(prefixEndpoint);
    return endpoints.map((e) => (e.kind === "any" && own.kind !== "unknown" ? own : e));
  };

  const read = (
    r: PlannedResource,
    props: Record<string, unknown>,
    nsg: PlannedResource | undefined,
    inline: boolean,
  ) => {
    const own = tierEndpoint(nsg, str(props.networkSecurityGroupName) ?? "network security group");
    const direction = str(props.direction) === "Outbound" ? "egress" : "ingress";
    const protocol = PROTOCOLS[(str(props.protocol) ?? "*").toLowerCase()] ?? "all";
    const sources = sides(r, props, "source", direction === "egress" ? own : { kind: "unknown", ref: "" });
    const destinations = sides(r, props, "destination", direction === "ingress" ? own : { kind: "unknown", ref: "" });
    for (const from of sources) {
      for (const to of destinations) {
        for (const ports of protocol === "icmp"
          ? [undefined]
          : portRanges(props.destinationPortRange, props.destinationPortRanges)) {
          rules.push({
            cloud: "azure",
            direction,
            access: str(props.access) === "Deny" ? "deny" : "allow",
            from,
            to,
            protocol,
            ports,
            priority: num(props.priority),
            inline,
            group: nsg?.urn,
            origin: originOf(r),
          });
        }
      }
    }
  };

  for (const nsg of nsgs) {
    for (const entry of arr(nsg.inputs.securityRules).map(obj)) read(nsg, entry, nsg, true);
  }
  for (const r of index.ofType(...RULE_TYPES)) {
    const [byDependency] = index.referenced(r, "networkSecurityGroupName", NSG_TYPES);
    // Azure names compare case-insensitively.
    const name = str(r.inputs.networkSecurityGroupName)?.toLowerCase();
    const byName = name === undefined ? undefined : nsgs.find((n) => nsgName(n) === name);
    read(r, r.inputs, byDependency ?? byName, false);
  }

  return {
    groups: [
      ...nsgs.map((g): TierGroup => ({ cloud: "azure", kind: "nsg", tier: tierTag(g), origin: originOf(g) })),
      ...asgs.map((g): TierGroup => ({ cloud: "azure", kind: "asg", tier: tierTag(g), origin: originOf(g) })),
    ],
    rules,
  };
}

export const READER: ReaderDeclaration = {
  name: "azure-network",
  feeds: {
    "network.groups": [...NSG_TYPES, ...ASG_TYPES],
    "network.rules": [...NSG_TYPES, ...RULE_TYPES],
  },
};
