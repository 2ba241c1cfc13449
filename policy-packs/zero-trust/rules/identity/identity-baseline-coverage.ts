import type { CaPolicyPosture } from "../../../../posture/model";
import { PHISHING_RESISTANT_METHODS } from "../../../../catalog/authentication-strengths";
import type { Settings } from "../../config";
import type { StackRule } from "../../rule";
import { blocks, coversEveryoneEverywhere } from "../support";

/** The controls a baseline may never lose, each as a test on one policy. */
const COVERAGE: readonly {
  what: string;
  fix: string;
  holds: (p: CaPolicyPosture, s: Settings, ok: ReadonlySet<string>) => boolean;
}[] = [
  {
    what: "MFA for all users on all apps",
    fix: "require MFA or an authentication strength of All users on All apps, every client type",
    holds: (p, _s, ok) =>
      coversEveryoneEverywhere(p, ok) &&
      p.clientAppTypes.includes("all") &&
      !blocks(p) &&
      (p.grant?.builtIn.includes("mfa") === true || p.grant?.strength !== undefined) &&
      (p.grant.operator === "AND" || p.grant.builtIn.length <= 1),
  },
  {
    what: "legacy authentication blocked",
    fix: "block the exchangeActiveSync and other client app types for All users on All apps",
    holds: (p, _s, ok) =>
      coversEveryoneEverywhere(p, ok) &&
      blocks(p) &&
      ["exchangeActiveSync", "other"].every((t) => p.clientAppTypes.includes(t) || p.clientAppTypes.includes("all")),
  },
  {
    what: "phishing-resistant MFA for privileged roles",
    fix: "require a phishing-resistant authentication strength (FIDO2, Windows Hello, certificate) of every privileged role on All apps",
    holds: (p, s) => {
      const combos = p.grant?.strength?.combinations;
      return (
        s.privilegedRoles.every((r) => p.users.includeRoles.includes(r) || p.users.include.includes("All")) &&
        p.apps.include.includes("All") &&
        combos !== undefined &&
        combos.length > 0 &&
        combos.every((c) => PHISHING_RESISTANT_METHODS.has(c))
      );
    },
  },
  {
    what: "device code flow blocked",
    fix: "block the deviceCodeFlow authentication flow for All users on All apps",
    holds: (p, _s, ok) =>
      coversEveryoneEverywhere(p, ok, true) && blocks(p) && p.authenticationFlows.includes("deviceCodeFlow"),
  },
];

export const identityBaselineCoverage: StackRule = {
  kind: "stack",
  name: "identity-baseline-coverage",
  layer: "identity",
  description:
    "MFA for everyone, legacy auth blocked, phishing-resistant MFA for admins and device code flow blocked are never lost.",
  severity: "critical",
  enforcementLevel: "mandatory",
  frameworks: ["scuba-aad-1.1", "scuba-aad-3.2", "scuba-aad-3.6", "ztmm-governance"],
  references: ["CIS Microsoft 365 v3 5.2.2.x"],
  remediation:
    "Keep the baseline's Conditional Access policies enabled (or report-only during a reportOnly rollout), unscoped, with their grants.",
  uses: ["rollout", "privilegedRoles", "breakGlass", "declaredExclusions", "ownedLayers"],
  judge: (posture, s) => {
    // Coverage (something must exist) binds a stack that declares identity, or owns it by config.
    const { policies, namedLocations, strengths } = posture.identity;
    const declares = policies.length + namedLocations.length + strengths.length > 0;
    if (!declares && !s.ownedLayers.includes("identity")) return [];
    const counted = posture.identity.policies.filter(
      (p) => p.state === "enabled" || (s.rollout === "reportOnly" && p.state === "enabledForReportingButNotEnforced"),
    );
    return COVERAGE.filter(
      (c) =>
        !counted.some((p) => {
          const ok = new Set([
            ...s.breakGlass.groups,
            ...s.breakGlass.users,
            ...s.declaredExclusions.filter((d) => d.policy === p.displayName).flatMap((d) => d.ids),
          ]);
          return c.holds(p, s, ok);
        }),
    ).map((c) => ({
      message:
        `No ${s.rollout === "reportOnly" ? "enabled or report-only" : "enabled"} Conditional Access policy ensures ${c.what}: ` +
        `it was removed, disabled, narrowed by a condition or exclusion, or its grant was weakened. Fix: ${c.fix}.`,
    }));
  },
};
