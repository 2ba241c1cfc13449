import type { ServiceOpening } from "../model";
import type { ResourceIndex } from "../index-resources";
import type { PlannedResource } from "../resource";
import { isUnknown, listEntries, obj, plain, str } from "../values";
import { originOf } from "./origin";
import { addressOpening, isDisabled, type Opening } from "./service-openings";
import { PUBLIC_NETWORK_DEFAULTS } from "../../catalog/azure-public-network-defaults";
import { PAAS } from "./paas-firewalls";
import { readsByShape } from "./paas-rule-shapes";
import type { ReaderDeclaration } from "./registry";

/**
 * Managed services whose own endpoint is public unless the program says otherwise: a cluster's API
 * server, a cache, a broker, a registry, a messaging namespace. Security groups do not stand in
 * front of these endpoints (or not of all of them), so what the endpoint admits is what the internet
 * reaches. Where nothing is written the provider's default is judged (`explicit: false`: advice).
 */
export const SERVICE_ENDPOINTS = {
  "aws:eks/cluster:Cluster": "EKS cluster API endpoint",
  "aws:mq/broker:Broker": "Amazon MQ broker",
  "azure-native:containerservice:ManagedCluster": "AKS cluster API server",
  "azure-native:redis:Redis": "Azure Cache for Redis",
  "azure-native:redis:FirewallRule": "Azure Cache for Redis",
  "azure-native:containerregistry:Registry": "Container registry",
} as const;

/**
 * Any other azure-native resource that writes a network rule set (an object with `defaultAction`,
 * as Cognitive Services, Event Hubs, Service Bus, App Configuration and many more write it) is
 * judged by it: one shape, many services, no list to keep.
 */
const RULE_SET_KEY = /^defaultAction$/;

/** What a network rule set admits: Deny admits its IP rules; Allow, unset or unreadable admits everyone. */
export function ruleSet(set: Record<string, unknown>): Opening[] {
  const action = set.defaultAction;
  if (isUnknown(action))
    return [{ admits: { kind: "every-address", why: "its default action is not known" }, explicit: true }];
  if (!/^deny$/i.test(str(action) ?? ""))
    return [{ admits: { kind: "every-address", why: `defaultAction ${str(action) ?? "unset"}` }, explicit: true }];
  return listEntries(set.ipRules).map((rule) => {
    if (isUnknown(rule)) return addressOpening(rule);
    const r = obj(rule);
    return addressOpening(r.ipMask ?? r.iPAddressOrRange ?? r.ipAddressOrRange ?? r.value ?? r.ipAddress ?? rule);
  });
}

/** The first object with a `defaultAction`, at any depth a rule set sits at (top level, `properties`, one block down). */
export function findRuleSet(v: unknown, depth = 0): Record<string, unknown> | undefined {
  const p = plain(v);
  if (depth > 3 || typeof p !== "object" || p === null || Array.isArray(p)) return undefined;
  const o = p as Record<string, unknown>;
  if (Object.keys(o).some((k) => RULE_SET_KEY.test(k))) return o;
  for (const value of Object.values(o)) {
    const found = findRuleSet(value, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function openings(r: PlannedResource): Opening[] {
  const i = r.inputs;
  switch (r.type) {
    case "aws:eks/cluster:Cluster": {
      const vpc = obj(i.vpcConfig);
      if (plain(vpc.endpointPublicAccess) === false) return [];
      const written = vpc.publicAccessCidrs !== undefined;
      if (!written)
        return [
          {
            admits: { kind: "every-address", why: "a public endpoint without publicAccessCidrs admits 0.0.0.0/0" },
            explicit: plain(vpc.endpointPublicAccess) === true || isUnknown(vpc.endpointPublicAccess),
          },
        ];
      return listEntries(vpc.publicAccessCidrs).map(addressOpening);
    }
    case "aws:mq/broker:Broker":
      // A public RabbitMQ broker takes no security groups: its endpoint admits every address.
      // A public ActiveMQ broker's groups decide (read as placement, posture/readers/hosts.ts).
      if (plain(i.publiclyAccessible) !== true && !isUnknown(i.publiclyAccessible)) return [];
      if (/^activemq$/i.test(str(i.engineType) ?? "")) return [];
      return [
        {
          admits: { kind: "every-address", why: "a publicly accessible RabbitMQ broker has no security groups" },
          explicit: true,
        },
      ];
    case "azure-native:containerservice:ManagedCluster": {
      const profile = obj(i.apiServerAccessProfile);
      if (plain(profile.enablePrivateCluster) === true || isDisabled(i.publicNetworkAccess)) return [];
      const ranges = listEntries(profile.authorizedIPRanges);
      if (ranges.length) return ranges.map(addressOpening);
      return [
        {
          admits: { kind: "every-address", why: "a public API server with no authorized IP ranges" },
          explicit: /^enabled$/i.test(str(i.publicNetworkAccess) ?? ""),
        },
      ];
    }
    case "azure-native:redis:Redis":
      // Its firewall rules are resources of their own, judged each on its own; without any, every
      // address is admitted. One resource cannot tell whether the stack has some: advice.
      return isDisabled(i.publicNetworkAccess)
        ? []
        : [
            {
              admits: { kind: "every-address", why: "public network access, unless firewall rules narrow it" },
              explicit: false,
            },
          ];
    case "azure-native:redis:FirewallRule": {
      const [a, b] = [i.startIP, i.endIP];
      if (isUnknown(a) || isUnknown(b) || str(a) === undefined || str(b) === undefined)
        return [addressOpening(undefined)];
      return [{ admits: { kind: "range", first: str(a)!, last: str(b)! }, explicit: true }];
    }
    default: {
      if (isDisabled(i.publicNetworkAccess) || isDisabled(obj(i.properties).publicNetworkAccess)) return [];
      const set = findRuleSet(i);
      if (set) return ruleSet(set);
      // A registry without a rule set admits every address (its default); other types are not judged.
      return r.type === "azure-native:containerregistry:Registry"
        ? [
            {
              admits: { kind: "every-address", why: "no network rule set: the default admits every address" },
              explicit: false,
            },
          ]
        : [];
    }
  }
}

/** A generic service's name as people say it: `cognitiveservices Account` for `azure-native:cognitiveservices:Account`. */
const serviceName = (type: string) =>
  SERVICE_ENDPOINTS[type as keyof typeof SERVICE_ENDPOINTS] ?? type.split(":").slice(1).join(" ").replace(/\/\w+/, "");

/**
 * Reads what managed services' own endpoints admit: the known ones by their shape, every other
 * azure-native resource by the network rule set it writes.
 */
export function readServiceEndpoints(index: ResourceIndex): ServiceOpening[] {
  // Types another reader reads: the PaaS firewalls, and the services of the catalogue of public
  // network defaults and the rule resources read by shape (posture/readers/paas-public-access.ts).
  const elsewhere = (r: PlannedResource) => r.type in PAAS || r.type in PUBLIC_NETWORK_DEFAULTS || readsByShape(r);
  return index.resources
    .filter((r) => r.type in SERVICE_ENDPOINTS || (r.type.startsWith("azure-native:") && !elsewhere(r)))
    .flatMap((r) => openings(r).map((o) => ({ service: serviceName(r.type), ...o, origin: originOf(r) })));
}

export const READER: ReaderDeclaration = {
  name: "service-endpoints",
  feeds: { "network.services": Object.keys(SERVICE_ENDPOINTS) },
  readsProperties: [RULE_SET_KEY],
};
