import type { Finding, StackRule } from "../../rule";
import { resourceName } from "../support";

export const privilegeNoWildcardAdminForPeople: StackRule = {
  kind: "stack",
  name: "privilege-no-wildcard-admin-for-people",
  layer: "privilege",
  description:
    "No IAM user or group holds admin: Allow *:*, an admin-equivalent managed policy, or a way to make itself admin (any Permissions-management action on every resource, PassRole with a launcher, new credentials for others, code run on hosts), judged over all of a principal's policies and its groups'. People get admin through roles assumed with MFA.",
  severity: "critical",
  enforcementLevel: "mandatory",
  frameworks: ["cis-aws-1.16", "nis2-21-2-i"],
  references: [],
  remediation:
    "Attach least-privilege policies to people; keep admin in a role they assume with MFA for a bounded session.",
  uses: [],
  judge: (posture) => [
    ...posture.privilege.grants
      .filter((g) => g.kind === "aws-iam" && (g.principalType === "user" || g.principalType === "group"))
      .flatMap((g): Finding[] => {
        if (g.reach === "admin")
          return [
            {
              urn: g.origin.urn,
              message: `${resourceName(g.origin)} gives ${g.principal} full admin (${g.permission}) as a standing grant. Grant admin through a role assumed with MFA instead.`,
            },
          ];
        if (g.reach === "unknown" || g.reach === "unlisted")
          // A policy the pack cannot read counts as admin until it can (posture/unknown.ts, "policy-document").
          return [
            {
              urn: g.origin.urn,
              message: `${resourceName(g.origin)} gives ${g.principal} ${g.permission}, which the pack cannot read, so it is judged admin. Declare the policy in the program (a document, or a policy of the stack), or judge the deployed stack with zt check once its values are known.`,
            },
          ];
        return [];
      }),
    // Identity Center: people assume the permission set's role through the directory's sign-in (its MFA
    // is the identity provider's, not in the stack), so standing admin there is advice, not a block.
    ...posture.privilege.grants
      .filter((g) => g.kind === "aws-sso" && (g.reach === "admin" || g.reach === "unknown" || g.reach === "unlisted"))
      .map((g): Finding => ({
        urn: g.origin.urn,
        notice: true,
        message: `${resourceName(g.origin)} gives ${g.principal} ${g.reach === "admin" ? "admin" : "a grant the pack cannot read, judged admin"} (${g.permission}) in ${g.scope} as a standing Identity Center assignment. Give admin through temporary elevated access, or assign a narrower permission set.`,
      })),
  ],
};
