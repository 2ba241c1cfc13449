import type { Command } from "commander";
import { lockPath, lockText, writeLock } from "../../sources/lockfile";
import { planStack, programModule } from "../../engine/plan-stack";
import { existsSync, readFileSync } from "node:fs";
import { Refused, stackName, stacksDirOption, programOption } from "../common";

export function lockCommand(program: Command): void {
  program
    .command("lock")
    .description(
      "write the approved posture of a stack (stacks/<stack>.posture-lock.json), to be reviewed like a package lock",
    )
    .option("-s, --stack <name>", "stack", stackName, "example")
    .addOption(stacksDirOption())
    .addOption(programOption("the Pulumi program"))
    .option("--check", "do not write: exit 1 if the lockfile is missing or differs from the plan")
    .option("--print", "do not write: print the lock to stdout")
    .action(async (opts: { stack: string; stacksDir: string; program: string; check?: boolean; print?: boolean }) => {
      const plan = await planStack(opts.stacksDir, opts.stack, { program: programModule(opts.program) });
      if (opts.print) {
        process.stdout.write(lockText(plan.resources));
        return;
      }
      const path = lockPath(opts.stacksDir, opts.stack);
      if (opts.check) {
        const current = existsSync(path) ? readFileSync(path, "utf8") : undefined;
        if (current !== lockText(plan.resources))
          throw new Refused(`${path} is ${current ? "stale" : "missing"}: run \`zt lock --stack ${opts.stack}\``);
        process.stdout.write(`${path} is up to date\n`);
        return;
      }
      const changed = writeLock(opts.stacksDir, opts.stack, plan.resources);
      process.stdout.write(`${changed ? "wrote" : "unchanged:"} ${path}\n`);
    });
}
