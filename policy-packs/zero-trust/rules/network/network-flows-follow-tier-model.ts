import type { Endpoint, NetworkRule } from "../../../../posture/model";
import { OPAQUE_SECRET } from "../../../../posture/values";
import type { AllowedFlow, Settings } from "../../config";
import type { StackRule } from "../../rule";
import { withinFlowPorts } from "../../../../posture/ports";
import { allowedFlows, TIER_MODEL_SETTINGS } from "../allowed-flows";
import { describeFlow, isAllowRule, resourceName, tierOf } from "../support";

function allowed(r: NetworkRule, flows: readonly AllowedFlow[]): boolean {
  return flows.some((f) => f.from === tierOf(r.from) && f.to === tierOf(r.to) && withinFlowPorts(r, f));
}

/** A group the tier model does not place: untagged, or a reference to one outside the stack (or unresolved). */
const isUnplaced = (e: Endpoint) => e.kind === "untagged" || (e.kind === "unknown" && e.ref !== OPAQUE_SECRET);

function why(r: NetworkRule, s: Settings): string {
  const order = s.tiers.filter((t) => t !== s.managementTier);
  const i = order.indexOf(tierOf(r.from)!);
  const j = order.indexOf(tierOf(r.to)!);
  if (i >= 0 && j > i + 1) return ` (it skips the ${order.slice(i + 1, j).join(", ")} tier)`;
  if (i >= 0 && j >= 0 && j < i) return " (it points back towards the internet)";
  return "";
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
      .filter((r) => isAllowRule(r) && tierOf(r.from) !== undefined && tierOf(r.to) !== undefined && !allowed(r, flows))
      .map((r) => ({
        urn: r.origin.urn,
        message: `${resourceName(r.origin)} lets ${describeFlow(r)}, which the tier model does not allow${why(r, s)}. Route it through the next tier in, or declare the flow with a reason.`,
      }));
    // Into a tier from a group the model does not place (untagged, or not in this stack): an
    // untagged group is not a free pass, and one the pack cannot see could be anything.
    const fromOutsideTheModel = posture.network.rules
      .filter((r) => isAllowRule(r) && tierOf(r.to) !== undefined && isUnplaced(r.from))
      .map((r) => ({
        urn: r.origin.urn,
        message: `${resourceName(r.origin)} lets ${describeFlow(r)}: a source no tier of the model holds. Tag the source group with its tier (zt:tier) and declare the flow, or remove the rule.`,
      }));
    return [...betweenTiers, ...fromOutsideTheModel];
  },
};
