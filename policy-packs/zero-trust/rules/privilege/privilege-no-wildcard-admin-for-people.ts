import type { StackRule } from "../../rule";
import { resourceName } from "../support";

export const privilegeNoWildcardAdminForPeople: StackRule = {
  kind: "stack",
  name: "privilege-no-wildcard-admin-for-people",
  layer: "privilege",
  description:
    "No IAM user or group holds Allow *:* (or AdministratorAccess): people get admin through roles assumed with MFA.",
  severity: "critical",
  enforcementLevel: "mandatory",
  frameworks: ["cis-aws-1.16", "nis2-21-2-i"],
  references: ["CKV_AWS_1", "CKV_AWS_62", "CKV_AWS_274", "trivy AVD-AWS-0057"],
  remediation:
    "Attach least-privilege policies to people; keep admin in a role they assume with MFA for a bounded session.",
  uses: [],
  judge: (posture) =>
    posture.privilege.grants
      .filter(
        (g) =>
          g.kind === "aws-iam" && (g.principalType === "user" || g.principalType === "group") && g.permission === "*:*",
      )
      .map((g) => ({
        urn: g.origin.urn,
        message: `${resourceName(g.origin)} gives ${g.principal} full admin (*:*) as a standing grant. Grant admin through a role assumed with MFA instead.`,
      })),
};
