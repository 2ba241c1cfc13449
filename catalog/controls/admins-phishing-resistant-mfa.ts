import { ALL_APPS, ALL_CLIENTS, type ControlDefinition } from "../control";

export const adminsPhishingResistantMfa: ControlDefinition = {
  id: "admins-phishing-resistant-mfa",
  displayName: "CA100-Admins-IdentityProtection-AllApps-AnyPlatform-PhishingResistantMFA",
  description: "Requires phishing-resistant authentication (FIDO2, Windows Hello, certificate) of privileged roles.",
  rationale: "Adversary-in-the-middle kits phish ordinary MFA; privileged accounts must present a bound credential.",
  frameworks: ["scuba-aad-3.6", "ztmm-identity-authentication", "nis2-21-2-j"],
  references: ["Microsoft Zero Trust CA framework: Admins", "Maester Test-MtCaMfaForAdmin"],
  licence: "P1",
  reportOnlyCapable: true,
  policy: (ctx) => ({
    target: "adminRoles",
    conditions: { applications: ALL_APPS, clientAppTypes: ALL_CLIENTS },
    grant: { operator: "OR", authenticationStrengthPolicyId: ctx.adminStrengthId },
  }),
};
