import { existsSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { ClientResult } from "../../fleet/client-verdict";
import { checkFleet } from "../../fleet/fleet-states";
import { planFleet } from "../../fleet/fleet-plan";
import { fleetHtml } from "../../reports/fleet/html";
import { fleetMarkdown } from "../../reports/fleet/markdown";
import { table } from "../../reports/plan/text";
import { fleetStacks } from "../../fleet/stacks";
import { programFile } from "../../engine/plan-stack";
import { Refused } from "../common";
import { fleetProgress } from "../progress";
import { paint } from "../colour";

export interface ReportOptions {
  readonly stacksDir: string;
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

export interface FleetPlanOptions extends ReportOptions {
  readonly concurrency?: number;
  readonly program: string;
}

/** `zt fleet plan`: every client planned on a worker pool and judged by the pack. */
export async function fleetPlan(opts: FleetPlanOptions): Promise<void> {
  const program = programFile(opts.program);
  checkReportTargets(opts);
  const progress = fleetProgress(process.stderr);
  progress.start(fleetStacks(opts.stacksDir).length, "planning");
  const results = await planFleet({ stacksDir: opts.stacksDir, program, concurrency: opts.concurrency, progress });
  report(results, opts);
}

export interface FleetCheckOptions extends ReportOptions {
  readonly stateDir: string;
}

/** `zt fleet check`: the pack on every client's exported state. */
export async function fleetCheck(opts: FleetCheckOptions): Promise<void> {
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
}
