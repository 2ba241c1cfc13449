import { ztHere } from "./zt-here";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { PackServer } from "../engine/pack-server";
import { packConfigFor } from "../engine/pack-config";
import type { StackPlan } from "../engine/plan-stack";
import { examplePlan } from "./shared-plans";
import { workerPack } from "./worker-pack";

// Every lockfile, state file or preview a user could hand zt broken: refused with the file's name
// and the path of the problem, exit 1 (usage errors exit 2), and nothing written.

const ROOT = join(__dirname, "..");
/** zt in this process (test/zt-here.ts): the same exit code and output as its own process. */
const zt = (...args: string[]) => ztHere(args);
const LOCK = readFileSync(join(ROOT, "stacks", "example.posture-lock.json"), "utf8");
const EXPORT = readFileSync(join(ROOT, "test", "fixtures", "states", "export-hand-written.json"), "utf8");

const dir = mkdtempSync(join(tmpdir(), "zt-bad-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const edited = (text: string, edit: (doc: any) => void) => {
  const doc = JSON.parse(text);
  edit(doc);
  return JSON.stringify(doc, null, 2);
};

const BAD_LOCKS: [string, string, RegExp][] = [
  ["truncated", LOCK.slice(0, 300), /\(file\): not JSON/],
  ["empty", "", /\(file\): the file is empty/],
  [
    "a flow written as a string (the old format)",
    edited(LOCK, (d) => (d.networkAllows[2] = "aws ingress internet>data tcp 5432")),
    /networkAllows\[2\]: /,
  ],
  ["a missing layer", edited(LOCK, (d) => delete d.identity), /identity: /],
  [
    "a port range upside down",
    edited(LOCK, (d) => (d.networkAllows[0].ports = { from: 443, to: 80 })),
    /networkAllows\[0\]\.ports: a port range runs from its lower port/,
  ],
  [
    "an unknown key in a policy",
    edited(LOCK, (d) => ((Object.values(d.identity)[0] as any).enforced = true)),
    /identity\.CA00\d-[\w-]+: unknown key enforced/,
  ],
  ["version 1", edited(LOCK, (d) => (d.version = 1)), /version: version 1 is not the current 2\n.*zt lock --stack/],
];

describe.each(BAD_LOCKS)("a lockfile with %s", async (_title, text, problem) => {
  it("is refused by zt diff with its name and the path of the problem; --out is not written", async () => {
    const lock = file(`lock-${_title.replace(/\W+/g, "-")}.json`, text);
    const out = join(dir, `out-${_title.replace(/\W+/g, "-")}.md`);
    const r = await zt("diff", lock, "plan:example", "--out", out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`zt: ${lock} is not a valid posture lockfile`);
    expect(r.stderr).toMatch(problem);
    expect(r.stderr).not.toMatch(/TypeError|at .*\.ts:\d+/);
    expect(existsSync(out)).toBe(false);
  });
});

describe("a stack's own lockfile, broken", () => {
  const stacks = mkdtempSync(join(tmpdir(), "zt-bad-stacks-"));
  copyFileSync(join(ROOT, "stacks", "Pulumi.example.yaml"), join(stacks, "Pulumi.example.yaml"));
  const lockPath = join(stacks, "example.posture-lock.json");

  it("zt plan and zt check refuse it, naming it", async () => {
    writeFileSync(lockPath, BAD_LOCKS[2]![1]);
    for (const args of [
      ["plan", "--stacks-dir", stacks],
      [
        "check",
        "--state",
        file("example.json", EXPORT.replaceAll("urn:pulumi:prod::", "urn:pulumi:example::")),
        "--stack",
        "example",
        "--stacks-dir",
        stacks,
      ],
    ]) {
      const r = await zt(...args);
      expect(r.status, args[0]).toBe(1);
      expect(r.stderr).toContain(`${lockPath} is not a valid posture lockfile`);
      expect(r.stdout).toBe("");
    }
  });

  it("zt lock --check refuses a truncated one as not a lockfile (not stale), and zt lock replaces it", async () => {
    writeFileSync(lockPath, LOCK.slice(0, 100));
    const check = await zt("lock", "--check", "--stacks-dir", stacks);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(`${lockPath} is not a valid posture lockfile`);
    expect(check.stderr).not.toMatch(/stale/);
    expect((await zt("lock", "--stacks-dir", stacks)).status).toBe(0);
    expect(readFileSync(lockPath, "utf8")).toBe(LOCK);
  });
});

const BAD_STATES: [string, string, RegExp][] = [
  ["truncated", EXPORT.slice(0, 500), /\(file\): not JSON/],
  ["of another version", edited(EXPORT, (d) => (d.version = 2)), /version: expected 3 \(or 4\)/],
  [
    "a resource without a URN",
    edited(EXPORT, (d) => delete d.deployment.resources[2].urn),
    /deployment\.resources\[2\]\.urn: /,
  ],
  [
    "dependencies that are not URNs",
    edited(EXPORT, (d) => (d.deployment.resources[2].propertyDependencies = { ingress: "sg" })),
    /deployment\.resources\[2\]\.propertyDependencies\.ingress: /,
  ],
];

describe.each(BAD_STATES)("a state file %s", async (_title, text, problem) => {
  it("is refused by zt check and zt diff with its name and the path of the problem", async () => {
    const state = file(`state-${_title.replace(/\W+/g, "-")}.json`, text);
    for (const args of [
      ["check", "--state", state],
      ["diff", "stacks/example.posture-lock.json", state],
    ]) {
      const r = await zt(...args);
      expect(r.status, args[0]).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`${state.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} is not a valid`));
      expect(r.stderr).toMatch(problem);
      expect(r.stdout).toBe("");
    }
  });
});

