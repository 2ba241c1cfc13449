import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { main } from "../program/main";
import type { ClientProfile } from "../profile/schema";
import { runProgramOffline, type StackMode } from "./mock-engine";
import { isTypeScript, requireTypeScript } from "./typescript";
import type { PlannedResource } from "../posture/resource";
import { configNamespace, DEFAULT_PROJECT } from "../sources/project";
import { profileFromConfig } from "../sources/stack-profile";
import { loadStackConfig, stackFile } from "../sources/stack-config";

export interface StackPlan {
  readonly stack: string;
  readonly profile: ClientProfile;
  readonly resources: readonly PlannedResource[];
  readonly outputs: Record<string, unknown>;
}

/** The program Pulumi runs for this project (Pulumi.yaml `main: stacks/`). */
export const PROGRAM_ENTRY = join(__dirname, "..", "stacks", "index.ts");

/**
 * A program module run as the language host runs it: required inside the root stack, its exports
 * becoming the stack's outputs. A TypeScript program is compiled on load, as Pulumi's host does.
 */
export function programModule(file: string): () => unknown {
  const entry = programFile(file);
  if (isTypeScript(entry)) requireTypeScript();
  return () => {
    delete require.cache[require.resolve(entry)]; // a fresh run registers its resources again
    return require(entry) as unknown;
  };
}

/** The program file `--program` names, as an absolute path; a usage error when there is none. */
export function programFile(file: string): string {
  const entry = resolve(file);
  if (!existsSync(entry)) throw new Error(`--program ${file}: no such file`);
  return entry;
}

/** How a stack is planned offline. */
export interface PlanOptions {
  /** The program to run; defaults to the baseline without additions (`programModule` for a file). */
  readonly program?: () => unknown;
  /** `new` (default): a new stack's preview; `deployed`: the same stack after `pulumi up`. */
  readonly mode?: StackMode;
  /** The Pulumi project (config namespace and stack name prefix); planStack reads it from Pulumi.yaml. */
  readonly project?: string;
}

/**
 * Plans one stack offline: validates its profile first (an invalid one throws a ProfileError
 * before anything is registered), then runs the program under the mock engine.
 */
export async function planStack(stacksDir: string, stack: string, opts: PlanOptions = {}): Promise<StackPlan> {
  return planConfig(stack, loadStackConfig(stacksDir, stack), stackFile(stacksDir, stack), {
    project: configNamespace(stacksDir),
    ...opts,
  });
}

/** Plans a stack from its flat config (see loadStackConfig); `source` names it in errors. */
export async function planConfig(
  stack: string,
  config: Record<string, string>,
  source: string,
  opts: PlanOptions = {},
): Promise<StackPlan> {
  const project = opts.project ?? DEFAULT_PROJECT;
  // Validate before the program runs: an invalid profile must not leave a half-registered stack.
  const profile = profileFromConfig(config, project, source);
  const { resources, outputs } = await runProgramOffline(opts.program ?? main, {
    project,
    stack,
    config,
    mode: opts.mode,
  });
  return { stack, profile, resources, outputs };
}
