import { checkResources, leasePackServer } from "../engine/run-pack";
import { PROGRAM_ENTRY } from "../engine/plan-stack";
import { fleetStacks } from "./stacks";
import type { ClientProfile } from "../profile/schema";
import { checkClient, failedClient, type ClientResult } from "./client-verdict";
import { withIsolation } from "./conflicts";
import { planInPool, type PoolStats } from "./pool";
import { cpuSeconds } from "./proc";

export type { ClientResult } from "./client-verdict";

export interface FleetOptions {
  readonly stacksDir: string;
  /** The program to plan for every client: the project's entry (default) or `--program`. */
  readonly program?: string;
  readonly concurrency?: number;
  /** Called as each client is done (planned and checked, or failed). */
  readonly progress?: (done: number, total: number, r: ClientResult) => void;
  /** Resource figures of the worker pool and the pack server, for benchmarks. */
  readonly stats?: (s: PoolStats & { packServerCpuSeconds: number }) => void;
}

/**
 * Plans every client stack offline on a worker pool, checks cross-client isolation, then runs the
 * pack once per client on a single pack server. One client's failure never stops the others.
 */
export async function planFleet(opts: FleetOptions): Promise<ClientResult[]> {
  const stacks = fleetStacks(opts.stacksDir);
  const results: ClientResult[] = [];
  const done = (r: ClientResult) => {
    results.push(r);
    opts.progress?.(results.length, stacks.length, r);
  };
  const profiles = new Map<string, ClientProfile>();

  // Checking overlaps planning: each client goes to the one pack server as soon as it is planned.
  const { server, release } = await leasePackServer();
  const cpuBefore = cpuSeconds(server.pid);
  let checking = Promise.resolve();
  let stats: PoolStats | undefined;
  let packServerCpuSeconds = 0;
  try {
    const pool = await planInPool(
      opts.stacksDir,
      opts.program ?? PROGRAM_ENTRY,
      stacks,
      (r) => {
        if (!r.ok) return done(failedClient(r.stack, r.error));
        profiles.set(r.stack, r.profile);
        checking = checking.then(async () =>
          done(
            await checkClient(
              (rs, c) => checkResources(rs, c, server),
              opts.stacksDir,
              r.stack,
              r.profile,
              r.resources,
            ),
          ),
        );
      },
      opts.concurrency,
    );
    await checking;
    stats = pool;
    // Fail closed: a client the pool never reported is not a passing one.
    const reported = new Set(results.map((r) => r.stack));
    for (const stack of stacks.filter((s) => !reported.has(s))) done(failedClient(stack, "was never planned"));
  } finally {
    packServerCpuSeconds = cpuSeconds(server.pid) - cpuBefore;
    await release();
  }
  if (stats) opts.stats?.({ ...stats, packServerCpuSeconds });
  return withIsolation(results, profiles);
}
