import { CONTROL_CODES, CONTROL_IDS, controlCells, exceptionsOf } from "./view";
import type { ClientResult } from "../../fleet/fleet-plan";

const MARK = { enforced: "✓", "report-only": "R", absent: "–", missing: "✗", unknown: "?" } as const;

/** One page, for a ticket or a wiki: every client's controls, exceptions and verdicts. */
export function fleetMarkdown(results: readonly ClientResult[], today = new Date().toISOString().slice(0, 10)): string {
  const header = ["Client", ...CONTROL_CODES, "Tiers", "Apps", "Exceptions", "Mandatory", "Widening", "Result"];
  const rows = results.map((r) => {
    const p = r.profile;
    const exceptions = exceptionsOf(p, today);
    const expired = exceptions.filter((e) => e.expired).length;
    return [
      r.client ?? r.stack,
      ...controlCells(p, r.deployed).map((c) => MARK[c.state]),
      p ? String(p.network.tiers.length) : "?",
      p ? String(p.access?.apps.length ?? 0) : "?",
      exceptions.length
        ? `${exceptions.length} (${expired ? `${expired} expired, ` : ""}first expires ${exceptions[0]!.expires})`
        : "0",
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
    `${results.length} clients, ${results.filter((r) => r.failure).length} failing. ✓ enforced, R report-only, ✗ declared but not held by the resources, – not declared (opted out, licence, or not configured).`,
    "",
    line(header),
    line(header.map(() => "---")),
    ...rows.map(line),
    "",
    ...(failures.length ? ["## Failing clients", "", ...failures, ""] : []),
    "Controls: " + CONTROL_CODES.map((code, i) => `${code} ${CONTROL_IDS[i]}`).join(", ") + ".",
    "",
  ].join("\n");
}
