import { isAnyPort } from "../../../../posture/ports";
import type { ResourceRule } from "../../rule";
import { describeFlow, isAllowRule, resourceName } from "../support";

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
        // Egress of everything from an untagged group is AWS's default written out: advice.
        ...(r.direction === "egress" && r.from.kind === "untagged" ? { notice: true } : {}),
        message: `${resourceName(r.origin)} allows ${describeFlow(r)}: every ${r.protocol === "all" ? "protocol and port" : "port"}. Name the protocol and ports the flow needs.`,
      })),
};
