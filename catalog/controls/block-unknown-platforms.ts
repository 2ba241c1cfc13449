import { ALL_APPS, ALL_CLIENTS, type ControlDefinition } from "../control";

export const blockUnknownPlatforms: ControlDefinition = {
  id: "block-unknown-platforms",
  displayName: "CA004-Global-AttackSurfaceReduction-AllApps-UnknownPlatforms-Block",
  description: "Blocks sign-ins from device platforms other than Windows, macOS, Linux, iOS and Android.",
  rationale: "Spoofed or unsupported platforms are used to dodge device-based controls.",
  frameworks: ["ztmm-devices-compliance", "nist-207-t4"],
  references: ["Microsoft Zero Trust CA framework: AttackSurfaceReduction"],
  licence: "P1",
  reportOnlyCapable: true,
  policy: () => ({
    target: "allUsers",
    conditions: {
      applications: ALL_APPS,
      clientAppTypes: ALL_CLIENTS,
      platforms: { includedPlatforms: ["all"], excludedPlatforms: ["android", "iOS", "windows", "macOS", "linux"] },
    },
    grant: { operator: "OR", builtInControls: ["block"] },
  }),
};
