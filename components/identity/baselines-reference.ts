import { BASELINES } from "../../catalog/baselines";
import { CONTROLS } from "../../catalog/controls";

const cell = (s: string) => s.replace(/\|/g, "\\|");

/** docs/baselines.md: every policy of the public baselines, answered by a control or a reason. */
export function baselinesReference(): string {
  const names = new Map(CONTROLS.map((c) => [c.id, c.displayName]));
  const sections = BASELINES.flatMap((b) => {
    const answered = b.policies.filter((p) => (p.controls?.length ?? 0) > 0).length;
    return [
      `## ${b.name}`,
      "",
      `${b.source}, read at ${b.pinned}: ${b.policies.length} policies, ${answered} answered by a control, ` +
        `${b.policies.length - answered} by a reason alone.`,
      "",
      "| Their id | What it does | Our controls | Why / how we differ |",
      "| --- | --- | --- | --- |",
      ...b.policies.map(
        (p) =>
          `| ${cell(p.id)} | ${cell(p.title)} | ${(p.controls ?? [])
            .map((id) => `\`${id}\` (${names.get(id)})`)
            .join("<br>")} | ${cell(p.why ?? "")} |`,
      ),
      "",
    ];
  });
  return [
    "# The catalog against public Conditional Access baselines",
    "",
    "Generated from `catalog/baselines/` by `npm run docs`; a test fails when it is stale.",
    "Each policy of each baseline is answered by the controls that implement it (see docs/controls.md),",
    "or by the reason it is not in this baseline. Titles are ours; ids are the baselines' own.",
    "",
    ...sections,
  ].join("\n");
}
