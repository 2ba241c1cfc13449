import { ALL_APPS, ALL_CLIENTS, type ControlDefinition } from "../control";

export const phishingResistantMfaAllUsers: ControlDefinition = {
  id: "phishing-resistant-mfa-all-users",
  displayName: "CA008-Global-BaseProtection-AllApps-AnyPlatform-RequirePhishingResistantMFA",
  description:
    "Requires phishing-resistant authentication (FIDO2, Windows Hello, certificate) of every user on every app.",
  rationale:
    "Adversary-in-the-middle kits relay push and one-time codes; only a bound credential stops them for everyone.",
  frameworks: ["scuba-aad-3.1", "ztmm-identity-authentication", "nis2-21-2-j", "nist-207-t6"],
  references: ["CISA SCuBA MS.AAD.3.1v1", "OMB M-22-09"],
  licence: "P1",
  reportOnlyCapable: true,
  // Guests sign in with their home tenant's methods: requiring a bound credential of everyone is the
  // strict preset's cost, not the SMB default.
  presets: ["strict"],
  policy: (ctx) => ({
    target: "allUsers",
    conditions: { applications: ALL_APPS, clientAppTypes: ALL_CLIENTS },
    grant: { operator: "OR", authenticationStrengthPolicyId: ctx.adminStrengthId },
  }),
};
