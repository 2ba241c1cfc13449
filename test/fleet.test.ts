import { ztHere } from "./zt-here";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fleetProgress } from "../cli/progress";
import type { ClientResult } from "../fleet/client-verdict";
import { fleetConflicts } from "../fleet/conflicts";
import { planFleet } from "../fleet/fleet-plan";
import { planStack } from "../engine/plan-stack";
import type { PlannedResource } from "../posture/resource";
import { parseProfile } from "../profile";
import { exampleProfile, minimalProfile } from "./fixtures";

/** zt in this process (test/zt-here.ts): the same exit code and output as its own process. */
const zt = (...args: string[]) => ztHere(args);

const guid = (n: number, k: number) => `${String(n).padStart(8, "0")}-0000-4000-8000-${String(k).padStart(12, "0")}`;

describe("fleet isolation", () => {
  it("names every id two clients share, and the stacks that share it", async () => {
    const a = parseProfile(exampleProfile());
    const b = parseProfile({
      ...minimalProfile(),
      identity: { tenantId: a.identity.tenantId, breakGlass: { groupId: guid(9, 9) } },
    });
    expect(
      fleetConflicts(
        new Map([
          ["a", a],
          ["b", b],
        ]),
      ),
    ).toEqual([{ key: "identity.tenantId", value: a.identity.tenantId, stacks: ["a", "b"] }]);
  });
});

describe("an MSP's first day, as a new user would do it", () => {
  it("scaffolds three clients, plans the fleet, then sees exactly the broken client fail", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zt-fleet-"));
    for (const [i, name] of ["northwind", "tailspin", "woodgrove"].entries()) {
      const r = await zt(
        "new-client",
        name,
        "--stacks-dir",
        dir,
        "--tenant",
        guid(i + 1, 1),
        "--break-glass-group",
        guid(i + 1, 2),
        "--no-plan",
      );
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain(`wrote ${join(dir, `Pulumi.${name}.yaml`)}`);
    }
    const again = await zt(
      "new-client",
      "tailspin",
      "--stacks-dir",
      dir,
      "--tenant",
      guid(7, 1),
      "--break-glass-group",
      guid(7, 2),
      "--no-plan",
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists: a client is never overwritten/);

    const page = join(dir, "fleet.md");
    const green = await zt("fleet", "plan", "--stacks-dir", dir, "--markdown", page);
    expect(green.status, green.stderr).toBe(0);
    const markdown = readFileSync(page, "utf8");
    // Minimal profiles: P1 (risk controls not declared), report-only rollout, 13 of the 19 SMB policies report-only, the strict one absent.
    expect(markdown).toMatch(
      /^\| northwind \| R \| R \| R \| R \| – \| R \| R \| – \| R \| R \| R \| – \| – \| – \| R \| ✓ \| ✓ \| R \| R \| R \| 5 \| 0 \| 0 \| 0 \| no lock \| ok \|$/m,
    );
    expect(green.stdout).toMatch(/^northwind +northwind +\d+ +0 +\d+ +no lock +ok$/m);
    expect(green.stdout.match(/ ok$/gm)).toHaveLength(3);

    const file = join(dir, "Pulumi.tailspin.yaml");
    writeFileSync(
      file,
      readFileSync(file, "utf8")
        .replace("rollout", "rolout")
        .replace(/tenantId: .*/, "tenantId: not-a-guid"),
    );
    const report = join(dir, "fleet.html");
    const red = await zt("fleet", "plan", "--stacks-dir", dir, "--html", report);
    expect(red.status).toBe(1);
    expect(red.stdout).toMatch(/^tailspin +- +0 +0 +0 +no lock +FAIL$/m);
    expect(red.stdout).toContain(`tailspin: Invalid zero-trust profile (${join(dir, "Pulumi.tailspin.yaml")}):`);
    expect(red.stdout).toContain("identity.tenantId: expected a GUID");
    expect(red.stdout.match(/ ok$/gm)).toHaveLength(2);
    expect(red.stderr).toMatch(/refused: 1 of 3 client\(s\) failed/);
    // The page is written even when a client fails (that is when it is needed most), failing first.
    const html = readFileSync(report, "utf8");
    expect(html.match(/<tr data-stack="[a-z]+" class="(passing|failing)">/g)).toEqual([
      '<tr data-stack="tailspin" class="failing">',
      '<tr data-stack="northwind" class="passing">',
      '<tr data-stack="woodgrove" class="passing">',
    ]);
    expect(html).toContain("identity.tenantId: expected a GUID");
  });

  it("refuses a new client that reuses another client's tenant", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zt-fleet-"));
    writeFileSync(
      join(dir, "Pulumi.example.yaml"),
      readFileSync(join(__dirname, "..", "stacks", "Pulumi.example.yaml"), "utf8"),
    );
    const r = await zt(
      "new-client",
      "copycat",
      "--stacks-dir",
      dir,
      "--tenant",
      exampleProfile().identity.tenantId,
      "--break-glass-group",
      guid(5, 5),
      "--no-plan",
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/identity\.tenantId: 3f2b6c1e-8a4d-4f7b-9c2e-5d1a0b9e7f42 already belongs to example/);
  });

  // GUIDs (and Azure ids) compare case-insensitively: the same id in upper case is the same id.
  it.each([
    ["identity.tenantId", "--tenant", () => exampleProfile().identity.tenantId],
    ["identity.breakGlass.groupId", "--break-glass-group", () => exampleProfile().identity.breakGlass.groupId],
    ["identity.breakGlass.accounts", "--break-glass-account", () => exampleProfile().identity.breakGlass.accounts[0]],
    ["network.azure.subscriptionId", "--azure-subscription", () => exampleProfile().network.azure.subscriptionId],
  ])("refuses another client's %s in upper case", async (key, flag, id) => {
    const dir = mkdtempSync(join(tmpdir(), "zt-fleet-case-"));
    copyFileSync(join(__dirname, "..", "stacks", "Pulumi.example.yaml"), join(dir, "Pulumi.example.yaml"));
    const own = new Map([
      ["--tenant", guid(6, 1)],
      ["--break-glass-group", guid(6, 2)],
    ]);
    own.set(flag, id().toUpperCase());
    const azure =
      flag === "--azure-subscription" ? ["--azure-resource-group", "rg-copycat", "--azure-location", "westeurope"] : [];
    const args = [...own].flat();
    const r = await zt("new-client", "copycat", "--stacks-dir", dir, ...args, ...azure, "--no-plan");
    expect(r.stderr).toContain(`${key}: ${id().toLowerCase()} already belongs to example`);
    expect(r.status).toBe(1);
    expect(existsSync(join(dir, "Pulumi.copycat.yaml"))).toBe(false);
  });

  it("refuses a flag with a control character (a newline would write keys of its own), naming the flag", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zt-fleet-nl-"));
    const r = await zt(
      "new-client",
      "acme",
      "--stacks-dir",
      dir,
      "--tenant",
      guid(7, 1),
      "--break-glass-group",
      guid(7, 2),
      "--display-name",
      "Acme\nenvironment:\n  - evil-env",
      "--no-plan",
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/option '--display-name <text>' argument .* is invalid\. control characters/s);
    expect(existsSync(join(dir, "Pulumi.acme.yaml"))).toBe(false);
  });
});

