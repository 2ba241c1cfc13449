import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { judgeInProcess } from "../engine/in-process-pack";
import { packConfigFor, reconcilePackConfig } from "../engine/pack-config";
import type { PackConfig } from "../engine/pack-server";
import { judgeResources } from "../engine/run-pack";
import { FileError } from "../sources/file-error";
import { readPolicyPackConfig } from "../sources/policy-pack-config";
import { stackStateOf, toStackExport } from "../sources/stack-state";
import type { PlannedResource } from "../posture/resource";
import { add, handWritten, usePack } from "./pack-harness";

const { ctx } = usePack();

const sshOpen = handWritten("aws:ec2/securityGroup:SecurityGroup", "legacy-sg", {
  vpcId: "vpc-0123456789abcdef0",
  ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }],
});

/** The example with an SSH rule open to the internet, as `zt check` reads it from an export. */
function exported() {
  const resources = add(sshOpen)(structuredClone(ctx.plan.resources) as PlannedResource[]);
  return stackStateOf(JSON.parse(JSON.stringify(toStackExport(resources))), "example.json").resources;
}

/** The served verdict and the in-process one on the same resources and config. */
async function both(config: PackConfig) {
  const resources = exported();
  await ctx.server.configure(config);
  return { served: await ctx.server.analyzeAll(resources), inProcess: judgeInProcess(resources, config) };
}
const levelsOf = (ds: readonly { policyName: string; enforcementLevel: string }[], policy: string) => [
  ...new Set(ds.filter((d) => d.policyName === policy).map((d) => d.enforcementLevel)),
];

describe("the pack in this process (zt check) says what the served pack says", () => {
  it("on an export, with the profile's config: the same diagnostics, in the same order", async () => {
    const { served, inProcess } = await both(packConfigFor(ctx.plan.profile));
    expect(levelsOf(served, "network-no-admin-ports-from-internet")).toEqual(["mandatory"]);
    expect(inProcess).toEqual(served);
  });

  it("with levels set as users set them: disabled, remediate (reported mandatory), advisory, and `all`", async () => {
    const config: PackConfig = {
      ...packConfigFor(ctx.plan.profile),
      all: { enforcementLevel: "advisory" },
      "network-no-admin-ports-from-internet": { enforcementLevel: "remediate" },
      "network-no-internet-ingress-beyond-edge": { enforcementLevel: "disabled" },
    };
    // packConfigFor names every rule's level; `all` reaches only the policies given none.
    for (const name of Object.keys(config)) if (name !== "all" && !name.startsWith("network-no-")) delete config[name];
    const { served, inProcess } = await both(config);
    expect(levelsOf(served, "network-no-admin-ports-from-internet")).toEqual(["mandatory"]);
    expect(levelsOf(served, "network-no-internet-ingress-beyond-edge")).toEqual([]);
    expect(levelsOf(served, "identity-break-glass-excluded")).toEqual(["advisory"]);
    expect(inProcess).toEqual(served);
  });

  it("a policy given settings but no level keeps its own level (the engine's reconciliation)", async () => {
    const config: PackConfig = { "network-security-groups-tagged": { exceptions: [] } };
    const { served, inProcess } = await both(config);
    expect(levelsOf(served, "network-security-groups-tagged")).toEqual(["advisory"]);
    expect(inProcess).toEqual(served);
  });

  it("reports what it ran: the pack's name, version and every policy", () => {
    const v = judgeResources(exported(), packConfigFor(ctx.plan.profile));
    expect(v).toMatchObject({ pack: { name: "zero-trust", policies: 37 }, judged: "in-process" });
    expect(v.pack.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(v.mandatory).toBeGreaterThan(0);
  });
});

describe("reconcilePackConfig (ReconcilePolicyPackConfig, as the engine runs it before Configure)", () => {
  const published = [
    { name: "a", enforcementLevel: "mandatory" as const, configSchema: { n: { type: "number", default: 3 } } },
    { name: "b", enforcementLevel: "advisory" as const },
  ];
  it("starts from each policy's own level and schema defaults", () => {
    expect(reconcilePackConfig(published, {})).toEqual({
      a: { enforcementLevel: "mandatory", n: 3 },
      b: { enforcementLevel: "advisory" },
    });
  });
  it("`all` sets every level; a policy's own entry wins over it; properties override defaults", () => {
    expect(
      reconcilePackConfig(published, {
        all: { enforcementLevel: "disabled" },
        a: { n: 5 },
        b: { enforcementLevel: "mandatory" },
      }),
    ).toEqual({ a: { enforcementLevel: "disabled", n: 5 }, b: { enforcementLevel: "mandatory" } });
  });
});

describe("reading a --policy-pack-config file", () => {
  const file = (json: unknown) => {
    const f = join(mkdtempSync(join(tmpdir(), "zt-ppc-")), "policy-config.json");
    writeFileSync(f, JSON.stringify(json));
    return f;
  };
  it("takes a level alone or an object of settings, as the CLI does", () => {
    expect(
      readPolicyPackConfig(file({ all: "advisory", x: { enforcementLevel: "disabled", n: 1 }, y: { n: 2 } })),
    ).toEqual({
      all: { enforcementLevel: "advisory" },
      x: { enforcementLevel: "disabled", n: 1 },
      y: { n: 2 },
    });
  });
  it("refuses an unknown level, naming the file and the policy", () => {
    const f = file({ "network-no-any-port-rules": { enforcementLevel: "block" } });
    expect(() => readPolicyPackConfig(f)).toThrow(FileError);
    expect(() => readPolicyPackConfig(f)).toThrow(new RegExp(`${f}[^]*network-no-any-port-rules`));
  });
});
