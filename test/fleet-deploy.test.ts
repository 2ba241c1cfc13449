// `zt fleet preview/up` orchestration, offline: a fake workspace stands in for the Automation API
// (the type-checker holds the real `Stack` to the same interface in fleet/deploy/workspace.ts).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { PACK_DIR } from "../engine/build-pack";
import { nodeArgsFor } from "../engine/typescript";
import { deploySummary } from "../cli/actions/fleet-deploy";
import { deployFleet, type DeployOp, type DeployOptions } from "../fleet/deploy/deploy-fleet";
import type { DeployRunOptions, FleetWorkspace } from "../fleet/deploy/workspace";
import { packConfigFor } from "../engine/pack-config";
import { parseProfile } from "../profile";
import { minimalProfile } from "./fixtures";

const guid = (n: number, k: number) => `${String(n).padStart(8, "0")}-0000-4000-8000-${String(k).padStart(12, "0")}`;
const CLIENTS = ["alpine", "birch", "cedar", "dogwood", "elm"];

function client(i: number, name: string) {
  return { client: { name }, identity: { tenantId: guid(i + 1, 1), breakGlass: { groupId: guid(i + 1, 2) } } };
}

/** A stacks folder with five valid clients, plus whatever `extra` adds. */
function fleetDir(extra: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "zt-deploy-"));
  const stacks = { ...Object.fromEntries(CLIENTS.map((n, i) => [n, client(i, n)])), ...extra };
  for (const [name, profile] of Object.entries(stacks)) {
    writeFileSync(join(dir, `Pulumi.${name}.yaml`), stringify({ config: { "zt-baseline:profile": profile } }));
  }
  return dir;
}

interface Call {
  readonly stack: string;
  readonly op: DeployOp;
  readonly opts: DeployRunOptions;
}

/** Records every call and the peak number of operations in flight; `failing` clients throw like the CLI does. */
function fakeWorkspace(failing: Record<string, string> = {}, ms = 25) {
  const calls: Call[] = [];
  let inFlight = 0;
  let peak = 0;
  const run = async <T>(stack: string, op: DeployOp, opts: DeployRunOptions, result: T): Promise<T> => {
    calls.push({ stack, op, opts });
    peak = Math.max(peak, ++inFlight);
    try {
      opts.onOutput?.(`Previewing update (${stack})\n`);
      await new Promise((r) => setTimeout(r, ms));
      if (failing[stack]) throw new Error(`code: 255\n stdout: \n stderr: ${failing[stack]}\n`);
      return result;
    } finally {
      inFlight--;
    }
  };
  const workspace: FleetWorkspace = {
    stack: async (stack) => ({
      preview: (opts) => run(stack, "preview", opts, { changeSummary: { create: 42 } }),
      up: (opts) => run(stack, "up", opts, { summary: { result: "succeeded", resourceChanges: { create: 42 } } }),
    }),
  };
  return { workspace, calls, peak: () => peak };
}

const options = (dir: string, workspace: FleetWorkspace, more: Partial<DeployOptions> = {}): DeployOptions => ({
  op: "up",
  stacksDir: dir,
  workspace,
  packDir: PACK_DIR,
  outDir: join(dir, "out"),
  parallel: 2,
  ...more,
});

