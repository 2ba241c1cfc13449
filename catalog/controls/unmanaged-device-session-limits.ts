import { ALL_APPS, type ControlDefinition } from "../control";

export const unmanagedDeviceSessionLimits: ControlDefinition = {
  id: "unmanaged-device-session-limits",
  displayName: "CA400-Global-SessionManagement-AllApps-UnmanagedDevices-SignInFrequency-NonPersistentBrowser",
  description:
    "On devices that are neither compliant nor hybrid-joined: re-authenticate every identity.sessions.signInFrequency, no persistent browser.",
  rationale: "Shared and personal devices keep cookies long after the user walked away.",
  frameworks: ["ztmm-identity-access-management", "nist-207-t3"],
  references: [
    "Microsoft Zero Trust CA framework: SessionManagement",
    "Maester Test-MtCaEnforceNonPersistentBrowserSession",
  ],
  licence: "P1",
  reportOnlyCapable: true,
  policy: (ctx) => ({
    target: "allUsers",
    conditions: {
      applications: ALL_APPS,
      clientAppTypes: ["browser"],
      devices: {
        filter: { mode: "include", rule: 'device.isCompliant -ne True -and device.trustType -ne "ServerAD"' },
      },
    },
    session: {
      signInFrequency: ctx.userSignInFrequencyHours,
      signInFrequencyPeriod: "hours",
      persistentBrowserMode: "never",
    },
  }),
};
