/**
 * The pack's policy names, as data: stable kebab-case ids that users configure, and that recorded
 * exceptions name. The profile validates exceptions against this list without loading the pack; a
 * test keeps it equal to the pack's rules.
 */
export const POLICY_IDS = [
  "identity-baseline-coverage",
  "identity-break-glass-excluded",
  "identity-no-break-glass-members-added",
  "identity-no-undeclared-exclusions",
  "identity-baseline-enforced",
  "identity-grants-not-weakened",
  "identity-session-limits",
  "network-no-internet-ingress-beyond-edge",
  "network-no-admin-ports-from-internet",
  "network-acl-no-admin-ports-from-internet",
  "network-no-paas-open-to-internet",
  "network-one-tier-per-host",
  "network-remote-access-scoped",
  "network-no-any-port-rules",
  "network-flows-follow-tier-model",
  "network-tier-to-tier-by-reference",
  "network-restricted-egress",
  "network-azure-explicit-deny",
  "network-no-mixed-rule-styles",
  "network-security-groups-tagged",
  "access-no-everyone-without-require",
  "access-no-bypass",
  "access-session-within-ceiling",
  "access-require-mfa",
  "access-service-tokens-expire",
  "access-tunnel-routes-behind-access",
  "privilege-no-wildcard-admin-for-people",
  "privilege-no-admin-role-without-mfa",
  "privilege-no-directory-control-for-apps",
  "privilege-no-broad-azure-roles",
  "privilege-no-permanent-global-admin",
  "privilege-no-open-role-trust",
  "privilege-no-public-resource-policy",
  "privilege-no-default-providers-in-msp-stacks",
  "posture-within-lock",
  "posture-every-type-read",
] as const;
export type PolicyId = (typeof POLICY_IDS)[number];
