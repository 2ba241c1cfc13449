import { ztHere } from "./zt-here";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { PackServer, Diagnostic } from "../engine/pack-server";
import { judgeInProcess } from "../engine/in-process-pack";
import { packConfigFor } from "../engine/pack-config";
import type { StackPlan } from "../engine/plan-stack";
import { examplePlan } from "./shared-plans";
import { postureOf } from "../posture/build";
import { diffLocks } from "../posture/lock-diff";
import { lockOf, serializeLock } from "../posture/lock";
import { SECRET_SIG, SIG_KEY, type PlannedResource } from "../posture/resource";
import { readLock } from "../sources/lockfile";
import { stackStateOf, toStackExport } from "../sources/stack-state";
import { find, handWritten } from "./pack-harness";
import { workerPack } from "./worker-pack";

// One stack, three views (shared/DESIGN.md): the example as a new stack's preview (ids unknown),
// as the same stack's preview once deployed (ids and provider outputs known; Analyze gets inputs,
// AnalyzeStack outputs), and as its `pulumi stack export` in the CLI's v3 format (ids, outputs,
// null property dependencies, ciphertext secrets). Each case must get the same verdict in all three.

type Json = Record<string, any>;
type View = "new" | "deployed" | "export";
const VIEWS: readonly View[] = ["new", "deployed", "export"];
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** zt in this process (test/zt-here.ts): the same exit code and output as its own process. */
const zt = (...args: string[]) => ztHere(args);

let server: PackServer;
const plans = {} as Record<"new" | "deployed", StackPlan>;
beforeAll(async () => {
  server = await workerPack();
  // The mock runtime is process-global: plan the two modes one after the other.
  plans.new = await examplePlan();
  plans.deployed = await examplePlan("deployed");
});

/** A change to the stack, written once for every view: `ref` is how the view names another resource. */
interface Change {
  /** Edits a resource's properties (inputs and outputs alike); `deps` are its property dependencies. */
  edit?: [name: string, change: (props: Json, deps: Record<string, string[]>) => void][];
  add?: (ref: (name: string) => string, urn: (name: string) => string) => PlannedResource;
}

/** The resources of one view with a change applied; an edit changes inputs and outputs alike. */
function resourcesOf(view: View, change: Change = {}): PlannedResource[] {
  const base = structuredClone(plans[view === "new" ? "new" : "deployed"].resources) as PlannedResource[];
  for (const [name, edit] of change.edit ?? []) {
    const r = find(base, name);
    const deps = r.propertyDependencies as Record<string, string[]>;
    edit(r.inputs as Json, deps);
    if (r.outputs) edit(r.outputs as Json, deps);
  }
  if (change.add) {
    const ref = (name: string) => (view === "new" ? UNKNOWN : find(base, name).id!);
    const added = change.add(ref, (name) => find(base, name).urn);
    // In the export the new resource has been deployed: an id, and its inputs echoed as outputs.
    base.push(view === "export" ? { ...added, id: `${added.name}-id`, outputs: added.inputs } : added);
  }
  if (view !== "export") return base;
  return stackStateOf(JSON.parse(JSON.stringify(toStackExport(base))), "example.json").resources;
}

const committedLock = () => readLock("stacks", "example")!;

async function verdict(view: View, change?: Change): Promise<Diagnostic[]> {
  const config = packConfigFor(plans.new.profile, committedLock());
  await server.configure(config);
  const resources = resourcesOf(view, change);
  const served = await server.analyzeAll(resources);
  // `zt check` runs the same policies in its own process: it must say exactly what the server says.
  expect(judgeInProcess(resources, config)).toEqual(served);
  return served;
}
const mandatory = async (view: View, change?: Change) =>
  (await verdict(view, change)).filter((d) => d.enforcementLevel === "mandatory");

