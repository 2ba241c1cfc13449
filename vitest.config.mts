import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** The longest files, which wait on child processes (npm, tsc, tsx, pack servers), slowest first. */
const SLOWEST = ["test/consumer.test.ts", "test/cli.test.ts"];

/**
 * Vitest orders files by their last durations, or by size when it has none (a fresh clone, CI):
 * there the two longest files could start late and run on alone at the end. They go first.
 */
class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = SLOWEST.findIndex((name) => f.moduleId.endsWith(name));
      return i < 0 ? SLOWEST.length : i;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Pulumi's mock runtime is process-global state: files run in forks, one file at a time per
    // worker. Each worker keeps its module cache between files: re-importing Pulumi and the
    // providers for every file was a quarter of the suite's time (import 42 s -> 7 s). Every file
    // leaves the process as it found it (test/zt-here.ts restores what it borrows).
    pool: "forks",
    isolate: false,
    // Vitest leaves a core free by default (one worker on 2 cores); the suites wait on child
    // processes (pack servers, npm, tsx) much of the time, so two files at once use both cores.
    maxWorkers: 2,
    // tsx's CommonJS hook: zt loads each command's work with `require` (cli/lazy-actions.ts),
    // which vitest's module loader does not see; the hook lets Node's require load it from sources.
    execArgv: ["--max-semi-space-size=128", "--require", "tsx/cjs"],
    sequence: { sequencer: SlowFirstSequencer },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
