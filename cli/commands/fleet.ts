import type { Command } from "commander";
import { writeFileSync } from "node:fs";
import { planFleet, type ClientResult } from "../../fleet/fleet-plan";
import { fleetMarkdown } from "../../fleet/report-markdown";
import { table } from "../../plan/render/text";
import { Refused } from "../common";

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

export function fleetCommand(program: Command): void {
  const fleet = program.command("fleet").description("every client stack at once (MSPs)");
  fleet
    .command("plan")
    .description(
      "plan every stack offline on a worker pool, run the pack on each, and summarise (exit 1 if any client fails)",
    )
    .option("--stacks-dir <dir>", "folder holding the stack configs", "stacks")
    .option("-j, --concurrency <n>", "worker processes (default: one per core)", (v) => Number(v))
    .option("--json", "print the results as JSON")
    .option("--markdown <file>", "also write the fleet page as markdown (clients x controls, exceptions, verdicts)")
    .action(async (opts: { stacksDir: string; concurrency?: number; json?: boolean; markdown?: string }) => {
      const tty = process.stderr.isTTY === true;
      const results = await planFleet({
        stacksDir: opts.stacksDir,
        concurrency: opts.concurrency,
        progress: (done, total, r) => {
          const line = `[${done}/${total}] ${r.stack}: ${r.failure ? "FAIL" : "ok"}`;
          if (tty) process.stderr.write(`\r\x1b[2K${line}${done === total ? "\n" : ""}`);
          else process.stderr.write(line + "\n");
        },
      });
      if (opts.markdown) writeFileSync(opts.markdown, fleetMarkdown(results));
      process.stdout.write(opts.json ? JSON.stringify(results, null, 2) + "\n" : summary(results));
      const failed = results.filter((r) => r.failure).length;
      if (failed) throw new Refused(`${failed} of ${results.length} client(s) failed`);
    });
}
