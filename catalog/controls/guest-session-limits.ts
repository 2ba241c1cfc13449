import { ALL_APPS, ALL_CLIENTS, type ControlDefinition } from "../control";

export const guestSessionLimits: ControlDefinition = {
  id: "guest-session-limits",
  displayName: "CA501-Guests-SessionManagement-AllApps-AnyPlatform-SignInFrequency-NonPersistentBrowser",
  description:
    "Re-authenticates guests and external users every identity.sessions.signInFrequency and never persists their browser session.",
  rationale:
    "A guest's device is never managed by this tenant, so the unmanaged-device limits cannot see it; and a guest whose home account is disabled keeps this tenant's session until it expires.",
  frameworks: ["ztmm-identity-access-management", "nist-207-t3"],
  references: ["Microsoft Zero Trust CA framework: Guests", "j0eyv ConditionalAccessBaseline CA402, CA403"],
  licence: "P1",
  reportOnlyCapable: true,
  policy: (ctx) => ({
    target: "guests",
    conditions: { applications: ALL_APPS, clientAppTypes: ALL_CLIENTS },
    session: {
      signInFrequency: ctx.userSignInFrequencyHours,
      signInFrequencyPeriod: "hours",
      persistentBrowserMode: "never",
    },
  }),
};
