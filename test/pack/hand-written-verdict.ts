import { beforeAll, expect } from "vitest";
import { judgeInProcess } from "../../engine/in-process-pack";
import { runProgramOffline, type StackMode } from "../../engine/mock-engine";
import type { PackServer } from "../../engine/pack-server";
import { workerPack } from "../worker-pack";

type Config = Parameters<PackServer["configure"]>[0];

/**
 * Judges a program written inline with the real SDKs as a hand-written stack (no profile): planned
 * under the mock engine as a new stack or as deployed, served by the worker's pack server, and held
 * to the in-process verdict. Gives what blocks, every notice, and each diagnostic.
 */
export function useHandWrittenVerdict() {
  let server: PackServer;
  beforeAll(async () => {
    server = await workerPack();
  });
  return async (program: () => void, mode: StackMode, config: Config = {}) => {
    const { resources } = await runProgramOffline(program, { project: "hand-written", stack: "dev", config: {}, mode });
    await server.configure(config);
    const found = await server.analyzeAll(resources);
    expect(judgeInProcess(resources, config)).toEqual(found);
    return {
      found,
      blocked: found.filter((d) => d.enforcementLevel === "mandatory").map((d) => `${d.policyName}: ${d.message}`),
      notices: found
        .filter((d) => d.policyName === "pack-notices")
        .map((d) => d.message)
        .join("\n"),
    };
  };
}
