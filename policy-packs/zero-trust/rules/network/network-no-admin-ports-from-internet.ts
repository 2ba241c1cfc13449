import type { ResourceRule } from "../../rule";
import { coversPort } from "../../../../posture/ports";
import { ADMIN_PORTS } from "../../../../catalog/admin-ports";
import { isWideRange } from "../../../../posture/cidr";
import { describeEndpoint } from "../../../../posture/model";
import { describeFlow, isAllowRule, isOutside, isWideOpen, publicSourcesTogether, resourceName } from "../support";

export const networkNoAdminPortsFromInternet: ResourceRule = {
  kind: "resource",
  name: "network-no-admin-ports-from-internet",
  layer: "network",
  description: "SSH and RDP are never reachable from the internet: administrators come in through ZTNA.",
  severity: "critical",
  enforcementLevel: "mandatory",
  frameworks: ["cis-aws-5.2", "ztmm-networks-traffic"],
  references: [],
  remediation: "Remove the rule; reach hosts through the management tier and a ZTNA SSH/RDP app.",
  uses: [],
  reads: ["network.rules"],
  judge: (posture) => {
    const { rules } = posture.network;
    return rules
      .filter((r) => isAllowRule(r) && r.direction === "ingress" && isOutside(r.from))
      .flatMap((r) =>
        ADMIN_PORTS.filter((a) => coversPort(r, a.port)).map((a) => {
          if (isWideOpen(r.from))
            return {
              urn: r.origin.urn,
              message: `${resourceName(r.origin)} exposes ${a.name} (${a.port}) to the internet (${describeFlow(r)}). Remove it and reach hosts through ZTNA.`,
            };
          // Narrow pieces of one wide range, split across entries or rules of the same group, add up.
          const together = publicSourcesTogether(r, rules, (o) => coversPort(o, a.port));
          if (isWideRange(together))
            return {
              urn: r.origin.urn,
              message: `${resourceName(r.origin)} exposes ${a.name} (${a.port}) to ${describeEndpoint(r.from)}, which with the group's other public sources on that port (${together.join(", ")}) is as wide as the internet (${describeFlow(r)}). Remove them and reach hosts through ZTNA.`,
            };
          return {
            urn: r.origin.urn,
            notice: true,
            message: `${resourceName(r.origin)} allows ${a.name} (${a.port}) from a public address (${describeFlow(r)}): an allow-list, not zero trust. Reach hosts through ZTNA instead.`,
          };
        }),
      );
  },
};
