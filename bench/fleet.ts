// Fleet benchmark: `npm run bench:fleet [clients]`. Stamps N example-sized clients (distinct ids),
// plans them all offline on a worker pool and checks each with one pack server. Prints figures.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { planFleet } from "../fleet/fleet-plan";
import { peakRssMb } from "../fleet/proc";

const n = Number(process.argv[2] ?? 100);
const example = readFileSync(join(__dirname, "..", "stacks", "Pulumi.example.yaml"), "utf8");
const hex = (i: number, width: number) => i.toString(16).padStart(width, "0");

/** The example with every id that belongs to a client made unique to client i. */
function stamp(i: number): string {
  return example
    .replace(
      /\b([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{8})([0-9a-f]{4})\b/g,
      (_m, a, b, c, d, e) => `${a}-${b}-${c}-${d}-${e}${hex(i, 4)}`,
    )
    .replace(/name: contoso\b/, `name: client-${hex(i, 3)}`)
    .replace(/accountId: "123456789012"/, `accountId: "${String(100000000000 + i)}"`)
    .replace(/vpc-0a1b2c3d4e5f60718/, `vpc-0a1b2c3d4e5f6${hex(i, 4)}`)
    .replace(/0123456789abcdef0123456789abcdef/, `0123456789abcdef0123456789ab${hex(i, 4)}`);
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "zt-fleet-"));
  for (let i = 0; i < n; i++) writeFileSync(join(dir, `Pulumi.client-${hex(i, 3)}.yaml`), stamp(i));
  let stats = { workerPeakRssMb: 0, workerCpuSeconds: 0, packServerCpuSeconds: 0 };
  const t = performance.now();
  const results = await planFleet({ stacksDir: dir, stats: (s) => (stats = s) });
  const seconds = (performance.now() - t) / 1000;
  const failed = results.filter((r) => r.failure);
  console.log(
    `zt fleet plan · ${n} example-sized clients (${results.reduce((a, r) => a + r.resources, 0)} resources) · node ${process.version}`,
  );
  console.log(
    `wall time: ${seconds.toFixed(1)} s (${((seconds * 1000) / n).toFixed(0)} ms per client) on ${require("node:os").availableParallelism()} cores`,
  );
  console.log(
    `peak RSS: coordinator ${peakRssMb(process.pid).toFixed(0)} MB, largest worker ${stats.workerPeakRssMb.toFixed(0)} MB`,
  );
  const coordinator = process.cpuUsage();
  console.log(
    `CPU: workers ${stats.workerCpuSeconds.toFixed(1)} s, pack server ${stats.packServerCpuSeconds.toFixed(1)} s, coordinator ${((coordinator.user + coordinator.system) / 1e6).toFixed(1)} s`,
  );
  console.log(
    `clients failed: ${failed.length}${failed.length ? ` (${failed[0]!.stack}: ${failed[0]!.failure})` : ""}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
