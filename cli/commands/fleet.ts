import type { Command } from "commander";
import { existsSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { ClientResult } from "../../fleet/client-verdict";
import { checkFleet } from "../../fleet/fleet-states";
import { planFleet } from "../../fleet/fleet-plan";
import { fleetHtml } from "../../reports/fleet/html";
import { fleetMarkdown } from "../../reports/fleet/markdown";
import { table } from "../../reports/plan/text";
import { fleetStacks } from "../../fleet/stacks";
import { positiveInt, Refused, stacksDirOption, programOption } from "../common";
import { programFile } from "../../engine/plan-stack";
import { fleetProgress } from "../progress";
import { fleetDeployCommands } from "./fleet-deploy";
import { paint } from "../colour";

interface ReportOptions {
  readonly json?: boolean;
  readonly html?: string;
  readonly markdown?: string;
}

function summary(results: readonly ClientResult[]): string {
  const rows = [
    ["STACK", "CLIENT", "RESOURCES", "MANDATORY", "ADVISORY", "WIDENING", "RESULT"],
    ...results.map((r) => [
      r.stack,
      r.client ?? "-",
      String(r.resources),
      String(r.mandatory),
      String(r.advisory),
      r.widening === undefined ? "no lock" : String(r.widening),
      r.failure ? "FAIL" : "ok",
    ]),
  ];
  const failures = results.filter((r) => r.failure).flatMap((r) => [`\n${r.stack}: ${r.failure}`]);
  return [...table(rows, ""), ...failures].join("\n") + "\n";
}

/** Report files go into folders that exist: checked before any client is planned, not after. */
function checkReportTargets(opts: ReportOptions): void {
  for (const [flag, file] of [
    ["--html", opts.html],
    ["--markdown", opts.markdown],
  ] as const) {
    if (file && !existsSync(dirname(resolve(file))))
      throw new Error(`${flag} ${file}: the folder ${dirname(file)} does not exist`);
  }
}

/** Writes the reports asked for, prints the summary, and refuses when any client failed. */
function report(results: readonly ClientResult[], opts: ReportOptions): void {
  if (opts.html) writeFileSync(opts.html, fleetHtml(results));
  if (opts.markdown) writeFileSync(opts.markdown, fleetMarkdown(results));
  process.stdout.write(opts.json ? JSON.stringify(results, null, 2) + "\n" : paint(summary(results)));
  const failed = results.filter((r) => r.failure).length;
  if (failed) throw new Refused(`${failed} of ${results.length} client(s) failed`);
}

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
    .action(async (opts: ReportOptions & { stacksDir: string; concurrency?: number; program: string }) => {
      const program = programFile(opts.program);
      checkReportTargets(opts);
      const progress = fleetProgress(process.stderr);
      progress.start(fleetStacks(opts.stacksDir).length, "planning");
      const results = await planFleet({ stacksDir: opts.stacksDir, program, concurrency: opts.concurrency, progress });
      report(results, opts);
    });

  withReportOptions(
    fleet
      .command("check")
      .description(
        "run the pack on every client's deployed state (`pulumi stack export` files named <stack>.json), configured from its profile and lockfile",
      ),
  )
    .requiredOption("--state-dir <dir>", "folder holding one `pulumi stack export` file per client: <stack>.json")
    .action(async (opts: ReportOptions & { stacksDir: string; stateDir: string }) => {
      if (!existsSync(opts.stateDir)) throw new Error(`--state-dir ${opts.stateDir}: no such folder`);
      checkReportTargets(opts);
      const progress = fleetProgress(process.stderr);
      progress.start(fleetStacks(opts.stacksDir).length, "checking");
      const { results, orphanStates } = await checkFleet({
        stacksDir: opts.stacksDir,
        stateDir: opts.stateDir,
        progress,
      });
      for (const f of orphanStates)
        process.stderr.write(`warning: ${f} matches no client stack in ${opts.stacksDir}; not checked\n`);
      report(results, opts);
    });

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
