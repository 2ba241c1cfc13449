import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { judgeResources } from "../engine/run-pack";
import { fleetStacks } from "./stacks";
import { loadStackProfile } from "../sources/stack-profile";
import { foreignStateProblem, readStackExport } from "../sources/stack-state";
import { ProfileError } from "../profile";
import type { ClientProfile } from "../profile/schema";
import { checkClient, failedClient, type ClientResult } from "./client-verdict";
import { withIsolation } from "./conflicts";

export interface FleetCheckOptions {
  readonly stacksDir: string;
  /** Holds `<stack>.json`, each a `pulumi stack export` of that client's deployed stack. */
  readonly stateDir: string;
  readonly progress?: (done: number, total: number, r: ClientResult) => void;
}

/** What the fleet check found besides the clients: state files no client stack claims. */
export interface FleetCheck {
  readonly results: ClientResult[];
  readonly orphanStates: string[];
}

/**
 * Runs the pack on every client's deployed state (what is live, console edits included once
 * refreshed), configured from that client's profile and lockfile. A client without a state file
 * fails: an unchecked client is not a compliant one.
 */
export async function checkFleet(opts: FleetCheckOptions): Promise<FleetCheck> {
  const stacks = fleetStacks(opts.stacksDir);
  const results: ClientResult[] = [];
  const profiles = new Map<string, ClientProfile>();
  for (const stack of stacks) {
    results.push(await checkOne(opts, stack, profiles));
    opts.progress?.(results.length, stacks.length, results.at(-1)!);
  }
  const claimed = new Set(stacks.map((s) => `${s}.json`));
  const orphanStates = readdirSync(opts.stateDir).filter((f) => f.endsWith(".json") && !claimed.has(f));
  return { results: withIsolation(results, profiles), orphanStates };
}

async function checkOne(
  opts: FleetCheckOptions,
  stack: string,
  profiles: Map<string, ClientProfile>,
): Promise<ClientResult> {
  let profile: ClientProfile;
  try {
    profile = loadStackProfile(opts.stacksDir, stack);
  } catch (e) {
    return failedClient(stack, e instanceof ProfileError ? e.message : (e as Error).message);
  }
  profiles.set(stack, profile);
  const state = join(opts.stateDir, `${stack}.json`);
  if (!existsSync(state)) {
    return failedClient(
      stack,
      `no deployed state to check: ${state} is missing (write it with \`pulumi stack export --stack ${stack} --file ${state}\`)`,
      profile,
    );
  }
  try {
    const doc = readStackExport(state);
    const foreign = foreignStateProblem(doc, state, stack);
    if (foreign) return failedClient(stack, foreign, profile);
    return await checkClient(judgeResources, opts.stacksDir, stack, profile, doc.resources);
  } catch (e) {
    return failedClient(stack, `${state}: ${(e as Error).message}`, profile);
  }
}
