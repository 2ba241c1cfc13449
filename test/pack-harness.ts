import { beforeAll, expect } from "vitest";
import { judgeInProcess } from "../engine/in-process-pack";
import type { PackServer, Diagnostic } from "../engine/pack-server";
import { packConfigFor } from "../engine/pack-config";
import type { StackPlan } from "../engine/plan-stack";
import { examplePlan } from "./shared-plans";
import { workerPack } from "./worker-pack";
import type { PlannedResource } from "../posture/resource";

type Json = Record<string, any>;

/**
 * The real pack server (run-policy-pack, as the engine starts it; the worker's, test/worker-pack.ts)
 * and the example plan. Each check configures the pack from the profile and drives Analyze +
 * AnalyzeStack.
 */
export function usePack() {
  const ctx = {} as { server: PackServer; plan: StackPlan };
  beforeAll(async () => {
    [ctx.server, ctx.plan] = await Promise.all([workerPack(), examplePlan()]);
  });

  /** Violations of the (mutated) example plan, with the pack configured from its profile. */
  async function check(
    mutate: (resources: PlannedResource[]) => PlannedResource[] = (r) => r,
    configure: (config: Json) => void = () => {},
  ): Promise<Diagnostic[]> {
    const config = packConfigFor(ctx.plan.profile) as Json;
    configure(config);
    await ctx.server.configure(config);
    return servedAndInProcess(mutate(structuredClone(ctx.plan.resources) as PlannedResource[]), config);
  }
  /** The served pack's verdict, held to be the one the in-process run (`zt check`'s) gives. */
  async function servedAndInProcess(resources: readonly PlannedResource[], config: Json): Promise<Diagnostic[]> {
    const served = await ctx.server.analyzeAll(resources);
    expect(judgeInProcess(resources, config), "in-process verdict = served verdict").toEqual(served);
    return served;
  }
  const mandatory = async (...args: Parameters<typeof check>) =>
    (await check(...args)).filter((d) => d.enforcementLevel === "mandatory");
  /** The verdict on resources alone, with no config (a hand-written stack): what blocks, what advises, every notice. */
  async function unconfigured(resources: readonly PlannedResource[]) {
    await ctx.server.configure({});
    const found = await servedAndInProcess(resources, {});
    return {
      mandatory: found.filter((d) => d.enforcementLevel === "mandatory"),
      advisory: found.filter((d) => d.enforcementLevel === "advisory" && d.policyName !== "pack-notices"),
      // Notices come in more than one diagnostic (as each Analyze and AnalyzeStack reports them).
      notices: found
        .filter((d) => d.policyName === "pack-notices")
        .map((d) => d.message)
        .join("\n"),
    };
  }
  return { ctx, check, mandatory, unconfigured };
}

const STACK = "urn:pulumi:example::zt-baseline::pulumi:pulumi:Stack::zt-baseline-example";

/** A resource written by hand in the user's program (top level, no component). */
export function handWritten(
  type: string,
  name: string,
  inputs: Json,
  propertyDependencies: Record<string, string[]> = {},
): PlannedResource {
  return {
    urn: `urn:pulumi:example::zt-baseline::${type}::${name}`,
    type,
    name,
    custom: true,
    parent: STACK,
    dependencies: [...new Set(Object.values(propertyDependencies).flat())],
    propertyDependencies,
    inputs,
  };
}

export const find = (resources: readonly PlannedResource[], name: string): PlannedResource => {
  const r = resources.find((x) => x.name === name);
  if (!r) throw new Error(`no resource named ${name}`);
  return r;
};

/** Changes the inputs of one named resource in place. */
export function edit(name: string, change: (inputs: Json, r: PlannedResource) => void) {
  return (resources: PlannedResource[]) => {
    const r = find(resources, name);
    change(r.inputs as Json, r);
    return resources;
  };
}

export const add =
  (...extra: PlannedResource[]) =>
  (resources: PlannedResource[]) => [...resources, ...extra];

export const remove = (name: string) => (resources: PlannedResource[]) => resources.filter((r) => r.name !== name);

export const names = (ds: readonly Diagnostic[]) => ds.map((d) => d.policyName);
