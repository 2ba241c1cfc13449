import type { StackRule } from "../../rule";
import { resourceName } from "../support";

export const networkOneTierPerHost: StackRule = {
  kind: "stack",
  name: "network-one-tier-per-host",
  layer: "network",
  description:
    "A host or workload sits in one tier: an instance, function, container service, scale set, managed database, cache, broker or endpoint in the groups (or ASGs) of two tiers joins them.",
  severity: "high",
  enforcementLevel: "mandatory",
  frameworks: ["ztmm-networks-segmentation", "nist-207-t2"],
  references: ["Zero trust micro-segmentation: one workload, one segment"],
  remediation: "Keep the host in its own tier's group; let the other tier reach it through a declared flow.",
  uses: [],
  judge: (posture) =>
    posture.network.hosts
      .filter((h) => h.tiers.length > 1)
      .map((h) => ({
        urn: h.origin.urn,
        message: `${resourceName(h.origin)} sits in tiers ${h.tiers.map((t) => `'${t}'`).join(" and ")} at once: whatever reaches one reaches the other through it. Keep it in one tier's group and declare the flow it needs.`,
      })),
};
