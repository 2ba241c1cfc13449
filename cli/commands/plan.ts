import type { Command } from "commander";
import type { PlanOptions } from "../actions/plan";
import { programOption, stackName, stacksDirOption } from "../common";
import { actions } from "../lazy-actions";

export function planCommand(program: Command): void {
  program
    .command("plan")
    .description("plan a stack offline (no cloud account, no Pulumi CLI) and print what its baseline declares")
    .option("-s, --stack <name>", "stack to plan (stacks/Pulumi.<name>.yaml)", stackName, "example")
    .addOption(stacksDirOption())
    .option("--json", "print the plan as JSON (profile, resources as the engine sees them, verdicts)")
    .option("--no-pack", "skip the zero-trust policy pack")
    .addOption(programOption("the Pulumi program to plan"))
    .action(async (opts: PlanOptions) => actions.plan().plan(opts));
}
