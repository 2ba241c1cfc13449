import { ALL_APPS, ALL_CLIENTS, type ControlDefinition } from "../control";

export const requireCompliantDevice: ControlDefinition = {
  id: "require-compliant-device",
  displayName: "CA300-Global-DeviceProtection-AllApps-AnyPlatform-RequireCompliantOrHybridJoined",
  description: "Requires an Intune-compliant or hybrid Entra-joined device of members (not guests) on every app.",
  rationale: "Device trust: a valid identity on an unhealthy device is still a compromised session.",
  frameworks: ["scuba-aad-3.7", "ztmm-devices-compliance", "nist-207-t5"],
  references: ["Microsoft Zero Trust CA framework: DeviceProtection"],
  licence: "P1",
  reportOnlyCapable: true,
  policy: () => ({
    target: "members",
    conditions: { applications: ALL_APPS, clientAppTypes: ALL_CLIENTS },
    grant: { operator: "OR", builtInControls: ["compliantDevice", "domainJoinedDevice"] },
  }),
};
