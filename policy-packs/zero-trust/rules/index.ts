import type { Rule } from "../rule";
import { accessNoBypass } from "./access/access-no-bypass";
import { accessNoEveryoneWithoutRequire } from "./access/access-no-everyone-without-require";
import { accessRequireMfa } from "./access/access-require-mfa";
import { accessServiceTokensExpire } from "./access/access-service-tokens-expire";
import { accessTunnelRoutesBehindAccess } from "./access/access-tunnel-routes-behind-access";
import { accessSessionWithinCeiling } from "./access/access-session-within-ceiling";
import { postureWithinLock } from "./posture/posture-within-lock";
import { postureEveryTypeRead } from "./posture/posture-every-type-read";
import { identityBaselineCoverage } from "./identity/identity-baseline-coverage";
import { identityBaselineEnforced } from "./identity/identity-baseline-enforced";
import { identityGrantsNotWeakened } from "./identity/identity-grants-not-weakened";
import { identityBreakGlassExcluded } from "./identity/identity-break-glass-excluded";
import { identityNoBreakGlassMembersAdded } from "./identity/identity-no-break-glass-members-added";
import { identityNoUndeclaredExclusions } from "./identity/identity-no-undeclared-exclusions";
import { identitySessionLimits } from "./identity/identity-session-limits";
import { networkAzureExplicitDeny } from "./network/network-azure-explicit-deny";
import { networkFlowsFollowTierModel } from "./network/network-flows-follow-tier-model";
import { networkNoAdminPortsFromInternet } from "./network/network-no-admin-ports-from-internet";
import { networkAclNoAdminPortsFromInternet } from "./network/network-acl-no-admin-ports-from-internet";
import { networkNoPaasOpenToInternet } from "./network/network-no-paas-open-to-internet";
import { networkOneTierPerHost } from "./network/network-one-tier-per-host";
import { networkRemoteAccessScoped } from "./network/network-remote-access-scoped";
import { networkNoAnyPortRules } from "./network/network-no-any-port-rules";
import { networkNoInternetIngressBeyondEdge } from "./network/network-no-internet-ingress-beyond-edge";
import { networkNoMixedRuleStyles } from "./network/network-no-mixed-rule-styles";
import { networkRestrictedEgress } from "./network/network-restricted-egress";
import { networkSecurityGroupsTagged } from "./network/network-security-groups-tagged";
import { networkTierToTierByReference } from "./network/network-tier-to-tier-by-reference";
import { privilegeNoDefaultProvidersInMspStacks } from "./privilege/privilege-no-default-providers-in-msp-stacks";
import { privilegeNoBroadAzureRoles } from "./privilege/privilege-no-broad-azure-roles";
import { privilegeNoPermanentGlobalAdmin } from "./privilege/privilege-no-permanent-global-admin";
import { privilegeNoOpenRoleTrust } from "./privilege/privilege-no-open-role-trust";
import { privilegeNoPublicResourcePolicy } from "./privilege/privilege-no-public-resource-policy";
import { privilegeNoWildcardAdminForPeople } from "./privilege/privilege-no-wildcard-admin-for-people";
import { privilegeNoAdminRoleWithoutMfa } from "./privilege/privilege-no-admin-role-without-mfa";
import { privilegeNoDirectoryControlForApps } from "./privilege/privilege-no-directory-control-for-apps";

/** Every rule of the pack, by layer. A test pins this list and each rule's level. */
export const RULES: readonly Rule[] = [
  identityBaselineCoverage,
  identityBreakGlassExcluded,
  identityNoBreakGlassMembersAdded,
  identityNoUndeclaredExclusions,
  identityBaselineEnforced,
  identityGrantsNotWeakened,
  identitySessionLimits,
  networkNoInternetIngressBeyondEdge,
  networkNoAdminPortsFromInternet,
  networkAclNoAdminPortsFromInternet,
  networkNoPaasOpenToInternet,
  networkOneTierPerHost,
  networkRemoteAccessScoped,
  networkNoAnyPortRules,
  networkFlowsFollowTierModel,
  networkTierToTierByReference,
  networkRestrictedEgress,
  networkAzureExplicitDeny,
  networkNoMixedRuleStyles,
  networkSecurityGroupsTagged,
  accessNoEveryoneWithoutRequire,
  accessNoBypass,
  accessSessionWithinCeiling,
  accessRequireMfa,
  accessServiceTokensExpire,
  accessTunnelRoutesBehindAccess,
  privilegeNoWildcardAdminForPeople,
  privilegeNoAdminRoleWithoutMfa,
  privilegeNoDirectoryControlForApps,
  privilegeNoBroadAzureRoles,
  privilegeNoPermanentGlobalAdmin,
  privilegeNoOpenRoleTrust,
  privilegeNoPublicResourcePolicy,
  privilegeNoDefaultProvidersInMspStacks,
  postureWithinLock,
  postureEveryTypeRead,
];
