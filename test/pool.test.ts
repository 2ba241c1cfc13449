import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROGRAM_ENTRY } from "../engine/plan-stack";
import { planInPool } from "../fleet/pool";

// The fleet's worker pool hands a worker over to a fresh one after a number of plans (the mock
// runtime keeps a little of every plan): every stack is still planned, in one piece.
describe("the fleet's worker pool", () => {
  it("plans every stack when workers are replaced along the way, and counts every worker's figures", async () => {
    const stacks = ["example", "fabrikam", "example"];
    const results: { stack: string; ok: boolean; resources?: number }[] = [];
    const stats = await planInPool(
      join(__dirname, "..", "stacks"),
      PROGRAM_ENTRY,
      stacks,
      (r) => results.push({ stack: r.stack, ok: r.ok, resources: r.ok ? r.resources.length : undefined }),
      1,
      1, // a fresh worker for every plan
    );
    expect(results.map((r) => [r.stack, r.ok])).toEqual(stacks.map((s) => [s, true]));
    expect(results[0]!.resources).toBe(results[2]!.resources);
    expect(stats.workerCpuSeconds).toBeGreaterThan(0);
    expect(stats.workerPeakRssMb).toBeGreaterThan(0);
  }, 120_000);
});
