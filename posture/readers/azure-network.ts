import type { Endpoint, NetworkRule, Ports, Protocol, TierGroup } from "../model";
import type { ResourceIndex } from "../index-resources";
import type { PlannedResource } from "../resource";
import { arr, isOpaqueSecret, num, obj, OPAQUE_SECRET, str, strs, UNKNOWN_VALUE } from "../values";
import { originOf, tierTag } from "./origin";

export const AZURE = {
  nsg: "azure-native:network:NetworkSecurityGroup",
  asg: "azure-native:network:ApplicationSecurityGroup",
  rule: "azure-native:network:SecurityRule",
} as const;

const PROTOCOLS: Record<string, Protocol> = { "*": "all", tcp: "tcp", udp: "udp", icmp: "icmp" };

function prefixEndpoint(prefix: string): Endpoint {
  if (prefix === OPAQUE_SECRET || prefix === UNKNOWN_VALUE) return { kind: "unknown", ref: prefix };
  if (prefix === "*") return { kind: "any" };
  if (prefix === "Internet" || prefix === "0.0.0.0/0" || prefix === "::/0") return { kind: "internet" };
  if (prefix === "VirtualNetwork") return { kind: "vnet" };
  return { kind: "cidr", cidr: prefix };
}

function portRanges(single: unknown, many: unknown): (Ports | undefined)[] {
  const texts = [...(str(single) ? [str(single)!] : []), ...strs(many)];
  if (texts.length === 0 || texts.includes("*")) return [undefined];
  return texts.map((t) => {
    const [a, b] = t.split("-").map(Number);
    return { from: a!, to: b ?? a! };
  });
}

/**
 * Reads Azure NSGs (inline rules included), standalone security rules and ASGs. A rule whose
 * address side is `*` on a tier's NSG applies to that tier: that is what the NSG protects.
 */
export function readAzureNetwork(index: ResourceIndex): { groups: TierGroup[]; rules: NetworkRule[] } {
  const nsgs = index.ofType(AZURE.nsg);
  const asgs = index.ofType(AZURE.asg);
  const rules: NetworkRule[] = [];

  const tierEndpoint = (g: PlannedResource | undefined, fallback: string): Endpoint => {
    if (!g) return { kind: "unknown", ref: fallback };
    const tier = tierTag(g);
    return tier ? { kind: "tier", tier } : { kind: "untagged", group: g.name };
  };

  const sides = (r: PlannedResource, props: Record<string, unknown>, side: "source" | "destination", own: Endpoint) => {
    const asgRefs = arr(props[`${side}ApplicationSecurityGroups`]);
    if (asgRefs.length > 0) {
      // Inline rules share the NSG's one dependency list: an unknown id is pinned only when one ASG is left.
      const property = r.type === AZURE.rule ? `${side}ApplicationSecurityGroups` : "securityRules";
      const [refs] = index.resolve(r, property, [asgRefs.map((a) => obj(a).id)], AZURE.asg);
      return [
        ...refs!.targets.map((g) => tierEndpoint(g, g.name)),
        ...refs!.others.map((ref): Endpoint => ({ kind: "unknown", ref })),
        ...refs!.anyOf.map((c): Endpoint => ({ kind: "unknown", ref: `one of ${c.map((g) => g.name).join(", ")}` })),
      ];
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
  for (const r of index.ofType(AZURE.rule)) {
    const [byDependency] = index.referenced(r, "networkSecurityGroupName", AZURE.nsg);
    const byName = nsgs.find((n) => str(n.inputs.networkSecurityGroupName) === str(r.inputs.networkSecurityGroupName));
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
