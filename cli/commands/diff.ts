import { Option, type Command } from "commander";
import type { DiffFormat, DiffOptions } from "../actions/diff";
import { stackName, stacksDirOption, programOption } from "../common";
import { actions } from "../lazy-actions";

const FORMATS: readonly DiffFormat[] = ["text", "markdown", "sarif", "json"];

export function diffCommand(program: Command): void {
  program
    .command("diff")
    .description("classify every change between two postures as widening or narrowing (exit 1 on unapproved widening)")
    .argument(
      "<before>",
      "plan:<stack>, git:<ref>:<stack> (the plan at a git ref), a posture lockfile, a `pulumi stack export` file, or a `pulumi preview --json` file (its old side)",
    )
    .argument("[after]", "the same kinds (a preview file's new side); omitted: the new side of <before>'s preview file")
    .addOption(new Option("-f, --format <format>", "output").choices(FORMATS).default("text"))
    .option("-o, --out <file>", "write the report to a file instead of stdout")
    .option(
      "--stack-file <path>",
      "the file code-scanning results point at (default: the stack's Pulumi.<stack>.yaml, else <after>)",
    )
    .addOption(stacksDirOption())
    .addOption(programOption("the Pulumi program that plan: and git: specs plan"))
    .option(
      "-s, --stack <name>",
      "take the break-glass accounts from this stack's profile (default: the stack a plan: or git: spec names)",
      stackName,
    )
    .option("--approved <lockfile>", "widening is approved when the new lockfile of the same change allows it")
    .action(async (before: string, after: string | undefined, opts: DiffOptions) =>
      actions.diff().diff(before, after, opts),
    );
}