describe("zt diff with one argument", () => {
  it.each([
    ["a lockfile", "stacks/example.posture-lock.json"],
    ["an empty variable", ""],
    ["a plan", "plan:example"],
  ])("refuses %s alone as a usage error (exit 2): it would be compared with itself", async (_t, spec) => {
    const r = await zt("diff", spec);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/zt diff needs two postures/);
  });
});

describe("a hand-edited lockfile in the pack's config", () => {
  let server: PackServer;
  let plan: StackPlan;
  beforeAll(async () => {
    [server, plan] = await Promise.all([workerPack(), examplePlan()]);
  });

  it("fails closed with the path of the problem, and every other policy still judges the stack", async () => {
    const config = packConfigFor(plan.profile, JSON.parse(LOCK)) as any;
    config["posture-within-lock"].lock.networkAllows[1] = "aws ingress internet>data tcp 5432";
    delete config["posture-within-lock"].lock.access;
    await server.configure(config);
    const found = await server.analyzeAll(plan.resources);
    const lock = found.filter((d) => d.policyName === "posture-within-lock");
    expect(lock).toEqual([
      expect.objectContaining({
        enforcementLevel: "mandatory",
        message: expect.stringMatching(
          /config of policy 'posture-within-lock' is invalid \(.*lock\.networkAllows\.1.*lock\.access/,
        ),
      }),
    ]);
    expect(found.filter((d) => d.enforcementLevel === "mandatory" && d.policyName !== "posture-within-lock")).toEqual(
      [],
    );
  });
});

describe("a stack config or a program that cannot be used", () => {
  const stacks = mkdtempSync(join(tmpdir(), "zt-bad-yaml-"));
  const example = readFileSync(join(ROOT, "stacks", "Pulumi.example.yaml"), "utf8");

  it("malformed YAML is refused with the file and where it went wrong (exit 1), nothing planned", async () => {
    writeFileSync(join(stacks, "Pulumi.bad.yaml"), "config:\n  zt-baseline:profile:\n    client: { name: x\n");
    const r = await zt("plan", "--stacks-dir", stacks, "--stack", "bad");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${join(stacks, "Pulumi.bad.yaml")} is not a valid stack config`);
    expect(r.stderr).toMatch(/not YAML: .* at line \d+, column \d+/);
    expect(r.stdout).toBe("");
  });

  it("a profile key set without --path is refused, with the command that sets it", async () => {
    writeFileSync(join(stacks, "Pulumi.dotted.yaml"), `${example}  zt-baseline:profile.identity.licence: P2\n`);
    const r = await zt("plan", "--stacks-dir", stacks, "--stack", "dotted");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      "config.zt-baseline:profile.identity.licence: a profile key set on its own is never read: set it with `pulumi config set --path 'profile.identity.licence' <value>`",
    );
  });

  it("a missing --program is a usage error naming the flag, not Node's require stack", async () => {
    const r = await zt("plan", "--program", "no-such-program.ts");
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("zt: --program no-such-program.ts: no such file\n");
  });

  it("whatif --country refuses a code that is no country (exit 2, naming the flag), before planning", async () => {
    for (const code of ["XX", "UK", "nl"]) {
      const r = await zt("whatif", "--country", code);
      expect(r.status, code).toBe(2);
      expect(r.stderr).toContain(`option '--country <code>' argument '${code}' is invalid`);
      expect(r.stdout).toBe("");
    }
  });
});

describe("fleet flags checked before any client is planned", () => {
  it.each([
    [["fleet", "check", "--state-dir", "/no/such/states"], "zt: --state-dir /no/such/states: no such folder\n"],
    [
      ["fleet", "plan", "--html", "/no/such/folder/fleet.html"],
      "zt: --html /no/such/folder/fleet.html: the folder /no/such/folder does not exist\n",
    ],
    [
      ["fleet", "check", "--state-dir", "stacks", "--markdown", "/no/such/folder/fleet.md"],
      "zt: --markdown /no/such/folder/fleet.md: the folder /no/such/folder does not exist\n",
    ],
  ])("zt %j is a usage error at once", async (args, message) => {
    const r = await zt(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(message);
  });
});