/** Widenings, each with the policies that must block it (posture-within-lock among them). */
const WIDENINGS: [string, Change, string[]][] = [
  [
    "a hand-written rule from web straight to data",
    {
      add: (ref, urn) =>
        handWritten(
          "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
          "web-to-db",
          {
            securityGroupId: ref("contoso-aws-tiers-data"),
            referencedSecurityGroupId: ref("contoso-aws-tiers-web"),
            ipProtocol: "tcp",
            fromPort: 5432,
            toPort: 5432,
          },
          {
            securityGroupId: [urn("contoso-aws-tiers-data")],
            referencedSecurityGroupId: [urn("contoso-aws-tiers-web")],
          },
        ),
    },
    ["posture-within-lock", "network-flows-follow-tier-model"],
  ],
  [
    "a broader port range",
    { edit: [["contoso-aws-tiers-web-to-app-tcp-8443-in", (p) => Object.assign(p, { fromPort: 8000, toPort: 9000 })]] },
    ["posture-within-lock"],
  ],
  [
    "a new exclusion from MFA for all users",
    {
      edit: [
        [
          "contoso-identity-mfa-all-users",
          (p) => p.conditions.users.excludedGroups.push("11111111-2222-4333-8444-555555555555"),
        ],
      ],
    },
    ["posture-within-lock", "identity-no-undeclared-exclusions"],
  ],
  [
    "AND turned into OR",
    { edit: [["contoso-identity-admins-compliant-device-admin-portals", (p) => (p.grantControls.operator = "OR")]] },
    ["posture-within-lock"],
  ],
  [
    "a built-in control added under OR beside an authentication strength",
    { edit: [["contoso-identity-admins-phishing-resistant-mfa", (p) => (p.grantControls.builtInControls = ["mfa"])]] },
    ["posture-within-lock"],
  ],
  [
    "the break-glass group no longer excluded from a blocking policy (a lockout)",
    { edit: [["contoso-identity-block-legacy-auth", (p) => (p.conditions.users.excludedGroups = [])]] },
    ["posture-within-lock", "identity-break-glass-excluded"],
  ],
  [
    "a disabled policy",
    { edit: [["contoso-identity-block-legacy-auth", (p) => (p.state = "disabled")]] },
    ["posture-within-lock"],
  ],
  [
    "a different named location excluded from the country block",
    {
      edit: [
        [
          "contoso-identity-block-non-allowed-countries",
          // A literal id: the value no longer comes from the declared location.
          (p, deps) => {
            p.conditions.locations.excludedLocations = ["00000000-0000-4000-8000-00000000beef"];
            deps.conditions = [];
          },
        ],
      ],
    },
    ["posture-within-lock"],
  ],
  [
    "a broader ZTNA audience",
    { edit: [["contoso-app-finance-allow", (p) => p.includes.push({ emailDomain: { domain: "partner.example" } })]] },
    ["posture-within-lock"],
  ],
  [
    "a new standing Global Administrator",
    {
      add: () =>
        handWritten(
          "azuread:index/directoryRoleAssignment:DirectoryRoleAssignment",
          "ga-bob",
          { roleId: "62e90394-69f5-4237-9190-012177145e10", principalObjectId: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee" },
          {},
        ),
    },
    ["posture-within-lock", "privilege-no-permanent-global-admin"],
  ],
];

describe("the lock is the same in every view", () => {
  it("new, deployed and exported, the example reads as its committed lockfile", async () => {
    const committed = serializeLock(committedLock());
    for (const view of VIEWS) expect(serializeLock(lockOf(postureOf(resourcesOf(view)))), view).toBe(committed);
  });

  it("names a referenced named location and service token by their resources, not by whether the id is known", async () => {
    for (const view of VIEWS) {
      const lock = lockOf(postureOf(resourcesOf(view)));
      expect(
        lock.identity["CA005-Global-AttackSurfaceReduction-AllApps-AnyPlatform-BlockNonAllowedCountries"]?.conditions,
      ).toMatchObject({ locations: { include: ["All"], exclude: ["location:ZT-AllowedCountries"] } });
      expect(JSON.stringify(lock.access)).toContain("serviceToken:zt-contoso-intranet-uptime-monitor");
    }
  });

  it("the deployed view really has ids and provider outputs, and references by known id", async () => {
    const deployed = resourcesOf("deployed");
    const ca = find(deployed, "contoso-identity-block-non-allowed-countries").inputs as Json;
    const location = find(deployed, "contoso-identity-allowed-countries");
    expect(ca.conditions.locations.excludedLocations).toEqual([location.id]);
    expect((find(deployed, "contoso-app-finance-application").outputs as Json).aud).toMatch(/^[0-9a-f]{64}$/);
    expect((find(deployed, "contoso-aws-tiers-data").outputs as Json).arn).toMatch(/^arn:aws:ec2:/);
    expect(deployed.filter((r) => r.custom && !r.id)).toEqual([]);
  });
});

describe("the export is in the CLI's v3 format", () => {
  const doc = () => toStackExport(resourcesOf("deployed"), { outputs: plans.deployed.outputs }) as Json;

  it("writes ids, provider references, null property dependencies and secrets only as ciphertext", async () => {
    const text = JSON.stringify(doc());
    const resources = doc().deployment.resources as Json[];
    expect(doc().version).toBe(3);
    expect(resources[0]!.type).toBe("pulumi:pulumi:Stack");
    expect(resources.some((r) => Object.values(r.propertyDependencies ?? {}).includes(null))).toBe(true);
    expect(resources.filter((r) => r.type.startsWith("pulumi:providers:")).every((r) => r.id)).toBe(true);
    expect(resources.find((r) => r.type === "aws:ec2/securityGroup:SecurityGroup")!.provider).toMatch(
      /pulumi:providers:aws::contoso-aws::[0-9a-f-]{36}$/,
    );
    expect(text).toContain(`"${SIG_KEY}":"${SECRET_SIG}","ciphertext":"v1:`);
    // No secret value is written: neither the deployed service token secrets nor the tunnel's.
    const secrets = resourcesOf("deployed").flatMap((r) =>
      Object.values((r.outputs ?? {}) as Json).filter(
        (v): v is Json => typeof v === "object" && v?.[SIG_KEY] === SECRET_SIG,
      ),
    );
    expect(secrets.length).toBeGreaterThan(0);
    for (const s of secrets) expect(text).not.toContain(String(s.value));
  });

  it("reads back what the CLI writes: ids kept, null dependencies empty, ciphertext opaque", async () => {
    const { resources, stacks } = stackStateOf(doc(), "example.json");
    expect(stacks).toEqual(["example"]);
    const token = resources.find((r) => r.type.endsWith("ZeroTrustAccessServiceToken"))!;
    expect(token.id).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(token.outputs)).toContain("(secret in the state file: not decrypted)");
    expect(Object.values(resources[3]!.propertyDependencies).every(Array.isArray)).toBe(true);
  });
});

