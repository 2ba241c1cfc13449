import { ALL_CLIENTS, type ControlDefinition } from "../control";
import { ADMIN_PORTALS_APP, AZURE_MANAGEMENT_APP_ID } from "../well-known-ids";

export const adminsCompliantDeviceAdminPortals: ControlDefinition = {
  id: "admins-compliant-device-admin-portals",
  displayName: "CA101-Admins-IdentityProtection-AdminPortals-AnyPlatform-RequireMFAAndCompliantDevice",
  description: "Admins reach the Microsoft admin portals and Azure management only with MFA from a compliant device.",
  rationale: "A privileged session from an unmanaged device is a privileged session on a device nobody watches.",
  frameworks: ["ztmm-devices-compliance"],
  references: ["Microsoft Zero Trust CA framework: Admins", "Maester Test-MtCaDeviceComplianceAdminsRequired"],
  licence: "P1",
  reportOnlyCapable: true,
  policy: () => ({
    target: "adminRoles",
    conditions: {
      applications: { includedApplications: [ADMIN_PORTALS_APP, AZURE_MANAGEMENT_APP_ID] },
      clientAppTypes: ALL_CLIENTS,
    },
    grant: { operator: "AND", builtInControls: ["mfa", "compliantDevice"] },
  }),
};
