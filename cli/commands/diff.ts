import type { Command } from "commander";
import { writeFileSync } from "node:fs";
import { lockOf, type PostureLock } from "../../posture/lock";
import { diffPostures } from "../../posture/diff";
import { postureOf } from "../../posture/build";
import { readSourceFile } from "../../posture/sources";
import { postureAtRef } from "../../plan/git-ref";
import { planStack } from "../../plan/plan-stack";
import { diffJson, diffMarkdown, diffSarif, diffText } from "../../reports/diff";
import { Refused } from "../common";

const FORMATS = ["text", "markdown", "sarif", "json"] as const;
type Format = (typeof FORMATS)[number];

/** A posture from `plan:<stack>` (offline plan), a lockfile, a stack export, or one side of a preview file. */
async function postureFrom(spec: string, stacksDir: string, side: "old" | "new"): Promise<PostureLock> {
  if (spec.startsWith("plan:")) return lockOf(postureOf((await planStack(stacksDir, spec.slice(5))).resources));
  const ref = /^git:(.+):([\w.-]+)$/.exec(spec);
  if (ref) return postureAtRef(ref[1]!, ref[2]!);
  const doc = readSourceFile(spec);
  if (doc.kind === "lock") return doc.lock;
  return lockOf(postureOf(doc.kind === "export" ? doc.resources : doc[side]));
}

export function diffCommand(program: Command): void {
  program
    .command("diff")
    .description("classify every change between two postures as widening or narrowing (exit 1 on unapproved widening)")
    .argument(
      "<before>",
      "plan:<stack>, git:<ref>:<stack> (the plan at a git ref), a posture lockfile, a `pulumi stack export` file, or a `pulumi preview --json` file (its old side)",
    )
    .argument("[after]", "the same kinds (a preview file's new side); omitted: the new side of <before>'s preview file")
    .option("-f, --format <format>", `output: ${FORMATS.join(", ")}`, "text")
    .option("-o, --out <file>", "write the report to a file instead of stdout")
    .option("--stack-file <path>", "the file code-scanning results point at", "stacks/Pulumi.example.yaml")
    .option("--stacks-dir <dir>", "folder holding the stack configs", "stacks")
    .option("--approved <lockfile>", "widening is approved when the new lockfile of the same change allows it")
    .action(
      async (
        before: string,
        after: string | undefined,
        opts: { format: string; out?: string; stackFile: string; stacksDir: string; approved?: string },
      ) => {
        if (!FORMATS.includes(opts.format as Format))
          throw new Error(`unknown format "${opts.format}": use ${FORMATS.join(", ")}`);
        const old = await postureFrom(before, opts.stacksDir, "old");
        const proposed = await postureFrom(after ?? before, opts.stacksDir, "new");
        const items = diffPostures(old, proposed);
        const report = { title: `${before} → ${after ?? `${before} (new)`}`, artifact: opts.stackFile, items };
        const format = opts.format as Format;
        const text =
          format === "sarif"
            ? JSON.stringify(diffSarif(report), null, 2) + "\n"
            : format === "markdown"
              ? diffMarkdown(report)
              : format === "json"
                ? diffJson(report)
                : diffText(report);
        if (opts.out) writeFileSync(opts.out, text);
        else process.stdout.write(text);

        const widening = items.filter((i) => i.change === "widening");
        if (widening.length === 0) return;
        if (opts.approved) {
          const approval = readSourceFile(opts.approved);
          if (approval.kind !== "lock") throw new Error(`${opts.approved} is not a posture lockfile`);
          const unapproved = diffPostures(approval.lock, proposed).filter((i) => i.change === "widening");
          if (unapproved.length === 0) return;
          throw new Refused(`${unapproved.length} widening change(s) not approved by ${opts.approved}`);
        }
        throw new Refused(`${widening.length} widening change(s)`);
      },
    );
}
