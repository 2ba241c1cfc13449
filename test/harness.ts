import { planConfig } from "../engine/plan-stack";
import type { PlannedResource } from "../posture/resource";
import { DEFAULT_PROJECT, profileKey } from "../sources/project";

const plans = new Map<string, Promise<readonly PlannedResource[]>>();

/**
 * Runs the real program under the mock engine for a raw profile, as `zt plan` does for a stack.
 * The same profile is planned once per test file; each caller gets its own copy to change.
 */
export async function planProfile(profile: unknown, stack = "test"): Promise<readonly PlannedResource[]> {
  const config: Record<string, string> =
    profile === undefined ? {} : { [profileKey(DEFAULT_PROJECT)]: JSON.stringify(profile) };
  const key = JSON.stringify([stack, config]);
  let planned = plans.get(key);
  if (!planned) {
    planned = planConfig(stack, config, `stack "${stack}"`).then((p) => p.resources);
    plans.set(key, planned);
    planned.catch(() => plans.delete(key)); // a refused profile is planned (and refused) again
  }
  return structuredClone(await planned);
}

export const byType = (resources: readonly PlannedResource[], type: string) => resources.filter((r) => r.type === type);

export const TYPES = {
  caPolicy: "azuread:index/conditionalAccessPolicy:ConditionalAccessPolicy",
  namedLocation: "azuread:index/namedLocation:NamedLocation",
  strength: "azuread:index/authenticationStrengthPolicy:AuthenticationStrengthPolicy",
} as const;
