import type { Endpoint, GroupAssociation, SubnetPlacement } from "../../../../posture/model";
import { describeEndpoint } from "../../../../posture/model";
import type { Finding, StackRule } from "../../rule";
import { resourceName } from "../support";

/** The NSGs an association could be: the one it names, or each candidate when it cannot be pinned yet. */
const possible = (a: GroupAssociation): readonly Endpoint[] => a.candidates ?? [a.group];
const same = (a: Endpoint, b: Endpoint) => JSON.stringify(a) === JSON.stringify(b);
const isTier = (e: Endpoint, tier: string) => e.kind === "tier" && e.tier === tier;

function describeGroup(e: Endpoint): string {
  if (e.kind === "tier") return `the ${e.tier} tier's NSG`;
  if (e.kind === "untagged") return `NSG ${e.group}, which has no zt:tier tag`;
  return `an NSG the pack cannot resolve (${describeEndpoint(e)}), judged as none of the tier's`;
}

/**
 * What an NSG put over a subnet or an interface does to the tiers there. Two resources that put
 * one subnet under NSGs that cannot be the same swap its rules with each other (the last applied
 * wins). A subnet or interface that holds one tier (its own tag, or its hosts' groups or ASGs) put
 * under another tier's NSG, an untagged one or one the pack cannot see, has its tier's rules
 * swapped for others. A subnet that holds several tiers is the ASG design (one NSG, rules by ASG):
 * its hosts are judged by their ASGs.
 */
function swapped(p: SubnetPlacement): Finding[] {
  const what = `${p.kind === "subnet" ? "Subnet" : "Interface"} '${p.name}'`;
  const [first, ...others] = p.associations;
  const conflicts: Finding[] = others
    .filter((a) => !possible(a).some((g) => possible(first!).some((f) => same(f, g))))
    .map((a) => ({
      urn: a.origin.urn,
      message: `${resourceName(a.origin)} puts ${what} under ${describeGroup(a.group)}, while ${resourceName(first!.origin)} puts it under ${describeGroup(first!.group)}: whichever applies last swaps the other's rules. Associate each subnet with one NSG, in one place.`,
    }));
  if (p.tiers.length !== 1) return conflicts;
  const tier = p.tiers[0]!;
  const foreign: Finding[] = p.associations
    .filter((a) => !possible(a).some((g) => isTier(g, tier)))
    .map((a) => ({
      urn: a.origin.urn,
      message: `${resourceName(a.origin)} puts ${what}, which holds tier '${tier}', under ${describeGroup(a.group)}: the ${tier} tier's hosts there lose its rules and get that NSG's. Associate it with the ${tier} tier's NSG.`,
    }));
  return [...conflicts, ...foreign.filter((f) => !conflicts.some((c) => c.urn === f.urn))];
}

/** An association the pack pins only once the stack is deployed (one of several NSGs of the stack). */
function pending(p: SubnetPlacement): Finding[] {
  if (p.tiers.length !== 1 && p.associations.length < 2) return [];
  return p.associations
    .filter((a) => a.candidates !== undefined)
    .map((a) => ({
      urn: a.origin.urn,
      notice: true,
      message: `${resourceName(a.origin)} puts ${p.kind === "subnet" ? "subnet" : "interface"} '${p.name}' under one of ${a.candidates!.map(describeEndpoint).join(", ")}, which a new stack's preview cannot tell apart: checked against its tier once deployed.`,
    }));
}

export const networkOneTierPerHost: StackRule = {
  kind: "stack",
  name: "network-one-tier-per-host",
  layer: "network",
  description:
    "A host or workload sits in one tier: an instance, function, container service, scale set, managed database, cache, broker or endpoint in the groups (or ASGs) of two tiers joins them.",
  severity: "high",
  enforcementLevel: "mandatory",
  frameworks: ["ztmm-networks-segmentation", "nist-207-t2"],
  references: ["Zero trust micro-segmentation: one workload, one segment"],
  remediation: "Keep the host in its own tier's group; let the other tier reach it through a declared flow.",
  uses: [],
  judge: (posture) => [
    ...posture.network.hosts
      .filter((h) => h.tiers.length > 1)
      .map((h) => ({
        urn: h.origin.urn,
        message: `${resourceName(h.origin)} sits in tiers ${h.tiers.map((t) => `'${t}'`).join(" and ")} at once: whatever reaches one reaches the other through it. Keep it in one tier's group and declare the flow it needs.`,
      })),
    // A subnet or interface put under another tier's NSG: its hosts sit under that tier's rules.
    ...posture.network.subnets.flatMap((p) => [...swapped(p), ...pending(p)]),
  ],
};
