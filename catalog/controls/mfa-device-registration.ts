import { ALL_CLIENTS, type ControlDefinition } from "../control";

export const mfaDeviceRegistration: ControlDefinition = {
  id: "mfa-device-registration",
  displayName: "CA302-Global-IdentityProtection-RegisterOrJoinDevices-AnyPlatform-RequireMFA",
  description: "Requires MFA to register or join a device to Entra ID.",
  rationale:
    "A device registered with a stolen password gets a primary refresh token and can then pass device-based controls; the registration is where the attacker must be stopped.",
  frameworks: ["ztmm-devices-compliance", "ztmm-identity-authentication"],
  references: [
    "Microsoft Entra docs: require MFA for device registration (other common policies)",
    "Kenneth van Surksum CAD010",
    "j0eyv ConditionalAccessBaseline CA003",
  ],
  licence: "P1",
  // Entra does not evaluate user-action policies in report-only mode.
  reportOnlyCapable: false,
  // The register-or-join user action accepts only the built-in MFA grant. Entra's device setting
  // "Require MFA to register or join devices" should be No: this policy takes its place.
  policy: () => ({
    target: "allUsers",
    conditions: {
      applications: { includedUserActions: ["urn:user:registerdevice"] },
      clientAppTypes: ALL_CLIENTS,
    },
    grant: { operator: "OR", builtInControls: ["mfa"] },
  }),
};
