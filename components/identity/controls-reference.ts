import { CONTROLS } from "../../catalog/controls";
import { frameworkLabel } from "../../catalog/frameworks";

/** docs/controls.md: every Conditional Access control with its id, references and licence. */
export function controlsReference(): string {
  const rows = CONTROLS.map((c) =>
    [
      `\`${c.id}\``,
      `\`${c.displayName}\``,
      c.description,
      c.rationale,
      [...c.frameworks.map(frameworkLabel), ...c.references].join("<br>"),
      `Entra ID ${c.licence}`,
      c.reportOnlyCapable ? "yes" : "no (enforced even in a report-only rollout)",
      c.presets ? c.presets.join(", ") : "all",
    ].join(" | "),
  );
  return [
    "# Conditional Access controls",
    "",
    "Generated from `catalog/controls/` by `npm run docs`; a test fails when it is stale.",
    "Each control is one file named after its id. Opt out per client with `identity.optOuts` (a reason is required);",
    "every policy excludes the break-glass group and accounts.",
    "",
    "| Id | Display name | What it does | Why | References | Licence | Report-only | Presets |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map((r) => `| ${r} |`),
    "",
  ].join("\n");
}
