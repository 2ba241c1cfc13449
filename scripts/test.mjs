// `npm test`: the type-check and the suites side by side, not one after the other (tsc is one
// core's work for ~15 s). Fails if either fails; arguments after `--` go to vitest.
import { spawn } from "node:child_process";

const run = (cmd, args) =>
  new Promise((resolve) =>
    spawn(cmd, args, { stdio: "inherit" })
      .on("error", (e) => (console.error(`${cmd}: ${e.message}`), resolve(1)))
      .on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))),
  );

const [typecheck, suites] = await Promise.all([
  run("tsc", ["--noEmit", "--pretty"]),
  run("vitest", ["run", ...process.argv.slice(2)]),
]);
if (typecheck !== 0) console.error("npm test: tsc --noEmit found type errors (above)");
process.exit(typecheck || suites);
