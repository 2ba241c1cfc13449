import type { Command } from "commander";
import type { ScubaConfigOptions } from "../actions/scuba-config";
import { programOption, stackName, stacksDirOption } from "../common";
import { actions } from "../lazy-actions";

export function scubaConfigCommand(program: Command): void {
  program
    .command("scuba-config")
    .description(
      "write the ScubaGear configuration file for a stack's client: its CapExclusions and RoleExclusions, from the planned baseline, each with its reason",
    )
    .option("-s, --stack <name>", "stack whose client it is for (stacks/Pulumi.<name>.yaml)", stackName, "example")
    .addOption(stacksDirOption())
    .addOption(programOption("the Pulumi program to plan"))
    .option("-o, --out <file>", "write the file there instead of stdout (whole, or not at all)")
    .action(async (opts: ScubaConfigOptions) => actions.scubaConfig().scubaConfig(opts));
}
