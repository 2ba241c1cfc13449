import type { Command } from "commander";
import type { LockOptions } from "../actions/lock";
import { stackName, stacksDirOption, programOption } from "../common";
import { actions } from "../lazy-actions";

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
    .action(async (opts: LockOptions) => actions.lock().lock(opts));
}
