import type { StackRule } from "../../rule";
import { withinFlowPorts } from "../../../../posture/ports";
import { allowedFlows, TIER_MODEL_SETTINGS } from "../allowed-flows";
import { describeFlow, isAllowRule, isOutside, resourceName, tierOf, withinDeclared } from "../support";

export const networkRestrictedEgress: StackRule = {
  kind: "stack",
  name: "network-restricted-egress",
  layer: "network",
  description:
    "Only the edge reaches the internet, unless a flow out of another tier is declared (with a reason) for those ports.",
  severity: "high",
  enforcementLevel: "mandatory",
  frameworks: ["ztmm-networks-traffic"],
  references: ["PCI DSS 4.0 1.4.2"],
  remediation:
    "Remove the egress rule, send the traffic through a proxy, or declare the flow (from the tier to internet) with a reason.",
  uses: TIER_MODEL_SETTINGS,
  judge: (posture, s) => {
    const declared = allowedFlows(s).filter((f) => f.to === "internet");
    return posture.network.rules
      .filter((r) => isAllowRule(r) && r.direction === "egress" && isOutside(r.to))
      .filter((r) => tierOf(r.from) !== s.edgeTier)
      .filter(
        (r) =>
          !declared.some(
            (f) =>
              f.from === tierOf(r.from) &&
              r.protocol !== "icmp" &&
              withinFlowPorts(r, f) &&
              withinDeclared(r.to, f.cidrs),
          ),
      )
      .map((r) =>
        // An untagged group's egress (AWS's own default is all of it) cannot be told from the edge's.
        r.from.kind === "untagged"
          ? {
              urn: r.origin.urn,
              notice: true,
              message: `${resourceName(r.origin)} lets ${describeFlow(r)}, and the group has no zt:tier tag, so the pack cannot tell an inner tier from the edge. Tag it and name the ports it needs.`,
            }
          : {
              urn: r.origin.urn,
              message: `${resourceName(r.origin)} lets ${describeFlow(r)}: an inner tier talking to the internet is how data leaves. Remove it or declare the flow with a reason.`,
            },
      );
  },
};
