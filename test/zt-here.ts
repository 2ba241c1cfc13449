import { workerPack } from "./worker-pack";

/**
 * zt as `npm run zt` loads it, through tsx's CommonJS hook (vitest.config.mts): it requires each
 * command's work when it runs (cli/lazy-actions.ts), and vitest's loader does not see `require`.
 * One module graph, so its error classes are the ones it throws.
 */
const { run } = require("../cli/zt") as typeof import("../cli/zt");
const { lendPackServer } = require("../engine/run-pack") as typeof import("../engine/run-pack");
// Its checks use the worker's pack server (test/worker-pack.ts) rather than one started per command.
lendPackServer(workerPack);

export interface ZtResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

const text = (chunk: unknown) =>
  typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8");

/** Sets each variable, or unsets it where the value is undefined. */
function setEnv(env: Readonly<Record<string, string | undefined>>): void {
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

/**
 * Runs `zt <args>` in this process: the same commands, exit code and output as its own process
 * gives, without a TypeScript compile and a Pulumi load per call. Calls run one at a time (each
 * borrows stdout, stderr, the working directory and the environment). What only a process shows
 * (the shebang, a slow pipe, a terminal) is tested by spawning one.
 */
export async function ztHere(
  args: readonly string[],
  opts: { readonly cwd?: string; readonly env?: Readonly<Record<string, string | undefined>> } = {},
): Promise<ZtResult> {
  const out: string[] = [];
  const err: string[] = [];
  const { stdout, stderr } = process;
  const writes = [stdout.write, stderr.write] as const;
  const capture =
    (into: string[]) =>
    (chunk: unknown, ...rest: unknown[]): boolean => {
      into.push(text(chunk));
      const done = rest.find((r) => typeof r === "function") as (() => void) | undefined;
      done?.();
      return true;
    };
  const cwd = process.cwd();
  const saved = Object.fromEntries(Object.keys(opts.env ?? {}).map((k) => [k, process.env[k]]));
  stdout.write = capture(out) as typeof stdout.write;
  stderr.write = capture(err) as typeof stderr.write;
  try {
    setEnv(opts.env ?? {});
    if (opts.cwd) process.chdir(opts.cwd);
    const code = await run(args);
    return { status: code, stdout: out.join(""), stderr: err.join("") };
  } finally {
    [stdout.write, stderr.write] = writes;
    process.chdir(cwd);
    setEnv(saved);
  }
}