describe("zt fleet check --state-dir", () => {
  /** What `pulumi stack export` holds after an `up` of this plan (apitype.UntypedDeployment v3). */
  const exportOf = (resources: readonly PlannedResource[]) => ({
    version: 3,
    deployment: {
      manifest: { time: "2026-11-22T00:00:00Z", magic: "", version: "v3.270.0" },
      resources: resources.map((r) => ({ ...r, inputs: r.inputs, outputs: r.inputs })),
    },
  });

  it("checks each client's deployed state with its own profile; a missing or violating state fails only that client", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zt-fleet-check-"));
    const states = join(dir, "states");
    mkdirSync(states);
    const stacks = join(__dirname, "..", "stacks");
    for (const s of ["example", "fabrikam"])
      copyFileSync(join(stacks, `Pulumi.${s}.yaml`), join(dir, `Pulumi.${s}.yaml`));
    copyFileSync(join(stacks, "example.posture-lock.json"), join(dir, "example.posture-lock.json"));
    const fabrikamYaml = readFileSync(join(stacks, "Pulumi.fabrikam.yaml"), "utf8");
    for (const [i, name] of ["northwind", "woodgrove"].entries()) {
      writeFileSync(
        join(dir, `Pulumi.${name}.yaml`),
        fabrikamYaml
          .replace("name: fabrikam", `name: ${name}`)
          .replace(/tenantId: .*/, `tenantId: ${guid(3 + i, 1)}`)
          .replace(/groupId: .*/, `groupId: ${guid(3 + i, 2)}`),
      );
    }
    // fabrikam is deployed as planned; example's state has a hand-made SSH-from-anywhere rule and an
    // admin user; northwind has no state; woodgrove's file holds fabrikam's state.
    const fabrikamState = JSON.stringify(exportOf((await planStack(dir, "fabrikam")).resources));
    writeFileSync(join(states, "fabrikam.json"), fabrikamState);
    writeFileSync(join(states, "woodgrove.json"), fabrikamState);
    writeFileSync(
      join(states, "example.json"),
      readFileSync(join(__dirname, "fixtures", "states", "export-hand-written.json"), "utf8").replaceAll(
        "urn:pulumi:prod::",
        "urn:pulumi:example::",
      ),
    );
    writeFileSync(join(states, "retired-client.json"), JSON.stringify(exportOf([])));

    const r = await zt("fleet", "check", "--stacks-dir", dir, "--state-dir", states, "--json");
    expect(r.status).toBe(1);
    const results = JSON.parse(r.stdout) as ClientResult[];
    expect(results.map((x) => [x.stack, x.failure ?? "ok"])).toEqual([
      [
        "example",
        expect.stringMatching(
          /^\d+ mandatory policy violation\(s\): .*network-no-admin-ports-from-internet on \w+ '[^']+'.*; \d+ widening change\(s\) against the lockfile: \S/,
        ),
      ],
      ["fabrikam", "ok"],
      [
        "northwind",
        `no deployed state to check: ${join(states, "northwind.json")} is missing (write it with \`pulumi stack export --stack northwind --file ${join(states, "northwind.json")}\`)`,
      ],
      ["woodgrove", `${join(states, "woodgrove.json")} holds the state of stack fabrikam, not woodgrove`],
    ]);
    expect(results[0]!.violations.map((v) => v.policyName)).toEqual(
      expect.arrayContaining(["network-no-admin-ports-from-internet", "privilege-no-wildcard-admin-for-people"]),
    );
    expect(results[1]!.resources).toBeGreaterThan(10);
    expect(r.stderr).toContain(`warning: retired-client.json matches no client stack in ${dir}; not checked`);
  });
});

