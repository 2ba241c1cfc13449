import type { Endpoint, NetworkRule, Posture } from "../../../../posture/model";
import { isUnreadableAddress } from "../../../../posture/cidr";
import type { AllowedFlow, Settings } from "../../config";
import type { Finding, StackRule } from "../../rule";
import { isPathMtuDiscovery, withinFlowPorts } from "../../../../posture/ports";
import { allowedFlows, TIER_MODEL_SETTINGS } from "../allowed-flows";
import { describeFlow, isAllowRule, resourceName, tierOf, tiersByAddress } from "../support";

function allowed(r: NetworkRule, from: string | undefined, to: string | undefined, flows: readonly AllowedFlow[]) {
  return flows.some((f) => f.from === from && f.to === to && withinFlowPorts(r, f));
}

/**
 * A group the tier model does not place: untagged, or a reference to one outside the stack (or
 * unresolved). An address the pack cannot read is the internet, judged as such elsewhere.
 */
const isUnplaced = (e: Endpoint) => e.kind === "untagged" || (e.kind === "unknown" && !isUnreadableAddress(e));

function why(r: NetworkRule, s: Settings): string {
  const order = s.tiers.filter((t) => t !== s.managementTier);
  const i = order.indexOf(tierOf(r.from)!);
  const j = order.indexOf(tierOf(r.to)!);
  if (i >= 0 && j > i + 1) return ` (it skips the ${order.slice(i + 1, j).join(", ")} tier)`;
  if (i >= 0 && j >= 0 && j < i) return " (it points back towards the internet)";
  return "";
}

/** Traffic a rule carries that no flow needs to declare: a tier with itself, and path MTU discovery's message. */
const harmless = (r: NetworkRule) =>
  (tierOf(r.from) !== undefined && tierOf(r.from) === tierOf(r.to)) ||
  (r.direction === "ingress" && isPathMtuDiscovery(r));

/**
 * A rule whose far end is an address range that holds tiers (the whole VNet, a VPC's or VNet's
 * address space, every subnet, or some tiers' subnets) lets each of those tiers in: judged as one
 * flow from (or to) each of them. Every tier is the model's tiers and the stack's.
 */
function byBreadth(posture: Posture, s: Settings, flows: readonly AllowedFlow[]): Finding[] {
  const everyTier = [...new Set([...s.tiers, ...posture.network.groups.flatMap((g) => (g.tier ? [g.tier] : []))])];
  return posture.network.rules
    .filter((r) => isAllowRule(r) && !(r.direction === "ingress" && isPathMtuDiscovery(r)))
    .flatMap((r): Finding[] => {
      const inbound = r.direction === "ingress";
      const own = tierOf(inbound ? r.to : r.from);
      const far = inbound ? r.from : r.to;
      if (own === undefined) return [];
      const reach = tiersByAddress(far, posture.network);
      const tiers = (reach.every ? everyTier : reach.tiers).filter((t) => t !== own);
      const undeclared = tiers.filter((t) => !(inbound ? allowed(r, t, own, flows) : allowed(r, own, t, flows)));
      if (undeclared.length === 0) return [];
      const what = reach.every
        ? `${reach.why}: every tier (${tiers.join(", ")})`
        : `tier ${undeclared.map((t) => `'${t}'`).join(", ")} (${reach.why})`;
      const others = undeclared.map((t) => `'${t}'`).join(", ");
      const opens = inbound ? `lets ${others} into tier '${own}'` : `lets tier '${own}' reach ${others}`;
      return [
        {
          urn: r.origin.urn,
          message: `${resourceName(r.origin)} lets ${describeFlow(r)}: that range is ${what}, so it ${opens}, which the tier model does not allow. Reference the tier that needs the flow (its security group or ASG) instead of the network's addresses, and declare the flow with a reason.`,
        },
      ];
    });
}

export const networkFlowsFollowTierModel: StackRule = {
  kind: "stack",
  name: "network-flows-follow-tier-model",
  layer: "network",
  description:
    "Traffic between tiers follows the declared tier model: no tier skipping, no undeclared flow, no broader ports.",
  severity: "high",
  enforcementLevel: "mandatory",
  frameworks: ["ztmm-networks-segmentation", "ztmm-governance", "nist-207-t2"],
  references: ["PCI DSS 4.0 1.3"],
  remediation:
    "Route the traffic through the next tier in, or declare the flow in the profile (network.flows) with a reason.",
  uses: TIER_MODEL_SETTINGS,
  judge: (posture, s) => {
    const flows = allowedFlows(s);
    const betweenTiers = posture.network.rules
      .filter(
        (r) =>
          isAllowRule(r) &&
          !harmless(r) &&
          tierOf(r.from) !== undefined &&
          tierOf(r.to) !== undefined &&
          !allowed(r, tierOf(r.from), tierOf(r.to), flows),
      )
      .map((r) => ({
        urn: r.origin.urn,
        message: `${resourceName(r.origin)} lets ${describeFlow(r)}, which the tier model does not allow${why(r, s)}. Route it through the next tier in, or declare the flow with a reason.`,
      }));
    // Into a tier from a group the model does not place (untagged, or not in this stack): an
    // untagged group is not a free pass, and one the pack cannot see could be anything.
    const fromOutsideTheModel = posture.network.rules
      .filter((r) => isAllowRule(r) && !harmless(r) && tierOf(r.to) !== undefined && isUnplaced(r.from))
      .map((r) => ({
        urn: r.origin.urn,
        message: `${resourceName(r.origin)} lets ${describeFlow(r)}: a source no tier of the model holds. Tag the source group with its tier (zt:tier) and declare the flow, or remove the rule.`,
      }));
    return [...betweenTiers, ...fromOutsideTheModel, ...byBreadth(posture, s, flows)];
  },
};
