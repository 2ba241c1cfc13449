import { Command } from "commander";
import { checkCommand } from "./commands/check";
import { diffCommand } from "./commands/diff";
import { fleetCommand } from "./commands/fleet";
import { newClientCommand } from "./commands/new-client";
import { lockCommand } from "./commands/lock";
import { whatifCommand } from "./commands/whatif";
import { EXIT, Refused, stackName } from "./common";
import { readLock } from "../sources/lockfile";
import { ProfileError } from "../profile";
import { FileError } from "../sources/file-error";
import { checkPlan } from "../plan/check-plan";
import { packConfigFor } from "../plan/pack-config";
import { planStack, PROGRAM_ENTRY, programModule } from "../plan/plan-stack";
import { renderPlan } from "../plan/render";
import { renderVerdicts } from "../plan/render/verdicts";

export function cli(): Command {
  const program = new Command("zt")
    .description("zt-baseline: plan and check zero-trust baselines declared with Pulumi")
    .showHelpAfterError()
    .exitOverride();

  program
    .command("plan")
    .description("plan a stack offline (no cloud account, no Pulumi CLI) and print what its baseline declares")
    .option("-s, --stack <name>", "stack to plan (stacks/Pulumi.<name>.yaml)", stackName, "example")
    .option("--stacks-dir <dir>", "folder holding the stack configs", "stacks")
    .option("--json", "print the plan as JSON (profile, resources as the engine sees them, verdicts)")
    .option("--no-pack", "skip the zero-trust policy pack")
    .option("--program <file>", "the Pulumi program to plan", PROGRAM_ENTRY)
    .action(async (opts: { stack: string; stacksDir: string; json?: boolean; pack: boolean; program: string }) => {
      // The real entry (or --program): whatever a user added to stacks/index.ts is planned and judged too.
      const plan = await planStack(opts.stacksDir, opts.stack, { program: programModule(opts.program) });
      const verdict = opts.pack ? await checkPlan(plan, readLock(opts.stacksDir, opts.stack)) : undefined;
      if (opts.json) process.stdout.write(JSON.stringify({ ...plan, verdict }, null, 2) + "\n");
      else process.stdout.write([renderPlan(plan), ...(verdict ? renderVerdicts(verdict) : [])].join("\n") + "\n");
      if (verdict && verdict.mandatory > 0) throw new Refused(`${verdict.mandatory} mandatory policy violation(s)`);
    });

  program
    .command("policy-config")
    .description("print the --policy-pack-config for a stack, derived from its profile")
    .option("-s, --stack <name>", "stack (stacks/Pulumi.<name>.yaml)", stackName, "example")
    .option("--stacks-dir <dir>", "folder holding the stack configs", "stacks")
    .action(async (opts: { stack: string; stacksDir: string }) => {
      const plan = await planStack(opts.stacksDir, opts.stack);
      process.stdout.write(
        JSON.stringify(packConfigFor(plan.profile, readLock(opts.stacksDir, opts.stack)), null, 2) + "\n",
      );
    });

  lockCommand(program);
  diffCommand(program);
  checkCommand(program);
  whatifCommand(program);
  newClientCommand(program);
  fleetCommand(program);

  return program;
}

export { EXIT };

export async function run(argv: readonly string[]): Promise<number> {
  try {
    await cli().parseAsync(argv, { from: "user" });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof Refused) {
      process.stderr.write(`zt: refused: ${e.message}\n`);
      return EXIT.refused;
    }
    if (e instanceof FileError) {
      process.stderr.write(`zt: ${e.message}\nNothing was written.\n`);
      return EXIT.refused;
    }
    if (e instanceof ProfileError) {
      process.stderr.write(`${e.message}\nNothing was planned or deployed. Fix the profile and run again.\n`);
      return EXIT.refused;
    }
    const code = (e as { code?: string }).code;
    if (code === "commander.helpDisplayed" || code === "commander.version") return EXIT.ok;
    if (code?.startsWith("commander.")) return EXIT.usage; // commander has printed the problem
    process.stderr.write(`zt: ${(e as Error).message}\n`);
    return EXIT.usage;
  }
}

if (require.main === module) {
  run(process.argv.slice(2)).then((code) => process.exit(code));
}
