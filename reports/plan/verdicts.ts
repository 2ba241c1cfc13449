import type { Verdict } from "../../engine/run-pack";
import { heading, plural } from "./text";

/** The pack's verdicts: every violation with the resource and the fix, mandatory first. */
export function renderVerdicts(v: Verdict): string[] {
  const advisory = v.diagnostics.length - v.mandatory;
  const how =
    v.judged === "served"
      ? "served by run-policy-pack, Analyze per resource then AnalyzeStack"
      : "its policies run in this process, as run-policy-pack runs them";
  const lines = [
    heading(
      "POLICY PACK",
      `${v.pack.name} ${v.pack.version} · ${v.pack.policies} policies · ${how} · ${(v.elapsedMs / 1000).toFixed(1)} s`,
    ),
    v.mandatory === 0
      ? `  PASS  no mandatory violation, ${plural(advisory, "advisory notice")}`
      : `  FAIL  ${plural(v.mandatory, "mandatory violation")} (a preview would stop here), ${plural(advisory, "advisory notice")}`,
  ];
  const sorted = [...v.diagnostics].sort(
    (a, b) => Number(b.enforcementLevel === "mandatory") - Number(a.enforcementLevel === "mandatory"),
  );
  for (const d of sorted) {
    // The server prefixes each message with the policy's description: keep only the finding.
    const message = d.message.split("\n").slice(1).join(" ") || d.message;
    lines.push(
      `  ${d.enforcementLevel === "mandatory" ? "✗" : "!"} ${d.enforcementLevel.padEnd(9)} ${d.policyName}`,
      `      ${message}`,
    );
  }
  return lines;
}
