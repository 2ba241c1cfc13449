import { ALL_APPS, ALL_CLIENTS, type ControlDefinition } from "../control";

export const blockDeviceCodeFlow: ControlDefinition = {
  id: "block-device-code-flow",
  displayName: "CA003-Global-AttackSurfaceReduction-AllApps-AnyPlatform-BlockDeviceCodeFlow",
  description: "Blocks the device code flow for every user.",
  rationale: "Device-code phishing (e.g. Storm-2372) tricks users into signing an attacker's session in.",
  // Its own policy, not shared with authentication transfer: ScubaGear's MS.AAD.3.9v1 counts only a
  // policy whose transfer methods are exactly the device code flow.
  frameworks: ["scuba-aad-3.9", "ztmm-identity-authentication", "nist-207-t6"],
  references: ["Microsoft Zero Trust CA framework: AttackSurfaceReduction", "Maester Test-MtCaDeviceCodeFlow"],
  licence: "P1",
  reportOnlyCapable: true,
  policy: () => ({
    target: "allUsers",
    conditions: {
      applications: ALL_APPS,
      clientAppTypes: ALL_CLIENTS,
      authenticationFlowTransferMethods: ["deviceCodeFlow"],
    },
    grant: { operator: "OR", builtInControls: ["block"] },
  }),
};
