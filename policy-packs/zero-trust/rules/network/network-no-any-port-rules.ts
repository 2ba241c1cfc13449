import type { NetworkRule } from "../../../../posture/model";
import { isAnyPort } from "../../../../posture/ports";
import type { ResourceRule } from "../../rule";
import { describeFlow, isAllowRule, resourceName } from "../support";

/** The rule lets a group or tier reach itself (AWS `self`, a source that is its own tier). */
const toItself = (r: NetworkRule) =>
  r.self === true ||
  ((r.from.kind === "tier" || r.from.kind === "untagged") && JSON.stringify(r.from) === JSON.stringify(r.to));

export const networkNoAnyPortRules: ResourceRule = {
  kind: "resource",
  name: "network-no-any-port-rules",
  layer: "network",
  description: "No allow rule opens every port or every protocol: each flow names what it needs.",
  severity: "high",
  enforcementLevel: "mandatory",
  frameworks: ["ztmm-networks-traffic", "nist-207-t3"],
  references: [],
  remediation: "Name the protocol and the ports the flow needs.",
  uses: [],
  reads: ["network.rules"],
  judge: (posture) =>
    posture.network.rules
      .filter((r) => isAllowRule(r) && isAnyPort(r))
      .map((r) => ({
        urn: r.origin.urn,
        // Egress of everything from an untagged group is AWS's default written out, and a group (or
        // tier) open to itself is a cluster talking to its own members: advice, not a block.
        ...((r.direction === "egress" && r.from.kind === "untagged") || toItself(r) ? { notice: true } : {}),
        message: `${resourceName(r.origin)} allows ${describeFlow(r)}: every ${r.protocol === "all" ? "protocol and port" : "port"}. Name the protocol and ports the flow needs.`,
      })),
};
