import { ALL_APPS, ALL_CLIENTS, type ControlDefinition } from "../control";

export const blockAuthenticationTransfer: ControlDefinition = {
  id: "block-authentication-transfer",
  displayName: "CA007-Global-AttackSurfaceReduction-AllApps-AnyPlatform-BlockAuthTransfer",
  description: "Blocks authentication transfer (moving a signed-in session from a computer to a phone) for every user.",
  rationale: "A transferred session skips the second device's own sign-in: an attacker at one end carries it over.",
  frameworks: ["ztmm-identity-authentication", "nist-207-t6"],
  references: ["Microsoft Zero Trust CA framework: AttackSurfaceReduction"],
  licence: "P1",
  reportOnlyCapable: true,
  policy: () => ({
    target: "allUsers",
    conditions: {
      applications: ALL_APPS,
      clientAppTypes: ALL_CLIENTS,
      authenticationFlowTransferMethods: ["authenticationTransfer"],
    },
    grant: { operator: "OR", builtInControls: ["block"] },
  }),
};
