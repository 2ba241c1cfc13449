import type { ResourceRule } from "../../rule";
import { resourceName } from "../support";

export const accessNoEveryoneWithoutRequire: ResourceRule = {
  kind: "resource",
  name: "access-no-everyone-without-require",
  layer: "access",
  description: "No Access policy allows everyone unless it also requires something (MFA, a group, a healthy device).",
  severity: "critical",
  enforcementLevel: "mandatory",
  references: ["CISA ZTMM Identity: access decisions per request", "NIST SP 800-207 tenet 3"],
  remediation: "Include the identity groups that need the app instead of everyone, and require MFA.",
  uses: [],
  reads: ["access.policies"],
  check: (posture) =>
    posture.access.policies
      .filter((p) => p.decision === "allow" && p.include.includes("everyone") && p.require.length === 0)
      .map((p) => ({
        urn: p.origin.urn,
        message: `${resourceName(p.origin)} allows everyone with nothing required: anyone with any account at the identity provider gets in. Include the groups that need the app and require MFA.`,
      })),
};
