import { scubaAssessments } from "../../compliance/coverage";
import { scubaGearConfig } from "../../compliance/scuba/config";
import { planStack, programModule } from "../../engine/plan-stack";
import { writeWhole } from "../../sources/write-whole";

export interface ScubaConfigOptions {
  readonly stack: string;
  readonly stacksDir: string;
  readonly program: string;
  readonly out?: string;
}

/** `zt scuba-config`: the ScubaGear configuration for the planned baseline. */
export async function scubaConfig(opts: ScubaConfigOptions): Promise<void> {
  const plan = await planStack(opts.stacksDir, opts.stack, { program: programModule(opts.program) });
  const text = scubaGearConfig(plan.profile, scubaAssessments(plan.profile, plan.resources), opts.stack);
  if (opts.out) writeWhole(opts.out, text);
  else process.stdout.write(text);
}
