import { ALL_APPS, ALL_CLIENTS, type ControlDefinition } from "../control";

export const adminsSessionLimits: ControlDefinition = {
  id: "admins-session-limits",
  displayName: "CA102-Admins-SessionManagement-AllApps-AnyPlatform-SignInFrequency-NonPersistentBrowser",
  description:
    "Re-authenticates privileged roles every identity.sessions.adminSignInFrequency and never persists their browser session.",
  rationale: "Stolen admin session cookies are worth the most; keep their lifetime short.",
  frameworks: ["ztmm-identity-access-management", "nist-207-t3"],
  references: ["Microsoft Zero Trust CA framework: Admins", "Maester Test-MtCaEnforceSignInFrequency"],
  licence: "P1",
  reportOnlyCapable: true,
  policy: (ctx) => ({
    target: "adminRoles",
    conditions: { applications: ALL_APPS, clientAppTypes: ALL_CLIENTS },
    session: {
      signInFrequency: ctx.adminSignInFrequencyHours,
      signInFrequencyPeriod: "hours",
      persistentBrowserMode: "never",
    },
  }),
};
