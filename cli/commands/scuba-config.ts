import type { Command } from "commander";
import { scubaAssessments } from "../../compliance/coverage";
import { scubaGearConfig } from "../../compliance/scuba/config";
import { planStack, programModule } from "../../engine/plan-stack";
import { writeWhole } from "../../sources/write-whole";
import { programOption, stackName, stacksDirOption } from "../common";

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
    .action(async (opts: { stack: string; stacksDir: string; program: string; out?: string }) => {
      const plan = await planStack(opts.stacksDir, opts.stack, { program: programModule(opts.program) });
      const text = scubaGearConfig(plan.profile, scubaAssessments(plan.profile, plan.resources), opts.stack);
      if (opts.out) writeWhole(opts.out, text);
      else process.stdout.write(text);
    });
}