describe.each(VIEWS)("in the %s view", async (view) => {
  it("the example passes the pack against its committed lockfile: no mandatory violation", async () => {
    expect(await mandatory(view)).toEqual([]);
  });

  describe.each(WIDENINGS)("%s", async (_title, change, policies) => {
    it(`is blocked by ${policies.join(", ")}`, async () => {
      const names = (await mandatory(view, change)).map((d) => d.policyName);
      for (const p of policies) expect(names).toContain(p);
    });
  });

  // Pins every verdict (policy, level, resource, message) so that moving code changes none of them.
  it("gives the pinned verdicts on the example and on every widening", async () => {
    const pinned = (ds: Diagnostic[]) =>
      ds.map((d) => `${d.enforcementLevel} ${d.policyName} ${d.urn ?? "-"} ${d.message}`).sort();
    const verdicts: Record<string, string[]> = { example: pinned(await verdict(view)) };
    for (const [title, change] of WIDENINGS) verdicts[title] = pinned(await verdict(view, change));
    expect(verdicts).toMatchSnapshot();
  });
});

const secretCidr: Change = {
  add: (ref, urn) =>
    handWritten(
      "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
      "db-from-secret-range",
      {
        securityGroupId: ref("contoso-aws-tiers-data"),
        cidrIpv4: { [SIG_KEY]: SECRET_SIG, value: "0.0.0.0/0" },
        ipProtocol: "tcp",
        fromPort: 5432,
        toPort: 5432,
      },
      { securityGroupId: [urn("contoso-aws-tiers-data")] },
    ),
};

