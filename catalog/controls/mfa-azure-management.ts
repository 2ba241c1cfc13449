import { ALL_CLIENTS, type ControlDefinition } from "../control";
import { AZURE_MANAGEMENT_APP_ID } from "../well-known-ids";

export const mfaAzureManagement: ControlDefinition = {
  id: "mfa-azure-management",
  displayName: "CA006-Global-BaseProtection-AzureManagement-AnyPlatform-RequireMFAStrength",
  description: "Requires the profile's authentication strength for Azure management (portal, CLI, PowerShell, ARM).",
  rationale: "Anyone who reaches Azure Resource Manager can change infrastructure; no exemption from MFA there.",
  frameworks: ["ztmm-identity-authentication", "nis2-21-2-j"],
  references: ["Microsoft Zero Trust CA framework: BaseProtection", "Maester Test-MtCaMfaForAdminManagement"],
  licence: "P1",
  reportOnlyCapable: true,
  policy: (ctx) => ({
    target: "allUsers",
    conditions: { applications: { includedApplications: [AZURE_MANAGEMENT_APP_ID] }, clientAppTypes: ALL_CLIENTS },
    grant: { operator: "OR", authenticationStrengthPolicyId: ctx.userStrengthId },
  }),
};
