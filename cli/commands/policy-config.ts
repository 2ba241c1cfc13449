import type { Command } from "commander";
import type { PolicyConfigOptions } from "../actions/policy-config";
import { stackName, stacksDirOption } from "../common";
import { actions } from "../lazy-actions";

export function policyConfigCommand(program: Command): void {
  program
    .command("policy-config")
    .description("print the --policy-pack-config for a stack, derived from its profile")
    .option("-s, --stack <name>", "stack (stacks/Pulumi.<name>.yaml)", stackName, "example")
    .addOption(stacksDirOption())
    .action(async (opts: PolicyConfigOptions) => actions.policyConfig().policyConfig(opts));
}
