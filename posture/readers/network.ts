import type { NetworkPosture, NetworkRule } from "../model";
import type { ResourceIndex } from "../index-resources";
import { readAwsNetwork } from "./aws-network";
import { readAzureNetwork } from "./azure-network";
import { readHosts } from "./hosts";
import { readNetworkAcls } from "./network-acls";
import { readServiceOpenings } from "./paas-firewalls";
import { readPaasPublicAccess } from "./paas-public-access";
import { readServiceEndpoints } from "./service-endpoints";
import { readPrivateEndpointConnections } from "./private-endpoint-connections";
import { readRemoteAccess } from "./remote-access";
import { readSubnets } from "./subnet-associations";

/** What a rule allows or denies, on which group: two rules with the same key are the same rule. */
const ruleKey = (r: NetworkRule) =>
  JSON.stringify([
    r.group,
    r.cloud,
    r.direction,
    r.access,
    r.priority ?? null,
    r.from,
    r.to,
    r.protocol,
    r.ports ?? null,
    r.icmp ?? null,
  ]);

/**
 * After `pulumi refresh`, a security group's and an NSG's outputs list every rule the cloud holds
 * for it, the ones standalone rule resources created included. Such an inline entry is that
 * standalone rule seen twice, not a second style of rule (nor a second flow): it is dropped.
 */
function withoutRefreshedCopies(rules: readonly NetworkRule[]): NetworkRule[] {
  const standalone = new Set(rules.filter((r) => !r.inline && r.group).map(ruleKey));
  return rules.filter((r) => !r.inline || !standalone.has(ruleKey(r)));
}

export function readNetwork(index: ResourceIndex): NetworkPosture {
  const aws = readAwsNetwork(index);
  const azure = readAzureNetwork(index);
  const { spaces, subnets, placedBy } = readSubnets(index);
  return {
    groups: [...aws.groups, ...azure.groups],
    rules: withoutRefreshedCopies([...aws.rules, ...azure.rules]),
    services: [
      ...readServiceOpenings(index),
      ...readServiceEndpoints(index),
      ...readPaasPublicAccess(index),
      ...readPrivateEndpointConnections(index),
    ],
    hosts: readHosts(index, placedBy),
    acls: readNetworkAcls(index),
    remote: readRemoteAccess(index),
    spaces,
    subnets,
  };
}
