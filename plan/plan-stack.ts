import { main, PROFILE_KEY } from "../program/main";
import { parseProfile } from "../profile";
import type { ClientProfile } from "../profile/schema";
import { runProgramOffline } from "./mock-engine";
import type { PlannedResource } from "../posture/resource";
import { loadStackConfig, PROJECT } from "./stack-config";

export interface StackPlan {
  readonly stack: string;
  readonly profile: ClientProfile;
  readonly resources: readonly PlannedResource[];
  readonly outputs: Record<string, unknown>;
}

/**
 * Plans one stack offline: validates its profile first (an invalid one throws a ProfileError
 * before anything is registered), then runs the real program under the mock engine.
 */
export async function planStack(stacksDir: string, stack: string): Promise<StackPlan> {
  return planConfig(stack, loadStackConfig(stacksDir, stack), `stacks/Pulumi.${stack}.yaml`);
}

/** Plans a stack from its flat config (see loadStackConfig); `source` names it in errors. */
export async function planConfig(stack: string, config: Record<string, string>, source: string): Promise<StackPlan> {
  const raw = config[`${PROJECT}:${PROFILE_KEY}`];
  // Validate before the program runs: an invalid profile must not leave a half-registered stack.
  const profile = parseProfile(raw === undefined ? undefined : JSON.parse(raw), source);
  const { resources, outputs } = await runProgramOffline(main, { project: PROJECT, stack, config });
  return { stack, profile, resources, outputs };
}
