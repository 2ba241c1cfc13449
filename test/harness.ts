import { planConfig } from "../engine/plan-stack";
import type { PlannedResource } from "../posture/resource";
import { DEFAULT_PROJECT, profileKey } from "../sources/project";

/** Runs the real program under the mock engine for a raw profile, as `zt plan` does for a stack. */
export async function planProfile(profile: unknown, stack = "test"): Promise<readonly PlannedResource[]> {
  const config: Record<string, string> =
    profile === undefined ? {} : { [profileKey(DEFAULT_PROJECT)]: JSON.stringify(profile) };
  return (await planConfig(stack, config, `stack "${stack}"`)).resources;
}

export const byType = (resources: readonly PlannedResource[], type: string) => resources.filter((r) => r.type === type);

export const TYPES = {
  caPolicy: "azuread:index/conditionalAccessPolicy:ConditionalAccessPolicy",
  namedLocation: "azuread:index/namedLocation:NamedLocation",
  strength: "azuread:index/authenticationStrengthPolicy:AuthenticationStrengthPolicy",
} as const;
