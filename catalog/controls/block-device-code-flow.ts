import { ALL_APPS, ALL_CLIENTS, type ControlDefinition } from "../control";

export const blockDeviceCodeFlow: ControlDefinition = {
  id: "block-device-code-flow",
  displayName: "CA003-Global-AttackSurfaceReduction-AllApps-AnyPlatform-BlockDeviceCodeAndAuthTransfer",
  description: "Blocks the device code flow and authentication transfer for every user.",
  rationale: "Device-code phishing (e.g. Storm-2372) tricks users into signing an attacker's session in.",
  frameworks: ["ztmm-identity-authentication", "nist-207-t6"],
  references: ["Microsoft Zero Trust CA framework: AttackSurfaceReduction", "Maester Test-MtCaDeviceCodeFlow"],
  licence: "P1",
  reportOnlyCapable: true,
  policy: () => ({
    target: "allUsers",
    conditions: {
      applications: ALL_APPS,
      clientAppTypes: ALL_CLIENTS,
      authenticationFlowTransferMethods: ["deviceCodeFlow", "authenticationTransfer"],
    },
    grant: { operator: "OR", builtInControls: ["block"] },
  }),
};
