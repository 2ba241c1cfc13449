import type { Flow } from "../../profile/network";
import { INTERNET } from "../../profile/network-defaults";
import type { ArgProblem } from "../args";

/**
 * What a segmentation component needs of its tiers and flows when it is used alone (the profile
 * checks the whole tier model): tiers named once, flows between declared tiers (or the internet),
 * ports for tcp and udp. A flow to a tier that does not exist would silently allow nothing, or fail
 * half-way through a deployment.
 */
export function tierFlowProblems(tiers: readonly string[], flows: readonly Flow[]): ArgProblem[] {
  const problems: ArgProblem[] = [];
  if (tiers.length === 0) problems.push({ path: "tiers", message: "at least one tier is needed" });
  tiers.forEach((t, i) => {
    if (t === INTERNET)
      problems.push({ path: `tiers[${i}]`, message: `"${INTERNET}" is reserved and cannot name a tier` });
    else if (tiers.indexOf(t) !== i) problems.push({ path: `tiers[${i}]`, message: `tier "${t}" is declared twice` });
  });
  const known = new Set(tiers);
  flows.forEach((f, i) => {
    for (const end of ["from", "to"] as const) {
      if (f[end] !== INTERNET && !known.has(f[end]))
        problems.push({
          path: `flows[${i}].${end}`,
          message: `"${f[end]}" is not one of the tiers (${tiers.join(", ") || "none"})`,
        });
    }
    if (f.from === INTERNET && f.to === INTERNET)
      problems.push({ path: `flows[${i}]`, message: "a flow from the internet to the internet is not segmentation" });
    if (f.protocol !== "icmp" && f.ports.length === 0)
      problems.push({ path: `flows[${i}].ports`, message: `a ${f.protocol} flow names its ports` });
  });
  return problems;
}
