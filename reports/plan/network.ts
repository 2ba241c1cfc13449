import { DENY_PRIORITY } from "../../catalog/azure-priorities";
import { workloadTiers } from "../../profile/tier-model";
import type { ClientProfile } from "../../profile/schema";
import { ResourceIndex } from "../../posture/index-resources";
import { describeEndpoint, type Cloud, type NetworkRule } from "../../posture/model";
import { describePorted } from "../../posture/ports";
import { readNetwork } from "../../posture/readers/network";
import type { PlannedResource } from "../../posture/resource";
import { heading, plural, shortId, table } from "./text";

/** Network section: the tier graph each cloud implements (who reaches whom, on what). */
export function renderNetwork(profile: ClientProfile, resources: readonly PlannedResource[]): string[] {
  const { network } = profile;
  const posture = readNetwork(new ResourceIndex(resources));
  const lines = [
    heading(
      "NETWORK",
      `tiers ${workloadTiers(network).join(" → ")} (from the internet inwards) · management: ${network.managementTier}`,
    ),
  ];
  if (!network.aws && !network.azure)
    lines.push("  no cloud declared (network.aws / network.azure): the tier model is validated only");

  for (const cloud of ["aws", "azure"] as const satisfies readonly Cloud[]) {
    const rules = posture.rules.filter((r) => r.cloud === cloud);
    const ruleCount = new Set(rules.map((r) => r.origin.urn)).size;
    const groups = posture.groups.filter((g) => g.cloud === cloud);
    if (groups.length === 0) continue;
    if (cloud === "aws" && network.aws) {
      lines.push(
        `  AWS  VPC ${network.aws.vpcId} (${network.aws.region}) · ${plural(groups.length, "security group")} · ${plural(ruleCount, "rule")}`,
      );
    } else if (cloud === "azure" && network.azure) {
      const denies = rules.filter((r) => r.access === "deny" && r.priority === DENY_PRIORITY).length;
      lines.push(
        `  Azure  ${network.azure.resourceGroupName} (${network.azure.location}, subscription ${shortId(network.azure.subscriptionId)}) · ` +
          `${groups.filter((g) => g.kind === "asg").length} ASGs, ${groups.filter((g) => g.kind === "nsg").length} NSGs · ` +
          `${plural(ruleCount, "rule")}, ${denies} explicit denies at priority ${DENY_PRIORITY}`,
      );
    }
    lines.push(...table(graph(rules, [...workloadTiers(network), network.managementTier]), "    "));
  }
  return lines;
}

/** One row per (from, to) pair: ingress allows between tiers, plus egress allows leaving the tiers. */
function graph(rules: readonly NetworkRule[], order: readonly string[]): string[][] {
  const rank = (r: NetworkRule) => {
    const i = order.indexOf(describeEndpoint(r.from));
    return (i < 0 ? -1 : i) * 100 + order.indexOf(describeEndpoint(r.to));
  };
  const edges = new Map<string, Set<string>>();
  for (const r of [...rules].sort((a, b) => rank(a) - rank(b))) {
    if (r.access !== "allow") continue;
    const leaves = r.direction === "egress" && r.to.kind !== "tier";
    if (r.direction !== "ingress" && !leaves) continue;
    const k = `${describeEndpoint(r.from)} → ${describeEndpoint(r.to)}${leaves ? "  (egress)" : ""}`;
    edges.set(k, (edges.get(k) ?? new Set()).add(describePorted(r)));
  }
  return [...edges].map(([edge, ports]) => [edge, [...ports].join(", ")]);
}
