import type { ResourceRule } from "../../rule";
import { resourceName } from "../support";

export const identitySessionLimits: ResourceRule = {
  kind: "resource",
  name: "identity-session-limits",
  layer: "identity",
  description:
    "Sign-in frequencies stay within the ceilings, and privileged roles never get a persistent browser session.",
  severity: "medium",
  enforcementLevel: "mandatory",
  frameworks: ["nist-207-t3", "ztmm-identity-access-management"],
  references: ["Maester Test-MtCaEnforceSignInFrequency", "Maester Test-MtCaEnforceNonPersistentBrowserSession"],
  remediation: "Lower signInFrequency to the ceiling, and set persistentBrowserMode to never on admin policies.",
  reads: ["identity.policies"],
  uses: ["maxSignInFrequencyHours", "maxAdminSignInFrequencyHours", "privilegedRoles"],
  judge: (posture, s) =>
    posture.identity.policies.flatMap((p) => {
      const admin = p.users.includeRoles.some((r) => s.privilegedRoles.includes(r));
      const ceiling = admin ? s.maxAdminSignInFrequencyHours : s.maxSignInFrequencyHours;
      const hours = p.session?.signInFrequencyHours;
      return [
        ...(hours !== undefined && hours > ceiling
          ? [
              {
                urn: p.origin.urn,
                message: `${resourceName(p.origin)} ('${p.displayName}') lets ${admin ? "admins" : "users"} stay signed in for ${hours}h, beyond the ${ceiling}h ceiling. Lower signInFrequency.`,
              },
            ]
          : []),
        ...(admin && p.session?.persistentBrowser === "always"
          ? [
              {
                urn: p.origin.urn,
                message: `${resourceName(p.origin)} ('${p.displayName}') keeps admin browser sessions persistent. Set persistentBrowserMode to never.`,
              },
            ]
          : []),
      ];
    }),
};
