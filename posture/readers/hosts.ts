import type { HostPlacement, Origin } from "../model";
import type { ResourceIndex } from "../index-resources";
import type { PlannedResource } from "../resource";
import { arr, obj, str } from "../values";
import { AWS } from "./aws-network";
import { AZURE } from "./azure-network";
import { originOf, tierTag } from "./origin";
import type { ReaderDeclaration } from "./registry";

/** Resources that put a host (or every host launched from them) into security groups or ASGs. */
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

/** The interfaces an association may name: the stack's own, in either Azure provider. */
const INTERFACES = [HOSTS.networkInterface, HOSTS.nic, "azure:network/networkInterface:NetworkInterface"];

const AWS_GROUPS = [AWS.securityGroup, AWS.defaultSecurityGroup];
const AZURE_GROUPS = [AZURE.asg, AZURE.classicAsg];

/** The group references a host resource holds, under the property they sit in. */
function references(r: PlannedResource): [string, unknown[]][] {
  const i = r.inputs;
  switch (r.type) {
    case HOSTS.instance:
      return [["vpcSecurityGroupIds", arr(i.vpcSecurityGroupIds)]];
    case HOSTS.networkInterface:
      return [["securityGroups", arr(i.securityGroups)]];
    case HOSTS.launchTemplate:
      return [
        ["vpcSecurityGroupIds", arr(i.vpcSecurityGroupIds)],
        ["networkInterfaces", arr(i.networkInterfaces).flatMap((n) => arr(obj(n).securityGroups))],
      ];
    case HOST_ASSOCIATIONS.awsAttachment:
      return [["securityGroupId", [i.securityGroupId]]];
    case HOST_ASSOCIATIONS.classicAsgAssociation:
      return [["applicationSecurityGroupId", [i.applicationSecurityGroupId]]];
    default:
      return [
        [
          "ipConfigurations",
          arr(i.ipConfigurations).flatMap((c) => arr(obj(c).applicationSecurityGroups).map((a) => obj(a).id)),
        ],
      ];
  }
}

const isAzure = (r: PlannedResource) => r.type === HOSTS.nic || r.type === HOST_ASSOCIATIONS.classicAsgAssociation;

/**
 * Reads which tiers each host is placed in, through the groups (or ASGs) it is a member of: its own
 * list, and every attachment or association that adds one group to it. A host outside the stack is
 * named by its id.
 */
export function readHosts(index: ResourceIndex): HostPlacement[] {
  const tiersOf = (r: PlannedResource) =>
    references(r)
      .flatMap(([property, values]) =>
        values.length ? index.resolve(r, property, [values], isAzure(r) ? AZURE_GROUPS : AWS_GROUPS)[0]!.targets : [],
      )
      .map(tierTag)
      .filter((t): t is string => t !== undefined);
  const hosts = new Map<string, { tiers: Set<string>; origin: Origin }>();
  const place = (key: string, origin: Origin, tiers: string[]) => {
    const h = hosts.get(key) ?? { tiers: new Set<string>(), origin };
    tiers.forEach((t) => h.tiers.add(t));
    hosts.set(key, h);
  };
  for (const r of index.ofType(...Object.values(HOSTS))) place(r.urn, originOf(r), tiersOf(r));
  for (const r of index.ofType(...Object.values(HOST_ASSOCIATIONS))) {
    const [host] = index.resolve(r, "networkInterfaceId", [[r.inputs.networkInterfaceId]], INTERFACES);
    const target = host!.targets[0];
    place(
      target?.urn ?? str(r.inputs.networkInterfaceId)?.toLowerCase() ?? r.urn,
      target ? originOf(target) : originOf(r),
      tiersOf(r),
    );
  }
  return [...hosts.values()].map((h) => ({ tiers: [...h.tiers].sort(), origin: h.origin }));
}

export const READER: ReaderDeclaration = {
  name: "hosts",
  feeds: { "network.hosts": [...Object.values(HOSTS), ...Object.values(HOST_ASSOCIATIONS)] },
};
