import { ALL_APPS, ALL_CLIENTS, type ControlDefinition } from "../control";

export const blockHighUserRisk: ControlDefinition = {
  id: "block-high-user-risk",
  displayName: "CA200-Global-IdentityProtection-AllApps-AnyPlatform-BlockHighUserRisk",
  description: "Blocks users whom Entra ID Protection rates high risk (leaked credentials, confirmed compromise).",
  rationale: "A high user risk means the account is probably already someone else's.",
  frameworks: ["scuba-aad-2.1", "ztmm-identity-risk", "nist-207-t4"],
  references: ["Microsoft Zero Trust CA framework: IdentityProtection"],
  licence: "P2",
  reportOnlyCapable: true,
  policy: () => ({
    target: "allUsers",
    conditions: { applications: ALL_APPS, clientAppTypes: ALL_CLIENTS, userRiskLevels: ["high"] },
    grant: { operator: "OR", builtInControls: ["block"] },
  }),
};
