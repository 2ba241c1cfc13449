#!/usr/bin/env node
import { Command } from "commander";
import { checkCommand } from "./commands/check";
import { diffCommand } from "./commands/diff";
import { fleetCommand } from "./commands/fleet";
import { newClientCommand } from "./commands/new-client";
import { initCommand } from "./commands/init";
import { lockCommand } from "./commands/lock";
import { whatifCommand } from "./commands/whatif";
import { planCommand } from "./commands/plan";
import { policyConfigCommand } from "./commands/policy-config";
import { scubaConfigCommand } from "./commands/scuba-config";
import { EXIT, projectDefaults, Refused } from "./common";
import { setColour } from "./colour";
import { ProfileError } from "../profile/errors";
import { FileError } from "../sources/file-error";
import { PACKAGE_VERSION } from "../engine/package-root";

export function cli(): Command {
  const program = new Command("zt")
    .description("zt-baseline: plan and check zero-trust baselines declared with Pulumi")
    .version(PACKAGE_VERSION, "-V, --version", "print zt's version")
    .option("--no-color", "no colour, even on a terminal (so does NO_COLOR)")
    .showHelpAfterError()
    .exitOverride()
    .hook("preAction", (zt, command) => {
      setColour(zt.opts().color !== false);
      projectDefaults(command);
    });

  planCommand(program);
  policyConfigCommand(program);
  scubaConfigCommand(program);
  lockCommand(program);
  diffCommand(program);
  checkCommand(program);
  whatifCommand(program);
  newClientCommand(program);
  initCommand(program);
  fleetCommand(program);

  program.addHelpText(
    "after",
    `
Exit codes: 0 done and passing; 1 refused (an invalid profile or file, a mandatory violation, an
unapproved widening, a failing client); 2 usage (an unknown flag or stack, a bad value).
Output: machine output (--json, --format json|sarif, --print) on stdout, whole; messages on stderr.
Colour only on a terminal; NO_COLOR or --no-color turn it off. JSON shapes: the README, "Exit codes and output".`,
  );
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

/** Runs zt as its own process: the exit code once stdout has drained. cli/bin.ts checks Node first. */
export function main(argv: readonly string[]): void {
  run(argv).then((code) => {
    process.exitCode = code;
    // Exit only once stdout has drained: a pipe takes a large output in pieces, and exiting at
    // once cut it at 64 KiB with exit code 0. Writes are ordered, so this callback comes last.
    process.stdout.write("", () => process.exit(code));
  });
}

if (require.main === module) main(process.argv.slice(2));
