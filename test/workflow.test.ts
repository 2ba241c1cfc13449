import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { cli } from "../cli/zt";

const root = join(__dirname, "..");
const workflow = parse(readFileSync(join(root, "examples", "github-actions", "zero-trust-pr.yml"), "utf8"));
const steps: { run?: string; uses?: string; with?: Record<string, string> }[] = Object.values(
  workflow.jobs as Record<string, { steps: never[] }>,
).flatMap((j) => j.steps);
const runs = steps.flatMap((s) => (s.run ? [s.run] : []));

describe("the example GitHub Actions workflow", () => {
  it("parses, runs on pull requests, and may comment and upload SARIF", () => {
    expect(Object.keys(workflow.on)).toEqual(["pull_request"]);
    expect(workflow.permissions).toMatchObject({ "pull-requests": "write", "security-events": "write" });
  });

  it("only calls zt commands that exist, with options they accept", () => {
    const commands = new Map(cli().commands.map((c) => [c.name(), c.options.map((o) => o.long)]));
    const calls = runs.flatMap((r) => [...r.matchAll(/npm run -s zt -- (\S+)([^\n|]*)/g)]);
    expect(calls.length).toBeGreaterThanOrEqual(4);
    for (const [, name, rest] of calls) {
      expect(commands.has(name!), name).toBe(true);
      for (const [flag] of rest!.matchAll(/--[a-z-]+/g)) expect(commands.get(name!), `${name} ${flag}`).toContain(flag);
    }
  });

  it("only uses npm scripts and paths that exist in this repository", () => {
    const scripts = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts;
    for (const r of runs)
      for (const [, script] of r.matchAll(/npm (?:run -s |run )?(start|test|zt)\b/g))
        expect(scripts).toHaveProperty(script!);
    const pack = steps.find((s) => s.uses?.startsWith("pulumi/actions"))!;
    expect(existsSync(join(root, pack.with!.policyPacks!, "PulumiPolicy.yaml"))).toBe(true);
    expect(existsSync(join(root, "stacks", "example.posture-lock.json"))).toBe(true);
  });
});
