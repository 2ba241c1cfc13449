import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import type { WorkerRequest, WorkerResponse } from "./protocol";

const WORKER = join(__dirname, "worker.ts");

/**
 * Plans stacks on a pool of worker processes (one per core by default), each planning one stack
 * at a time; results arrive as they finish.
 */
export async function planInPool(
  stacksDir: string,
  stacks: readonly string[],
  onResult: (r: WorkerResponse) => void,
  size = Math.max(1, Math.min(availableParallelism(), stacks.length)),
): Promise<{ workerPeakRssMb: number }> {
  let workerPeakRssMb = 0;
  const queue = [...stacks];
  const workers: ChildProcess[] = [];
  try {
    await Promise.all(
      Array.from({ length: size }, async () => {
        const worker = fork(WORKER, [], {
          execArgv: ["--import", "tsx"],
          stdio: ["ignore", "ignore", "ignore", "ipc"],
        });
        workers.push(worker);
        for (let stack = queue.shift(); stack !== undefined; stack = queue.shift()) {
          const request: WorkerRequest = { stacksDir, stack };
          const result = await new Promise<WorkerResponse>((resolve) => {
            const onExit = (code: number | null) =>
              resolve({ stack: request.stack, ok: false, error: `worker exited (${code}) while planning` });
            worker.once("exit", onExit);
            worker.once("message", (m: WorkerResponse) => {
              worker.off("exit", onExit);
              resolve(m);
            });
            worker.send(request);
          });
          onResult(result);
        }
      }),
    );
    for (const w of workers) workerPeakRssMb = Math.max(workerPeakRssMb, peakRssMb(w.pid));
  } finally {
    for (const w of workers) w.kill();
  }
  return { workerPeakRssMb };
}

/** A process's peak resident memory (Linux), 0 where it cannot be read. */
export function peakRssMb(pid: number | undefined): number {
  try {
    return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}
