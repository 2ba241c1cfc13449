import type { ResourceRule } from "../../rule";
import { resourceName } from "../support";

export const identityBreakGlassExcluded: ResourceRule = {
  kind: "resource",
  name: "identity-break-glass-excluded",
  layer: "identity",
  description:
    "Every Conditional Access policy excludes the break-glass accounts and never targets them: no tenant lockout.",
  severity: "critical",
  enforcementLevel: "mandatory",
  frameworks: ["ztmm-identity-access-management", "nis2-21-2-i"],
  references: ["Microsoft Learn: manage emergency access accounts in Entra ID"],
  remediation: "Add the break-glass group and accounts to the policy's excluded groups and users.",
  reads: ["identity.policies"],
  uses: ["breakGlass"],
  judge: (posture, s) => {
    const policies = posture.identity.policies.filter((p) => p.state !== "disabled");
    if (s.breakGlass.groups.length + s.breakGlass.users.length === 0) {
      return policies.map((p) => ({
        urn: p.origin.urn,
        message:
          `${resourceName(p.origin)} cannot be checked for lockout: no break-glass accounts are configured for the zero-trust pack. ` +
          "Set breakGlass.groups/users in the pack config (zt policy-config writes it from the profile).",
      }));
    }
    return policies.flatMap((p) => {
      const missing = [
        ...s.breakGlass.groups.filter((g) => !p.users.excludeGroups.includes(g)).map((g) => `group ${g}`),
        ...s.breakGlass.users.filter((u) => !p.users.exclude.includes(u)).map((u) => `account ${u}`),
      ];
      const targeted = [...p.users.include, ...p.users.includeGroups].filter(
        (id) => s.breakGlass.groups.includes(id) || s.breakGlass.users.includes(id),
      );
      return [
        ...(missing.length
          ? [
              {
                urn: p.origin.urn,
                message: `${resourceName(p.origin)} ('${p.displayName}') does not exclude break-glass ${missing.join(", ")}: a mistake in it could lock every admin out. Exclude them.`,
              },
            ]
          : []),
        ...(targeted.length
          ? [
              {
                urn: p.origin.urn,
                message: `${resourceName(p.origin)} ('${p.displayName}') targets break-glass ${targeted.join(", ")}. Break-glass accounts are never in scope: remove them from the included users and groups.`,
              },
            ]
          : []),
      ];
    });
  },
};
