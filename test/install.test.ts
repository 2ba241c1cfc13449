import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { minimumNode, unsupportedNode } from "../cli/bin";
import { installedSpec } from "../cli/install-spec";
import { prWorkflow } from "../cli/init-templates";
import { nodeArgsFor } from "../engine/typescript";
import { expectValidCalls, resolve, ztCalls } from "./cli-calls";

// Installing zt: the commands a user runs, the Node it needs, and the dependency `zt init` writes.

const ROOT = join(__dirname, "..");
const OWN = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  bin: Record<string, string>;
  engines: { node: string };
};
const work = mkdtempSync(join(tmpdir(), "zt-install-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the commands the package installs", () => {
  it("are zt and zt-baseline (what `npx zt-baseline` finds), one entry that checks Node first", () => {
    expect(OWN.bin).toEqual({ zt: "dist/cli/bin.js", "zt-baseline": "dist/cli/bin.js" });
  });
});

describe("an unsupported Node", () => {
  it("reads the minimum from engines", () => {
    expect(minimumNode(OWN.engines.node)).toEqual([22, 12]);
    expect(minimumNode(">=24")).toEqual([24, 0]);
    expect(minimumNode("^22")).toBeUndefined();
  });

  it("is refused below it, and only below it", () => {
    for (const v of ["20.11.0", "20.20.2", "22.11.9", "18.0.0", "21.99.0"])
      expect(unsupportedNode(v, ">=22.12"), v).toBe(
        `zt: zt-baseline needs Node.js 22.12 or later; this is Node.js ${v}.`,
      );
    for (const v of ["22.12.0", "22.23.5", "23.0.0", "24.1.0", "100.0.0"])
      expect(unsupportedNode(v, ">=22.12"), v).toBeUndefined();
  });

  it("gets one line on stderr and exit 2, before any dependency loads", () => {
    // This Node, told it is 20.11 before the entry runs; a require of anything but Node's own
    // modules would show in the trace.
    const preload = join(work, "old-node.cjs");
    writeFileSync(
      preload,
      `Object.defineProperty(process.versions, "node", { value: "20.11.0" });
const Module = require("module");
const load = Module._load;
Module._load = function (request, parent, isMain) {
  const fromZt = !isMain && parent && parent.filename && !parent.filename.includes("node_modules");
  if (fromZt && !request.startsWith("node:") && !Module.builtinModules.includes(request))
    process.stderr.write("loaded " + request + "\\n");
  return load.call(this, request, parent, isMain);
};
`,
    );
    const r = spawnSync(process.execPath, ["--require", preload, ...nodeArgsFor(join(ROOT, "cli", "bin.ts")), "plan"], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.stderr).toBe("zt: zt-baseline needs Node.js 22.12 or later; this is Node.js 20.11.0.\n");
    expect(r.stdout).toBe("");
    expect(r.status).toBe(2);
  });

  it("on a supported Node, the same entry runs zt", () => {
    const r = spawnSync(process.execPath, [...nodeArgsFor(join(ROOT, "cli", "bin.ts")), "--version"], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(r.status).toBe(0);
  });
});

describe("the zt-baseline dependency zt init writes", () => {
  /** A project that installed zt-baseline with `spec`, and the folder init fills beside it. */
  function installedWith(name: string, spec: string | undefined, field = "dependencies") {
    const owner = join(work, name, "owner");
    const root = join(owner, "node_modules", "zt-baseline");
    mkdirSync(root, { recursive: true });
    writeFileSync(
      join(owner, "package.json"),
      JSON.stringify(spec === undefined ? {} : { [field]: { "zt-baseline": spec } }),
    );
    return { root, target: join(work, name, "new", "corp-infra") };
  }

  it("is the tarball the installing project names, its relative path rebased onto the new folder", () => {
    const { root, target } = installedWith("rel", "file:../zt-baseline-0.2.0.tgz");
    // owner/../zt-baseline-0.2.0.tgz seen from new/corp-infra
    expect(installedSpec(root, target)).toBe("file:../../zt-baseline-0.2.0.tgz");
  });

  it("keeps an absolute tarball path, a git URL and a registry range as written", () => {
    for (const spec of [
      "file:/srv/pkgs/zt-baseline-0.2.0.tgz",
      "github:contoso/zt-baseline#v0.2.0",
      "git+https://github.com/contoso/zt-baseline.git#v0.2.0",
      "^0.2.0",
    ]) {
      const { root, target } = installedWith(`keep-${spec.length}`, spec);
      expect(installedSpec(root, target), spec).toBe(spec);
    }
    const dev = installedWith("dev", "file:/x/zt.tgz", "devDependencies");
    expect(installedSpec(dev.root, dev.target)).toBe("file:/x/zt.tgz");
  });

  it("is unknown outside a project's node_modules, or when the project does not name it", () => {
    expect(installedSpec(ROOT, join(work, "x"))).toBeUndefined();
    const { root, target } = installedWith("none", undefined);
    expect(installedSpec(root, target)).toBeUndefined();
  });
});

describe("zt init's pull-request workflow", () => {
  it("calls zt as zt-baseline (never an unrelated package named zt), with commands and options that exist", () => {
    const text = prWorkflow({ project: "p", stack: "s", ztRange: "file:../zt.tgz", pulumiRange: "^3" });
    expect(text).not.toMatch(/npx zt /);
    const calls = ztCalls([text]);
    expect(calls.map((c) => resolve(c.split(/\s+/)).name)).toEqual(["plan", "diff", "diff", "lock", "policy-config"]);
    expectValidCalls(calls);
  });
});
