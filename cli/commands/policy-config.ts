import type { Command } from "commander";
import { packConfigFor } from "../../engine/pack-config";
import { readLock } from "../../sources/lockfile";
import { loadStackProfile } from "../../sources/stack-profile";
import { stackName, stacksDirOption } from "../common";

export function policyConfigCommand(program: Command): void {
  program
    .command("policy-config")
    .description("print the --policy-pack-config for a stack, derived from its profile")
    .option("-s, --stack <name>", "stack (stacks/Pulumi.<name>.yaml)", stackName, "example")
    .addOption(stacksDirOption())
    .action((opts: { stack: string; stacksDir: string }) => {
      // The profile and the lockfile are all it takes: nothing is planned.
      const profile = loadStackProfile(opts.stacksDir, opts.stack);
      process.stdout.write(
        JSON.stringify(packConfigFor(profile, readLock(opts.stacksDir, opts.stack)), null, 2) + "\n",
      );
    });
}
