import type { HostPlacement, Origin } from "../model";
import type { ResourceIndex } from "../index-resources";
import type { PlannedResource } from "../resource";
import { listEntries, obj, plain, str } from "../values";
import { AWS, READER as AWS_NETWORK } from "./aws-network";
import { AZURE, READER as AZURE_NETWORK } from "./azure-network";
import { eachInputKey } from "./input-keys";
import { originOf, tierTag } from "./origin";
import { typesOf, type ReaderDeclaration } from "./registry";

/**
 * Types that name one host (or every host launched from them) and are read by their known shape.
 * Every other type is read by property (below): a workload lands in a tier through whatever
 * resource places it in a tier's group, and nobody can list them all.
 */
export const HOSTS = {
  instance: "aws:ec2/instance:Instance",
  networkInterface: "aws:ec2/networkInterface:NetworkInterface",
  launchTemplate: "aws:ec2/launchTemplate:LaunchTemplate",
  nic: "azure-native:network:NetworkInterface",
} as const;

/** Resources that add one group to a host declared elsewhere (in the stack, or by its id). */
export const HOST_ASSOCIATIONS = {
  awsAttachment: "aws:ec2/networkInterfaceSecurityGroupAttachment:NetworkInterfaceSecurityGroupAttachment",
  classicAsgAssociation:
    "azure:network/networkInterfaceApplicationSecurityGroupAssociation:NetworkInterfaceApplicationSecurityGroupAssociation",
} as const;

/**
 * Input keys, at any depth, under which a workload names the AWS security groups it runs in: an
 * instance's `vpcSecurityGroupIds`, a function's `vpcConfig.securityGroupIds`, a service's
 * `networkConfiguration.securityGroups`, a launch configuration's `securityGroups`, a broker's, a
 * cache's, a cluster's, an endpoint's... `source`/`referenced` keys name peers, not placement.
 */
export const AWS_PLACEMENT_KEY = /^(?!source|referenced)\w*securityGroup(Id)?s$|^securityGroupIdLists$/i;
/** The Azure key under which an IP configuration (of a NIC, a scale set, a gateway) names its ASGs. */
export const AZURE_PLACEMENT_KEY = /^applicationSecurityGroups$/;

/** Types whose group lists are not placement: the groups and rules themselves (their lists name peers). */
const NOT_PLACEMENT = typesOf([AWS_NETWORK, AZURE_NETWORK]);

/** The interfaces an association may name: the stack's own, in either Azure provider. */
const INTERFACES = [HOSTS.networkInterface, HOSTS.nic, "azure:network/networkInterface:NetworkInterface"];

const AWS_GROUPS = [AWS.securityGroup, AWS.defaultSecurityGroup];
const AZURE_GROUPS = [AZURE.asg, AZURE.classicAsg];

/** A group reference as written: an id or name, or an `{ id }` object (Azure sub-resources). */
const refValue = (v: unknown): unknown => (typeof plain(v) === "object" && plain(v) !== null ? obj(v).id : v);

/**
 * The group references a resource holds, by the top-level property they sit under (what property
 * dependencies are keyed by), found at any depth: every workload type is read the same way.
 */
function references(r: PlannedResource): { property: string; values: unknown[]; azure: boolean }[] {
  if (r.type === HOST_ASSOCIATIONS.awsAttachment)
    return [{ property: "securityGroupId", values: [r.inputs.securityGroupId], azure: false }];
  if (r.type === HOST_ASSOCIATIONS.classicAsgAssociation)
    return [{ property: "applicationSecurityGroupId", values: [r.inputs.applicationSecurityGroupId], azure: true }];
  if (NOT_PLACEMENT.has(r.type)) return [];
  // One list per top-level property and kind: property dependencies are kept per top-level property,
  // so every reference under it is pinned together (two interfaces' groups, say).
  const found = new Map<string, { property: string; values: unknown[]; azure: boolean }>();
  const add = (property: string, azure: boolean, value: unknown) => {
    const key = `${azure}:${property}`;
    const entry = found.get(key) ?? { property, values: [], azure };
    entry.values.push(...listEntries(value).map(refValue));
    found.set(key, entry);
  };
  eachInputKey(
    r.inputs,
    (key, value, property) => {
      const azure = AZURE_PLACEMENT_KEY.test(key);
      if (!azure && !AWS_PLACEMENT_KEY.test(key)) return false;
      add(property, azure, value);
      return true;
    },
    8,
  );
  return [...found.values()].filter((f) => f.values.length > 0);
}

/**
 * Reads which tiers each host or workload is placed in, through the groups (or ASGs) it is a member
 * of: its own lists, at any depth and in any resource type (instances, functions, containers,
 * launch configurations, scale sets, managed databases, caches, brokers, endpoints...), and every
 * attachment or association that adds one group to it, and on Azure the NSGs over the subnets it
 * is placed in (`placedBy`). A host outside the stack is named by its id.
 */
export function readHosts(
  index: ResourceIndex,
  placedBy: ReadonlyMap<string, { readonly tiers: readonly string[]; readonly origin: Origin }> = new Map(),
): HostPlacement[] {
  const tiersOf = (r: PlannedResource) =>
    references(r)
      .flatMap(
        ({ property, values, azure }) =>
          index.resolve(r, property, [values], azure ? AZURE_GROUPS : AWS_GROUPS)[0]!.targets,
      )
      .map(tierTag)
      .filter((t): t is string => t !== undefined);
  const hosts = new Map<string, { tiers: Set<string>; origin: Origin }>();
  const place = (key: string, origin: Origin, tiers: string[]) => {
    const h = hosts.get(key) ?? { tiers: new Set<string>(), origin };
    tiers.forEach((t) => h.tiers.add(t));
    hosts.set(key, h);
  };
  const associations = new Set<string>(Object.values(HOST_ASSOCIATIONS));
  for (const r of index.resources) {
    if (associations.has(r.type)) continue;
    const tiers = tiersOf(r);
    // A known host type is a host even in no tier (an attachment may add one); any other type once placed.
    if (tiers.length || (Object.values(HOSTS) as string[]).includes(r.type)) place(r.urn, originOf(r), tiers);
  }
  for (const r of index.ofType(...Object.values(HOST_ASSOCIATIONS))) {
    const [host] = index.resolve(r, "networkInterfaceId", [[r.inputs.networkInterfaceId]], INTERFACES);
    const target = host!.targets[0];
    place(
      target?.urn ?? str(r.inputs.networkInterfaceId)?.toLowerCase() ?? r.urn,
      target ? originOf(target) : originOf(r),
      tiersOf(r),
    );
  }
  // Azure hosts and workloads: the tiers of the NSGs over their subnets and interfaces (subnet-associations).
  for (const [urn, { tiers, origin }] of placedBy) place(urn, origin, [...tiers]);
  return [...hosts.values()].map((h) => ({ tiers: [...h.tiers].sort(), origin: h.origin }));
}

export const READER: ReaderDeclaration = {
  name: "hosts",
  feeds: { "network.hosts": [...Object.values(HOSTS), ...Object.values(HOST_ASSOCIATIONS)] },
  readsProperties: [AWS_PLACEMENT_KEY, AZURE_PLACEMENT_KEY],
};
