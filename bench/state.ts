// State benchmark: `npm run bench:state [resources]`. A `pulumi stack export` of the deployed
// example replicated to N resources (default ~58k, the size in issue #20), then `zt check` and
// `zt diff` on it, each in its own process as a user runs them: wall time and peak RSS.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { planStack } from "../engine/plan-stack";
import { nodeArgsFor } from "../engine/typescript";
import { toStackExport } from "../sources/stack-state";
import { replicate } from "./replicate";

const target = Number(process.argv[2] ?? 58_000);
const ROOT = join(__dirname, "..");
const ZT = join(ROOT, "cli", "zt.ts");

/** Runs zt under /usr/bin/time: seconds of wall time, MB of peak RSS, and the exit code. */
function measure(args: string[]): { seconds: number; peakMb: number; code: number | null } {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M", process.execPath, ...nodeArgsFor(ZT), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 256 << 20,
  });
  const [seconds, kb] = r.stderr.trim().split("\n").pop()!.split(" ").map(Number);
  return { seconds: seconds!, peakMb: Math.round(kb! / 1024), code: r.status };
}

async function main() {
  const plan = await planStack(join(ROOT, "stacks"), "example", { mode: "deployed" });
  const copies = Math.max(1, Math.round(target / plan.resources.length));
  const resources = replicate(plan.resources, "contoso", copies);
  const dir = mkdtempSync(join(tmpdir(), "zt-bench-state-"));
  const file = join(dir, "export.json");
  writeFileSync(file, JSON.stringify(toStackExport(resources)));
  const mb = (statSync(file).size / 2 ** 20).toFixed(0);
  console.log(`state: ${resources.length} resources (${copies} x the deployed example), ${mb} MB export`);
  console.log(`machine: ${execFileSync("nproc", { encoding: "utf8" }).trim()} cores, node ${process.version}`);
  for (const [label, args] of [
    ["zt check --state <export> --stack example", ["check", "--state", file, "--stack", "example"]],
    ["zt diff stacks/example.posture-lock.json <export>", ["diff", "stacks/example.posture-lock.json", file]],
  ] as const) {
    const m = measure([...args]);
    console.log(`${label}: ${m.seconds.toFixed(1)} s wall, ${m.peakMb} MB peak RSS (exit ${m.code})`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