describe("a refreshed export", () => {
  // After `pulumi refresh`, a group's outputs list the rules its standalone rule resources created
  // (AWS `ingress`/`egress`, Azure `securityRules`), as the cloud reports them.
  function refreshed(): PlannedResource[] {
    const rs = resourcesOf("export");
    const byUrn = new Map(rs.map((r) => [r.urn, r]));
    const owner = (r: PlannedResource, key: string) => byUrn.get(r.propertyDependencies[key]?.[0] ?? "");
    const copies = new Map<string, Json[]>();
    const add = (group: PlannedResource | undefined, key: string, entry: Json) => {
      if (!group) return;
      const k = `${group.urn} ${key}`;
      copies.set(k, [...(copies.get(k) ?? []), entry]);
    };
    for (const r of rs) {
      const i = r.inputs as Json;
      if (r.type.startsWith("aws:vpc/securityGroup")) {
        const peer = i.referencedSecurityGroupId
          ? { securityGroups: [i.referencedSecurityGroupId] }
          : { cidrBlocks: [i.cidrIpv4] };
        add(owner(r, "securityGroupId"), r.type.includes("Ingress") ? "ingress" : "egress", {
          protocol: i.ipProtocol,
          fromPort: i.fromPort,
          toPort: i.toPort,
          ...peer,
        });
      }
      if (r.type === "azure-native:network:SecurityRule") {
        const { networkSecurityGroupName: nsgName, resourceGroupName: _group, securityRuleName, ...rule } = i;
        const nsg = rs.find(
          (x) =>
            x.type === "azure-native:network:NetworkSecurityGroup" &&
            (x.inputs as Json).networkSecurityGroupName === nsgName,
        );
        add(nsg, "securityRules", { name: securityRuleName, ...rule });
      }
    }
    return rs.map((r) => {
      const extra = Object.fromEntries(
        ["ingress", "egress", "securityRules"].flatMap((k) =>
          copies.has(`${r.urn} ${k}`) ? [[k, copies.get(`${r.urn} ${k}`)]] : [],
        ),
      );
      return Object.keys(extra).length ? { ...r, outputs: { ...r.outputs, ...extra } } : r;
    });
  }

  it("reads each standalone rule once: the same lock, and no mixed rule styles", async () => {
    const rs = refreshed();
    expect(
      rs.filter((r) => Array.isArray((r.outputs as Json | undefined)?.ingress) && (r.outputs as Json).ingress.length)
        .length,
    ).toBeGreaterThan(0);
    const refreshedNsgs = rs.filter(
      (r) => r.type === "azure-native:network:NetworkSecurityGroup" && (r.outputs as Json).securityRules?.length,
    );
    expect(refreshedNsgs.length).toBeGreaterThan(0);
    expect(serializeLock(lockOf(postureOf(rs)))).toBe(serializeLock(committedLock()));
    await server.configure(packConfigFor(plans.new.profile, committedLock()));
    expect((await server.analyzeAll(rs)).filter((d) => d.enforcementLevel === "mandatory")).toEqual([]);
  });
});

