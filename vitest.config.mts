import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Pulumi's mock runtime is process-global state: one file per worker, no shared module cache.
    pool: "forks",
    // Vitest leaves a core free by default (one worker on 2 cores); the suites wait on child
    // processes (pack servers, npm, tsx) much of the time, so two files at once use both cores.
    maxWorkers: 2,
    execArgv: ["--max-semi-space-size=128"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
