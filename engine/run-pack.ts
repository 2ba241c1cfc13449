import { ensurePackBuilt, PACK_DIR } from "./build-pack";
import { PackServer, type Diagnostic, type PackConfig } from "./pack-server";
import type { PlannedResource } from "../posture/resource";
import { packConfigFor } from "./pack-config";
import { judgeInProcess, PACK_VERSION } from "./in-process-pack";
import { PACK_NAME, POLICIES } from "../policy-packs/zero-trust/policies";
import type { StackPlan } from "./plan-stack";
import type { PostureLock } from "../posture/lock";

export interface Verdict {
  readonly pack: { name: string; version: string; policies: number };
  /** Served by run-policy-pack over the Analyzer protocol, or the same policies run in this process. */
  readonly judged: "served" | "in-process";
  readonly diagnostics: readonly Diagnostic[];
  readonly mandatory: number;
  readonly elapsedMs: number;
}

/** Starts the zero-trust pack's server (bundling the pack first when its bundle is stale). */
export function startZeroTrustPack(): Promise<PackServer> {
  ensurePackBuilt();
  return PackServer.start(PACK_DIR);
}

/** A pack server held by one command; `release` when done. */
export interface PackLease {
  readonly server: PackServer;
  release(): Promise<void>;
}

let lender: (() => Promise<PackServer>) | undefined;

/**
 * Lends this process's zt commands a running pack server instead of one started (and stopped) per
 * command: for a host that runs many commands in one process, one at a time (the test suite).
 * Each command configures it afresh, as a preview configures the server it starts; none stops it.
 * `undefined` ends the loan.
 */
export function lendPackServer(get: (() => Promise<PackServer>) | undefined): void {
  lender = get;
}

/** The lent pack server, or a new one that `release` stops. */
export async function leasePackServer(): Promise<PackLease> {
  if (lender) return { server: await lender(), release: async () => {} };
  const server = await startZeroTrustPack();
  return { server, release: () => server.stop() };
}

/** Runs the zero-trust pack on a plan, configured from its profile (and lockfile). */
export function checkPlan(plan: StackPlan, lock?: PostureLock, server?: PackServer): Promise<Verdict> {
  return checkResources(plan.resources, packConfigFor(plan.profile, lock), server);
}

/**
 * Runs the zero-trust pack on resources the way a preview does: the real pack server, configured
 * with `config`, `Analyze` for every resource, then `AnalyzeStack`. Leases a server (see
 * leasePackServer) unless one is given.
 */
export async function checkResources(
  resources: readonly PlannedResource[],
  config: PackConfig,
  server?: PackServer,
): Promise<Verdict> {
  const started = Date.now();
  let lease: PackLease | undefined;
  if (!server) ({ server } = lease = await leasePackServer());
  try {
    const info = await server.info();
    await server.configure(config);
    const diagnostics = await server.analyzeAll(resources);
    return {
      pack: { name: info.name, version: info.version, policies: info.policies.length },
      judged: "served",
      diagnostics,
      mandatory: diagnostics.filter((d) => d.enforcementLevel === "mandatory").length,
      elapsedMs: Date.now() - started,
    };
  } finally {
    await lease?.release();
  }
}

/**
 * Runs the zero-trust pack on resources in this process (engine/in-process-pack.ts): the same
 * policies and verdict as the served pack, without encoding every resource for the wire. For
 * states: a 58k-resource export is judged in seconds where the server took a minute and 3 GB.
 */
export function judgeResources(resources: readonly PlannedResource[], config: PackConfig): Verdict {
  const started = Date.now();
  const diagnostics = judgeInProcess(resources, config);
  return {
    pack: { name: PACK_NAME, version: PACK_VERSION, policies: POLICIES.length },
    judged: "in-process",
    diagnostics,
    mandatory: diagnostics.filter((d) => d.enforcementLevel === "mandatory").length,
    elapsedMs: Date.now() - started,
  };
}
