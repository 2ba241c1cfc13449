import { ALL_CLIENTS, type ControlDefinition } from "../control";

export const secureSecurityInfoRegistration: ControlDefinition = {
  id: "secure-security-info-registration",
  displayName: "CA301-Global-IdentityProtection-RegisterSecurityInfo-AnyPlatform-TrustedLocationOrCompliantDevice",
  description:
    "Security info (MFA methods) can be registered only from a compliant device, or (smb) from a trusted location.",
  rationale: "An attacker with a password registers their own MFA method; bind registration to trusted context.",
  frameworks: ["scuba-aad-3.8", "ztmm-identity-authentication"],
  references: ["Maester Test-MtCaSecureSecurityInfoRegistration"],
  licence: "P1",
  // Entra does not evaluate user-action policies in report-only mode.
  reportOnlyCapable: false,
  // `smb` lets the office network register (new starters without a device yet); `strict` does not.
  policy: (ctx) => ({
    target: "allUsers",
    conditions: {
      applications: { includedUserActions: ["urn:user:registersecurityinfo"] },
      clientAppTypes: ALL_CLIENTS,
      ...(ctx.preset === "strict"
        ? {}
        : { locations: { includedLocations: ["All"], excludedLocations: ["AllTrusted"] } }),
    },
    grant: { operator: "OR", builtInControls: ["compliantDevice"] },
  }),
};
