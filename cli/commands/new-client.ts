import type { Command } from "commander";
import type { NewClientOptions } from "../actions/new-client";
import { addClientFlags } from "../client-flags";
import { programOption, stackName, stacksDirOption } from "../common";
import { actions } from "../lazy-actions";

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
    .action(async (name: string, opts: NewClientOptions) => actions.newClient().newClient(name, opts));
  addClientFlags(command);
}
