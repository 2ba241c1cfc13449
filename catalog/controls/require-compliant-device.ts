import { ALL_APPS, ALL_CLIENTS, type ControlDefinition } from "../control";

export const requireCompliantDevice: ControlDefinition = {
  id: "require-compliant-device",
  displayName: "CA300-Global-DeviceProtection-AllApps-AnyPlatform-RequireCompliantOrHybridJoined",
  description:
    "Requires an Intune-compliant or hybrid Entra-joined device on every app: of members (smb), of everyone (strict).",
  rationale: "Device trust: a valid identity on an unhealthy device is still a compromised session.",
  frameworks: ["scuba-aad-3.7", "ztmm-devices-compliance", "nist-207-t5"],
  references: ["Microsoft Zero Trust CA framework: DeviceProtection"],
  licence: "P1",
  reportOnlyCapable: true,
  // Guests rarely have a device enrolled in this tenant: `smb` spares them (ScubaGear then needs
  // their types in CapExclusions), `strict` does not.
  policy: (ctx) => ({
    target: ctx.preset === "strict" ? "allUsers" : "members",
    conditions: { applications: ALL_APPS, clientAppTypes: ALL_CLIENTS },
    grant: { operator: "OR", builtInControls: ["compliantDevice", "domainJoinedDevice"] },
  }),
};
