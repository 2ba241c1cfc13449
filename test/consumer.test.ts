import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PackServer } from "../engine/pack-server";
import { packConfigFor } from "../engine/pack-config";
import { parseProfile } from "../profile";
import { POLICY_IDS } from "../catalog/policy-ids";
import { exampleProfile } from "./fixtures";
import { handWritten } from "./pack-harness";
import { PULUMI_TEMPLATE_TSCONFIG } from "../cli/init-templates";

// The package as platform teams get it: `npm pack`, then installed into a Pulumi TypeScript
// project named corp-infra that cannot see this repository's sources, only the tarball and the
// registry's packages. There: the project's own `tsc`, its compiled program under Pulumi's mocks,
// `npx zt`, and the pack served from node_modules as `pulumi preview --policy-pack` starts it.

const ROOT = join(__dirname, "..");
const OWN = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  version: string;
  peerDependencies: Record<string, string>;
};
/** Tests that run several processes one after another: a minute is not enough on a slow 2-core machine. */
const SPAWNS_TIMEOUT = 180_000;
let work: string;
let project: string;
let compiled: ReturnType<typeof spawnSync>;
let tarball: string;

/** Runs a command in the consumer project; npm's own variables of this run stay out of it. */
function inProject(cmd: string, args: string[], env: Record<string, string> = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("npm_")));
  return spawnSync(cmd, args, { cwd: project, encoding: "utf8", env: { ...clean, ...env }, timeout: 240_000 });
}

/**
 * The tsconfig `pulumi new typescript` writes (pulumi/templates), declarations checked (no
 * skipLibCheck, unlike `zt init`'s): the package's own must compile there. The subpaths file sits
 * beside the program: one compile checks both (a second tsc over the SDKs' declarations cost ~10 s).
 */
const PULUMI_TSCONFIG = JSON.stringify(
  { ...PULUMI_TEMPLATE_TSCONFIG, files: [...PULUMI_TEMPLATE_TSCONFIG.files, "subpaths.ts"] },
  null,
  2,
);

/** The README's "An existing project" program, as written: the consumer's index.ts. */
const README = readFileSync(join(ROOT, "README.md"), "utf8");
const PROGRAM = /\*\*An existing project\.\*\*[\s\S]*?```ts\n([\s\S]*?)```/.exec(README)![1]!;

/** The documented subpaths, type-checked beside it. */
const SUBPATHS = `import type { ClientProfile } from "zt-baseline/profile";
import { CONTROLS } from "zt-baseline/catalog";
import { postureOf } from "zt-baseline/posture";
export const ids: string[] = CONTROLS.map((c) => c.id);
export const read = (p: ClientProfile) => [p.client.name, postureOf([]).network.rules.length];
`;

