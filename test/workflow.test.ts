import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseLock } from "../sources/lockfile";
import { expectValidCalls, resolve, ztCalls } from "./cli-calls";
import { EMPTY_LOCK, prWorkflow } from "../cli/init-templates";

const root = join(__dirname, "..");
type Step = { run?: string; uses?: string; with?: Record<string, string>; env?: Record<string, string> };

function load(file: string) {
  const workflow = parse(readFileSync(join(root, "examples", "github-actions", file), "utf8"));
  const steps: Step[] = Object.values(workflow.jobs as Record<string, { steps: Step[] }>).flatMap((j) => j.steps);
  return { workflow, steps, runs: steps.flatMap((s) => (s.run ? [s.run] : [])) };
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

/** Runs the PR workflow's "which stacks" step in a scratch repository where `changed` differ from main. */
function touchedStacks(script: string, changed: readonly string[]): string[] {
  const repo = mkdtempSync(join(tmpdir(), "zt-wf-"));
  const git = (...args: string[]) => execFileSync("git", ["-C", repo, ...args], { encoding: "utf8" });
  git("init", "-q", "-b", "main");
  git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "base");
  git("update-ref", "refs/remotes/origin/main", "HEAD");
  for (const f of changed) {
    mkdirSync(dirname(join(repo, f)), { recursive: true });
    writeFileSync(join(repo, f), "changed\n");
  }
  git("add", "-A");
  git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "change");
  // `npm run -s zt -- fleet list --json` as this repository answers it.
  const bin = join(repo, ".bin");
  mkdirSync(bin);
  writeFileSync(join(bin, "npm"), `#!/bin/sh\necho '["example","fabrikam","northwind"]'\n`, { mode: 0o755 });
  const output = join(repo, "output");
  execFileSync("bash", ["-eo", "pipefail", "-c", script], {
    cwd: repo,
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, GITHUB_BASE_REF: "main", GITHUB_OUTPUT: output },
  });
  return JSON.parse(readFileSync(output, "utf8").match(/^stacks=(.*)$/m)![1]!);
}

describe("the example pull-request workflow covers every changed stack, from its own environment", () => {
  const { workflow } = load("zero-trust-pr.yml");
  const job = (name: string) => workflow.jobs[name] as { steps: Step[] } & Record<string, any>;
  const script = job("stacks").steps.find((s: Step & { id?: string }) => s.id === "changed")!.run!;

  it("checks the stacks whose files changed, and every stack when anything else did", () => {
    expect(touchedStacks(script, ["stacks/Pulumi.fabrikam.yaml"])).toEqual(["fabrikam"]);
    expect(touchedStacks(script, ["stacks/northwind.posture-lock.json", "stacks/Pulumi.example.yaml"])).toEqual([
      "example",
      "northwind",
    ]);
    expect(touchedStacks(script, ["stacks/Pulumi.fabrikam.yaml", "components/network/x.ts"])).toEqual([
      "example",
      "fabrikam",
      "northwind",
    ]);
    expect(touchedStacks(script, ["package-lock.json"])).toHaveLength(3);
  });

  it("runs the posture checks and the preview once per touched stack", () => {
    for (const name of ["posture", "preview"])
      expect(job(name).strategy.matrix.stack).toBe("${{ fromJSON(needs.stacks.outputs.stacks) }}");
    const upload = job("posture").steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif"))!;
    expect(upload.with!.category).toContain("${{ matrix.stack }}");
    // SARIF points at each stack's own file (zt diff's default), never one hard-coded stack.
    expect(job("posture").steps.some((s) => s.run?.includes("--stack-file"))).toBe(false);
  });

  it("handles the pull request that adds a stack's first lockfile with a valid empty base", () => {
    const diff = job("posture").steps.find((s) => s.run?.includes("base.posture-lock.json"))!.run!;
    expect(diff).toContain("git cat-file -e");
    const empty = /echo '(\{.*\})' > base\.posture-lock\.json/.exec(diff)![1]!;
    expect(() => parseLock(JSON.parse(empty), "the workflow's empty lock")).not.toThrow();
    // zt init's workflow uses the same one.
    expect(() => parseLock(JSON.parse(EMPTY_LOCK), "zt init's empty lock")).not.toThrow();
    expect(prWorkflow({ project: "p", stack: "s", ztRange: "^1", pulumiRange: "^3" })).toContain(EMPTY_LOCK);
  });

  it("logs in to AWS and Azure by OIDC and gives Pulumi the Cloudflare token, from the stack's environment", () => {
    const preview = job("preview");
    expect(preview.environment).toBe("${{ matrix.stack }}");
    expect(preview.permissions["id-token"]).toBe("write");
    expect(preview.steps.some((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials"))).toBe(true);
    const env = preview.steps.find((s) => s.uses?.startsWith("pulumi/actions"))!.env as Record<string, string>;
    expect(env).toMatchObject({ ARM_USE_OIDC: "true", CLOUDFLARE_API_TOKEN: "${{ secrets.CLOUDFLARE_API_TOKEN }}" });
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

  it("deploys each client with its own OIDC login and Cloudflare token, never shared ones", () => {
    for (const name of ["canary", "clients"]) {
      const job = workflow.jobs[name];
      expect(job.permissions["id-token"], name).toBe("write");
      expect(
        job.steps.some((s: Step) => s.uses?.startsWith("aws-actions/configure-aws-credentials")),
        name,
      ).toBe(true);
      const up = job.steps.find((s: Step) => s.run?.includes("fleet up"));
      expect(up.env, name).toMatchObject({
        ARM_USE_OIDC: "true",
        CLOUDFLARE_API_TOKEN: "${{ secrets.CLOUDFLARE_API_TOKEN }}",
      });
    }
    expect(workflow.jobs.clients.environment).toBe("${{ matrix.client }}");
  });
});
