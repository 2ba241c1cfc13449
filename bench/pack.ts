// Benchmark of the zero-trust pack as the engine drives it: `npm run bench:pack`. Prints figures;
// asserts nothing (targets are judged by a reader, not by a timed test).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { analyzeStackRequest } from "../engine/analyzer-requests";
import { buildPack, PACK_DIR } from "../engine/build-pack";
import { PackServer } from "../engine/pack-server";
import { packConfigFor } from "../engine/pack-config";
import { planStack } from "../engine/plan-stack";
import { replicate } from "./replicate";

const NOOP_DIR = join(__dirname, "noop-pack");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

async function startTimes(dir: string, runs: number) {
  const times: number[] = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const server = await PackServer.start(dir);
    await server.info();
    times.push(performance.now() - t);
    rss = Math.max(rss, rssMb(server.pid));
    await server.stop();
  }
  return { median: median(times), min: Math.min(...times), rss };
}

async function main() {
  buildPack();
  const plan = await planStack(join(__dirname, "..", "stacks"), "example");
  const perClient = plan.resources.length;
  console.log(
    `zt-baseline pack benchmark · node ${process.version} · ${plan.resources.length} resources per example client\n`,
  );

  for (const [label, dir] of [
    ["zero-trust", PACK_DIR],
    ["no-op", NOOP_DIR],
  ] as const) {
    const s = await startTimes(dir, 5);
    console.log(
      `start to serving (${label}): median ${ms(s.median)}, min ${ms(s.min)} over 5 cold starts; peak RSS ${s.rss.toFixed(0)} MB`,
    );
  }

  const server = await PackServer.start(PACK_DIR);
  await server.configure(packConfigFor(plan.profile));
  const sizes = [1_000, 10_000];
  const results: { n: number; rpc: number; build: number; violations: number }[] = [];
  for (const target of sizes) {
    // Whole clients only: a client cut in half would leave references dangling.
    const resources = replicate(plan.resources, plan.profile.client.name, Math.round(target / perClient));
    const t0 = performance.now();
    const request = analyzeStackRequest(resources);
    const build = performance.now() - t0;
    const runs: number[] = [];
    let violations = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      violations = (await server.analyzeStackRaw(request)).length;
      runs.push(performance.now() - t);
    }
    results.push({ n: resources.length, rpc: median(runs), build, violations });
    console.log(
      `AnalyzeStack over ${resources.length} resources: median ${ms(median(runs))} over 3 runs ` +
        `(the engine's side, building and encoding the request here: ${ms(build)}); ${violations} violations`,
    );
  }
  const [small, large] = results as [(typeof results)[0], (typeof results)[0]];
  console.log(`growth: ${(large.n / small.n).toFixed(1)}x resources -> ${(large.rpc / small.rpc).toFixed(1)}x time`);
  console.log(`pack server peak RSS after AnalyzeStack: ${rssMb(server.pid).toFixed(0)} MB`);
  await server.stop();

  // Analyze: one call per resource, sequentially, the same 1,000 resources for both packs.
  const resources = replicate(plan.resources, plan.profile.client.name, Math.round(1000 / perClient)).filter(
    (r) => r.custom,
  );
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const perResource: Record<string, number> = {};
  for (const [label, dir] of [
    ["zero-trust", PACK_DIR],
    ["no-op", NOOP_DIR],
  ] as const) {
    const s = await PackServer.start(dir);
    if (label === "zero-trust") await s.configure(packConfigFor(plan.profile));
    for (const r of resources.slice(0, 50)) await s.analyze(r, byUrn); // warm up
    const t = performance.now();
    for (const r of resources) await s.analyze(r, byUrn);
    perResource[label] = (performance.now() - t) / resources.length;
    await s.stop();
  }
  console.log(
    `Analyze per resource (sequential, ${resources.length} resources): zero-trust ${perResource["zero-trust"]!.toFixed(2)} ms, ` +
      `no-op ${perResource["no-op"]!.toFixed(2)} ms, overhead ${(perResource["zero-trust"]! - perResource["no-op"]!).toFixed(2)} ms`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
