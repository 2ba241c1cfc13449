/**
 * Which framework items each piece of the baseline helps satisfy. Keys are Conditional Access
 * control ids, policy names of the pack, and component features (`feature:<name>`).
 */
export const MAPPING: Readonly<Record<string, readonly string[]>> = {
  // Conditional Access controls (components/identity/controls)
  "block-legacy-auth": ["scuba-aad-1.1", "ztmm-identity-authentication", "nist-207-t6"],
  "mfa-all-users": ["scuba-aad-3.2", "ztmm-identity-authentication", "nis2-21-2-j", "nist-207-t6"],
  "block-device-code-flow": ["ztmm-identity-authentication", "nist-207-t6"],
  "block-unknown-platforms": ["ztmm-devices-compliance", "nist-207-t4"],
  "block-non-allowed-countries": ["ztmm-identity-access-management", "nist-207-t4"],
  "mfa-azure-management": ["ztmm-identity-authentication", "nis2-21-2-j"],
  "admins-phishing-resistant-mfa": ["scuba-aad-3.6", "ztmm-identity-authentication", "nis2-21-2-j"],
  "admins-compliant-device-admin-portals": ["scuba-aad-3.7", "ztmm-devices-compliance"],
  "admins-session-limits": ["ztmm-identity-access-management", "nist-207-t3"],
  "block-high-user-risk": ["scuba-aad-2.1", "ztmm-identity-risk", "nist-207-t4"],
  "block-high-sign-in-risk": ["scuba-aad-2.3", "ztmm-identity-risk", "nist-207-t4"],
  "mfa-medium-sign-in-risk": ["ztmm-identity-risk", "nist-207-t6"],
  "require-compliant-device": ["scuba-aad-3.7", "ztmm-devices-compliance", "nist-207-t5"],
  "secure-security-info-registration": ["scuba-aad-3.8", "ztmm-identity-authentication"],
  "unmanaged-device-session-limits": ["ztmm-identity-access-management", "nist-207-t3"],
  "mfa-guests": ["ztmm-identity-authentication", "nis2-21-2-j"],
  // Components
  "feature:aws-mfa": ["nis2-21-2-j", "ztmm-identity-authentication"],
  "feature:aws-segmentation": ["ztmm-networks-segmentation", "nist-207-t2", "nis2-21-2-i"],
  "feature:azure-segmentation": ["ztmm-networks-segmentation", "nist-207-t2", "nis2-21-2-i"],
  "feature:privileged-access": ["ztmm-identity-access-management", "nis2-21-2-i", "nist-207-t3"],
  "feature:entra-log-export": ["ztmm-visibility", "nist-207-t5", "nist-207-t7", "nis2-21-2-b"],
  "feature:break-glass-alert": ["ztmm-visibility", "nis2-21-2-b"],
  "feature:cloudtrail": ["cis-aws-3.1", "cis-aws-3.2", "ztmm-visibility", "nis2-21-2-b"],
  "feature:guardduty": ["ztmm-visibility", "nist-207-t5", "nis2-21-2-b"],
  "feature:cloudflare-logpush": ["ztmm-visibility", "nist-207-t7"],
  "feature:ztna": ["ztmm-apps-access", "ztmm-apps-accessible", "nist-207-t3", "nist-207-t6"],
  // Policies of the pack (always present where the pack runs)
  "network-no-internet-ingress-beyond-edge": ["ztmm-networks-traffic", "ztmm-governance"],
  "network-no-admin-ports-from-internet": ["cis-aws-5.2", "ztmm-networks-traffic"],
  "network-flows-follow-tier-model": ["ztmm-networks-segmentation", "ztmm-governance"],
  "network-restricted-egress": ["ztmm-networks-traffic"],
  "privilege-no-wildcard-admin-for-people": ["cis-aws-1.16", "nis2-21-2-i"],
  "posture-within-lock": ["ztmm-governance", "nis2-21-2-f", "nist-207-t7"],
};
