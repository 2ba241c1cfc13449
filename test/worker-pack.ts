import type { PackServer } from "../engine/pack-server";
import { startZeroTrustPack } from "../engine/run-pack";

const KEY = Symbol.for("zt-baseline.test.worker-pack");
type Holder = { [KEY]?: Promise<PackServer> };

/**
 * The pack server of this vitest worker process (run-policy-pack, as the engine starts it),
 * started on first use: the suites a worker runs take turns with it, and each check configures it
 * afresh, as a preview configures the server it starts. A start costs ~1 s of CPU, and a run
 * started ~25. Held on globalThis: with `isolate: false` a worker keeps its processes, not its
 * modules, from one file to the next, and zt's own module graph (test/zt-here.ts) is another one.
 */
export function workerPack(): Promise<PackServer> {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= start().catch((e) => {
    delete holder[KEY];
    throw e;
  }));
}

async function start(): Promise<PackServer> {
  const server = await startZeroTrustPack();
  // Stopped with the worker: vitest ends workers with SIGTERM, which skips `exit` listeners.
  process.once("exit", () => void server.stop());
  process.once("SIGTERM", () => process.exit(143));
  return server;
}
