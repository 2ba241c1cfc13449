import { ensurePackBuilt, PACK_DIR } from "../analyzer/build-pack";
import { PackServer } from "../analyzer/pack-server";
import { checkResources } from "../plan/check-plan";
import { packConfigFor } from "../plan/pack-config";
import { readLock } from "../plan/lockfile";
import { listStacks } from "../plan/stack-config";
import { postureOf } from "../posture/build";
import { diffPostures } from "../posture/diff";
import { lockOf } from "../posture/lock";
import type { ClientProfile } from "../profile/schema";
import { fleetConflicts } from "./conflicts";
import { planInPool } from "./pool";
import type { WorkerResponse } from "./protocol";

export interface ClientResult {
  readonly stack: string;
  readonly client?: string;
  readonly resources: number;
  readonly mandatory: number;
  readonly advisory: number;
  /** Widening items against the stack's lockfile; undefined when it has none. */
  readonly widening?: number;
  /** Why the client fails; undefined when it passes. */
  readonly failure?: string;
  /** The validated profile, when it was valid. */
  readonly profile?: ClientProfile;
}

export interface FleetOptions {
  readonly stacksDir: string;
  readonly concurrency?: number;
  /** Called as each client is planned and as each is checked. */
  readonly progress?: (done: number, total: number, r: ClientResult) => void;
  /** Resource figures of the worker pool, for benchmarks. */
  readonly stats?: (s: { workerPeakRssMb: number }) => void;
}

/**
 * Plans every client stack offline on a worker pool, checks cross-client isolation, then runs the
 * pack once per client on a single pack server. One client's failure never stops the others.
 */
export async function planFleet(opts: FleetOptions): Promise<ClientResult[]> {
  const stacks = listStacks(opts.stacksDir);
  const results: ClientResult[] = [];
  const done = (r: ClientResult) => {
    results.push(r);
    opts.progress?.(results.length, stacks.length, r);
  };
  const profiles = new Map<string, ClientProfile>();

  // Checking overlaps planning: each client goes to the one pack server as soon as it is planned.
  ensurePackBuilt();
  const server = await PackServer.start(PACK_DIR);
  let checking = Promise.resolve();
  try {
    const pool = await planInPool(
      opts.stacksDir,
      stacks,
      (r) => {
        if (!r.ok) {
          done({ stack: r.stack, resources: 0, mandatory: 0, advisory: 0, failure: r.error });
          return;
        }
        profiles.set(r.stack, r.profile);
        checking = checking.then(async () => done(await check(server, opts.stacksDir, r)));
      },
      opts.concurrency,
    );
    opts.stats?.({ workerPeakRssMb: pool.workerPeakRssMb });
    await checking;
  } finally {
    await server.stop();
  }

  // Isolation needs every profile: a shared id fails both clients that name it.
  const conflicts = fleetConflicts(profiles);
  return results
    .map((r) => {
      const shared = conflicts
        .filter((c) => c.stacks.includes(r.stack))
        .map((c) => `${c.key} ${c.value} is also used by ${c.stacks.filter((s) => s !== r.stack).join(", ")}`);
      return shared.length ? { ...r, failure: [...shared, ...(r.failure ? [r.failure] : [])].join("; ") } : r;
    })
    .sort((a, b) => a.stack.localeCompare(b.stack));
}

async function check(
  server: PackServer,
  stacksDir: string,
  r: Extract<WorkerResponse, { ok: true }>,
): Promise<ClientResult> {
  const lock = readLock(stacksDir, r.stack);
  const { diagnostics, mandatory } = await checkResources(r.resources, packConfigFor(r.profile, lock), server);
  const widening = lock
    ? diffPostures(lock, lockOf(postureOf(r.resources))).filter((i) => i.change === "widening").length
    : undefined;
  const problems = [
    ...(mandatory ? [`${mandatory} mandatory policy violation(s)`] : []),
    ...(widening ? [`${widening} widening change(s) against the lockfile`] : []),
  ];
  return {
    stack: r.stack,
    client: r.profile.client.name,
    resources: r.resources.filter((x) => x.custom).length,
    mandatory,
    advisory: diagnostics.length - mandatory,
    widening,
    ...(problems.length ? { failure: problems.join("; ") } : {}),
    profile: r.profile,
  };
}
