import type { StackRule } from "../../rule";
import { isPathMtuDiscovery } from "../../../../posture/ports";
import { describeFlow, isAllowRule, isPrivateCidr, resourceName, tierOf, tierOfRange } from "../support";

export const networkTierToTierByReference: StackRule = {
  kind: "stack",
  name: "network-tier-to-tier-by-reference",
  layer: "network",
  description:
    "Traffic between tiers is allowed by group reference (security group or ASG), never by internal address range.",
  severity: "high",
  enforcementLevel: "mandatory",
  frameworks: ["ztmm-networks-segmentation"],
  references: ["AWS Well-Architected SEC05-BP02", "Azure: application security groups"],
  remediation:
    "Replace the address range with the source tier's security group (AWS) or application security group (Azure).",
  uses: [],
  judge: (posture) =>
    posture.network.rules
      .filter((r) => isAllowRule(r) && (tierOf(r.from) !== undefined || tierOf(r.to) !== undefined))
      .filter((r) => !(r.direction === "ingress" && isPathMtuDiscovery(r)))
      .filter((r) => {
        const [own, other] = r.direction === "ingress" ? [r.to, r.from] : [r.from, r.to];
        if (other.kind === "vnet") return true;
        if (other.kind !== "cidr" || !isPrivateCidr(other.cidr)) return false;
        // A tier reaching its own subnet by its range talks to itself: nothing else is in that range.
        return tierOf(own) === undefined || tierOfRange(other.cidr, posture.network) !== tierOf(own);
      })
      .map((r) => ({
        urn: r.origin.urn,
        message: `${resourceName(r.origin)} allows ${describeFlow(r)} by address range: everything in that range, whatever its tier, gets in. Reference the source tier's security group instead.`,
      })),
};
