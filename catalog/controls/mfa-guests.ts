import { ALL_APPS, ALL_CLIENTS, type ControlDefinition } from "../control";

export const mfaGuests: ControlDefinition = {
  id: "mfa-guests",
  displayName: "CA500-Guests-BaseProtection-AllApps-AnyPlatform-RequireMFAStrength",
  description: "Requires the profile's authentication strength of guests and external users.",
  rationale: "Guest accounts are managed elsewhere; MFA is the one control the tenant can still insist on.",
  frameworks: ["ztmm-identity-authentication", "nis2-21-2-j"],
  references: ["Microsoft Zero Trust CA framework: Guests", "Maester Test-MtCaMfaForGuest"],
  licence: "P1",
  reportOnlyCapable: true,
  policy: (ctx) => ({
    target: "guests",
    conditions: { applications: ALL_APPS, clientAppTypes: ALL_CLIENTS },
    grant: { operator: "OR", authenticationStrengthPolicyId: ctx.userStrengthId },
  }),
};
