import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { packConfigFor } from "../engine/pack-config";
import type { StackMode } from "../engine/mock-engine";
import type { PackServer } from "../engine/pack-server";
import type { PlannedResource } from "../posture/resource";
import { examplePlan, FIXTURE_PROGRAMS, fixtureProgramPlan } from "./shared-plans";
import { REWRITES, type Rewrite } from "./variants/rewrites";
import { workerPack } from "./worker-pack";

// Every widening and every harmless case the suites hold, spelled otherwise: the fixture programs
// (blocked and clean, with no config) and the example (with its profile's config), in the new-stack
// and the deployed view, each rewritten by a random set of meaning-keeping rewrites
// (test/variants/rewrites.ts). The pack must give every spelling the verdict of the original.

const DIR = FIXTURE_PROGRAMS;
const PROGRAMS = readdirSync(DIR).filter((f) => f.endsWith(".ts") && f !== "open-database.ts");
/** Runs per case: each picks a non-empty set of rewrites and a random source for them. */
const RUNS = 6;

let server: PackServer;
beforeAll(async () => {
  server = await workerPack();
});

type Config = Parameters<PackServer["configure"]>[0];

async function blocking(resources: readonly PlannedResource[], config: Config) {
  await server.configure(config);
  const found = await server.analyzeAll(resources);
  return [...new Set(found.filter((d) => d.enforcementLevel === "mandatory").map((d) => d.policyName))].sort();
}

async function holds(name: string, resources: readonly PlannedResource[], config: Config) {
  const original = await blocking(resources, config);
  await fc.assert(
    fc.asyncProperty(
      fc.subarray([...REWRITES], { minLength: 1 }),
      fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      async (rewrites: Rewrite[], seed: number) => {
        const random = mulberry(seed);
        const rewritten = rewrites.reduce((rs, w) => w.apply(rs, random), resources as PlannedResource[]);
        const got = await blocking(rewritten, config);
        expect(got, `${name}, rewritten: ${rewrites.map((w) => `${w.name} (${w.does})`).join("; ")}`).toEqual(original);
      },
    ),
    { numRuns: RUNS, seed: 20261208 },
  );
}

/** A small seeded random source, so that a failing run replays. */
function mulberry(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe.each(["new", "deployed"] as StackMode[])("equivalent spellings, as a %s stack", (mode) => {
  it.each(PROGRAMS)("%s keeps its verdict", async (file) => {
    const expectLine = /\/\/ expect: (clean|blocked by ([\w-]+))/.exec(readFileSync(join(DIR, file), "utf8"));
    expect(expectLine, `${file} has an expect line`).not.toBeNull();
    await holds(file, await fixtureProgramPlan(file, mode), {});
  });

  it("the example keeps its verdict", async () => {
    const plan = await examplePlan(mode);
    await holds("the example", plan.resources, packConfigFor(plan.profile) as Config);
  });

  it("each rewrite changes some case's spelling (none is a no-op on the whole corpus)", async () => {
    const plan = await examplePlan(mode);
    const programs = await Promise.all(PROGRAMS.map((file) => fixtureProgramPlan(file, mode)));
    const corpus = [plan.resources, ...programs];
    const inert = REWRITES.filter((w) =>
      corpus.every((rs) => JSON.stringify(w.apply(rs, mulberry(1))) === JSON.stringify(rs)),
    ).map((w) => w.name);
    // Replacing a referenced resource needs known ids: it is a deployed stack's rewrite.
    expect(inert).toEqual(mode === "new" ? ["referenced-resource-replaced"] : []);
  });
});
