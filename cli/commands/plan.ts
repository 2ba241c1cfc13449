import type { Command } from "commander";
import { frameworkCoverage } from "../../compliance/coverage";
import { planStack, programModule } from "../../engine/plan-stack";
import { checkPlan } from "../../engine/run-pack";
import { renderPlan } from "../../reports/plan";
import { renderVerdicts } from "../../reports/plan/verdicts";
import { readLock } from "../../sources/lockfile";
import { redactSecrets } from "../../posture/values";
import { programOption, stackName, stacksDirOption, refuseMandatory } from "../common";
import { paint } from "../colour";

export function planCommand(program: Command): void {
  program
    .command("plan")
    .description("plan a stack offline (no cloud account, no Pulumi CLI) and print what its baseline declares")
    .option("-s, --stack <name>", "stack to plan (stacks/Pulumi.<name>.yaml)", stackName, "example")
    .addOption(stacksDirOption())
    .option("--json", "print the plan as JSON (profile, resources as the engine sees them, verdicts)")
    .option("--no-pack", "skip the zero-trust policy pack")
    .addOption(programOption("the Pulumi program to plan"))
    .action(async (opts: { stack: string; stacksDir: string; json?: boolean; pack: boolean; program: string }) => {
      // The real entry (or --program): whatever a user added to stacks/index.ts is planned and judged too.
      const plan = await planStack(opts.stacksDir, opts.stack, { program: programModule(opts.program) });
      const verdict = opts.pack ? await checkPlan(plan, readLock(opts.stacksDir, opts.stack)) : undefined;
      // Secret inputs and outputs are blinded, as the Pulumi CLI displays them: no secret is printed.
      if (opts.json) {
        const compliance = frameworkCoverage(plan.profile, plan.resources).map(({ item, ...claim }) => ({
          id: item.id,
          framework: item.framework,
          title: item.title,
          ...claim,
        }));
        process.stdout.write(JSON.stringify(redactSecrets({ ...plan, compliance, verdict }), null, 2) + "\n");
      } else
        process.stdout.write(paint([renderPlan(plan), ...(verdict ? renderVerdicts(verdict) : [])].join("\n") + "\n"));
      refuseMandatory(verdict);
    });
}
