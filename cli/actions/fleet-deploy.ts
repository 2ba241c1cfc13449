import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline/promises";
import { parse } from "yaml";
import { ensurePackBuilt, PACK_DIR } from "../../engine/build-pack";
import { deployFleet, type DeployOp, type DeployResult } from "../../fleet/deploy/deploy-fleet";
import { automationWorkspace } from "../../fleet/deploy/workspace";
import { table } from "../../reports/plan/text";
import { fleetStacks } from "../../fleet/stacks";
import { Refused } from "../common";

export interface DeployFlags {
  readonly projectDir: string;
  readonly parallel: number;
  readonly canary?: string[];
  readonly only?: string[];
  readonly outDir: string;
  readonly verbose?: boolean;
  readonly refresh?: boolean;
  readonly yes?: boolean;
}

const CHANGES = ["create", "update", "replace", "delete"] as const;

/** The end-of-run table: one row per client, then why each failed one failed. */
export function deploySummary(op: DeployOp, results: readonly DeployResult[]): string {
  const rows = [
    ["STACK", "RESULT", ...CHANGES.map((c) => c.toUpperCase()), "SECONDS"],
    ...results.map((r) => [
      r.stack,
      r.status,
      ...CHANGES.map((c) => (r.changes ? String(r.changes[c] ?? 0) : "-")),
      r.seconds.toFixed(1),
    ]),
  ];
  const problems = results
    .filter((r) => r.error)
    .map(
      (r) =>
        `\n${r.stack} (${r.status}): ${r.error}${r.log && r.status === "failed" ? `\n  full output: ${r.log}` : ""}`,
    );
  const ok = results.filter((r) => r.status === "succeeded").length;
  return (
    [`zt fleet ${op} · ${ok} of ${results.length} client(s) succeeded`, ...table(rows, ""), ...problems].join("\n") +
    "\n"
  );
}

async function confirmed(count: number, flags: DeployFlags): Promise<boolean> {
  if (flags.yes) return true;
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`Deploy the baseline to ${count} client stack(s)? [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

/**
 * The folder Pulumi reads the stack configs from (Pulumi.yaml's stackConfigDir): the profiles
 * validated here must be the ones the Automation API deploys.
 */
function stackConfigDir(projectDir: string): string {
  const file = join(projectDir, "Pulumi.yaml");
  if (!existsSync(file)) {
    throw new Error(`${resolve(projectDir)} has no Pulumi.yaml: run from the project, or pass --project-dir`);
  }
  const project = parse(readFileSync(file, "utf8")) as { stackConfigDir?: string };
  return join(projectDir, project.stackConfigDir ?? ".");
}

async function run(op: DeployOp, flags: DeployFlags, stacksDir: string): Promise<void> {
  ensurePackBuilt();
  const workspace = await automationWorkspace(resolve(flags.projectDir));
  const results = await deployFleet({
    op,
    stacksDir,
    workspace,
    packDir: PACK_DIR,
    outDir: flags.outDir,
    parallel: flags.parallel,
    canary: flags.canary,
    only: flags.only,
    refresh: flags.refresh,
    onEvent: (e) => {
      if (e.kind === "start") process.stderr.write(`${e.stack}: ${op} started\n`);
      else if (e.kind === "output" && flags.verbose) {
        for (const line of e.text.split("\n").filter(Boolean)) process.stderr.write(`[${e.stack}] ${line}\n`);
      } else if (e.kind === "done") process.stderr.write(`${e.result.stack}: ${e.result.status}\n`);
    },
  });
  process.stdout.write(deploySummary(op, results));
  const bad = results.filter((r) => r.status !== "succeeded").length;
  if (bad) throw new Refused(`${bad} of ${results.length} client(s) did not ${op === "up" ? "deploy" : "preview"}`);
}

/** `zt fleet preview` and `zt fleet up`: every client through the Automation API, the pack enforced. */
export async function fleetDeploy(op: DeployOp, flags: DeployFlags): Promise<void> {
  const stacksDir = stackConfigDir(flags.projectDir);
  const count = fleetStacks(stacksDir).filter((s) => !flags.only?.length || flags.only.includes(s)).length;
  if (op === "up" && !(await confirmed(count, flags))) {
    throw new Refused("not confirmed: pass --yes to deploy without a terminal");
  }
  await run(op, flags, stacksDir);
}
