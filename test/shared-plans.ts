import { join } from "node:path";
import { runProgramOffline, type StackMode } from "../engine/mock-engine";
import { planStack, programModule, type StackPlan } from "../engine/plan-stack";
import type { PlannedResource } from "../posture/resource";

/**
 * The example's plans, planned once per test worker rather than once per file: workers keep their
 * module cache between files (vitest.config.mts) and a dozen files judge the same example. One
 * plan at a time, as the mock runtime is process-global. Each caller gets its own copy to change.
 */
const plans = new Map<string, Promise<unknown>>();

/** Plans once per key, after every plan asked for before it (the mock runtime runs one at a time). */
function once<T>(key: string, plan: () => Promise<T>): Promise<T> {
  let p = plans.get(key) as Promise<T> | undefined;
  if (!p) {
    const earlier = Promise.allSettled([...plans.values()]);
    p = earlier.then(plan);
    plans.set(key, p);
  }
  return p;
}

export async function examplePlan(mode: StackMode = "new"): Promise<StackPlan> {
  return structuredClone(await once(`example:${mode}`, () => planStack("stacks", "example", { mode })));
}

/** The folder of the programs in the shapes public examples use, each with its expected verdict. */
export const FIXTURE_PROGRAMS = join(__dirname, "fixtures", "programs");

/**
 * A fixture program's resources, planned as a hand-written stack is (no profile, no config): once per
 * worker and view, as several files judge the same programs (their verdicts, their spellings).
 */
export async function fixtureProgramPlan(file: string, mode: StackMode): Promise<PlannedResource[]> {
  const plan = once(`program:${mode}:${file}`, async () => {
    const { resources } = await runProgramOffline(programModule(join(FIXTURE_PROGRAMS, file)), {
      project: "hand-written",
      stack: "dev",
      config: {},
      mode,
    });
    return resources;
  });
  return structuredClone(await plan) as PlannedResource[];
}
