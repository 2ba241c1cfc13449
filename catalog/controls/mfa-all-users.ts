import { ALL_APPS, ALL_CLIENTS, type ControlDefinition } from "../control";

export const mfaAllUsers: ControlDefinition = {
  id: "mfa-all-users",
  displayName: "CA002-Global-BaseProtection-AllApps-AnyPlatform-RequireMFAStrength",
  description: "Requires the profile's authentication strength (mfa.strength) of every user on every app.",
  rationale: "MFA stops the overwhelming majority of account-takeover attacks that start from a stolen password.",
  frameworks: ["scuba-aad-3.2", "ztmm-identity-authentication", "nis2-21-2-j", "nist-207-t6"],
  references: ["Microsoft Zero Trust CA framework: BaseProtection", "Maester Test-MtCaMfaForAllUsers"],
  licence: "P1",
  reportOnlyCapable: true,
  policy: (ctx) => ({
    target: "allUsers",
    conditions: { applications: ALL_APPS, clientAppTypes: ALL_CLIENTS },
    grant: { operator: "OR", authenticationStrengthPolicyId: ctx.userStrengthId },
  }),
};
