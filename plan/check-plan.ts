import { ensurePackBuilt, PACK_DIR } from "../analyzer/build-pack";
import { PackServer, type Diagnostic } from "../analyzer/pack-server";
import { packConfigFor } from "./pack-config";
import type { StackPlan } from "./plan-stack";
import type { PostureLock } from "../posture/lock";

export interface Verdict {
  readonly pack: { name: string; version: string; policies: number };
  readonly diagnostics: readonly Diagnostic[];
  readonly mandatory: number;
  readonly elapsedMs: number;
}

/**
 * Runs the zero-trust pack on a plan the way a preview does: the real pack server, configured
 * from the profile, `Analyze` for every resource, then `AnalyzeStack`.
 */
export async function checkPlan(plan: StackPlan, lock?: PostureLock, server?: PackServer): Promise<Verdict> {
  const started = Date.now();
  let own: PackServer | undefined;
  if (!server) {
    ensurePackBuilt();
    own = server = await PackServer.start(PACK_DIR);
  }
  try {
    const info = await server.info();
    await server.configure(packConfigFor(plan.profile, lock));
    const diagnostics = await server.analyzeAll(plan.resources);
    return {
      pack: { name: info.name, version: info.version, policies: info.policies.length },
      diagnostics,
      mandatory: diagnostics.filter((d) => d.enforcementLevel === "mandatory").length,
      elapsedMs: Date.now() - started,
    };
  } finally {
    await own?.stop();
  }
}
