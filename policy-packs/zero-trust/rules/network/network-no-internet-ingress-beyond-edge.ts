import type { StackRule } from "../../rule";
import { REDIRECT_PORT, WEB_PORTS } from "../../../../profile/network-defaults";

const HTTP_PORTS = [...WEB_PORTS, REDIRECT_PORT];
import { allowedFlows, TIER_MODEL_SETTINGS } from "../allowed-flows";
import { describeEndpoint } from "../../../../posture/model";
import { isPathMtuDiscovery } from "../../../../posture/ports";
import {
  describeFlow,
  isAllowRule,
  isOutside,
  isWideOpen,
  resourceName,
  tierOf,
  wideTogether,
  withinDeclared,
} from "../support";

export const networkNoInternetIngressBeyondEdge: StackRule = {
  kind: "stack",
  name: "network-no-internet-ingress-beyond-edge",
  layer: "network",
  description:
    "Only the edge tier accepts traffic from the internet, only on the web ports, only from the declared sources.",
  severity: "critical",
  enforcementLevel: "mandatory",
  frameworks: ["ztmm-networks-traffic", "ztmm-governance"],
  references: ["CIS AWS Foundations 5.2-5.3"],
  remediation: "Put the workload behind the edge tier, or reach it through ZTNA; at the edge, open only the web ports.",
  uses: TIER_MODEL_SETTINGS,
  judge: (posture, s) => {
    const sources = allowedFlows(s).filter((f) => f.from === "internet" && f.to === s.edgeTier);
    const cidrs = sources.some((f) => !f.cidrs) ? undefined : sources.flatMap((f) => f.cidrs ?? []);
    const { rules } = posture.network;
    // Path MTU discovery's one ICMP message opens nothing (AWS documents it from anywhere).
    return rules
      .filter((r) => isAllowRule(r) && r.direction === "ingress" && isOutside(r.from) && !isPathMtuDiscovery(r))
      .flatMap((r) => {
        const tier = tierOf(r.to);
        const webOnly =
          r.protocol === "tcp" &&
          r.ports !== undefined &&
          s.webPorts.some((p) => r.ports!.from === p && r.ports!.to === p);
        if (tier === s.edgeTier && webOnly) {
          if (withinDeclared(r.from, cidrs)) return [];
          const message = `${resourceName(r.origin)} opens the edge to ${describeFlow(r)}, wider than the declared sources (${cidrs!.join(", ")}). Narrow it to them.`;
          return [{ urn: r.origin.urn, message }];
        }
        // A group without a zt:tier tag has no tier to hold it to: what is really open (wide
        // sources, ports beyond the web) is blocked; a web port, or a narrow public source, is advice.
        // A web host serves 80 (to redirect) and 443, whatever the stack's edge allows.
        const webLike =
          r.protocol === "tcp" &&
          r.ports !== undefined &&
          [...HTTP_PORTS, ...s.webPorts].some((p) => r.ports!.from === p && r.ports!.to === p);
        // Narrow public pieces that add up to a range as wide as the internet are judged together.
        const wide = isWideOpen(r.from) || wideTogether(r, rules);
        if (r.to.kind === "untagged" && (webLike || !wide)) {
          const message = `${resourceName(r.origin)} accepts ${describeFlow(r)}, and the group has no zt:tier tag. Tag it (zt:tier=${s.edgeTier} if it is the edge) so segmentation can be checked, or publish it through ZTNA.`;
          return [{ urn: r.origin.urn, notice: true, message }];
        }
        const where = tier
          ? `tier '${tier}'`
          : r.to.kind === "untagged"
            ? `${r.to.group} (a group without a zt:tier tag)`
            : `a group the pack cannot pin to one tier (${describeEndpoint(r.to)})`;
        const fix =
          tier === s.edgeTier
            ? `open only ${s.webPorts.join(", ")} at the edge`
            : "route it through the edge tier or publish it through ZTNA";
        const message = `${resourceName(r.origin)} opens ${where} to the internet (${describeFlow(r)}). Only the edge accepts internet traffic: ${fix}.`;
        return [{ urn: r.origin.urn, message }];
      });
  },
};
