import { main, PROFILE_KEY } from "../program/main";
import { parseProfile } from "../profile";
import type { ClientProfile } from "../profile/schema";
import { runProgramOffline } from "./mock-engine";
import type { PlannedResource } from "./resources";
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
  const config = loadStackConfig(stacksDir, stack);
  const raw = config[`${PROJECT}:${PROFILE_KEY}`];
  const profile = parseProfile(raw === undefined ? undefined : JSON.parse(raw), `stacks/Pulumi.${stack}.yaml`);
  const { resources, outputs } = await runProgramOffline(main, { project: PROJECT, stack, config });
  return { stack, profile, resources, outputs };
}
