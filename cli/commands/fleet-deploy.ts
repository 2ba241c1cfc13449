import type { Command } from "commander";
import type { DeployFlags } from "../actions/fleet-deploy";
import { positiveInt } from "../common";
import { actions } from "../lazy-actions";

const list = (v: string) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

export function fleetDeployCommands(fleet: Command): void {
  for (const op of ["preview", "up"] as const) {
    const command = fleet
      .command(op)
      .description(
        op === "preview"
          ? "`pulumi preview` every client stack through the Automation API, with the zero-trust pack enforced"
          : "`pulumi up` every client stack through the Automation API, with the zero-trust pack enforced",
      )
      .option("--project-dir <dir>", "the Pulumi project (its Pulumi.yaml names the stack config folder)", ".")
      .option("-p, --parallel <n>", "clients at once", positiveInt, 2)
      .option("--canary <stacks>", "comma-separated clients that go first; the rest waits for them to succeed", list)
      .option("--only <stacks>", "comma-separated clients to run (default: all)", list)
      .option("--out-dir <dir>", "where each client's policy config and full output are written", ".zt/fleet")
      .option("--refresh", "refresh each client's state from its cloud first (drift is part of the run)")
      .option("-v, --verbose", "stream every client's engine output, prefixed with its stack");
    if (op === "up") command.option("-y, --yes", "deploy without asking (required when not on a terminal)");
    command.action(async (flags: DeployFlags) => actions.fleetDeploy().fleetDeploy(op, flags));
  }
}
