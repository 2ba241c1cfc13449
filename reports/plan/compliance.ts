import { SCUBAGEAR_VERSION } from "../../catalog/scuba";
import { frameworkCoverage, type ClaimStatus, type ItemCoverage } from "../../compliance/coverage";
import type { StackPlan } from "../../engine/plan-stack";
import { heading } from "./text";

// Not ✗: that mark is the verdict's, for a blocking violation.
const MARK: Record<ClaimStatus, string> = { met: "✓", partial: "◐", "not-met": "○" };

const counts = (items: readonly ItemCoverage[]) => {
  const n = (s: ClaimStatus) => items.filter((c) => c.status === s).length;
  return `${n("met")} met, ${n("partial")} partial, ${n("not-met")} not met`;
};

/** What `identity.preset` means for SCuBA, said where the claims are read. */
function presetLine(preset: StackPlan["profile"]["identity"]["preset"]): string {
  return preset === "strict"
    ? "preset strict: stricter than the SMB default, as ScubaGear asks: guests need a compliant device too, everyone phishing-resistant MFA, security info only from a compliant device"
    : "preset smb: guests spared the device requirement and trusted offices may register security info; identity.preset: strict passes these items as ScubaGear decides them, at that cost";
}

/** Framework claims, from the resources the program declares: met, partial (and why), or not (and why). */
export function renderCompliance(
  profile: StackPlan["profile"],
  resources: StackPlan["resources"],
  view: "planned" | "deployed" = "planned",
): string[] {
  const coverage = frameworkCoverage(profile, resources);
  const source = view === "planned" ? "the program's resources" : "the deployed resources";
  const lines = [heading("COMPLIANCE", `from ${source}: ${counts(coverage)} of ${coverage.length} items`)];
  for (const framework of [...new Set(coverage.map((c) => c.item.framework))]) {
    const items = coverage.filter((c) => c.item.framework === framework);
    const scuba = items.some((c) => c.scubaGear);
    lines.push(
      scuba
        ? `  ${framework}, matched as ScubaGear ${SCUBAGEAR_VERSION} does: ${counts(items)}; ScubaGear with \`zt scuba-config\`: ${items.filter((c) => c.scubaGear === "pass").length}/${items.length} pass`
        : `  ${framework}: ${counts(items)}`,
    );
    if (scuba) lines.push(`    ${presetLine(profile.identity.preset)}`);
    for (const c of items) {
      const by = c.by.length ? ` (${c.by.slice(0, 3).join(", ")}${c.by.length > 3 ? ", …" : ""})` : "";
      const verdict = c.scubaGear ? ` · ScubaGear: ${c.scubaGear}` : "";
      lines.push(`    ${MARK[c.status]} ${c.item.title}${c.status === "not-met" ? "" : by}${verdict}`);
      if (c.status !== "met")
        for (const g of c.gaps.length ? c.gaps : ["nothing in this baseline covers it yet"]) lines.push(`        ${g}`);
    }
  }
  return lines;
}
