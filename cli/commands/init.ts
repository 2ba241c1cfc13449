import type { Command } from "commander";
import type { InitOptions } from "../actions/init";
import { addClientFlags } from "../client-flags";
import { stackName } from "../common";
import { actions } from "../lazy-actions";

export function initCommand(program: Command): void {
  const command = program
    .command("init")
    .description(
      "make an empty folder a Pulumi project whose program is the baseline: Pulumi.yaml, package.json, index.ts, the first client's stack and lockfile, a pull-request workflow",
    )
    .argument("[dir]", "the folder (created if missing)", ".")
    .option("--name <project>", "the Pulumi project name (default: the folder's name)", stackName)
    .option(
      "--zt-baseline <spec>",
      "the zt-baseline dependency package.json names (default: the one this zt was installed from: a tarball, a git URL)",
    )
    .requiredOption("--client <name>", "the first client: lower-case kebab-case, also its stack name", stackName)
    .action(async (dirArg: string, opts: InitOptions) => actions.init().init(dirArg, opts));
  addClientFlags(command);
}
