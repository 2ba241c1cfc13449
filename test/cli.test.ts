import { ztHere } from "./zt-here";
import { PACK_DIR } from "../engine/build-pack";
import { loaderArgsFor, nodeArgsFor } from "../engine/typescript";
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";

const ZT = join(__dirname, "..", "cli", "zt.ts");
/** `zt` in its own process, from sources (as `npm run zt` runs it): node and its arguments. */
const NODE = process.execPath;
const ZT_ARGS = nodeArgsFor(ZT);

/** Runs the CLI as a user would, in this process (test/zt-here.ts); what only a process shows spawns one. */
async function zt(...args: string[]) {
  const r = await ztHere(args);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A command several tests read, run once per file: each test asserts its own part of the same
 * output (a plan of the example costs seconds of CPU). Only for calls that change nothing.
 */
const runs = new Map<string, ReturnType<typeof zt>>();
function ztOnce(...args: string[]) {
  const key = args.join("\0");
  if (!runs.has(key)) runs.set(key, zt(...args));
  return runs.get(key)!;
}

/** Tests that run several processes: a minute is not enough on a slow 2-core machine. */
const SPAWNS_TIMEOUT = 180_000;

function stacksWith(name: string, yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), "zt-stacks-"));
  writeFileSync(join(dir, `Pulumi.${name}.yaml`), yaml);
  return dir;
}