describe("zt fleet up/preview orchestration (fake workspace)", () => {
  it("runs every client, `parallel` at a time, in stack order, and one failure stops no other", async () => {
    const dir = fleetDir();
    const fake = fakeWorkspace({ birch: "error: preview failed\n  mandatory: network-no-any-port-rules" });
    const results = await deployFleet(options(dir, fake.workspace, { parallel: 2 }));
    expect(fake.peak()).toBe(2);
    expect(fake.calls.map((c) => c.stack)).toEqual(CLIENTS);
    expect(results.map((r) => [r.stack, r.status])).toEqual([
      ["alpine", "succeeded"],
      ["birch", "failed"],
      ["cedar", "succeeded"],
      ["dogwood", "succeeded"],
      ["elm", "succeeded"],
    ]);
    expect(results[1]!.error).toBe("error: preview failed · mandatory: network-no-any-port-rules");
    expect(readFileSync(results[1]!.log!, "utf8")).toBe("Previewing update (birch)\n");
  });

  it("never exceeds its parallelism, whatever it is", async () => {
    for (const parallel of [1, 3, 8]) {
      const fake = fakeWorkspace({}, 10);
      await deployFleet(options(fleetDir(), fake.workspace, { parallel, op: "preview" }));
      expect(fake.peak()).toBe(Math.min(parallel, CLIENTS.length));
    }
  });

  it("enforces the zero-trust pack on every run, configured from that client's own profile", async () => {
    const dir = fleetDir();
    const fake = fakeWorkspace();
    await deployFleet(options(dir, fake.workspace, { op: "preview", refresh: true }));
    for (const [i, name] of CLIENTS.entries()) {
      const call = fake.calls.find((c) => c.stack === name)!;
      expect(call.op).toBe("preview");
      expect(call.opts.refresh).toBe(true);
      expect(call.opts.policyPacks).toEqual([PACK_DIR]);
      const config = JSON.parse(readFileSync(call.opts.policyPackConfigs[0]!, "utf8"));
      expect(config).toEqual(JSON.parse(JSON.stringify(packConfigFor(parseProfile(client(i, name))))));
    }
  });

  it("refuses invalid profiles and clients sharing ids before anything is sent to Pulumi", async () => {
    const broken = { ...minimalProfile(), client: { name: "fir" }, identity: { tenantId: "nope", breakGlass: {} } };
    const copycat = client(9, "gum");
    copycat.identity.tenantId = guid(1, 1); // alpine's tenant
    const dir = fleetDir({ fir: broken, gum: copycat });
    const fake = fakeWorkspace();
    const results = await deployFleet(options(dir, fake.workspace));
    const byStack = new Map(results.map((r) => [r.stack, r]));
    expect(fake.calls.map((c) => c.stack).sort()).toEqual(["birch", "cedar", "dogwood", "elm"]);
    expect(byStack.get("fir")!.status).toBe("refused");
    expect(byStack.get("fir")!.error).toContain("identity.tenantId: expected a GUID");
    expect(byStack.get("gum")!.error).toBe(`identity.tenantId ${guid(1, 1)} is also used by alpine: client isolation`);
    expect(byStack.get("alpine")!.error).toBe(`identity.tenantId ${guid(1, 1)} is also used by gum: client isolation`);
  });

  it("runs canaries first and alone; a failing canary holds back the rest of the fleet", async () => {
    const green = fakeWorkspace();
    await deployFleet(options(fleetDir(), green.workspace, { canary: ["dogwood"], parallel: 4 }));
    expect(green.calls[0]!.stack).toBe("dogwood");
    expect(green.calls.slice(1).map((c) => c.stack)).toEqual(["alpine", "birch", "cedar", "elm"]);

    const red = fakeWorkspace({ dogwood: "error: update failed" });
    const results = await deployFleet(options(fleetDir(), red.workspace, { canary: ["dogwood"] }));
    expect(red.calls.map((c) => c.stack)).toEqual(["dogwood"]);
    expect(results.filter((r) => r.status === "skipped").map((r) => r.stack)).toEqual([
      "alpine",
      "birch",
      "cedar",
      "elm",
    ]);
    expect(results[0]!.error).toBe("not started: canary dogwood failed");
  });

  it("names an unknown client in --only or --canary instead of running a partial fleet", async () => {
    const fake = fakeWorkspace();
    await expect(deployFleet(options(fleetDir(), fake.workspace, { canary: ["oak"] }))).rejects.toThrow(
      /no client stack "oak" in .* \(known: alpine, birch, cedar, dogwood, elm\)/,
    );
    await expect(
      deployFleet(options(fleetDir(), fake.workspace, { only: ["alpine", "birch"], canary: ["cedar"] })),
    ).rejects.toThrow("canary cedar is not among --only alpine,birch");
    expect(fake.calls).toEqual([]);
  });

  it("runs only the clients --only names", async () => {
    const fake = fakeWorkspace();
    const results = await deployFleet(options(fleetDir(), fake.workspace, { only: ["elm", "birch"] }));
    expect(results.map((r) => r.stack)).toEqual(["birch", "elm"]);
    expect(fake.calls.map((c) => c.stack)).toEqual(["birch", "elm"]);
  });

  it("ends with a summary: every client, its changes, and why each failed one failed", async () => {
    const dir = fleetDir();
    const results = await deployFleet(options(dir, fakeWorkspace({ elm: "error: access denied" }).workspace));
    const text = deploySummary("up", results);
    expect(text).toMatch(/^zt fleet up · 4 of 5 client\(s\) succeeded$/m);
    expect(text).toMatch(/^alpine +succeeded +42 +0 +0 +0 +\d+\.\d$/m);
    expect(text).toMatch(/^elm +failed +- +- +- +- +\d+\.\d$/m);
    expect(text).toContain(`elm (failed): error: access denied\n  full output: ${join(dir, "out", "elm.up.log")}`);
  });
});

describe("zt fleet up/preview from the command line", () => {
  const zt = (...args: string[]) =>
    spawnSync(process.execPath, [...nodeArgsFor(join(__dirname, "..", "cli", "zt.ts")), ...args], {
      encoding: "utf8",
      cwd: join(__dirname, ".."),
      input: "",
      // No pulumi on PATH, as on a machine without the CLI.
      env: { ...process.env, PATH: `${dirname(process.execPath)}:/usr/bin:/bin` },
    });

  it("never deploys unconfirmed: without a terminal, up needs --yes", () => {
    const r = zt("fleet", "up");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("not confirmed: pass --yes to deploy without a terminal");
  });

  it("says what is missing when the Pulumi CLI is not installed", () => {
    const r = zt("fleet", "preview");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no usable `pulumi` was found on PATH .*Install it .*`zt fleet plan` needs no CLI/);
  });
});
