import type { StackRule } from "../../rule";
import { resourceName } from "../support";

export const networkNoMixedRuleStyles: StackRule = {
  kind: "stack",
  name: "network-no-mixed-rule-styles",
  layer: "network",
  description:
    "A security group or NSG has inline rules or standalone rule resources, never both: they delete each other's rules.",
  severity: "high",
  enforcementLevel: "mandatory",
  frameworks: ["ztmm-governance"],
  references: [
    "Pulumi AWS SecurityGroup docs (inline vs standalone rules)",
    "Azure Native NetworkSecurityGroup docs (securityRules)",
  ],
  remediation: "Move the inline rules into standalone rule resources (or the other way round).",
  uses: [],
  judge: (posture) => {
    const { rules } = posture.network;
    const inline = new Set(rules.filter((r) => r.inline).map((r) => r.group));
    const standalone = new Set(rules.filter((r) => !r.inline).map((r) => r.group));
    return posture.network.groups
      .filter((g) => inline.has(g.origin.urn) && standalone.has(g.origin.urn))
      .map((g) => ({
        urn: g.origin.urn,
        message: `${resourceName(g.origin)} has inline rules and standalone rule resources at once: each update deletes the other's rules. Keep one style.`,
      }));
  },
};
