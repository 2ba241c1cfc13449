import type { ResourceRule } from "../../rule";
import { resourceName } from "../support";

export const accessNoBypass: ResourceRule = {
  kind: "resource",
  name: "access-no-bypass",
  layer: "access",
  description: "No Access policy bypasses authentication: every request is authenticated and checked.",
  severity: "critical",
  enforcementLevel: "mandatory",
  frameworks: ["ztmm-apps-access", "nist-207-t6"],
  references: ["Cloudflare Access: Bypass disables all enforcement"],
  remediation:
    "Use an allow policy with identity groups and MFA; for machines, a service token with a non-identity policy.",
  uses: [],
  reads: ["access.policies"],
  judge: (posture) =>
    posture.access.policies
      .filter((p) => p.decision === "bypass")
      .map((p) => ({
        urn: p.origin.urn,
        message: `${resourceName(p.origin)} bypasses Access: requests reach the app unauthenticated and unlogged. Replace it with an allow policy that requires MFA.`,
      })),
};
