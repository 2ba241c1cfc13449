import { ALL_APPS, ALL_CLIENTS, type ControlDefinition } from "../control";

export const mfaMediumSignInRisk: ControlDefinition = {
  id: "mfa-medium-sign-in-risk",
  displayName: "CA202-Global-IdentityProtection-AllApps-AnyPlatform-RequireMFAForMediumSignInRisk",
  description: "Requires fresh MFA, every time, for sign-ins rated medium risk.",
  rationale: "Medium risk is too common to block and too risky to trust a remembered session.",
  frameworks: ["ztmm-identity-risk", "nist-207-t6"],
  references: ["Microsoft Zero Trust CA framework: IdentityProtection", "Maester Test-MtCaMfaForRiskySignIn"],
  licence: "P2",
  reportOnlyCapable: true,
  policy: (ctx) => ({
    target: "allUsers",
    conditions: { applications: ALL_APPS, clientAppTypes: ALL_CLIENTS, signInRiskLevels: ["medium"] },
    grant: { operator: "OR", authenticationStrengthPolicyId: ctx.userStrengthId },
    session: { signInFrequencyInterval: "everyTime" },
  }),
};
