import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { cli } from "../cli/zt";

const root = join(__dirname, "..");
type Step = { run?: string; uses?: string; with?: Record<string, string> };

function load(file: string) {
  const workflow = parse(readFileSync(join(root, "examples", "github-actions", file), "utf8"));
  const steps: Step[] = Object.values(workflow.jobs as Record<string, { steps: Step[] }>).flatMap((j) => j.steps);
  return { workflow, steps, runs: steps.flatMap((s) => (s.run ? [s.run] : [])) };
}

/** The zt command a call names, descending into subcommands (`fleet up`), and the rest of its line. */
function resolve(words: string[]): { command?: Command; name: string } {
  let command: Command | undefined;
  let commands = cli().commands;
  const name: string[] = [];
  while (words.length && !words[0]!.startsWith("-")) {
    const next = commands.find((c) => c.name() === words[0]);
    if (!next) break;
    name.push(words.shift()!);
    command = next;
    commands = next.commands;
  }
  return { command, name: name.join(" ") };
}

function ztCalls(runs: readonly string[]) {
  return runs.flatMap((r) => [...r.matchAll(/npm run -s zt -- ([^\n|)]*)/g)].map((m) => m[1]!.trim()));
}

/** Every zt call names a command that exists (a leaf, not a group) with options it accepts. */
function expectValidCalls(calls: readonly string[]) {
  for (const call of calls) {
    const words = call.split(/\s+/);
    const { command, name } = resolve(words);
    expect(command, call).toBeDefined();
    expect(command!.commands, `${call}: "${name}" needs a subcommand`).toHaveLength(0);
    const options = command!.options.map((o) => o.long);
    for (const [flag] of call.matchAll(/--[a-z-]+/g)) expect(options, `${name} ${flag}`).toContain(flag);
  }
}

describe("the example pull-request workflow", () => {
  const { workflow, steps, runs } = load("zero-trust-pr.yml");

  it("parses, runs on pull requests, and may comment and upload SARIF", () => {
    expect(Object.keys(workflow.on)).toEqual(["pull_request"]);
    expect(workflow.permissions).toMatchObject({ "pull-requests": "write", "security-events": "write" });
  });

  it("only calls zt commands that exist, with options they accept", () => {
    const calls = ztCalls(runs);
    expect(calls.length).toBeGreaterThanOrEqual(4);
    expectValidCalls(calls);
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

describe("the example fleet workflow (one job per client)", () => {
  const { workflow, runs } = load("zero-trust-fleet.yml");

  it("only calls zt commands that exist, with options they accept", () => {
    const calls = ztCalls(runs);
    expect(calls.map((c) => resolve(c.split(/\s+/)).name)).toEqual([
      "fleet plan",
      "fleet list",
      "fleet up",
      "fleet up",
    ]);
    expectValidCalls(calls);
  });

  it("gates the rollout on the offline fleet plan, then a canary, then every client in its own job", () => {
    expect(workflow.jobs.canary.needs).toBe("plan");
    expect(workflow.jobs.clients.needs).toEqual(["plan", "canary"]);
    expect(workflow.jobs.clients.strategy["fail-fast"]).toBe(false);
    expect(existsSync(join(root, "stacks", `Pulumi.${workflow.env.CANARY}.yaml`))).toBe(true);
  });
});
