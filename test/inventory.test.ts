import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Inventory } from "../catalog/inventory/classes";
import { CLASS_REASONS, REASONS, type InventoryReason } from "../catalog/inventory/reasons";
import { READERS } from "../posture/readers";
import {
  readTypes,
  backlog,
  coverage,
  inventoryDiff,
  inventoryProblems,
  isEmptyDiff,
  type InventoryDiff,
} from "../posture/readers/coverage";
import { buildInventory, canonicalJson, classesOf, INVENTORY_FILE, readCommittedInventory } from "../scripts/inventory";
import { membersOf, parseResource } from "../scripts/sdk-schema";

// The inventory of what can widen (issue #31, item 1): every resource type of the installed
// provider SDKs whose inputs carry a network peer, a group, a subnet, a public flag, a route, a
// principal or policy, a role, a membership or an access setting is read by a reader or carries a
// reason (catalog/inventory/reasons.ts). The read types are the registry's, computed here, so a
// reader added on another branch counts as soon as it is listed in posture/readers/index.ts.

const ROOT = join(__dirname, "..");
const REGENERATE = `run \`npm run inventory\` and commit ${INVENTORY_FILE}`;

/** Why the committed inventory is not the regenerated one, as sentences; none when they agree. */
function staleInventory(diff: InventoryDiff): string[] {
  const list = (what: string, types: readonly string[]) =>
    types.length ? [`${what} (${types.length}): ${types.join(", ")}`] : [];
  return [
    ...list("provider versions changed", diff.versions),
    ...list("new types that can widen", diff.added),
    ...list("types gone from the SDKs (or no longer matched)", diff.gone),
    ...list("types whose widening inputs changed", diff.changed),
  ];
}

/** The failures of the held inventory, as sentences that say what to do; none when it holds. */
function failures(inventory: Inventory, read: ReadonlySet<string>, reasons: readonly InventoryReason[]): string[] {
  const p = inventoryProblems(inventory, read, reasons);
  return [
    ...(p.unaccounted.length
      ? [
          `${p.unaccounted.length} listed types are neither read by a reader (posture/readers/index.ts) nor given a ` +
            `reason in catalog/inventory/reasons.ts (a true one, or pending with what to read): ${p.unaccounted.join(", ")}`,
        ]
      : []),
    ...p.ambiguous.map((a) => `${a.type} is covered by more than one reason: ${a.reasons.join(" and ")}`),
    ...p.stale.map((s) => `stale reason, drop it from catalog/inventory/reasons.ts: ${s}`),
  ];
}

describe("the inventory of what can widen", () => {
  const committed = readCommittedInventory(ROOT);
  const read = readTypes(committed, READERS, CLASS_REASONS);

  it(`is what the installed provider SDKs declare (else ${REGENERATE})`, () => {
    const fresh = buildInventory(ROOT);
    const diff = inventoryDiff(committed, fresh);
    expect(staleInventory(diff), `The committed inventory is stale: ${REGENERATE}.`).toEqual([]);
    expect(isEmptyDiff(diff)).toBe(true);
    // Byte for byte: the file is the canonical rendering, so regenerating it is a no-op diff.
    expect(readFileSync(join(ROOT, INVENTORY_FILE), "utf8"), REGENERATE).toBe(canonicalJson(fresh));
  });

  it("holds every listed type to a reader or exactly one reason, and no reason is stale", () => {
    expect(failures(committed, read, REASONS)).toEqual([]);
  });

  it("lists the types it is about: the readers' own and the backlog's", () => {
    const counts = coverage(committed, read, REASONS);
    expect(counts.map((c) => c.provider)).toEqual([
      "@pulumi/aws",
      "@pulumi/azure-native",
      "@pulumi/azuread",
      "@pulumi/cloudflare",
    ]);
    for (const c of counts) {
      expect(c.read + c.reasoned + c.pending + c.unaccounted).toBe(c.inventory);
      expect(c.read).toBeGreaterThan(0);
    }
    // What the readers already read is in the inventory: the matching rules see the shapes they know.
    for (const t of [
      "aws:ec2/securityGroup:SecurityGroup",
      "aws:iam/role:Role",
      "azure-native:network:NetworkSecurityGroup",
      "azure-native:authorization:RoleAssignment",
      "azuread:index/conditionalAccessPolicy:ConditionalAccessPolicy",
      "cloudflare:index/zeroTrustAccessPolicy:ZeroTrustAccessPolicy",
    ])
      expect(
        Object.values(committed).some((p) => p.types[t] !== undefined),
        t,
      ).toBe(true);
    expect(backlog(committed, read, REASONS).every((b) => b.types.length > 0 && b.needs.length > 0)).toBe(true);
  });

  // A reason for a type a reader now reads is superseded, not false in a way that lets a widening
  // through: the reader wins everywhere (the pack's rules run on the type, RULES.md counts it read).
  // Readers are added on other branches while reasons are kept here, so failing would turn each
  // such merge red over a bookkeeping edit; the test lists them instead, to be dropped when seen.
  it("reports reasons that a reader has superseded", () => {
    const { superseded } = inventoryProblems(committed, read, REASONS);
    if (superseded.length) console.warn(`Reasons superseded by a reader (drop them):\n  ${superseded.join("\n  ")}`);
    expect(Array.isArray(superseded)).toBe(true);
  });
});

