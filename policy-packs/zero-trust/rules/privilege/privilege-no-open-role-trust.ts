import type { RoleTrust } from "../../../../posture/model";
import type { Finding, ResourceRule } from "../../rule";
import { resourceName } from "../support";
import { CI_OIDC_PROVIDERS } from "../../../../catalog/aws-iam";

function judge(t: RoleTrust): Finding | undefined {
  const who = resourceName(t.origin);
  const p = t.principal;
  if (p.kind === "unknown" && p.why === "until apply")
    // Judged again as the role registers in `pulumi up` (its value known then), and in the deployed view.
    return {
      urn: t.origin.urn,
      notice: true,
      message: `${who}'s trust policy is not known until apply: who may assume it is judged once deployed (zt check).`,
    };
  if (p.kind === "unknown")
    return {
      urn: t.origin.urn,
      message: `${who}'s trust policy (assumeRolePolicy) cannot be read (${p.why === "secret" ? "a secret the pack cannot decrypt" : "not an IAM document the pack recognises"}), so anyone is judged able to assume it. Write the trust policy as a JSON document naming its principals.`,
    };
  if (p.kind === "anyone" && !t.pinned)
    return {
      urn: t.origin.urn,
      message: `${who} may be assumed by any AWS principal (Principal "*", an account wildcard, or NotPrincipal) with no condition pinning the organisation, account or caller (IfExists, negated tests and wildcard values pin nothing). Name the principals, or add aws:PrincipalOrgID / sts:ExternalId with literal values.`,
    };
  if (p.kind === "federated") {
    const provider = CI_OIDC_PROVIDERS.find((c) => p.id.includes(c));
    if (!provider) return undefined;
    const subs = Object.entries(t.conditions)
      .filter(([k]) => k.toLowerCase() === `${provider}:sub`)
      .flatMap(([, v]) => v);
    const open = subs.length === 0 || subs.some((s) => s === "*" || /^(repo|project_path|organization):\*/.test(s));
    if (open)
      return {
        urn: t.origin.urn,
        message: `${who} trusts ${provider} without a \`${provider}:sub\` condition naming the repository: any project on that service can assume it. Add a StringEquals/StringLike condition on sub (e.g. repo:<org>/<repo>:ref:refs/heads/main).`,
      };
  }
  return undefined;
}

export const privilegeNoOpenRoleTrust: ResourceRule = {
  kind: "resource",
  name: "privilege-no-open-role-trust",
  layer: "privilege",
  description:
    'No IAM role may be assumed by anyone: Principal "*" needs a condition pinning the organisation or caller, and a CI identity provider a sub condition naming the repository.',
  severity: "critical",
  enforcementLevel: "mandatory",
  frameworks: ["ztmm-identity-access-management", "nis2-21-2-i"],
  references: ["GitHub: configuring OpenID Connect in AWS (sub condition)"],
  remediation:
    "Name the principals that may assume the role, or pin them by aws:PrincipalOrgID / sts:ExternalId; for CI, require the sub claim of the one repository and branch.",
  uses: [],
  reads: ["privilege.trusts"],
  judge: (posture) => posture.privilege.trusts.map(judge).filter((f): f is Finding => f !== undefined),
};
