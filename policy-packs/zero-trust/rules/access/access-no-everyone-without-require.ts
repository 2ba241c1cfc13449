import type { AccessRule } from "../../../../posture/model";
import type { ResourceRule } from "../../rule";
import { isWideOpen, resourceName } from "../support";
import { PUBLIC_EMAIL_DOMAINS } from "../../../../catalog/access";

/**
 * A rule anyone meets: everyone, an IP range as wide as the internet (a public /16 or wider), or an
 * e-mail domain where anyone can open an account.
 */
function isAnyone(r: AccessRule): boolean {
  if (r === "everyone") return true;
  const ip = /^ip:(.+)$/.exec(r)?.[1];
  if (ip !== undefined) return isWideOpen({ kind: "cidr", cidr: ip });
  const domain = /^emailDomains?:(.+)$/.exec(r)?.[1];
  return domain !== undefined && PUBLIC_EMAIL_DOMAINS.includes(domain.toLowerCase());
}

export const accessNoEveryoneWithoutRequire: ResourceRule = {
  kind: "resource",
  name: "access-no-everyone-without-require",
  layer: "access",
  description:
    "No Access policy lets everyone in (everyone, an IP range as wide as the internet, a public e-mail domain; with or without identity) unless it also requires something anyone does not have (MFA, a group, a healthy device).",
  severity: "critical",
  enforcementLevel: "mandatory",
  frameworks: ["ztmm-apps-access", "nist-207-t6"],
  references: [],
  remediation: "Include the identity groups that need the app instead of everyone, and require MFA.",
  uses: [],
  reads: ["access.policies"],
  judge: (posture) =>
    posture.access.policies
      .filter(
        (p) =>
          (p.decision === "allow" || p.decision === "non_identity") &&
          p.include.some(isAnyone) &&
          p.require.every(isAnyone),
      )
      .map((p) => ({
        urn: p.origin.urn,
        message:
          p.decision === "non_identity"
            ? `${resourceName(p.origin)} lets everyone in without any identity (non_identity with ${p.include.filter(isAnyone).join(", ")}): the app is public. Admit service tokens or named ranges only.`
            : `${resourceName(p.origin)} allows everyone with nothing required: anyone with any account at the identity provider gets in. Include the groups that need the app and require MFA.`,
      })),
};
