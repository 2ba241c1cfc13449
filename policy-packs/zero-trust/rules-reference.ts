import { frameworkLabel } from "../../catalog/frameworks";
import { PACK_NOTICES } from "./pack-notices";
import { RULES } from "./rules";
import { referencesOf } from "./rule";
import { SCANNER_CHECKS, type Scanner } from "../../catalog/scanner-checks";
import type { Inventory } from "../../catalog/inventory/classes";
import { CLASS_REASONS, REASONS } from "../../catalog/inventory/reasons";
import inventoryJson from "../../catalog/inventory/types.json";
import { READERS } from "../../posture/readers";
import { backlog, coverage, readTypes } from "../../posture/readers/coverage";
import { UNKNOWN_MEANS } from "../../posture/unknown";

/**
 * "What the pack reads": per provider package, the resource types that can widen (the inventory
 * derived from the SDKs), how many a reader reads, how many carry a reason they cannot widen, and
 * how many are the backlog (pending: they can, and no reader reads them yet), with the backlog's
 * families.
 */
function whatThePackReads(): string[] {
  const inventory = inventoryJson as Inventory;
  const read = readTypes(inventory, READERS, CLASS_REASONS);
  const counts = coverage(inventory, read, REASONS);
  const total = (k: "inventory" | "read" | "reasoned" | "pending") => counts.reduce((n, c) => n + c[k], 0);
  const families = backlog(inventory, read, REASONS);
  return [
    "## What the pack reads",
    "",
    "Every resource type of the installed provider SDKs whose inputs can carry a widening (a network source or",
    "destination, a security group or subnet placement, a public-access flag or endpoint, a route, a principal or",
    "policy, a role, a group membership or ownership, an access or session setting) is listed in",
    "`catalog/inventory/types.json`, derived from the SDKs' declarations by `npm run inventory` (matching rules in",
    "`catalog/inventory/classes.ts`). Each listed type is read by a reader of the pack, or carries a reason in",
    "`catalog/inventory/reasons.ts` why it cannot widen or is outside the guard's scope, or is in the backlog: it can",
    "widen and no reader reads it yet, so the pack does not judge it. A test regenerates the inventory and fails on",
    "a type that is none of these, so a provider upgrade surfaces its new types.",
    "",
    "| Provider | Types that can widen | Read | With a reason | Backlog (not judged yet) |",
    "| --- | --- | --- | --- | --- |",
    ...counts.map(
      (c) => `| \`${c.provider}\` ${c.version} | ${c.inventory} | ${c.read} | ${c.reasoned} | ${c.pending} |`,
    ),
    `| all | ${total("inventory")} | ${total("read")} | ${total("reasoned")} | ${total("pending")} |`,
    "",
    `The backlog: ${total("pending")} types in ${families.length} families, largest first (what a reader would read).`,
    "",
    "| Types | Family | To read |",
    "| --- | --- | --- |",
    ...families.map((f) => `| ${f.types.length} | ${f.why} | ${f.needs} |`),
    "",
  ];
}

/** RULES.md: every policy of the pack, generated from the rules themselves. */
/** The one meaning of a value the pack cannot read, per kind of value (posture/unknown.ts). */
function whatUnknownMeans(): string[] {
  return [
    "## What a value the pack cannot read means",
    "",
    "A value cannot be read when it is unknown until apply (a new stack's preview of a value computed from another",
    "resource that the stack does not declare), a secret held only as ciphertext (a state file), or in a shape the",
    "reader does not recognise. Each kind of value has one meaning, the worst case it could be, set once in",
    "`posture/unknown.ts` and applied by every reader; the verdict names the resource and the property, and the rule",
    "blocks or advises at its own level. Make the value readable (a literal, a reference to a resource of the stack,",
    "or judge the deployed stack, where ids and outputs are known) to have it judged as it is.",
    "",
    "| Value | Counts as | Why |",
    "| --- | --- | --- |",
    ...Object.values(UNKNOWN_MEANS).map((u) => `| ${u.value} | ${u.means} | ${u.why} |`),
    "",
  ];
}

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
    ...whatUnknownMeans(),
    ...whatThePackReads(),
  ].join("\n");
}
