import type { Command } from "commander";
import type { CheckOptions } from "../actions/check";
import { stacksDirOption } from "../common";
import { actions } from "../lazy-actions";

export function checkCommand(program: Command): void {
  program
    .command("check")
    .description("run the zero-trust pack on an exported stack state (`pulumi stack export`), without a preview")
    .requiredOption("--state <file>", "a `pulumi stack export` file")
    .option("-s, --stack <name>", "take the pack config from this stack's profile (and lockfile)")
    .addOption(stacksDirOption())
    .option("--policy-config <file>", "a --policy-pack-config file (for stacks without a profile here)")
    .action(async (opts: CheckOptions) => actions.check().check(opts));
}