describe("fleet progress", () => {
  const result = (stack: string, failure?: string) =>
    ({
      stack,
      resources: 1,
      mandatory: 0,
      advisory: 0,
      violations: [],
      ...(failure ? { failure } : {}),
    }) as ClientResult;
  const run = (isTTY: boolean) => {
    let out = "";
    const report = fleetProgress({ isTTY, columns: 80, write: (t) => (out += t) });
    report.start(4, "planning");
    report(1, 4, result("a"));
    report(2, 4, result("b", "2 mandatory policy violation(s)\nmore"));
    report(3, 4, result("c"));
    report(4, 4, result("d"));
    return out;
  };

  it("draws one bar in place on a terminal, printing failures above it as they come", async () => {
    const out = run(true);
    expect(out.startsWith("\r\x1b[2K[░░░░░░░░░░░░░░░░░░░░░░░░] 0/4  planning…\r")).toBe(true);
    expect(out).toContain("\r\x1b[2K✗ b: 2 mandatory policy violation(s)\n");
    expect(out).toContain("\r\x1b[2K[██████░░░░░░░░░░░░░░░░░░] 1/4  0 failing  a ok");
    expect(out.endsWith("\r\x1b[2K[████████████████████████] 4/4  1 failing  d ok\n")).toBe(true);
    expect(out.split("\n")).toHaveLength(3); // the failure line, the final bar, and nothing else scrolled
  });

  it("writes one plain line per client elsewhere (CI logs)", async () => {
    expect(run(false)).toBe("[1/4] a: ok\n[2/4] b: FAIL\n[3/4] c: ok\n[4/4] d: ok\n");
  });
});

describe("zt fleet plan fails closed", () => {
  it("refuses a worker count that is not a whole number instead of planning nothing and passing", async () => {
    const r = await zt("fleet", "plan", "-j", "abc");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("expected a whole number, 1 or more");
  });

  it("refuses an empty or missing stacks folder instead of passing an empty fleet", async () => {
    const empty = mkdtempSync(join(tmpdir(), "zt-empty-"));
    for (const args of [["plan"], ["check", "--state-dir", empty]]) {
      const r = await zt("fleet", ...args, "--stacks-dir", empty);
      const command = args[0];
      expect(r.status, command).toBe(2);
      expect(r.stderr).toContain(`no client stacks in ${empty}: expected Pulumi.<stack>.yaml files`);
    }
    const missing = await zt("fleet", "plan", "--stacks-dir", join(empty, "nope"));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`${join(empty, "nope")} does not exist`);
  });

  it("fails every client a pool never reports", async () => {
    const results = await planFleet({ stacksDir: join(__dirname, "..", "stacks"), concurrency: 0 });
    expect(results.map((r) => [r.stack, r.failure])).toEqual([
      ["example", "was never planned"],
      ["fabrikam", "was never planned"],
    ]);
  });
});
