// `npm test`: the type-check and the suites side by side, not one after the other. Fails if either
// fails; arguments after `--` go to vitest.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const run = (cmd, args) =>
  new Promise((resolve) =>
    spawn(cmd, args, { stdio: "inherit" })
      .on("error", (e) => (console.error(`${cmd}: ${e.message}`), resolve(1)))
      .on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))),
  );

const [typecheck, suites] = await Promise.all([
  run(process.execPath, [fileURLToPath(new URL("tsc.mjs", import.meta.url)), "--noEmit", "--pretty"]),
  run("vitest", ["run", ...process.argv.slice(2)]),
]);
if (typecheck !== 0) console.error("npm test: tsc --noEmit found type errors (above)");
process.exit(typecheck || suites);
