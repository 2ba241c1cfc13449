import type { Endpoint, NetworkRule, TierGroup, UnreadProperty } from "../model";
import { parsePortRange, type PortRange, type Protocol } from "../ports";
import type { ResourceIndex } from "../index-resources";
import type { PlannedResource } from "../resource";
import { arr, isUnknown, listEntries, num, obj, OPAQUE_SECRET, plain, str, strs, UNKNOWN_VALUE } from "../values";
import { endpointsOf, originOf, tierTag } from "./origin";
import { serviceTagKind } from "../../catalog/azure-service-tags";
import { coversInternet, isCidr, unreadableAddress } from "../cidr";
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

/**
 * Azure's protocols, compared as its API compares enumerations (case-insensitively): `*` is every
 * protocol; Icmp is every ICMP message (Azure cannot name one); Esp and Ah are outside the posture's
 * vocabulary and, like a protocol that cannot be read, count as every protocol (fail closed).
 */
const PROTOCOLS: Record<string, Protocol> = { "*": "all", tcp: "tcp", udp: "udp", icmp: "icmp" };

/** An enumeration value as Azure compares it: trimmed, in lower case; undefined when unreadable. */
const enumOf = (v: unknown): string | undefined => str(v)?.trim().toLowerCase();

/**
 * An address prefix, judged by what it covers: `*` is anywhere; a CIDR or an address by its range
 * (every spelling of every address is the internet); a service tag by what the catalog says it
 * covers (the Internet tag is the internet, VirtualNetwork the network, a tag every tenant can send
 * from is as wide as the internet, one service's or the platform's own addresses stay as written);
 * a tag the catalog does not know, or a value not known until apply, is the internet (fail closed).
 */
function prefixEndpoint(prefix: string, property: string): Endpoint {
  if (prefix === OPAQUE_SECRET) return unreadableAddress(property, "secret");
  if (prefix === UNKNOWN_VALUE) return unreadableAddress(property);
  const text = prefix.trim();
  if (text === "*") return { kind: "any" };
  if (isCidr(text)) return coversInternet([text]) ? { kind: "internet" } : { kind: "cidr", cidr: text };
  switch (serviceTagKind(text)) {
    case "internet":
      return { kind: "internet" };
    case "network":
      return { kind: "vnet" };
    case "service":
    case "platform":
      return { kind: "cidr", cidr: text };
    default:
      // Every tenant's addresses, or a tag the catalog does not know: as wide as the internet.
      return { kind: "service-tag", tag: text };
  }
}

/** The texts of a single value and a list (numbers read as their digits; unknown entries kept as such). */
function texts(single: unknown, many: unknown): string[] {
  const one = (v: unknown) => (typeof plain(v) === "number" ? [String(plain(v))] : strs([v]));
  return [...(single === undefined ? [] : one(single)), ...listEntries(many).flatMap(one)];
}

function portRanges(single: unknown, many: unknown): (PortRange | undefined)[] {
  const ranges = texts(single, many).map(parsePortRange);
  // A text that is not a port range (nor every port), or not known until apply, is every port: fail closed.
  if (ranges.length === 0 || ranges.some((r) => r === undefined || r === "every")) return [undefined];
  return ranges as PortRange[];
}

/**
 * Reads Azure NSGs (inline rules included), standalone security rules and ASGs. A rule's own side
 * on a tier's NSG is that tier: whatever address it names there, the NSG protects nothing else.
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

  /**
   * One side of a rule. Its own side (the destination of an inbound rule, the source of an outbound
   * one) is whatever the NSG filters: any address prefix there (`*`, VirtualNetwork, a CIDR) only
   * narrows within the NSG's own tier, so it is that tier; an ASG there names its own tier.
   */
  const sides = (
    r: PlannedResource,
    props: Record<string, unknown>,
    side: "source" | "destination",
    own: Endpoint | undefined,
  ) => {
    // azure-native: `[{ id }]`; the classic provider: `...Ids`, a list of ids.
    const classic = `${side}ApplicationSecurityGroupIds`;
    const asgRefs = [
      ...listEntries(props[`${side}ApplicationSecurityGroups`]).map((a) => (isUnknown(a) ? a : obj(a).id)),
      ...listEntries(props[classic]),
    ];
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
    if (own && own.kind !== "unknown") return [own];
    const one = `${side}AddressPrefix`;
    const many = `${side}AddressPrefixes`;
    const endpoints = [
      ...(props[one] === undefined ? [] : strs([props[one]]).map((p) => prefixEndpoint(p, one))),
      ...strs(props[many]).map((p) => prefixEndpoint(p, many)),
    ];
    return endpoints.length ? endpoints : [prefixEndpoint("*", one)];
  };

  const read = (
    r: PlannedResource,
    props: Record<string, unknown>,
    nsg: PlannedResource | undefined,
    inline: boolean,
  ) => {
    const own = tierEndpoint(nsg, str(props.networkSecurityGroupName) ?? "network security group");
    // Enumerations as Azure compares them; unreadable: inbound and allow (posture/unknown.ts).
    const direction = enumOf(props.direction) === "outbound" ? "egress" : "ingress";
    const access = enumOf(props.access) === "deny" ? "deny" : "allow";
    const named = PROTOCOLS[enumOf(props.protocol) ?? "*"];
    const protocol = named ?? "all";
    // A protocol named outside the vocabulary (Esp, Ah) has no ports: all of it, every port.
    const portless = protocol === "icmp" || (named === undefined && enumOf(props.protocol) !== undefined);
    // What could not be read, to name in the verdict (each counted as its worst case above).
    const unknownIn = (...keys: string[]) =>
      keys.filter((k) => isUnknown(props[k]) || listEntries(props[k]).some(isUnknown));
    const unread: UnreadProperty[] = [
      ...unknownIn("access").map((property) => ({ property, kind: "rule-access" as const })),
      ...unknownIn("direction").map((property) => ({ property, kind: "rule-direction" as const })),
      ...unknownIn("protocol").map((property) => ({ property, kind: "protocol" as const })),
      ...(portless ? [] : unknownIn("destinationPortRange", "destinationPortRanges")).map((property) => ({
        property,
        kind: "ports" as const,
      })),
    ];
    const sources = sides(r, props, "source", direction === "egress" ? own : undefined);
    const destinations = sides(r, props, "destination", direction === "ingress" ? own : undefined);
    for (const from of sources) {
      for (const to of destinations) {
        for (const ports of portless
          ? [undefined]
          : portRanges(props.destinationPortRange, props.destinationPortRanges)) {
          rules.push({
            cloud: "azure",
            direction,
            access,
            from,
            to,
            protocol,
            ports,
            priority: num(props.priority),
            inline,
            ...(unread.length ? { unread } : {}),
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
