import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { StackMode } from "../engine/mock-engine";
import type { PackServer } from "../engine/pack-server";
import { workerPack } from "./worker-pack";
import { judgeInProcess } from "../engine/in-process-pack";
import { FIXTURE_PROGRAMS, fixtureProgramPlan } from "./shared-plans";

// Programs in the shapes public examples use, written here, each with its expected verdict in an
// `// expect:` line. Run as a hand-written stack is: no profile, no tags, no pack config.

const DIR = FIXTURE_PROGRAMS;
const PROGRAMS = readdirSync(DIR)
  .filter((f) => f.endsWith(".ts") && f !== "open-database.ts") // that one extends the baseline (cli.test)
  .map((file) => {
    const text = readFileSync(join(DIR, file), "utf8");
    const [, verdict, policy] = /\/\/ expect: (clean|blocked by ([\w-]+))/.exec(text)!;
    // An optional `// advises: <policy>` line: an advisory policy that must report on the program.
    const advises = /\/\/ advises: ([\w-]+)/.exec(text)?.[1];
    return { file, clean: verdict === "clean", policy, advises };
  });

let server: PackServer;
beforeAll(async () => {
  server = await workerPack();
  await server.configure({});
});

describe.each(["new", "deployed"] as StackMode[])("public-shape programs, as a %s stack, with no config", (mode) => {
  it.each(PROGRAMS)("$file", async ({ file, clean, policy, advises }) => {
    const resources = await fixtureProgramPlan(file, mode);
    expect(resources.filter((r) => r.custom).length, file).toBeGreaterThan(0);
    const found = await server.analyzeAll(resources);
    // `zt check` judges in-process: it must say exactly what the served pack says.
    expect(judgeInProcess(resources, {})).toEqual(found);
    const mandatory = found.filter((d) => d.enforcementLevel === "mandatory");
    if (clean) expect(mandatory.map((d) => `${d.policyName}: ${d.message}`)).toEqual([]);
    else expect(mandatory.map((d) => d.policyName)).toContain(policy);
    if (advises)
      expect(found.filter((d) => d.enforcementLevel === "advisory").map((d) => d.policyName)).toContain(advises);
  });

  it("has clean and blocked programs both", () => {
    expect(PROGRAMS.filter((p) => p.clean).length).toBeGreaterThanOrEqual(5);
    expect(PROGRAMS.filter((p) => !p.clean).length).toBeGreaterThanOrEqual(5);
  });
});
