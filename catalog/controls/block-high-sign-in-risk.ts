import { ALL_APPS, ALL_CLIENTS, type ControlDefinition } from "../control";

export const blockHighSignInRisk: ControlDefinition = {
  id: "block-high-sign-in-risk",
  displayName: "CA201-Global-IdentityProtection-AllApps-AnyPlatform-BlockHighSignInRisk",
  description:
    "Blocks sign-ins that Entra ID Protection rates high risk (anonymous IPs, impossible travel, token replay).",
  rationale: "A high-risk sign-in is more likely an attacker than the user.",
  frameworks: ["scuba-aad-2.3", "ztmm-identity-risk", "nist-207-t4"],
  references: ["Microsoft Zero Trust CA framework: IdentityProtection"],
  licence: "P2",
  reportOnlyCapable: true,
  policy: () => ({
    target: "allUsers",
    conditions: { applications: ALL_APPS, clientAppTypes: ALL_CLIENTS, signInRiskLevels: ["high"] },
    grant: { operator: "OR", builtInControls: ["block"] },
  }),
};
