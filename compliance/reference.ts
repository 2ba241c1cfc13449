import { CONTROLS } from "../catalog/controls";
import { FEATURES, type Feature } from "../catalog/features";
import { FRAMEWORK_ITEMS, type FrameworkItem } from "../catalog/frameworks";
import {
  SCUBA_ITEMS,
  SCUBA_OUTSIDE_PIM_ITEM,
  SCUBA_PERMANENT_ASSIGNMENT_ITEM,
  SCUBAGEAR_VERSION,
  type ScubaCaItemId,
} from "../catalog/scuba";
import { RULES } from "../policy-packs/zero-trust/rules";
import { MAPPING } from "./mapping";

/** What satisfies an item, in words: the controls, features (with their evidence) and pack policies mapped to it. */
function satisfiedBy(item: FrameworkItem): string {
  const keys = Object.entries(MAPPING)
    .filter(([, items]) => items.includes(item.id as never))
    .map(([k]) => k);
  const parts = keys.map((k) => {
    const control = CONTROLS.find((c) => c.id === k);
    if (control) return `control \`${k}\` enforced${control.presets ? ` (preset ${control.presets.join(", ")})` : ""}`;
    if (k.startsWith("feature:")) return FEATURES[k.slice("feature:".length) as Feature].evidence;
    return RULES.some((r) => r.name === k) ? `pack policy \`${k}\` (on a stack with that layer)` : k;
  });
  return parts.join("<br>") || "—";
}

function scubaRule(item: FrameworkItem): string | undefined {
  const pim = [SCUBA_PERMANENT_ASSIGNMENT_ITEM, SCUBA_OUTSIDE_PIM_ITEM].find((i) => i.id === item.id);
  if (pim) return `ScubaGear ${SCUBAGEAR_VERSION} \`${pim.policyId}\`: ${pim.requires}`;
  const def = SCUBA_ITEMS[item.id as ScubaCaItemId] as (typeof SCUBA_ITEMS)[ScubaCaItemId] | undefined;
  if (!def) return undefined;
  const common = [
    "enabled (not report-only)",
    ...(def.allUsers ? ["All users"] : ["the highly privileged roles"]),
    ...(def.allApps ? ["All cloud apps"] : []),
    "no excluded roles",
    `every excluded user, group${def.readsAppExclusions ? ", app" : ""} and guest kind in the config's CapExclusions`,
  ];
  return `ScubaGear ${SCUBAGEAR_VERSION} \`${def.policyId}\` (${def.criticality}): ${def.requires}; ${common.join(", ")}${def.needsP2 ? "; an Entra ID P2 tenant" : ""}`;
}

/** docs/compliance.md: every claimable item, what satisfies it, and the assessor it agrees with. */
export function complianceReference(): string {
  const frameworks = [...new Set(FRAMEWORK_ITEMS.map((i) => i.framework))];
  return [
    "# Compliance claims",
    "",
    "Generated from `catalog/frameworks.ts`, `catalog/scuba.ts`, `catalog/features.ts`, the controls and the pack's",
    "rules by `npm run docs`; a test fails when it is stale.",
    "",
    "`zt plan` claims an item from the resources the program declares (planned, or deployed for a deployed",
    "stack), never from the profile alone: **met** when what satisfies it is there and enforced, **partial** with",
    "the reason (report-only, or met only with exclusions beyond break-glass, or narrowed by conditions the",
    "assessor does not read), **not met** with what is missing and why.",
    "",
    `SCuBA items follow ScubaGear ${SCUBAGEAR_VERSION}'s own matching (\`Rego/AADConfig.rego\`); the plan prints`,
    "ScubaGear's decision beside ours. `zt scuba-config` writes the ScubaGear configuration file whose exclusions",
    "make a ScubaGear run on the deployed tenant decide as the plan says. `identity.preset: strict` passes every",
    "item below as ScubaGear decides it but MS.AAD.7.5, which no Pulumi resource can meet (see its row).",
    "",
    ...frameworks.flatMap((framework) => [
      `## ${framework}`,
      "",
      "| Item | Claimed from (any one of) | Assessor it agrees with |",
      "| --- | --- | --- |",
      ...FRAMEWORK_ITEMS.filter((i) => i.framework === framework).map(
        (i) =>
          `| ${i.title} | ${satisfiedBy(i)} | ${scubaRule(i) ?? (i as FrameworkItem).assessor ?? "no automated assessor: claimed from the declared resources"} |`,
      ),
      "",
    ]),
  ].join("\n");
}