describe("the inventory's checks can fail", () => {
  const inventory: Inventory = {
    "@pulumi/x": {
      version: "1.0.0",
      types: {
        "x:net/group:Group": { "network-peer": ["ingress.cidrBlocks"] },
        "x:net/flowLog:FlowLog": { subnet: ["subnetId"] },
        "x:db/cluster:Cluster": { "security-group": ["securityGroupIds"] },
      },
    },
  };
  const read = new Set(["x:net/group:Group"]);
  const flowLog: InventoryReason = { why: "records traffic", types: ["x:net/flowLog:FlowLog"] };
  const cluster: InventoryReason = {
    why: "placed in groups",
    pending: true,
    needs: "its groups",
    pattern: /^x:db\//,
  };

  it("passes when each unread type has exactly one reason", () => {
    expect(failures(inventory, read, [flowLog, cluster])).toEqual([]);
    expect(coverage(inventory, read, [flowLog, cluster])).toEqual([
      { provider: "@pulumi/x", version: "1.0.0", inventory: 3, read: 1, reasoned: 1, pending: 1, unaccounted: 0 },
    ]);
  });

  it("fails on a type that is neither read nor reasoned", () => {
    expect(failures(inventory, read, [flowLog])).toEqual([expect.stringContaining("x:db/cluster:Cluster")]);
  });

  it("fails on a type two reasons cover", () => {
    const twice: InventoryReason = { why: "again", pattern: /flowLog/ };
    expect(failures(inventory, read, [flowLog, cluster, twice])).toEqual([
      expect.stringMatching(/^x:net\/flowLog:FlowLog is covered by more than one reason/),
    ]);
  });

  it("fails on a stale reason: a named type gone, a pattern matching nothing", () => {
    const gone: InventoryReason = { why: "gone", types: ["x:old/thing:Thing"] };
    const nothing: InventoryReason = { why: "nothing", pattern: /^x:nowhere\// };
    const found = failures(inventory, read, [flowLog, cluster, gone, nothing]);
    expect(found).toEqual([expect.stringContaining("x:old/thing:Thing"), expect.stringContaining("/^x:nowhere\\//")]);
  });

  it("reports, without failing, a reason for a type a reader now reads", () => {
    const superseded: InventoryReason = {
      why: "was pending",
      pending: true,
      needs: "it",
      types: ["x:net/group:Group"],
    };
    const reasons = [flowLog, cluster, superseded];
    expect(failures(inventory, read, reasons)).toEqual([]);
    expect(inventoryProblems(inventory, read, reasons).superseded).toEqual([
      expect.stringContaining("x:net/group:Group"),
    ]);
    // Counted once, as read.
    expect(coverage(inventory, read, reasons)[0]!.read).toBe(1);
  });

  it("fails on a regenerated inventory with new, gone or changed types, or another version", () => {
    const p = inventory["@pulumi/x"]!;
    const fresh: Inventory = {
      "@pulumi/x": {
        version: "1.1.0",
        types: {
          "x:net/group:Group": { "network-peer": ["ingress.cidrBlocks", "egress.cidrBlocks"] },
          "x:db/cluster:Cluster": p.types["x:db/cluster:Cluster"]!,
          "x:net/peering:Peering": { route: ["peerVpcId"] },
        },
      },
    };
    expect(staleInventory(inventoryDiff(inventory, fresh))).toEqual([
      "provider versions changed (1): @pulumi/x 1.0.0 -> 1.1.0",
      "new types that can widen (1): x:net/peering:Peering",
      "types gone from the SDKs (or no longer matched) (1): x:net/flowLog:FlowLog",
      "types whose widening inputs changed (1): x:net/group:Group",
    ]);
    expect(staleInventory(inventoryDiff(inventory, inventory))).toEqual([]);
    // The same entry written with its classes in another order is no change.
    const reordered: Inventory = {
      "@pulumi/x": { ...p, types: { ...p.types, "x:net/both:Both": { subnet: ["a"], route: ["b"] } } },
    };
    const same: Inventory = {
      "@pulumi/x": { ...p, types: { ...p.types, "x:net/both:Both": { route: ["b"], subnet: ["a"] } } },
    };
    expect(isEmptyDiff(inventoryDiff(reordered, same))).toBe(true);
  });
});

describe("reading the SDKs' declarations", () => {
  const schema = {
    pkg: "@pulumi/x",
    version: "1.0.0",
    resources: [],
    inputs: new Map([
      [
        "ec2.Ingress",
        membersOf(`
          cidrBlocks?: pulumi.Input<pulumi.Input<string>[] | undefined>;
          description?: pulumi.Input<string | undefined>;
          fromPort: pulumi.Input<number>;`),
      ],
      [
        "network.SubnetArgs",
        membersOf(`networkSecurityGroup?: pulumi.Input<inputs.network.NetworkSecurityGroupArgs>;`),
      ],
      ["network.NetworkSecurityGroupArgs", membersOf(`securityRules?: pulumi.Input<inputs.ec2.Ingress[]>;`)],
    ]),
  };

  it("matches widening values at any depth, by name and declared type, and not their look-alikes", () => {
    const args = membersOf(`
      name?: pulumi.Input<string | undefined>;
      namePrefix?: pulumi.Input<string | undefined>;
      tags?: pulumi.Input<{ [key: string]: pulumi.Input<string>; } | undefined>;
      cidrSelectionType?: pulumi.Input<number | undefined>;
      ingress?: pulumi.Input<pulumi.Input<inputs.ec2.Ingress>[] | undefined>;
      vpcConfig?: pulumi.Input<{ securityGroupIds: pulumi.Input<string>[]; subnetIds: pulumi.Input<string>[] } | undefined>;
      publiclyAccessible?: pulumi.Input<boolean | undefined>;`);
    expect(classesOf(args, "ec2.SecurityGroupArgs", schema)).toEqual({
      "network-peer": ["ingress.cidrBlocks"],
      "security-group": ["vpcConfig.securityGroupIds"],
      subnet: ["vpcConfig.subnetIds"],
      "public-access": ["publiclyAccessible"],
    });
  });

  it("does not walk into a single reference to another resource (azure-native's whole-body references)", () => {
    const nic = membersOf(`subnet?: pulumi.Input<inputs.network.SubnetArgs>;`);
    expect(classesOf(nic, "network.NetworkInterfaceArgs", schema)).toEqual({ subnet: ["subnet"] });
    // A list of them is declared inline (a VNet's subnets), and is walked.
    const vnet = membersOf(`subnets?: pulumi.Input<pulumi.Input<inputs.network.SubnetArgs>[]>;`);
    expect(classesOf(vnet, "network.VirtualNetworkArgs", schema)).toEqual({
      "security-group": ["subnets.networkSecurityGroup"],
      subnet: ["subnets"],
    });
  });

  it("reads a resource's token from its class, not from its file name", () => {
    const r = parseResource(
      `export declare class SecurityGroup extends pulumi.CustomResource {\n}\nexport interface SecurityGroupArgs {\n    /** doc */\n    ingress?: pulumi.Input<inputs.ec2.Ingress[]>;\n}\n`,
      `class SecurityGroup extends pulumi.CustomResource {\n    static __pulumiType = 'aws:ec2/securityGroup:SecurityGroup';\n}`,
      "ec2/securityGroup.d.ts",
    );
    expect(r).toMatchObject({ token: "aws:ec2/securityGroup:SecurityGroup", className: "SecurityGroup" });
    expect(r!.args.map((m) => m.name)).toEqual(["ingress"]);
  });
});
