// The compiler for the type-check and the build: TypeScript 7 (`@typescript/native`, the native
// port: ~4x less CPU here than 6). TypeScript 6 stays as `typescript` for what needs its API:
// Pulumi's run-policy-pack registers ts-node with it, house.test parses imports with it. Both
// packages link a `tsc` bin and npm does not say which wins, so this names 7 by its package.
// Single-threaded: on 2 cores its checker threads took ~60% more CPU for the same wall time
// (5.7 s), CPU that the suites running beside it need.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const tsc = join(dirname(createRequire(import.meta.url).resolve("@typescript/native/package.json")), "bin", "tsc");
const { status, signal, error } = spawnSync(process.execPath, [tsc, "--singleThreaded", ...process.argv.slice(2)], {
  stdio: "inherit",
});
if (error) console.error(`tsc: ${error.message}`);
process.exit(status ?? (signal || error ? 1 : 0));