describe("a secret where a rule needs a value", () => {
  it.each(VIEWS)("is judged fail-closed in the %s view (as the internet when it cannot be decrypted)", async (view) => {
    const found = (await mandatory(view, secretCidr)).filter(
      (d) => d.policyName === "network-no-internet-ingress-beyond-edge",
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(
      view === "export" ? /a secret address \(not decrypted, so judged as anywhere\)/ : /internet → data on tcp\/5432/,
    );
    expect(found[0]!.message).not.toContain("0.0.0.0/0");
  });
});

describe("round trip: plan a new stack, lock, deploy, export, check and diff with the CLI", () => {
  it("zt check and zt diff pass the deployed example's export against the committed lockfile; a widened export fails both", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zt-roundtrip-"));
    const clean = join(dir, "example.json");
    writeFileSync(
      clean,
      JSON.stringify(toStackExport(resourcesOf("deployed"), { outputs: plans.deployed.outputs }), null, 2),
    );
    expect((await zt("lock", "--stack", "example", "--check")).status).toBe(0);

    const check = await zt("check", "--state", clean, "--stack", "example");
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
    // The claims are read from what is deployed, and agree with the plan's.
    expect(check.stdout).toContain("COMPLIANCE  from the deployed resources:");
    const plan = await zt("plan", "--no-pack");
    const scuba = (text: string) => text.split("\n").filter((l) => /MS\.AAD\.\d\.\dv\d/.test(l));
    expect(scuba(check.stdout)).toEqual(scuba(plan.stdout));
    expect(scuba(check.stdout)).toHaveLength(11);
    const diff = await zt("diff", "stacks/example.posture-lock.json", clean);
    expect(diff.stdout).toContain("no widening, 0 narrowing changes");
    expect(diff.status).toBe(0);

    const widened = join(dir, "widened.json");
    const [, change] = WIDENINGS[0]!;
    writeFileSync(widened, JSON.stringify(toStackExport(resourcesOf("deployed", change))));
    const blocked = await zt("check", "--state", widened, "--stack", "example");
    expect(blocked.status).toBe(1);
    expect(blocked.stdout).toMatch(/✗ mandatory +posture-within-lock/);
    const widening = await zt("diff", "stacks/example.posture-lock.json", widened, "--format", "json");
    expect(widening.status).toBe(1);
    expect(JSON.parse(widening.stdout).items).toContainEqual(
      expect.objectContaining({
        layer: "network",
        change: "widening",
        message: expect.stringMatching(/web → data tcp\/5432/),
      }),
    );
    expect(readFileSync(clean, "utf8")).not.toContain(
      String((plans.deployed.outputs as Json).serviceTokenSecrets?.value ?? "none"),
    );
  });

  it("zt diff on a `pulumi preview --json` of the deployed stack: unchanged passes, the widening is refused", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zt-preview-"));
    const states = (rs: PlannedResource[]) => (toStackExport(rs) as Json).deployment.resources as Json[];
    // display.PreviewDigest: each step with the state before and after (ResourceV3), as the CLI writes it.
    const digest = (after: PlannedResource[]) => {
      const before = new Map(states(resourcesOf("deployed")).map((r) => [r.urn, r]));
      return {
        config: {},
        steps: states(after).map((r) => ({
          op: before.has(r.urn) ? "same" : "create",
          urn: r.urn,
          ...(before.has(r.urn) ? { oldState: before.get(r.urn) } : {}),
          newState: r,
        })),
        duration: 1_000_000_000,
        changeSummary: { same: before.size },
      };
    };
    const same = join(dir, "same.json");
    writeFileSync(same, JSON.stringify(digest(resourcesOf("deployed"))));
    const r = await zt("diff", same);
    expect(r.stdout).toContain("no widening, 0 narrowing changes");
    expect(r.status).toBe(0);
    const widened = join(dir, "widened.json");
    writeFileSync(widened, JSON.stringify(digest(resourcesOf("deployed", WIDENINGS[0]![1]))));
    const w = await zt("diff", widened, "--format", "json");
    expect(w.status).toBe(1);
    expect(JSON.parse(w.stdout).items).toContainEqual(
      expect.objectContaining({ change: "widening", message: expect.stringMatching(/web → data tcp\/5432/) }),
    );
  });

  it('a preview blinds secrets as "[secret]": a secret address is judged as anywhere there too', async () => {
    const dir = mkdtempSync(join(tmpdir(), "zt-preview-secret-"));
    const states = (toStackExport(resourcesOf("deployed", secretCidr)) as Json).deployment.resources as Json[];
    // display.MassageSecrets: every secret value becomes the string "[secret]" in the preview digest.
    const blind = (r: Json): Json =>
      JSON.parse(JSON.stringify(r).replace(/\{"[0-9a-f]{32}":"[0-9a-f]{32}","ciphertext":"[^"]*"\}/g, '"[secret]"'));
    const steps = states.map((r) => ({ op: "same", urn: r.urn, oldState: blind(r), newState: blind(r) }));
    steps.at(-1)!.op = "create";
    delete (steps.at(-1) as Json).oldState;
    const preview = join(dir, "preview.json");
    writeFileSync(preview, JSON.stringify({ steps }));
    expect(readFileSync(preview, "utf8")).toContain('"cidrIpv4":"[secret]"');
    const r = await zt("diff", preview, "--format", "json");
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).items).toContainEqual(
      expect.objectContaining({
        change: "widening",
        message: expect.stringMatching(/a secret address \(not decrypted, so judged as anywhere\) → data tcp\/5432/),
      }),
    );
  });

  it("the diff of a lock with itself after a deployment is empty, and the lockout is a widening there too", async () => {
    const approved = committedLock();
    const lockout = lockOf(postureOf(resourcesOf("export", WIDENINGS[5]![1])));
    expect(diffLocks(approved, lockOf(postureOf(resourcesOf("export"))))).toEqual([]);
    expect(diffLocks(approved, lockout)).toContainEqual(
      expect.objectContaining({ change: "widening", message: expect.stringMatching(/lockout risk/) }),
    );
  });
});
