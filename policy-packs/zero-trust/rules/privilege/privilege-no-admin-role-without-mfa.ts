import type { PrivilegeGrant, RoleTrust } from "../../../../posture/model";
import type { Finding, StackRule } from "../../rule";
import { resourceName } from "../support";
import { CI_OIDC_PROVIDERS } from "../../../../catalog/aws-iam";

function judge(admin: PrivilegeGrant, t: RoleTrust): Finding | undefined {
  const p = t.principal;
  const role = resourceName(t.origin);
  const holds =
    admin.reach === "admin"
      ? `holds full admin (${admin.permission}, from ${resourceName(admin.origin)})`
      : `holds ${admin.permission} through ${resourceName(admin.origin)}, which the pack cannot read and judges admin,`;
  if (p.kind === "aws" && !t.mfa)
    return {
      urn: t.origin.urn,
      message: `${role} ${holds} and ${p.id} may assume it without MFA. Add Condition Bool aws:MultiFactorAuthPresent true to the trust, or narrow the role.`,
    };
  if ((p.kind === "anyone" || p.kind === "unknown") && !t.mfa)
    return {
      urn: t.origin.urn,
      message: `${role} ${holds} and ${p.kind === "anyone" ? "anyone" : "a principal the pack cannot read (assumeRolePolicy), judged anyone,"} may assume it without MFA. Name the principals and add Condition Bool aws:MultiFactorAuthPresent true to the trust, or narrow the role.`,
    };
  // A CI identity provider (OIDC): a pipeline, not a person, assumes the role.
  if (p.kind === "federated" && CI_OIDC_PROVIDERS.some((c) => p.id.includes(c)))
    return {
      urn: t.origin.urn,
      notice: true,
      message: `${role} gives a CI pipeline (${p.id}) full admin (${admin.permission}): scope its policy to what the pipeline deploys.`,
    };
  return undefined;
}

export const privilegeNoAdminRoleWithoutMfa: StackRule = {
  kind: "stack",
  name: "privilege-no-admin-role-without-mfa",
  layer: "privilege",
  description:
    "An IAM role with admin (or a way to make itself admin) may be assumed by people only with MFA; admin for CI pipelines is advice to scope down.",
  severity: "critical",
  enforcementLevel: "mandatory",
  frameworks: ["cis-aws-1.16", "ztmm-identity-access-management", "nis2-21-2-i"],
  references: ["AWS: Configuring MFA-protected API access"],
  remediation:
    "Require aws:MultiFactorAuthPresent in the role's trust policy, or give the role only the actions its holders need.",
  uses: [],
  judge: (posture) => {
    const admin = new Map<string, PrivilegeGrant>();
    for (const g of posture.privilege.grants)
      if (
        g.kind === "aws-iam" &&
        g.principalType === "role" &&
        // A policy the pack cannot read is judged admin (posture/unknown.ts), after any it can.
        (g.reach === "admin" || ((g.reach === "unknown" || g.reach === "unlisted") && !admin.has(g.principal)))
      )
        if (!admin.has(g.principal) || admin.get(g.principal)!.reach !== "admin") admin.set(g.principal, g);
    return posture.privilege.trusts.flatMap((t) => {
      const grant = admin.get(t.role);
      const finding = grant && judge(grant, t);
      return finding ? [finding] : [];
    });
  },
};
