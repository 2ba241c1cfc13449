import type { StackMode } from "../engine/mock-engine";
import { planStack, type StackPlan } from "../engine/plan-stack";

/**
 * The example's plans, planned once per test worker rather than once per file: workers keep their
 * module cache between files (vitest.config.mts) and a dozen files judge the same example. One
 * plan at a time, as the mock runtime is process-global. Each caller gets its own copy to change.
 */
const plans = new Map<StackMode, Promise<StackPlan>>();

export async function examplePlan(mode: StackMode = "new"): Promise<StackPlan> {
  let plan = plans.get(mode);
  if (!plan) {
    const earlier = Promise.allSettled([...plans.values()]);
    plan = earlier.then(() => planStack("stacks", "example", { mode }));
    plans.set(mode, plan);
  }
  return structuredClone(await plan);
}
