import type { Command } from "commander";
import { existsSync } from "node:fs";
import { fleetConflicts } from "../../fleet/conflicts";
import { checkPlan } from "../../engine/run-pack";
import { planStack, programModule } from "../../engine/plan-stack";
import { configNamespace, profileKey } from "../../sources/project";
import { listStacks, loadStackConfig, stackFile } from "../../sources/stack-config";
import { parseProfile, ProfileError } from "../../profile";
import type { ClientProfile } from "../../profile/schema";
import { addClientFlags, clientProfileOf, fillClient, writeClientStack, type ClientFlags } from "../client-flags";
import { programOption, Refused, stackName, stacksDirOption, refuseMandatory } from "../common";

export function newClientCommand(program: Command): void {
  const command = program
    .command("new-client")
    .description(
      "scaffold stacks/Pulumi.<name>.yaml for a new client (flags for scripts, prompts on a terminal); it validates and plans at once",
    )
    .argument("<name>", "client name: lower-case kebab-case, also the stack name", stackName)
    .addOption(stacksDirOption())
    .addOption(programOption("the Pulumi program to plan the new client with"))
    .option("--no-plan", "write the stack without planning it")
    .action(async (name: string, opts: ClientFlags & { stacksDir: string; program: string; plan: boolean }) => {
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
    });
  addClientFlags(command);
}
