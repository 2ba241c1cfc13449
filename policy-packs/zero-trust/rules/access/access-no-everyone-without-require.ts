import type { AccessPolicyPosture } from "../../../../posture/model";
import type { StackRule } from "../../rule";
import { resourceName } from "../support";

/** Who can pass is wider than a bounded set: anyone on the internet, or anyone with an account somewhere. */
const isOpen = (p: AccessPolicyPosture) => p.audience.reach === "anyone" || p.audience.reach === "any-account";

export const accessNoEveryoneWithoutRequire: StackRule = {
  // A stack rule: who can pass a policy depends on the Access groups it names and the login
  // methods of the apps it guards, resources of their own.
  kind: "stack",
  name: "access-no-everyone-without-require",
  layer: "access",
  description:
    "No Access policy lets everyone in: who can pass is computed over every kind of rule (Access groups expanded) and the login methods the app allows, and must be a bounded set (named people, groups, the client's own domain), not anyone on the internet (everyone, an IP range as wide as the internet, a country; everyone or any mail domain through a one-time PIN; a public mail domain) nor anyone with an account somewhere (everyone at a login method, any GitHub user).",
  severity: "critical",
  enforcementLevel: "mandatory",
  frameworks: ["ztmm-apps-access", "nist-207-t6"],
  references: ["Cloudflare Access: policy selectors; One-time PIN login; Enforce MFA (Okta, Entra ID, OIDC, SAML)"],
  remediation:
    "Include the identity groups (or named people) that need the app instead of everyone, require MFA, and allow only the organisation's identity provider (allowedIdps) where a one-time PIN or a social login would admit anyone.",
  uses: [],
  judge: (posture) =>
    posture.access.policies
      .filter((p) => (p.decision === "allow" || p.decision === "non_identity") && isOpen(p))
      .map((p) => ({
        urn: p.origin.urn,
        message:
          p.decision === "non_identity"
            ? `${resourceName(p.origin)} lets everyone in without any identity (non_identity: ${p.audience.because}): the app is public. Admit service tokens or named ranges only.`
            : `${resourceName(p.origin)} allows everyone${p.require.length === 0 ? " with nothing required" : ""}: ${p.audience.because}. Include the groups that need the app, require MFA, and allow only the organisation's identity provider.`,
      })),
};