describe("zt plan", () => {
  it("plans the example stack offline and prints what the baseline declares", async () => {
    const { code, stdout } = await ztOnce("plan");
    expect(code).toBe(0);
    expect(stdout).toContain('zt plan · stack "example" · Contoso Ltd (contoso, production)');
    expect(stdout).toMatch(/^IDENTITY {2}Entra ID Conditional Access/m);
    expect(stdout).toMatch(/CA001 block-legacy-auth +report-only +all users +excl\. break-glass +→ block/);
    expect(stdout).toMatch(/^NETWORK {2}tiers edge → web → app → data/m);
    expect(stdout).toMatch(/^ {2}AWS {2}VPC vpc-0a1b2c3d4e5f60718 \(eu-west-1\) · 5 security groups · \d+ rules$/m);
    expect(stdout).toMatch(/^ {4}app → data +tcp\/5432, tcp\/6379$/m);
    expect(stdout).toMatch(/^RESOURCES {2}\d+ resources/m);
  });

  it("plans any stack in stacks/ with --stack", async () => {
    const { code, stdout } = await zt("plan", "--stack", "fabrikam");
    expect(code).toBe(0);
    expect(stdout).toContain('stack "fabrikam"');
    expect(stdout).toContain("skipped    block-high-user-risk: needs Entra ID P2 (identity.licence is P1)");
  });

  it("--json prints the resources as the engine saw them", async () => {
    const { code, stdout } = await ztOnce("plan", "--stack", "fabrikam", "--json");
    expect(code).toBe(0);
    const plan = JSON.parse(stdout);
    expect(plan.profile.client.name).toBe("fabrikam");
    expect(
      plan.resources.some(
        (r: { type: string }) => r.type === "azuread:index/conditionalAccessPolicy:ConditionalAccessPolicy",
      ),
    ).toBe(true);
  });

  it("refuses an invalid profile with every problem and its path, exit 1, nothing planned", async () => {
    const dir = stacksWith(
      "broken",
      [
        "config:",
        "  zt-baseline:profile:",
        "    client: { name: Broken }",
        "    identity:",
        "      tenantId: nope",
        "      breakGlass: { groupId: 2c4e6a8b-0d1f-4a3c-8e5b-7d9f1a3c5e7b }",
        "      rolout: enforce",
        "",
      ].join("\n"),
    );
    const { code, stdout, stderr } = await zt("plan", "--stack", "broken", "--stacks-dir", dir);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain(`Invalid zero-trust profile (${join(dir, "Pulumi.broken.yaml")}): 3 problems`);
    expect(stderr).toContain("  - client.name: expected lower-case kebab-case");
    expect(stderr).toContain("  - identity.tenantId: expected a GUID");
    expect(stderr).toContain("  - identity.rolout: unknown key");
  });

  it("refuses a stack without a profile, naming the key to set", async () => {
    const dir = stacksWith("empty", "config:\n  aws:region: eu-west-1\n");
    const { code, stderr } = await zt("plan", "--stack", "empty", "--stacks-dir", dir);
    expect(code).toBe(1);
    expect(stderr).toContain("zt-baseline:profile: missing: set zt-baseline:profile in the stack's config");
  });

  it("names the known stacks when asked for one that does not exist (exit 2)", async () => {
    const dir = stacksWith("one", "config: {}\n");
    copyFileSync(join(__dirname, "..", "stacks", "Pulumi.fabrikam.yaml"), join(dir, "Pulumi.two.yaml"));
    const { code, stderr } = await zt("plan", "--stack", "three", "--stacks-dir", dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/No stack "three".*Known stacks: one, two\./);
  });

  it("runs the zero-trust pack on the plan and passes the example", async () => {
    const { code, stdout } = await ztOnce("plan");
    expect(code).toBe(0);
    const { version } = JSON.parse(readFileSync(join(PACK_DIR, "package.json"), "utf8")) as { version: string };
    expect(stdout).toContain(`POLICY PACK  zero-trust ${version} · 37 policies`);
    expect(stdout).toContain("  PASS  no mandatory violation");
  });

  it("refuses a hand-written resource that opens the data tier, naming it and the fix (exit 1)", async () => {
    const program = join(__dirname, "fixtures", "programs", "open-database.ts");
    const { code, stdout, stderr } = await zt("plan", "--program", program);
    expect(code).toBe(1);
    expect(stdout).toContain("  FAIL  ");
    expect(stdout).toMatch(
      /✗ mandatory +network-no-internet-ingress-beyond-edge\n +SecurityGroupIngressRule 'debug-db-from-anywhere' opens tier 'data' to the internet/,
    );
    expect(stderr).toMatch(/zt: refused: \d+ mandatory policy violation/);
  });

  it("zt diff plan: and zt fleet plan plan the same program as zt plan (--program), so the PR diff and the fleet see it", async () => {
    const program = join(__dirname, "fixtures", "programs", "open-database.ts");
    const diff = await zt(
      "diff",
      "stacks/example.posture-lock.json",
      "plan:example",
      "--program",
      program,
      "--format",
      "json",
    );
    expect(diff.code).toBe(1);
    expect(JSON.parse(diff.stdout).items).toContainEqual(
      expect.objectContaining({
        layer: "network",
        change: "widening",
        message: expect.stringMatching(/internet → data tcp\/5432/),
      }),
    );
    const stacks = mkdtempSync(join(tmpdir(), "zt-fleet-program-"));
    copyFileSync(join(__dirname, "..", "stacks", "Pulumi.example.yaml"), join(stacks, "Pulumi.example.yaml"));
    const fleet = await zt("fleet", "plan", "--stacks-dir", stacks, "--program", program, "--json");
    expect(fleet.code).toBe(1);
    const [client] = JSON.parse(fleet.stdout);
    expect(client.violations).toContainEqual(
      expect.objectContaining({
        policyName: "network-no-internet-ingress-beyond-edge",
        urn: expect.stringMatching(/debug-db-from-anywhere$/),
      }),
    );
  });

  it("zt diff --format sarif points code scanning at the changed stack's own file", async () => {
    const stacks = mkdtempSync(join(tmpdir(), "zt-sarif-"));
    copyFileSync(join(__dirname, "..", "stacks", "Pulumi.example.yaml"), join(stacks, "Pulumi.acme.yaml"));
    const lock = JSON.parse(readFileSync(join(__dirname, "..", "stacks", "example.posture-lock.json"), "utf8"));
    lock.networkAllows = lock.networkAllows.slice(1); // the plan now holds one allow the lock does not
    writeFileSync(join(stacks, "base.json"), JSON.stringify(lock));
    const r = await zt("diff", join(stacks, "base.json"), "plan:acme", "--stacks-dir", stacks, "--format", "sarif");
    const uris = JSON.parse(r.stdout).runs[0].results.map(
      (x: any) => x.locations[0].physicalLocation.artifactLocation.uri,
    );
    expect(uris.length).toBeGreaterThan(0);
    expect(new Set(uris)).toEqual(new Set([relative(join(__dirname, ".."), join(stacks, "Pulumi.acme.yaml"))]));
  });

  it("colours the verdict on a terminal (FORCE_COLOR here), never with NO_COLOR or --no-color, never in a pipe", async () => {
    // zt check on a small export: the same painted verdict as a plan's, without planning.
    const state = join(__dirname, "fixtures", "states", "export-hand-written.json");
    const run = (env: Record<string, string | undefined>, ...args: string[]) => {
      const clean = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, ...env };
      return spawnSync(NODE, [...ZT_ARGS, ...(args.length ? args : ["check", "--state", state])], {
        encoding: "utf8",
        cwd: join(__dirname, ".."),
        env: clean as NodeJS.ProcessEnv,
      }).stdout;
    };
    const ESC = "\x1b[";
    const painted = run({ FORCE_COLOR: "1" });
    expect(painted).toContain(`${ESC}31m✗ mandatory`);
    expect(painted).toMatch(/\x1b\[[0-9;]*mFAIL/);
    expect(run({ FORCE_COLOR: "1", NO_COLOR: "1" })).not.toContain(ESC);
    expect(run({ FORCE_COLOR: "1" }, "--no-color", "check", "--state", state)).not.toContain(ESC);
    expect(run({})).not.toContain(ESC);
    const json = run({ FORCE_COLOR: "1" }, "whatif", "--json");
    expect(JSON.parse(json).decidedBy.length).toBeGreaterThan(0);
    expect(json).not.toContain(ESC);
  });

  it("prints what the README's output table says, top-level keys and all, and the exit codes in --help", async () => {
    const readme = readFileSync(join(__dirname, "..", "README.md"), "utf8");
    const shape = (command: string) => {
      const row = readme.split("\n").find((l) => l.startsWith(`| \`${command}\``))!;
      const braces = /`\{ (.*) \}`/.exec(row)![1]!;
      // The top-level keys: what is left at depth 0 once nested shapes and quoted values are dropped.
      let depth = 0;
      let top = "";
      for (const ch of braces.replace(/"[^"]*"/g, '""')) {
        if ("{[".includes(ch)) depth++;
        else if ("}]".includes(ch)) depth--;
        else if (depth === 0) top += ch;
      }
      return top
        .split(",")
        .map((k) => /^\s*(\w+)/.exec(k)![1]!)
        .filter(Boolean);
    };
    const plan = JSON.parse((await ztOnce("plan", "--stack", "fabrikam", "--json")).stdout);
    expect(Object.keys(plan).sort()).toEqual(shape("zt plan --json").sort());
    const whatif = JSON.parse((await zt("whatif", "--json")).stdout);
    expect(Object.keys(whatif).sort()).toEqual(shape("zt whatif --json").sort());
    const help = (await zt("--help")).stdout;
    expect(help).toContain("Exit codes: 0 done and passing; 1 refused");
  });

  it("plans a stack whose Logpush destination is an encrypted config value, without printing it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zt-secret-config-"));
    const doc = parse(readFileSync(join(__dirname, "..", "stacks", "Pulumi.example.yaml"), "utf8"));
    doc.config["zt-baseline:profile"].monitoring.cloudflareLogpush = { destinationFromSecret: "logpushDestination" };
    doc.config["zt-baseline:logpushDestination"] = { secure: "v1:c2VjcmV0LWNpcGhlcnRleHQ=" };
    writeFileSync(join(dir, "Pulumi.example.yaml"), stringify(doc));
    const r = await zt("plan", "--stacks-dir", dir, "--json", "--no-pack");
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    const job = plan.resources.find((x: any) => x.type === "cloudflare:index/logpushJob:LogpushJob");
    expect(job.inputs.destinationConf).toBe("[secret]");
    expect(r.stdout).not.toContain("v1:c2VjcmV0");
  });

  it(
    "writes every command's machine output whole through a slow pipe, and it parses",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "zt-slow-pipe-"));
      // A reader that takes one chunk at a time and sleeps between them, as a busy consumer does.
      const reader = join(dir, "slow-reader.js");
      writeFileSync(
        reader,
        `const chunks = [];
process.stdin.on("data", (c) => { chunks.push(c); process.stdin.pause(); setTimeout(() => process.stdin.resume(), 15); });
process.stdin.on("end", () => process.stdout.write(Buffer.concat(chunks)));`,
      );
      const lock = JSON.parse(readFileSync(join(__dirname, "..", "stacks", "example.posture-lock.json"), "utf8"));
      lock.networkAllows = lock.networkAllows.slice(1);
      writeFileSync(join(dir, "base.json"), JSON.stringify(lock));
      const cases: [string[], number, (out: any) => void][] = [
        [["plan", "--json"], 0, (out) => expect(out.resources.length).toBeGreaterThan(100)],
        [
          ["diff", join(dir, "base.json"), "plan:example", "--format", "sarif"],
          1,
          (out) => expect(out.runs[0].results.length).toBeGreaterThan(0),
        ],
        [["fleet", "plan", "--json"], 0, (out) => expect(out.map((c: any) => c.stack)).toContain("example")],
        [["lock", "--stack", "example", "--print"], 0, (out) => expect(out.version).toBe(2)],
        [
          ["diff", join(dir, "base.json"), "plan:example", "--format", "json"],
          1,
          (out) => expect(out.items.length).toBeGreaterThan(0),
        ],
        [["whatif", "--json"], 0, (out) => expect(out.decidedBy.length).toBeGreaterThan(0)],
        [["policy-config", "--stack", "example"], 0, (out) => expect(Object.keys(out).length).toBeGreaterThan(20)],
        [["fleet", "list", "--json"], 0, (out) => expect(out).toContain("fabrikam")],
      ];
      // Two at a time: each waits on its slow reader much of the time.
      const piped = async ([args, code, check]: (typeof cases)[number], i: number) => {
        const out = join(dir, `out-${i}.json`);
        const child = spawn(
          "bash",
          [
            "-o",
            "pipefail",
            "-c",
            `"$0" "$@" | node ${JSON.stringify(reader)} > ${JSON.stringify(out)}`,
            NODE,
            ...ZT_ARGS,
            ...args,
          ],
          { cwd: join(__dirname, ".."), stdio: "ignore" },
        );
        const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
        expect(status, args.join(" ")).toBe(code);
        check(JSON.parse(readFileSync(out, "utf8")));
      };
      let next = 0;
      const lane = async () => {
        for (let i = next++; i < cases.length; i = next++) await piped(cases[i]!, i);
      };
      await Promise.all([lane(), lane()]);
    },
    SPAWNS_TIMEOUT,
  );

  it("writes a large --json whole through a pipe (no cut at 64 KiB), and exits 0", async () => {
    const r = spawnSync(NODE, [...ZT_ARGS, "plan", "--json"], {
      encoding: "utf8",
      cwd: join(__dirname, ".."),
      maxBuffer: 64 << 20,
    });
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(256 * 1024);
    const plan = JSON.parse(r.stdout);
    expect(plan.resources.length).toBeGreaterThan(100);
    // No secret value is printed: the Logpush destination (a secret input) and the secret outputs are blinded.
    const logpush = plan.resources.find((x: any) => x.type === "cloudflare:index/logpushJob:LogpushJob");
    expect(logpush.inputs.destinationConf).toBe("[secret]");
    expect(plan.outputs.tunnelTokens).toBe("[secret]");
    expect(r.stdout).not.toContain('"1b47061264138c4ac30d75fd1eb44270"');
  });

  it("the README's try-to-break-it snippet works as pasted, and fails as the README shows", async () => {
    const root = join(__dirname, "..");
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("### Try to break it"));
    const [, code] = /```ts\n([\s\S]*?)```/.exec(section)!;
    const [, expected] = /```\n( {2}FAIL[\s\S]*?)```/.exec(section)!;
    const lines = code!.split("\n");
    const entry = readFileSync(join(root, "stacks", "index.ts"), "utf8");
    expect(entry).toContain("const { outputs } = declare();");
    const program = [
      ...lines.filter((l) => l.startsWith("import ")),
      entry.replace("const { outputs } = declare();", lines.filter((l) => !l.startsWith("import ")).join("\n")),
    ].join("\n");
    const file = join(root, "stacks", "readme-snippet.generated.ts");
    writeFileSync(file, program);
    try {
      const { code: exit, stdout } = await zt("plan", "--program", file);
      expect(exit).toBe(1);
      expect(stdout).toContain(expected!.trimEnd());
    } finally {
      rmSync(file);
    }
  });

  it("prints the pack config derived from a profile", async () => {
    const { code, stdout } = await zt("policy-config", "--stack", "example");
    expect(code).toBe(0);
    const config = JSON.parse(stdout);
    expect(config["identity-break-glass-excluded"]).toEqual({
      enforcementLevel: "mandatory",
      breakGlass: {
        groups: ["9e4c2a7b-1f3d-4b6e-8a5c-2d7f0e1b3c94"],
        users: ["0b7e5d3c-2a1f-4e8d-9c6b-4a3f2e1d0c5b", "6d1c9b8a-7e5f-4d3c-2b1a-0f9e8d7c6b5a"],
      },
      exceptions: [],
    });
  });

  it("rejects unknown options as a usage error (exit 2)", async () => {
    const { code, stderr } = await zt("plan", "--stak", "example");
    expect(code).toBe(2);
    expect(stderr).toContain("unknown option '--stak'");
  });

  it("loads Pulumi only for a command that plans: zt diff of files and zt policy-config load none of it", () => {
    // In a process of its own (this one has Pulumi loaded): the @pulumi modules loaded after
    // each action's module, plan's last to show that the count is real.
    const actions = ["diff", "policy-config", "plan"].map((a) => join(__dirname, "..", "cli", "actions", a));
    const counts = spawnSync(
      NODE,
      [
        ...loaderArgsFor(ZT),
        "-e",
        `const pulumi = () => Object.keys(require.cache).filter((k) => k.includes("/@pulumi/")).length;
        process.stdout.write(JSON.stringify(${JSON.stringify(actions)}.map((a) => (require(a), pulumi()))));`,
      ],
      { encoding: "utf8" },
    ).stdout;
    const [diff, policyConfig, plan] = JSON.parse(counts) as number[];
    expect(diff).toBe(0);
    expect(policyConfig).toBe(0);
    expect(plan).toBeGreaterThan(50);
  });

  it("refuses a report format zt diff does not write, naming the flag and the choices, before reading anything (exit 2)", async () => {
    const { code, stderr } = await zt("diff", "missing-before.json", "missing-after.json", "--format", "xml");
    expect(code).toBe(2);
    expect(stderr).toContain("'-f, --format <format>' argument 'xml' is invalid");
    expect(stderr).toContain("text, markdown, sarif, json");
    expect(stderr).not.toContain("missing-before.json");
  });
});
