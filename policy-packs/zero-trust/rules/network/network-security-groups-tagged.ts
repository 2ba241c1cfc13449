import type { ResourceRule } from "../../rule";
import { resourceName } from "../support";

export const networkSecurityGroupsTagged: ResourceRule = {
  kind: "resource",
  name: "network-security-groups-tagged",
  layer: "network",
  description: "Every security group, NSG and ASG says which tier it is (tag zt:tier), so segmentation can be checked.",
  severity: "low",
  enforcementLevel: "advisory",
  frameworks: ["ztmm-governance", "nis2-21-2-i"],
  references: ["zt-baseline contract: zt:tier tag"],
  remediation: "Tag the group with zt:tier = its tier (edge, web, app, data, mgmt or a declared tier).",
  uses: [],
  reads: ["network.groups"],
  judge: (posture) =>
    posture.network.groups
      .filter((g) => g.tier === undefined)
      .map((g) => ({
        urn: g.origin.urn,
        message: `${resourceName(g.origin)} has no zt:tier tag, so the pack cannot tell which flows it may have. Tag it with its tier.`,
      })),
};
