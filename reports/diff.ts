import type { Log, ReportingDescriptor, Result } from "sarif";
import type { DiffItem, Layer } from "../posture/lock-diff";

const LAYERS: readonly Layer[] = ["identity", "network", "access", "privilege"];

export interface DiffReport {
  readonly title: string;
  /** Where findings point in code scanning: the stack's config file. */
  readonly artifact: string;
  readonly items: readonly DiffItem[];
  /** zt's version, as SARIF names the tool that ran. */
  readonly toolVersion: string;
  /**
   * With `--approved`: the lockfile of the same change, and the widenings it does not approve. A
   * widening it approves is still shown, marked as approved, so reviewers see what they approve.
   */
  readonly approval?: { readonly file: string; readonly unapproved: readonly DiffItem[] };
}

const widening = (items: readonly DiffItem[]) => items.filter((i) => i.change === "widening");

/**
 * Whether the change's own lockfile approves a widening; undefined without one (or for a narrowing).
 * Anything the lockfile still widens on the same subject leaves it unapproved (fail closed).
 */
function approved(r: DiffReport, i: DiffItem): boolean | undefined {
  if (!r.approval || i.change !== "widening") return undefined;
  return !r.approval.unapproved.some((u) => u.layer === i.layer && u.subject === i.subject);
}

const approvalNote = (r: DiffReport, i: DiffItem) => {
  const a = approved(r, i);
  return a === undefined ? "" : a ? " (approved)" : " (NOT approved)";
};

export function diffSummary(items: readonly DiffItem[]): string {
  const w = widening(items).length;
  const n = items.length - w;
  return w === 0
    ? `no widening, ${n} narrowing change${n === 1 ? "" : "s"}`
    : `${w} widening, ${n} narrowing change${n === 1 ? "" : "s"}`;
}

/** For a terminal: widening first, grouped by layer. */
export function diffText(r: DiffReport): string {
  const lines = [`zt diff · ${r.title} · ${diffSummary(r.items)}`];
  for (const change of ["widening", "narrowing"] as const) {
    for (const layer of LAYERS) {
      const items = r.items.filter((i) => i.change === change && i.layer === layer);
      if (items.length === 0) continue;
      lines.push(`\n${change.toUpperCase()}  ${layer}`);
      for (const i of items) lines.push(`  ${change === "widening" ? "+" : "-"} ${i.message}${approvalNote(r, i)}`);
    }
  }
  return lines.join("\n") + "\n";
}

/** For a PR comment: the verdict first, details folded per layer. */
export function diffMarkdown(r: DiffReport): string {
  const w = widening(r.items);
  const notApproved = w.filter((i) => approved(r, i) !== true).length;
  const verdict =
    w.length === 0
      ? "no widening"
      : r.approval && notApproved === 0
        ? `✅ ${w.length} widening change${w.length === 1 ? "" : "s"}, all approved by \`${r.approval.file}\``
        : `⚠️ ${w.length} widening change${w.length === 1 ? "" : "s"}${r.approval ? `, ${notApproved} not approved by \`${r.approval.file}\`` : ""}`;
  const lines = [
    `### Zero-trust posture: ${verdict}`,
    "",
    `${r.title}: ${diffSummary(r.items)}.`,
    "",
    "| Layer | Widening | Narrowing |",
    "| --- | --- | --- |",
    ...LAYERS.map(
      (l) =>
        `| ${l} | ${r.items.filter((i) => i.layer === l && i.change === "widening").length} | ${r.items.filter((i) => i.layer === l && i.change === "narrowing").length} |`,
    ),
    "",
  ];
  for (const change of ["widening", "narrowing"] as const) {
    const items = r.items.filter((i) => i.change === change);
    if (items.length === 0) continue;
    lines.push(`<details${change === "widening" ? " open" : ""}><summary>${change} (${items.length})</summary>`, "");
    for (const i of items) {
      const a = approved(r, i);
      const mark = a === undefined ? "" : a ? " ✅ approved" : " ⚠️ **not approved**";
      lines.push(`- **${i.layer}**${mark}: ${i.message.replace(/\|/g, "\\|")}`);
    }
    lines.push("", "</details>", "");
  }
  if (notApproved)
    lines.push(
      "Widening needs the lockfile change (`zt lock`) approved in this pull request, or the change undone.",
      "",
    );
  return lines.join("\n");
}

/** The pack policy a diff's results belong to, as code scanning names it. */
export interface SarifRule {
  readonly name: string;
  readonly description: string;
  readonly remediation: string;
}

/** SARIF 2.1.0 for code scanning: the rule id is the pack's policy name (`posture-within-lock`). */
export function diffSarif(r: DiffReport, policy: SarifRule): Log {
  const rule: ReportingDescriptor = {
    id: policy.name,
    name: "PostureWithinLock",
    shortDescription: { text: "The change grants nothing beyond the approved posture." },
    fullDescription: { text: policy.description },
    help: { text: policy.remediation },
    properties: { tags: ["security", "zero-trust"], "security-severity": "9.0" },
  };
  const results: Result[] = r.items.map((i) => ({
    ruleId: rule.id,
    // An approved widening is for review, not a failure.
    level: i.change === "widening" && approved(r, i) !== true ? "error" : "note",
    message: { text: `${i.change === "widening" ? "Widens" : "Narrows"} the ${i.layer} posture: ${i.message}.` },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: r.artifact } },
        logicalLocations: [{ name: i.subject, kind: "resource" }],
      },
    ],
    partialFingerprints: { postureItem: `${i.layer}/${i.change}/${i.subject}` },
    properties: {
      layer: i.layer,
      change: i.change,
      ...(approved(r, i) === undefined ? {} : { approved: approved(r, i) }),
    },
  }));
  return {
    version: "2.1.0",
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    runs: [
      {
        tool: {
          driver: {
            name: "zt-baseline",
            version: r.toolVersion,
            rules: [rule],
          },
        },
        results,
      },
    ],
  };
}

export function diffJson(r: DiffReport): string {
  const items = r.items.map((i) => ({ ...i, ...(approved(r, i) === undefined ? {} : { approved: approved(r, i) }) }));
  return JSON.stringify({ title: r.title, summary: diffSummary(r.items), items }, null, 2) + "\n";
}
