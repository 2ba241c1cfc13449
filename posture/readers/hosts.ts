import type { HostPlacement } from "../model";
import type { ResourceIndex } from "../index-resources";
import type { PlannedResource } from "../resource";
import { arr, obj } from "../values";
import { AWS } from "./aws-network";
import { AZURE } from "./azure-network";
import { originOf, tierTag } from "./origin";

/** Resources that put a host (or every host launched from them) into security groups or ASGs. */
export const HOSTS = {
  instance: "aws:ec2/instance:Instance",
  networkInterface: "aws:ec2/networkInterface:NetworkInterface",
  launchTemplate: "aws:ec2/launchTemplate:LaunchTemplate",
  nic: "azure-native:network:NetworkInterface",
} as const;

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
    default:
      return [
        [
          "ipConfigurations",
          arr(i.ipConfigurations).flatMap((c) => arr(obj(c).applicationSecurityGroups).map((a) => obj(a).id)),
        ],
      ];
  }
}

/** Reads which tiers each host is placed in, through the groups (or ASGs) it is a member of. */
export function readHosts(index: ResourceIndex): HostPlacement[] {
  return index.ofType(...Object.values(HOSTS)).map((r) => {
    const types = r.type === HOSTS.nic ? AZURE_GROUPS : AWS_GROUPS;
    const groups = references(r).flatMap(([property, values]) =>
      values.length ? index.resolve(r, property, [values], types)[0]!.targets : [],
    );
    const tiers = [...new Set(groups.map(tierTag).filter((t): t is string => t !== undefined))].sort();
    return { tiers, origin: originOf(r) };
  });
}
