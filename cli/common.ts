import { InvalidArgumentError, Option } from "commander";
import { PROGRAM_ENTRY } from "../engine/plan-stack";

/** Exit codes: 0 ok, 1 the baseline is refused (invalid profile, mandatory violation, widening), 2 usage. */
export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

export const stackName = (value: string) => {
  if (!/^[\w.-]+$/.test(value)) throw new InvalidArgumentError("a stack name is letters, digits, '.', '_' or '-'");
  return value;
};

/** The work was done but the result is refused: the reason has been printed already. */
export class Refused extends Error {}

/** A whole number of at least 1 (workers, clients at once). */
export const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a whole number, 1 or more");
  return n;
};

/** `--stacks-dir`: where the stack configs (`Pulumi.<stack>.yaml`) and lockfiles live. */
export const stacksDirOption = () =>
  new Option("--stacks-dir <dir>", "folder holding the stack configs").default("stacks");

/** `--program`: the Pulumi program to plan, by default the project's entry (Pulumi.yaml `main`). */
export const programOption = (description = "the Pulumi program to plan") =>
  new Option("--program <file>", description).default(PROGRAM_ENTRY);
