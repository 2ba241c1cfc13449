import { frameworkCoverage } from "../../compliance/coverage";
import type { ClientProfile } from "../../profile/schema";
import { heading } from "./text";

/** Framework coverage: what the declared baseline gives evidence for, and what it does not, and why. */
export function renderCompliance(profile: ClientProfile): string[] {
  const coverage = frameworkCoverage(profile);
  const lines = [
    heading(
      "COMPLIANCE",
      `${coverage.filter((c) => c.covered).length} of ${coverage.length} framework items covered by the declared baseline`,
    ),
  ];
  for (const framework of [...new Set(coverage.map((c) => c.item.framework))]) {
    const items = coverage.filter((c) => c.item.framework === framework);
    lines.push(`  ${framework}: ${items.filter((c) => c.covered).length}/${items.length}`);
    for (const c of items) {
      lines.push(
        `    ${c.covered ? "✓" : "✗"} ${c.item.title}${c.covered ? ` (${c.by.slice(0, 3).join(", ")}${c.by.length > 3 ? ", …" : ""})` : ""}`,
      );
      if (!c.covered)
        for (const g of c.gaps.length ? c.gaps : ["nothing in this baseline covers it yet"]) lines.push(`        ${g}`);
    }
  }
  return lines;
}
