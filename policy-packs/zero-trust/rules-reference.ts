import { frameworkLabel } from "../../catalog/frameworks";
import { PACK_NOTICES } from "./pack-notices";
import { RULES } from "./rules";
import { referencesOf } from "./rule";
import { SCANNER_CHECKS, type Scanner } from "../../catalog/scanner-checks";

/** RULES.md: every policy of the pack, generated from the rules themselves. */
export function rulesReference(): string {
  const rows = RULES.map((r) =>
    [
      `\`${r.name}\``,
      r.layer,
      r.kind === "stack" ? "stack (AnalyzeStack)" : "resource (Analyze)",
      r.enforcementLevel,
      r.severity,
      r.description,
      r.remediation,
      [...r.frameworks.map(frameworkLabel), ...referencesOf(r)].join("<br>"),
      r.uses.map((u) => `\`${u}\``).join(", ") || "none",
    ].join(" | "),
  );
  return [
    "# zero-trust policy pack: rules",
    "",
    "Generated from `rules/` by `npm run docs`; a test fails when it is stale. One rule per file, named after the rule.",
    "Every policy also takes `exceptions` in its config: `{ resource, reason, approvedBy, expires }` (a reason of at least",
    "a sentence; an expired exception no longer applies). Applied, expired and refused exceptions are reported by the",
    `advisory policy \`${PACK_NOTICES}\`.`,
    "",
    "| Policy | Layer | Runs on | Level | Severity | What must hold | Fix | References | Settings read |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map((r) => `| ${r} |`),
    "",
    "## The scanners' checks, and how the pack answers them",
    "",
    "Every security-group, NSG, network ACL, IAM, RBAC and resource-policy check of checkov, trivy, Prowler and",
    "cdk-nag that bears on zero trust, with the policies that judge it or the reason none does (from",
    "`catalog/scanner-checks.ts`). Where both are given, the policies judge the zero-trust part and the reason says what is left.",
    "",
    ...(["checkov", "trivy", "Prowler", "cdk-nag"] as Scanner[]).flatMap((scanner) => [
      `### ${scanner}`,
      "",
      "| Check | What it asks | Judged by | Or why not |",
      "| --- | --- | --- | --- |",
      ...SCANNER_CHECKS.filter((c) => c.scanner === scanner).map(
        (c) =>
          `| \`${c.id}\` | ${c.title} | ${(c.rules ?? []).map((p) => `\`${p}\``).join(", ") || "-"} | ${c.why ?? ""} |`,
      ),
      "",
    ]),
  ].join("\n");
}
