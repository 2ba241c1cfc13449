import type { Command } from "commander";
import type { FleetCheckOptions, FleetPlanOptions } from "../actions/fleet";
import { fleetStacks } from "../../fleet/stacks";
import { positiveInt, stacksDirOption, programOption } from "../common";
import { fleetDeployCommands } from "./fleet-deploy";
import { actions } from "../lazy-actions";

function withReportOptions(command: Command): Command {
  return command
    .addOption(stacksDirOption())
    .option("--json", "print the results as JSON")
    .option(
      "--html <file>",
      "also write the fleet report: one self-contained HTML page (matrix, tier graphs, apps, violations)",
    )
    .option(
      "--markdown <file>",
      "also write the fleet page as markdown, for tickets (clients x controls, exceptions, verdicts)",
    );
}

export function fleetCommand(program: Command): void {
  const fleet = program.command("fleet").description("every client stack at once (MSPs)");
  withReportOptions(
    fleet
      .command("plan")
      .description(
        "plan every stack offline on a worker pool, run the pack on each, and summarise (exit 1 if any client fails)",
      ),
  )
    .option("-j, --concurrency <n>", "worker processes (default: one per core)", positiveInt)
    .addOption(programOption("the Pulumi program each client runs"))
    .action(async (opts: FleetPlanOptions) => actions.fleet().fleetPlan(opts));

  withReportOptions(
    fleet
      .command("check")
      .description(
        "run the pack on every client's deployed state (`pulumi stack export` files named <stack>.json), configured from its profile and lockfile",
      ),
  )
    .requiredOption("--state-dir <dir>", "folder holding one `pulumi stack export` file per client: <stack>.json")
    .action(async (opts: FleetCheckOptions) => actions.fleet().fleetCheck(opts));

  fleet
    .command("list")
    .description("the client stacks, one per line (--json: an array, for a CI matrix)")
    .addOption(stacksDirOption())
    .option("--json", "print a JSON array")
    .action((opts: { stacksDir: string; json?: boolean }) => {
      const stacks = fleetStacks(opts.stacksDir);
      process.stdout.write(opts.json ? JSON.stringify(stacks) + "\n" : stacks.map((s) => s + "\n").join(""));
    });

  fleetDeployCommands(fleet);
}
