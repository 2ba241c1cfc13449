import type { ReaderDeclaration } from "./registry";
import { READER as awsIamGrants } from "./aws-iam-grants";
import { READER as awsSsoGrants } from "./aws-sso-grants";
import { READER as awsNetwork } from "./aws-network";
import { READER as azureDataPlane } from "./azure-data-plane";
import { READER as azureNetwork } from "./azure-network";
import { READER as azureRbac } from "./azure-rbac";
import { READER as cloudflareAccess } from "./cloudflare-access";
import { READER as entraConditionalAccess } from "./entra-conditional-access";
import { READER as entraRoles } from "./entra-roles";
import { READER as groupMembers } from "./group-members";
import { READER as hosts } from "./hosts";
import { READER as networkAcls } from "./network-acls";
import { READER as paasFirewalls } from "./paas-firewalls";
import { READER as privateEndpointConnections } from "./private-endpoint-connections";
import { READER as paasPublicAccess } from "./paas-public-access";
import { READER as remoteAccess } from "./remote-access";
import { READER as resourcePolicies } from "./resource-policies";
import { READER as roleTrust } from "./role-trust";
import { READER as serviceEndpoints } from "./service-endpoints";
import { READER as subnetAssociations } from "./subnet-associations";

/**
 * The registry: every reader's declaration. A new reader is listed here and nowhere else; the pack's
 * resource rules (read-from.ts) and the inventory test (scripts/inventory.ts) are derived from it.
 */
export const READERS: readonly ReaderDeclaration[] = [
  awsIamGrants,
  awsSsoGrants,
  awsNetwork,
  azureDataPlane,
  azureNetwork,
  azureRbac,
  cloudflareAccess,
  entraConditionalAccess,
  entraRoles,
  groupMembers,
  hosts,
  networkAcls,
  paasFirewalls,
  privateEndpointConnections,
  paasPublicAccess,
  remoteAccess,
  resourcePolicies,
  roleTrust,
  serviceEndpoints,
  subnetAssociations,
];