/** Runs the compiled program under the project's own Pulumi mocks; prints the registered types. */
const RUN_UNDER_MOCKS = `const pulumi = require("@pulumi/pulumi");
const types = [];
pulumi.runtime.setMocks(
  { newResource: (a) => { types.push(a.type); return { id: a.name + "-id", state: a.inputs }; }, call: (a) => a.inputs },
  "corp-infra", "dev", false,
);
pulumi.runtime.setAllConfig({ "corp-infra:profile": process.env.PROFILE });
require("./bin/index.js");
// Once the program's registrations have all settled, the event loop drains: print then.
process.once("beforeExit", () => process.stdout.write(JSON.stringify(types)));
`;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "zt-consumer-"));
  const packed = execFileSync("npm", ["pack", "--silent", "--pack-destination", work], {
    cwd: ROOT,
    encoding: "utf8",
  });
  tarball = join(work, packed.trim().split("\n").pop()!);
  project = join(work, "corp-infra");
  mkdirSync(project);
  const files: Record<string, string> = {
    "package.json": JSON.stringify({
      name: "corp-infra",
      private: true,
      main: "index.ts",
      // As `npm install ../zt-baseline-<version>.tgz` writes it.
      dependencies: {
        "zt-baseline": `file:../${basename(tarball)}`,
        "@pulumi/pulumi": OWN.peerDependencies["@pulumi/pulumi"],
      },
      // As the template pins them.
      devDependencies: { typescript: "^5.0.0", "@types/node": "^18" },
    }),
    "Pulumi.yaml": "name: corp-infra\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n",
    "tsconfig.json": PULUMI_TSCONFIG,
    "index.ts": PROGRAM,
    "subpaths.ts": SUBPATHS,
    "run-under-mocks.js": RUN_UNDER_MOCKS,
    // The example's stack config, in this project's namespace.
    "Pulumi.dev.yaml": readFileSync(join(ROOT, "stacks", "Pulumi.example.yaml"), "utf8").replace(
      "zt-baseline:profile",
      "corp-infra:profile",
    ),
    // A key in another project's namespace is not this project's profile.
    "Pulumi.wrong.yaml": readFileSync(join(ROOT, "stacks", "Pulumi.example.yaml"), "utf8"),
  };
  for (const [f, text] of Object.entries(files)) writeFileSync(join(project, f), text);
  const install = inProject("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"]);
  if (install.status !== 0) throw new Error(`npm install in the consumer failed:\n${install.stderr}`);
  // The project's own build, as `pulumi up` runs it: checks the README's program and emits bin/.
  compiled = inProject("npx", ["tsc", "-p", "tsconfig.json"]);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("a consumer project that installs the tarball", () => {
  it("ships the build, the bin and the pack, and none of this repository's tests, CI or stack configs", () => {
    const listed = execFileSync(
      "tar",
      [
        "-tzf",
        join(
          work,
          readdirSync(work).find((f) => f.endsWith(".tgz"))!,
        ),
      ],
      { encoding: "utf8" },
    ).split("\n");
    for (const f of [
      "package/dist/index.js",
      "package/dist/index.d.ts",
      "package/dist/cli/zt.js",
      "package/dist/cli/bin.js",
      "package/policy-packs/zero-trust/bin/index.js",
      "package/policy-packs/zero-trust/PulumiPolicy.yaml",
      "package/policy-packs/zero-trust/package.json",
    ])
      expect(listed, f).toContain(f);
    expect(listed.filter((f) => /^package\/(test|stacks|\.ci|bench|scripts)\//.test(f))).toEqual([]);
    // The pack says the version of the package it ships in.
    const pack = JSON.parse(readFileSync(join(ROOT, "policy-packs", "zero-trust", "package.json"), "utf8"));
    expect(pack.version).toBe(OWN.version);
    expect(listed.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
  });

  it("type-checks the README's program as written, and the subpaths, with Pulumi's TypeScript template tsconfig", () => {
    expect(PROGRAM).toContain('from "zt-baseline"');
    expect(`${compiled.stdout}${compiled.stderr}`, "tsconfig.json").toBe("");
    expect(compiled.status, "tsconfig.json").toBe(0);
    expect(PULUMI_TEMPLATE_TSCONFIG.files).toEqual(["index.ts"]);
    expect(readdirSync(join(project, "bin"))).toEqual(expect.arrayContaining(["index.js", "subpaths.js"]));
  });

  it("runs the compiled program under the project's own Pulumi mocks and registers the baseline", () => {
    expect(compiled.status).toBe(0); // emitted bin/index.js
    const run = inProject("node", ["run-under-mocks.js"], { PROFILE: JSON.stringify(exampleProfile()) });
    expect(run.stderr).toBe("");
    const types = JSON.parse(run.stdout) as string[];
    expect(types).toContain("zt-baseline:index:ZeroTrustBaseline");
    expect(types.filter((t) => t === "azuread:index/conditionalAccessPolicy:ConditionalAccessPolicy")).toHaveLength(19);
    expect(types).toContain("aws:ec2/securityGroup:SecurityGroup");
    expect(types).toContain("azure-native:network:NetworkSecurityGroup");
  });

  it("npx zt --version and npx zt-baseline --version print the installed version", () => {
    for (const bin of ["zt", "zt-baseline"]) {
      const v = inProject("npx", ["--no-install", bin, "--version"]);
      expect(v.status, bin).toBe(0);
      expect(v.stdout.trim(), bin).toBe(OWN.version);
    }
  });

  // The machine's own Node, where it is older than engines allows (20.20 here; CI installs 22).
  const OLD_NODE = ["/usr/bin/node", "/usr/local/bin/node"].find((n) => {
    const v = spawnSync(n, ["-p", "process.versions.node"], { encoding: "utf8" }).stdout?.trim();
    return (
      v &&
      /^(\d+)\.(\d+)/.test(v) &&
      (Number(v.split(".")[0]) < 22 || (v.startsWith("22.") && Number(v.split(".")[1]) < 12))
    );
  });
  it.skipIf(!OLD_NODE)("the installed zt-baseline refuses an older Node in one line, exit 2, no stack trace", () => {
    const r = inProject(OLD_NODE!, [join("node_modules", ".bin", "zt-baseline"), "plan", "--stack", "dev"]);
    expect(r.stderr).toMatch(/^zt: zt-baseline needs Node\.js 22\.12 or later; this is Node\.js \d+\.\d+\.\d+\.\n$/);
    expect(r.stdout).toBe("");
    expect(r.status).toBe(2);
  });

  it("npx zt plan plans the project's own program from its Pulumi.yaml and config namespace, and passes", () => {
    const plan = inProject("npx", ["zt", "plan", "--stack", "dev"]);
    expect(plan.stderr).not.toMatch(/Error|required/);
    expect(plan.stdout).toContain("contoso");
    expect(plan.stdout).toMatch(/zero-trust \S+ · 37 policies · served by run-policy-pack/);
    expect(plan.stdout).toContain("PASS");
    expect(plan.status).toBe(0);
  });

  it("npx zt plan names the project's own key when a stack holds another project's", () => {
    const plan = inProject("npx", ["zt", "plan", "--stack", "wrong"]);
    expect(plan.status).toBe(1);
    expect(plan.stderr).toContain("corp-infra:profile");
  });

  it(
    "npx zt-baseline init takes an empty folder to a project that installs zt-baseline from where it came, plans offline, with its first lockfile and a PR workflow",
    () => {
      const tenant = "11111111-2222-4333-8444-555555555555";
      const group = "66666666-7777-4888-9999-000000000000";
      const initEdge = () =>
        inProject("npx", [
          "--no-install",
          "zt-baseline",
          "init",
          "../edge",
          "--client",
          "acme",
          "--tenant",
          tenant,
          "--break-glass-group",
          group,
        ]);
      const init = initEdge();
      expect(init.stderr).toBe("");
      expect(init.status).toBe(0);
      const edge = join(work, "edge");
      for (const f of [
        "Pulumi.yaml",
        "package.json",
        "tsconfig.json",
        "index.ts",
        "Pulumi.acme.yaml",
        "acme.posture-lock.json",
      ])
        expect(readdirSync(edge), f).toContain(f);
      expect(readFileSync(join(edge, ".github", "workflows", "zero-trust.yml"), "utf8")).toContain(
        "node_modules/zt-baseline/policy-packs/zero-trust",
      );
      expect(readFileSync(join(edge, "Pulumi.acme.yaml"), "utf8")).toContain("edge:profile:");
      // Pulumi's template, with the SDKs' declarations left unchecked (see tsconfigJson).
      expect(JSON.parse(readFileSync(join(edge, "tsconfig.json"), "utf8")).compilerOptions).toEqual({
        ...PULUMI_TEMPLATE_TSCONFIG.compilerOptions,
        skipLibCheck: true,
      });
      // The dependency resolves: the tarball this zt was installed from, its path seen from the new folder.
      const manifest = JSON.parse(readFileSync(join(edge, "package.json"), "utf8"));
      expect(manifest.dependencies["zt-baseline"]).toBe(`file:../${basename(tarball)}`);
      expect(init.stdout).toContain(`npx zt-baseline plan --stack acme`);
      // The project's own `npm install`, then the scaffold plans, passes and matches its lockfile.
      const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("npm_")));
      const install = spawnSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], {
        cwd: edge,
        encoding: "utf8",
        env: clean,
        timeout: 240_000,
      });
      expect(install.stderr).toBe("");
      expect(install.status).toBe(0);
      expect(readdirSync(join(edge, "node_modules"))).not.toContain("zt");
      const inEdge = (...args: string[]) =>
        spawnSync("npx", ["--no-install", "zt-baseline", ...args], {
          cwd: edge,
          encoding: "utf8",
          env: clean,
          timeout: 120_000,
        });
      const tsc = spawnSync("npx", ["tsc", "-p", "."], { cwd: edge, encoding: "utf8", timeout: 120_000 });
      expect(tsc.stdout + tsc.stderr).toBe("");
      const plan = inEdge("plan", "--stack", "acme");
      expect(plan.stdout).toContain("PASS");
      expect(plan.status).toBe(0);
      const check = inEdge("lock", "--stack", "acme", "--check");
      expect(check.stdout).toContain("is up to date");
      expect(check.status).toBe(0);
      // Never over what is there.
      const again = initEdge();
      expect(again.status).toBe(1);
      expect(again.stderr).toContain("is not empty");
    },
    2 * SPAWNS_TIMEOUT, // and an npm install
  );

  it("serves the shipped pack from node_modules with the project's run-policy-pack, and it blocks", async () => {
    const server = await PackServer.start(join(project, "node_modules", "zt-baseline", "policy-packs", "zero-trust"), {
      runPolicyPack: join(project, "node_modules", "@pulumi", "pulumi", "cmd", "run-policy-pack"),
    });
    try {
      const info = await server.info();
      expect(info.policies.map((p) => p.name).sort()).toEqual([...POLICY_IDS, "pack-notices"].sort());
      await server.configure(packConfigFor(parseProfile(exampleProfile())));
      const ssh = handWritten("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "ssh-anywhere", {
        securityGroupId: "sg-0123456789abcdef0",
        cidrIpv4: "0.0.0.0/0",
        ipProtocol: "tcp",
        fromPort: 22,
        toPort: 22,
      });
      const mandatory = (await server.analyzeAll([ssh])).filter((d) => d.enforcementLevel === "mandatory");
      expect(mandatory.map((d) => d.policyName)).toContain("network-no-admin-ports-from-internet");
    } finally {
      await server.stop();
    }
  });
});
