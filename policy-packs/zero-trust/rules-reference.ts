import { frameworkLabel } from "../../catalog/frameworks";
import { PACK_NOTICES } from "./pack-notices";
import { RULES } from "./rules";

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
      [...r.frameworks.map(frameworkLabel), ...r.references].join("<br>"),
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
  ].join("\n");
}
