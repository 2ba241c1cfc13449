import { existsSync } from "node:fs";
import { fleetConflicts } from "../../fleet/conflicts";
import { checkPlan } from "../../engine/run-pack";
import { planStack, programModule } from "../../engine/plan-stack";
import { configNamespace, profileKey } from "../../sources/project";
import { listStacks, loadStackConfig, stackFile } from "../../sources/stack-config";
import { parseProfile, ProfileError } from "../../profile";
import type { ClientProfile } from "../../profile/schema";
import { clientProfileOf, fillClient, writeClientStack, type ClientFlags } from "../client-flags";
import { Refused, refuseMandatory } from "../common";

export interface NewClientOptions extends ClientFlags {
  readonly stacksDir: string;
  readonly program: string;
  readonly plan: boolean;
}

/** `zt new-client`: a new client's stack, validated against the fleet and planned. */
export async function newClient(name: string, opts: NewClientOptions): Promise<void> {
  const file = stackFile(opts.stacksDir, name);
  if (existsSync(file)) throw new Refused(`${file} already exists: a client is never overwritten`);
  await fillClient(opts);
  const raw = clientProfileOf(name, opts);
  const profile = parseProfile(raw, `new client "${name}"`);
  // Client A may never reference client B's ids.
  const others = new Map<string, ClientProfile>([[name, profile]]);
  for (const stack of listStacks(opts.stacksDir)) {
    try {
      const value = loadStackConfig(opts.stacksDir, stack)[profileKey(configNamespace(opts.stacksDir))];
      if (value) others.set(stack, parseProfile(JSON.parse(value), stack));
    } catch (e) {
      if (!(e instanceof ProfileError)) throw e; // an invalid neighbour is its own problem
    }
  }
  const conflicts = fleetConflicts(others).filter((c) => c.stacks.includes(name));
  if (conflicts.length) {
    throw new ProfileError(
      `new client "${name}"`,
      conflicts.map((c) => ({
        path: c.key,
        message: `${c.value} already belongs to ${c.stacks.filter((s) => s !== name).join(", ")}`,
      })),
    );
  }
  writeClientStack(
    file,
    profileKey(configNamespace(opts.stacksDir)),
    raw,
    `${profile.client.displayName ?? name}: scaffolded by \`zt new-client\``,
  );
  process.stdout.write(`wrote ${file}\n`);
  if (!opts.plan) return;
  const plan = await planStack(opts.stacksDir, name, { program: programModule(opts.program) });
  const verdict = await checkPlan(plan);
  process.stdout.write(
    `planned ${plan.resources.filter((r) => r.custom).length} resources; pack: ${verdict.mandatory === 0 ? "PASS" : `${verdict.mandatory} mandatory violation(s)`}\n` +
      `next: review ${file}, then \`npm start -- --stack ${name}\` and \`npm run -s zt -- lock --stack ${name}\`\n`,
  );
  refuseMandatory(verdict);
}
