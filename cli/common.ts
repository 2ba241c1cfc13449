import { InvalidArgumentError, Option, type Command } from "commander";
import { projectAt } from "../sources/project";

/** Exit codes: 0 ok, 1 the baseline is refused (invalid profile, mandatory violation, widening), 2 usage. */
export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

export const stackName = (value: string) => {
  if (!/^[\w.-]+$/.test(value)) throw new InvalidArgumentError("a stack name is letters, digits, '.', '_' or '-'");
  return value;
};

/** The work was done but the result is refused: the reason has been printed already. */
export class Refused extends Error {}

/** Refuses a result the pack blocked (exit 1), as a preview would stop. */
export function refuseMandatory(verdict: { readonly mandatory: number } | undefined): void {
  if (verdict && verdict.mandatory > 0) throw new Refused(`${verdict.mandatory} mandatory policy violation(s)`);
}

/** A whole number of at least 1 (workers, clients at once). */
export const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a whole number, 1 or more");
  return n;
};

/** `--stacks-dir`: where the stack configs (`Pulumi.<stack>.yaml`) and lockfiles live. */
export const stacksDirOption = () =>
  new Option(
    "--stacks-dir <dir>",
    "folder holding the stack configs (default: the project's stackConfigDir, from Pulumi.yaml)",
  );

/** `--program`: the Pulumi program to plan, by default the project's entry (Pulumi.yaml `main`). */
export const programOption = (description = "the Pulumi program to plan") =>
  new Option("--program <file>", `${description} (default: the project's main, from Pulumi.yaml)`);

/**
 * Fills `--stacks-dir` and `--program` left out from the Pulumi project zt runs in (`Pulumi.yaml`
 * in this folder or above), read only when a command needs them, so `--help` never reads it.
 */
export function projectDefaults(command: Command): void {
  const wants = (name: string) =>
    command.options.some((o) => o.attributeName() === name) && command.getOptionValue(name) === undefined;
  if (!wants("stacksDir") && !wants("program")) return;
  const project = projectAt(process.cwd());
  if (!project) {
    throw new Error(
      `no Pulumi.yaml in ${process.cwd()} or above: run zt in a Pulumi project (\`zt init\` makes one), or pass --stacks-dir and --program`,
    );
  }
  if (wants("stacksDir")) command.setOptionValueWithSource("stacksDir", project.stacksDir, "default");
  if (wants("program")) command.setOptionValueWithSource("program", project.program, "default");
}
