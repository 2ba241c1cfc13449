import type { OpMap } from "@pulumi/pulumi/automation";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readLock } from "../../sources/lockfile";
import { packConfigFor } from "../../engine/pack-config";
import { fleetStacks } from "../stacks";
import { loadStackProfile } from "../../sources/stack-profile";
import { ProfileError } from "../../profile";
import type { ClientProfile } from "../../profile/schema";
import { fleetConflicts, sharedIds } from "../conflicts";
import { commandErrorLines, type FleetWorkspace } from "./workspace";

export type DeployOp = "preview" | "up";

export interface DeployOptions {
  readonly op: DeployOp;
  readonly stacksDir: string;
  readonly workspace: FleetWorkspace;
  /** The policy pack every operation runs with (the engine enforces it, as with `--policy-pack`). */
  readonly packDir: string;
  /** Where each client's `--policy-pack-config` file and operation log are written. */
  readonly outDir: string;
  /** Clients at once. */
  readonly parallel: number;
  /** Clients that go first, alone; the rest of the fleet waits for all of them to succeed. */
  readonly canary?: readonly string[];
  /** Only these clients (default: every stack file). */
  readonly only?: readonly string[];
  /** Refresh each client's state from its cloud before the operation. */
  readonly refresh?: boolean;
  readonly onEvent?: (e: DeployEvent) => void;
}

export type DeployEvent =
  | { readonly kind: "start"; readonly stack: string }
  | { readonly kind: "output"; readonly stack: string; readonly text: string }
  | { readonly kind: "done"; readonly result: DeployResult };

export interface DeployResult {
  readonly stack: string;
  /** `refused`: never sent to Pulumi (invalid profile, shared ids); `skipped`: a canary failed first. */
  readonly status: "succeeded" | "failed" | "refused" | "skipped";
  readonly changes?: OpMap;
  readonly error?: string;
  readonly seconds: number;
  /** The operation's full output. */
  readonly log?: string;
}

/**
 * Previews or deploys every client stack through a workspace, `parallel` at a time, canaries
 * first. Every profile is validated and the fleet checked for shared ids before anything runs:
 * a refused client is never sent to Pulumi. One client's failure never stops the others (only a
 * failing canary holds back the rest). Results come back in stack order.
 */
export async function deployFleet(opts: DeployOptions): Promise<DeployResult[]> {
  const stacks = selectStacks(opts);
  const results = new Map<string, DeployResult>();
  const finish = (r: DeployResult) => {
    results.set(r.stack, r);
    opts.onEvent?.({ kind: "done", result: r });
  };

  const profiles = new Map<string, ClientProfile>();
  for (const stack of stacks) {
    try {
      profiles.set(stack, loadStackProfile(opts.stacksDir, stack));
    } catch (e) {
      finish(refused(stack, e instanceof ProfileError ? e.message : (e as Error).message));
    }
  }
  const conflicts = fleetConflicts(profiles);
  for (const stack of [...profiles.keys()]) {
    const shared = sharedIds(stack, conflicts);
    if (shared.length) {
      profiles.delete(stack);
      finish(refused(stack, `${shared.join("; ")}: client isolation`));
    }
  }

  mkdirSync(opts.outDir, { recursive: true });
  const ready = stacks.filter((s) => profiles.has(s));
  const canary = ready.filter((s) => opts.canary?.includes(s));
  const rest = ready.filter((s) => !canary.includes(s));
  await runWave(canary, profiles, opts, finish);
  const failedCanary = canary.filter((s) => results.get(s)?.status !== "succeeded");
  if (failedCanary.length) {
    for (const stack of rest) {
      finish({ stack, status: "skipped", seconds: 0, error: `not started: canary ${failedCanary.join(", ")} failed` });
    }
  } else {
    await runWave(rest, profiles, opts, finish);
  }
  return stacks.map((s) => results.get(s)!);
}

function selectStacks(opts: DeployOptions): string[] {
  const all = fleetStacks(opts.stacksDir);
  for (const s of [...(opts.only ?? []), ...(opts.canary ?? [])]) {
    if (!all.includes(s)) throw new Error(`no client stack "${s}" in ${opts.stacksDir} (known: ${all.join(", ")})`);
  }
  if (!opts.only?.length) return all;
  const outside = (opts.canary ?? []).filter((s) => !opts.only!.includes(s));
  if (outside.length) throw new Error(`canary ${outside.join(", ")} is not among --only ${opts.only.join(",")}`);
  return all.filter((s) => opts.only!.includes(s));
}

const refused = (stack: string, error: string): DeployResult => ({ stack, status: "refused", error, seconds: 0 });

/** Runs one wave with at most `parallel` clients in flight, started in stack order. */
async function runWave(
  stacks: readonly string[],
  profiles: ReadonlyMap<string, ClientProfile>,
  opts: DeployOptions,
  finish: (r: DeployResult) => void,
): Promise<void> {
  const queue = [...stacks];
  const lane = async () => {
    for (let stack = queue.shift(); stack !== undefined; stack = queue.shift()) {
      finish(await runOne(stack, profiles.get(stack)!, opts));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.parallel, stacks.length)) }, lane));
}

async function runOne(stack: string, profile: ClientProfile, opts: DeployOptions): Promise<DeployResult> {
  opts.onEvent?.({ kind: "start", stack });
  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  const config = join(opts.outDir, `${stack}.policy-config.json`);
  writeFileSync(config, JSON.stringify(packConfigFor(profile, readLock(opts.stacksDir, stack)), null, 2) + "\n");
  const log = join(opts.outDir, `${stack}.${opts.op}.log`);
  const output: string[] = [];
  const run = {
    policyPacks: [opts.packDir],
    policyPackConfigs: [config],
    message: `zt fleet ${opts.op}: ${profile.client.name}`,
    ...(opts.refresh ? { refresh: true } : {}),
    onOutput: (text: string) => {
      output.push(text);
      opts.onEvent?.({ kind: "output", stack, text });
    },
  };
  try {
    const target = await opts.workspace.stack(stack);
    if (opts.op === "preview") {
      const { changeSummary } = await target.preview(run);
      return { stack, status: "succeeded", changes: changeSummary, seconds: seconds(), log };
    }
    const { summary } = await target.up(run);
    return {
      stack,
      status: summary.result === "succeeded" ? "succeeded" : "failed",
      ...(summary.resourceChanges ? { changes: summary.resourceChanges } : {}),
      ...(summary.result === "succeeded" ? {} : { error: `update ${summary.result}` }),
      seconds: seconds(),
      log,
    };
  } catch (e) {
    return { stack, status: "failed", error: reasonOf(e as Error), seconds: seconds(), log };
  } finally {
    writeFileSync(log, output.join(""));
  }
}

/** The lines of a Pulumi CommandError that say what went wrong (its message leads with exit codes). */
export function reasonOf(e: Error): string {
  const lines = commandErrorLines(e.message);
  const useful = lines.filter((l) => /\b(error|mandatory|failed|violation)\b/i.test(l));
  return (useful.length ? useful.slice(0, 3) : lines.slice(0, 1)).join(" · ") || e.message;
}
