import { fork, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import { loaderArgsFor, sibling } from "../engine/typescript";
import { cpuSeconds, peakRssMb } from "./proc";
import type { WorkerRequest, WorkerResponse } from "./protocol";

/** What the pool's workers used, for benchmarks. */
export interface PoolStats {
  readonly workerPeakRssMb: number;
  /** All workers together. */
  readonly workerCpuSeconds: number;
}

const WORKER = sibling(__dirname, "worker");

/** Plans one worker makes before a fresh one takes over (a 100-client fleet on 2 cores: none). */
const PLANS_PER_WORKER = 50;

/**
 * Plans stacks on a pool of worker processes (one per core by default), each planning one stack
 * at a time; results arrive as they finish.
 */
export async function planInPool(
  stacksDir: string,
  program: string,
  stacks: readonly string[],
  onResult: (r: WorkerResponse) => void,
  size = Math.max(1, Math.min(availableParallelism(), stacks.length)),
  plansPerWorker = PLANS_PER_WORKER,
): Promise<PoolStats> {
  let workerPeakRssMb = 0;
  let workerCpuSeconds = 0;
  const queue = [...stacks];
  const live = new Set<ChildProcess>();
  const start = () => {
    const worker = fork(WORKER, [], {
      // A larger young generation: a plan makes many short-lived objects; at 128 MB a worker spends
      // ~25% less CPU than at 64 (bench:fleet 100: workers 85 -> 58 s) and peaks lower (fewer promotions).
      execArgv: [...loaderArgsFor(WORKER), "--max-semi-space-size=128"],
      stdio: ["ignore", "ignore", "ignore", "ipc"],
    });
    live.add(worker);
    return worker;
  };
  /** Counts a worker's figures (while it is alive to be read), then ends it. */
  const retire = (worker: ChildProcess) => {
    workerPeakRssMb = Math.max(workerPeakRssMb, peakRssMb(worker.pid));
    workerCpuSeconds += cpuSeconds(worker.pid);
    worker.kill();
    live.delete(worker);
  };
  try {
    await Promise.all(
      Array.from({ length: size }, async () => {
        let worker = start();
        let planned = 0;
        for (let stack = queue.shift(); stack !== undefined; stack = queue.shift()) {
          // The mock runtime keeps a little of every plan: a fresh worker now and then keeps
          // memory flat however large the fleet (bench:fleet 200: 1.7 GB in one worker without).
          if (planned === plansPerWorker || worker.exitCode !== null || worker.signalCode !== null) {
            retire(worker);
            worker = start();
            planned = 0;
          }
          const current = worker;
          const request: WorkerRequest = { stacksDir, stack, program };
          const result = await new Promise<WorkerResponse>((resolve) => {
            const onExit = (code: number | null) =>
              resolve({ stack: request.stack, ok: false, error: `worker exited (${code}) while planning` });
            current.once("exit", onExit);
            current.once("message", (m: WorkerResponse) => {
              current.off("exit", onExit);
              resolve(m);
            });
            current.send(request);
          });
          planned++;
          onResult(result);
        }
        retire(worker);
      }),
    );
  } finally {
    for (const w of live) w.kill();
  }
  return { workerPeakRssMb, workerCpuSeconds };
}
