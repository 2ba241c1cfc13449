import type { ResourceRule } from "../../rule";
import { resourceName } from "../support";

export const identityNoUndeclaredExclusions: ResourceRule = {
  kind: "resource",
  name: "identity-no-undeclared-exclusions",
  layer: "identity",
  description:
    "Conditional Access policies exclude nobody but the break-glass accounts, unless the exclusion is declared with a reason.",
  severity: "high",
  enforcementLevel: "mandatory",
  frameworks: ["ztmm-identity-access-management", "ztmm-governance"],
  references: [
    "Microsoft Zero Trust CA framework (persona-based exclusions)",
    "CISA SCuBA MS.AAD.3 (MFA for all users)",
  ],
  remediation:
    "Remove the exclusion, or declare it in the profile (identity.exclusions) with a reason, or record an exception.",
  reads: ["identity.policies"],
  uses: ["breakGlass", "declaredExclusions"],
  judge: (posture, s) =>
    posture.identity.policies.flatMap((p) => {
      const allowed = new Set([
        ...s.breakGlass.groups,
        ...s.breakGlass.users,
        ...s.declaredExclusions.filter((d) => d.policy === p.displayName).flatMap((d) => d.ids),
      ]);
      const extra = [
        ...p.users.excludeGroups.filter((id) => !allowed.has(id)).map((id) => `group ${id}`),
        ...p.users.exclude.filter((id) => !allowed.has(id)).map((id) => `user ${id}`),
        ...p.users.excludeRoles.filter((id) => !allowed.has(id)).map((id) => `role ${id}`),
      ];
      return extra.length
        ? [
            {
              urn: p.origin.urn,
              message: `${resourceName(p.origin)} ('${p.displayName}') excludes ${extra.join(", ")} without a recorded reason. Remove the exclusion or declare it with a reason.`,
            },
          ]
        : [];
    }),
};
