import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Pulumi's mock runtime is process-global state: one file per worker, no shared module cache.
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
