import type { StackRule } from "../../rule";
import { resourceName } from "../support";

export const accessRequireMfa: StackRule = {
  kind: "stack",
  name: "access-require-mfa",
  layer: "access",
  description:
    "Every Access application's allow policies require MFA (authMethod mfa, in the policy or in an Access group it requires).",
  severity: "high",
  enforcementLevel: "mandatory",
  frameworks: ["nis2-21-2-j", "ztmm-apps-access"],
  references: ["Cloudflare Access: require authentication method mfa"],
  remediation: 'Add a require rule { authMethod: { authMethod: "mfa" } } to the app\'s allow policies.',
  uses: ["requireMfa"],
  judge: (posture, s) =>
    !s.requireMfa
      ? []
      : posture.access.apps.flatMap((app) =>
          app.policies
            .filter((p) => p.decision === "allow" && !p.mfaEnforced)
            .map((p) => ({
              urn: p.origin.urn,
              message: `${resourceName(p.origin)} lets people into '${app.domain ?? app.name}' without MFA. Require authMethod mfa.`,
            })),
        ),
};
