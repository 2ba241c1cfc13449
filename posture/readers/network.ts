import type { NetworkPosture } from "../model";
import type { ResourceIndex } from "../index-resources";
import { readAwsNetwork } from "./aws-network";
import { readAzureNetwork } from "./azure-network";

export function readNetwork(index: ResourceIndex): NetworkPosture {
  const aws = readAwsNetwork(index);
  const azure = readAzureNetwork(index);
  return { groups: [...aws.groups, ...azure.groups], rules: [...aws.rules, ...azure.rules] };
}
