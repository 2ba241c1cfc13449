import type { ResourceRule } from "../../rule";
import { resourceName } from "../support";

export const identityBaselineEnforced: ResourceRule = {
  kind: "resource",
  name: "identity-baseline-enforced",
  layer: "identity",
  description: "No Conditional Access policy is disabled, and in an enforce rollout none is left report-only.",
  severity: "high",
  enforcementLevel: "mandatory",
  frameworks: ["ztmm-governance", "nis2-21-2-f"],
  references: ["Microsoft Zero Trust CA framework: report-only before enforce"],
  remediation: "Set the policy's state to enabled (or opt the control out in the profile, with a reason).",
  reads: ["identity.policies"],
  uses: ["rollout"],
  judge: (posture, s) =>
    posture.identity.policies.flatMap((p) => {
      if (p.state === "disabled") {
        return [
          {
            urn: p.origin.urn,
            message: `${resourceName(p.origin)} ('${p.displayName}') is disabled: a baseline control that is off protects nobody. Enable it, or opt the control out with a reason.`,
          },
        ];
      }
      if (s.rollout === "enforce" && p.state !== "enabled") {
        return [
          {
            urn: p.origin.urn,
            message: `${resourceName(p.origin)} ('${p.displayName}') is ${p.state ?? "in an unknown state"} in a stack whose rollout is enforce. Set its state to enabled.`,
          },
        ];
      }
      return [];
    }),
};
