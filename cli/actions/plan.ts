import { frameworkCoverage } from "../../compliance/coverage";
import { planStack, programModule } from "../../engine/plan-stack";
import { checkPlan } from "../../engine/run-pack";
import { renderPlan } from "../../reports/plan";
import { renderVerdicts } from "../../reports/plan/verdicts";
import { readLock } from "../../sources/lockfile";
import { redactSecrets } from "../../posture/values";
import { refuseMandatory } from "../common";
import { paint } from "../colour";

export interface PlanOptions {
  readonly stack: string;
  readonly stacksDir: string;
  readonly json?: boolean;
  readonly pack: boolean;
  readonly program: string;
}

/** `zt plan`: plans the stack, runs the pack on it, prints both. */
export async function plan(opts: PlanOptions): Promise<void> {
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
  } else process.stdout.write(paint([renderPlan(plan), ...(verdict ? renderVerdicts(verdict) : [])].join("\n") + "\n"));
  refuseMandatory(verdict);
}
