import { ALL_APPS, type ControlDefinition } from "../control";

export const blockLegacyAuth: ControlDefinition = {
  id: "block-legacy-auth",
  displayName: "CA001-Global-BaseProtection-AllApps-AnyPlatform-BlockLegacyAuth",
  description: "Blocks Exchange ActiveSync and other legacy protocols for every user.",
  rationale: "Legacy protocols cannot do MFA: they are how password-spray and stuffing attacks get in.",
  frameworks: ["scuba-aad-1.1", "ztmm-identity-authentication", "nist-207-t6"],
  references: ["Microsoft Zero Trust CA framework: BaseProtection", "Maester Test-MtCaBlockLegacyOtherAuthentication"],
  licence: "P1",
  reportOnlyCapable: true,
  policy: () => ({
    target: "allUsers",
    conditions: { applications: ALL_APPS, clientAppTypes: ["exchangeActiveSync", "other"] },
    grant: { operator: "OR", builtInControls: ["block"] },
  }),
};
