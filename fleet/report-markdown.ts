import { CONTROLS } from "../components/identity/controls";
import { selectControls } from "../components/identity/select-controls";
import type { ClientResult } from "./fleet-plan";

/** One page, for a ticket or a wiki: every client's controls, exceptions and verdicts. */
export function fleetMarkdown(results: readonly ClientResult[]): string {
  const codes = CONTROLS.map((c) => c.displayName.split("-")[0]!);
  const header = ["Client", ...codes, "Tiers", "Apps", "Exceptions", "Mandatory", "Widening", "Result"];
  const rows = results.map((r) => {
    const p = r.profile;
    const cells = p
      ? selectControls(p.identity, CONTROLS).map((d) => (!d.declared ? "–" : d.state === "enabled" ? "✓" : "R"))
      : CONTROLS.map(() => "?");
    const expiries = p ? p.exceptions.map((e) => e.expires).sort() : [];
    return [
      r.client ?? r.stack,
      ...cells,
      p ? String(p.network.tiers.length) : "?",
      p ? String(p.access?.apps.length ?? 0) : "?",
      expiries.length ? `${expiries.length} (first expires ${expiries[0]})` : "0",
      String(r.mandatory),
      r.widening === undefined ? "no lock" : String(r.widening),
      r.failure ? "**FAIL**" : "ok",
    ];
  });
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  const failures = results.filter((r) => r.failure).map((r) => `- **${r.stack}**: ${r.failure!.replace(/\n/g, " ")}`);
  return [
    "# Zero-trust fleet posture",
    "",
    `${results.length} clients, ${results.filter((r) => r.failure).length} failing. ✓ enforced, R report-only, – not declared (opted out, licence, or not configured).`,
    "",
    line(header),
    line(header.map(() => "---")),
    ...rows.map(line),
    "",
    ...(failures.length ? ["## Failing clients", "", ...failures, ""] : []),
    "Controls: " + CONTROLS.map((c, i) => `${codes[i]} ${c.id}`).join(", ") + ".",
    "",
  ].join("\n");
}
