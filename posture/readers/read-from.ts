import type { PostureElement } from "../model";
import { AWS } from "./aws-network";
import { AZURE } from "./azure-network";
import { CLOUDFLARE } from "./cloudflare-access";
import { ENTRA } from "./entra-conditional-access";
import { PAAS } from "./paas-firewalls";
import { ENTRA_GROUPS } from "./group-members";
import { NACL } from "./network-acls";
import { AZURE_RBAC, ENTRA_PRIVILEGE, IAM } from "./privilege";
import { IAM_ROLE } from "./role-trust";
import { LAMBDA_PERMISSION, RESOURCE_POLICIES } from "./resource-policies";

/** The resource types each part of the posture is read from: what the pack runs a resource rule on. */
export const READ_FROM: Readonly<Record<PostureElement, readonly string[]>> = {
  "identity.policies": [ENTRA.policy],
  "identity.memberships": Object.values(ENTRA_GROUPS),
  "network.groups": [
    AWS.securityGroup,
    AWS.defaultSecurityGroup,
    AZURE.nsg,
    AZURE.asg,
    AZURE.classicNsg,
    AZURE.classicAsg,
  ],
  "network.rules": [
    AWS.securityGroup,
    AWS.defaultSecurityGroup,
    AWS.ingressRule,
    AWS.egressRule,
    AWS.legacyRule,
    AZURE.nsg,
    AZURE.rule,
    AZURE.classicNsg,
    AZURE.classicRule,
  ],
  "network.services": Object.keys(PAAS),
  "network.acls": Object.values(NACL),
  "access.apps": [CLOUDFLARE.application, CLOUDFLARE.legacyApplication],
  "access.policies": [CLOUDFLARE.policy, CLOUDFLARE.legacyPolicy, CLOUDFLARE.application, CLOUDFLARE.legacyApplication],
  "access.serviceTokens": [CLOUDFLARE.serviceToken, CLOUDFLARE.legacyServiceToken],
  "privilege.trusts": [IAM_ROLE],
  "privilege.publicGrants": [...Object.keys(RESOURCE_POLICIES), LAMBDA_PERMISSION],
  "privilege.grants": [
    ...Object.values(IAM),
    AZURE_RBAC.assignment,
    AZURE_RBAC.classicAssignment,
    ENTRA_PRIVILEGE.roleAssignment,
    ENTRA_PRIVILEGE.roleEligibility,
    ENTRA_PRIVILEGE.roleMember,
    ENTRA_PRIVILEGE.appRoleAssignment,
  ],
};

/** The resource types whose readers produce any of these parts. */
export const typesReading = (elements: readonly PostureElement[]): Set<string> =>
  new Set(elements.flatMap((e) => READ_FROM[e]));
