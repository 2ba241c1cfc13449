/**
 * The catalog's control ids as a type, so data that points at a control (the baselines'
 * cross-reference) is checked by the compiler; test/baselines.test.ts holds it equal to CONTROL_IDS.
 */
export type ControlId =
  | "block-legacy-auth"
  | "mfa-all-users"
  | "block-device-code-flow"
  | "block-unknown-platforms"
  | "block-non-allowed-countries"
  | "mfa-azure-management"
  | "block-authentication-transfer"
  | "phishing-resistant-mfa-all-users"
  | "admins-phishing-resistant-mfa"
  | "admins-compliant-device-admin-portals"
  | "admins-session-limits"
  | "block-high-user-risk"
  | "block-high-sign-in-risk"
  | "mfa-medium-sign-in-risk"
  | "require-compliant-device"
  | "secure-security-info-registration"
  | "unmanaged-device-session-limits"
  | "mfa-guests"
  | "mfa-device-registration"
  | "guest-session-limits";

/** Every ControlId once: the compiler refuses a missing or extra key, the test compares it with CONTROL_IDS. */
export const TYPED_CONTROL_IDS: Record<ControlId, true> = {
  "block-legacy-auth": true,
  "mfa-all-users": true,
  "block-device-code-flow": true,
  "block-unknown-platforms": true,
  "block-non-allowed-countries": true,
  "mfa-azure-management": true,
  "block-authentication-transfer": true,
  "phishing-resistant-mfa-all-users": true,
  "admins-phishing-resistant-mfa": true,
  "admins-compliant-device-admin-portals": true,
  "admins-session-limits": true,
  "block-high-user-risk": true,
  "block-high-sign-in-risk": true,
  "mfa-medium-sign-in-risk": true,
  "require-compliant-device": true,
  "secure-security-info-registration": true,
  "unmanaged-device-session-limits": true,
  "mfa-guests": true,
  "mfa-device-registration": true,
  "guest-session-limits": true,
};
