import { beforeAll, describe, expect, it } from "vitest";
import { judgeInProcess } from "../../engine/in-process-pack";
import { packConfigFor } from "../../engine/pack-config";
import type { Diagnostic } from "../../engine/pack-server";
import type { StackPlan } from "../../engine/plan-stack";
import { postureOf } from "../../posture/build";
import { coversInternet, isInside, isWideRange } from "../../posture/cidr";
import type { PlannedResource } from "../../posture/resource";
import { serviceTagKind } from "../../catalog/azure-service-tags";
import { handWritten, usePack } from "../pack-harness";
import { examplePlan } from "../shared-plans";

// Network values judged by what they mean, through the real pack server, in a new stack's preview
// (ids unknown, references through property dependencies) and in the deployed stack (ids known,
// outputs echoed): enumerations compared as each API compares them, ranges by containment, service
// tags by who is behind them, segmentation flattened by breadth, NSGs put over subnets, the
// harmless shapes that must pass, and what an unreadable value means.

type Json = Record<string, any>;
type View = "new" | "deployed";
const VIEWS: readonly View[] = ["new", "deployed"];
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const SUBSCRIPTION = "/subscriptions/00000000-0000-4000-8000-000000000000/resourceGroups/rg/providers";

const { ctx } = usePack();
const plans = {} as Record<View, StackPlan>;
beforeAll(async () => {
  plans.new = ctx.plan;
  plans.deployed = await examplePlan("deployed");
});

/** A resource written by hand; `ref(name)` in its inputs names another resource of the stack. */
interface Spec {
  readonly type: string;
  readonly name: string;
  readonly inputs: Json;
}
interface Ref {
  readonly $ref: string;
  readonly path?: string;
}
/** Another resource's id: unknown in a new stack (with a property dependency), known once deployed. */
const ref = (name: string, path = ""): Ref => ({ $ref: name, path });
const isRef = (v: unknown): v is Ref => typeof v === "object" && v !== null && "$ref" in v;
const spec = (type: string, name: string, inputs: Json): Spec => ({ type, name, inputs });

/** The id a provider gives a resource: Azure's resource path (its own name last), AWS's `<name>-<hex>`. */
function idOf(s: Spec): string {
  if (s.type.startsWith("aws:")) return `${s.name}-0a1b2c3d`;
  const kind = s.type.split(":").pop()!;
  const own = `${kind.charAt(0).toLowerCase()}${kind.slice(1)}`;
  const name = s.inputs[`${own}Name`] ?? s.inputs.name ?? s.name;
  return `${SUBSCRIPTION}/Microsoft.Network/${own}s/${name}`;
}

/**
 * The resources of one view: `base` (the example's, or none) and the hand-written ones, with their
 * references unknown and pinned by property dependencies (new), or known ids and echoed outputs
 * (deployed), as the engine hands them to the pack.
 */
function stackOf(view: View, specs: readonly Spec[], base: readonly PlannedResource[] = []): PlannedResource[] {
  const ids = new Map<string, string>(base.flatMap((r) => (r.id ? [[r.name, r.id] as const] : [])));
  for (const s of specs) ids.set(s.name, idOf(s));
  const urns = new Map<string, string>([
    ...base.map((r) => [r.name, r.urn] as const),
    ...specs.map((s) => [s.name, handWritten(s.type, s.name, {}).urn] as const),
  ]);
  const written = specs.map((s) => {
    const deps: Record<string, string[]> = {};
    const resolve = (v: unknown, property: string): unknown => {
      if (isRef(v)) {
        const urn = urns.get(v.$ref);
        if (!urn) throw new Error(`no resource named ${v.$ref}`);
        deps[property] = [...new Set([...(deps[property] ?? []), urn])];
        return view === "new" ? UNKNOWN : `${ids.get(v.$ref)}${v.path ?? ""}`;
      }
      if (Array.isArray(v)) return v.map((x) => resolve(x, property));
      if (typeof v === "object" && v !== null)
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x, property)]));
      return v;
    };
    const inputs = Object.fromEntries(Object.entries(s.inputs).map(([k, v]) => [k, resolve(v, k)]));
    const r = handWritten(s.type, s.name, inputs, deps);
    return view === "new" ? r : { ...r, id: ids.get(s.name), outputs: { ...inputs, id: ids.get(s.name) } };
  });
  return [...base, ...written];
}

/** The example's resources in one view, with hand-written ones added. */
const example = (view: View, ...specs: Spec[]) =>
  stackOf(view, specs, structuredClone(plans[view].resources) as PlannedResource[]);

async function served(resources: readonly PlannedResource[], config: Json): Promise<Diagnostic[]> {
  await ctx.server.configure(config);
  const found = await ctx.server.analyzeAll(resources);
  expect(judgeInProcess(resources, config), "in-process verdict = served verdict").toEqual(found);
  return found;
}

/** The verdict: what blocks (policy: message), what advises, and the notices, for the example (configured) or a hand-written stack. */
async function verdict(resources: readonly PlannedResource[], configured: boolean) {
  const found = await served(resources, configured ? (packConfigFor(plans.new.profile) as Json) : {});
  // A diagnostic is the policy's description, then the finding: keep the finding.
  const line = (d: Diagnostic) => `${d.policyName}: ${d.message.slice(d.message.indexOf("\n") + 1)}`;
  return {
    blocked: found.filter((d) => d.enforcementLevel === "mandatory").map(line),
    advised: found.filter((d) => d.enforcementLevel === "advisory" && d.policyName !== "pack-notices").map(line),
    notices: found
      .filter((d) => d.policyName === "pack-notices")
      .map((d) => d.message)
      .join("\n"),
  };
}
const onExample = (view: View, ...specs: Spec[]) => verdict(example(view, ...specs), true);
const handWrittenStack = (view: View, ...specs: Spec[]) => verdict(stackOf(view, specs), false);
const policies = (lines: readonly string[]) => [...new Set(lines.map((l) => l.split(":")[0]))].sort();

const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const SG = "aws:ec2/securityGroup:SecurityGroup";
const NSG = "azure-native:network:NetworkSecurityGroup";
const RULE = "azure-native:network:SecurityRule";
const CLASSIC_NSG = "azure:network/networkSecurityGroup:NetworkSecurityGroup";
const CLASSIC_RULE = "azure:network/networkSecurityRule:NetworkSecurityRule";

/** A rule into one of the example's AWS tiers. */
const awsInto = (name: string, tier: string, rule: Json) =>
  spec(INGRESS, name, { securityGroupId: ref(`contoso-aws-tiers-${tier}`), ...rule });
/** An Azure rule on one of the example's NSGs (by its name, as the component writes it). */
const azureOn = (name: string, tier: string, rule: Json) =>
  spec(RULE, name, {
    resourceGroupName: "rg-contoso-network",
    networkSecurityGroupName: `nsg-zt-contoso-${tier}`,
    securityRuleName: name,
    sourcePortRange: "*",
    ...rule,
  });
const asg = (tier: string) => [{ id: ref(`contoso-azure-tiers-${tier}-asg`) }];
/** An untagged group with one inline entry, as the webserver examples write it. */
const openGroup = (name: string, entry: Json) => spec(SG, name, { ingress: [entry] });
const ssh = (extra: Json) => ({ protocol: "tcp", fromPort: 22, toPort: 22, ...extra });

describe.each(VIEWS)("in the %s view", (view) => {
  it("the example passes, and the additions below are judged against it", async () => {
    expect((await onExample(view)).blocked).toEqual([]);
  });

  describe("enumerations, compared as each provider's API compares them", () => {
    it("Azure: an access, direction and protocol in any case are what they say", async () => {
      // A lower-case or upper-case Deny is the deny-all the NSG needs; an outbound allow in lower case is egress.
      for (const access of ["deny", "DENY", "Deny "]) {
        const v = await verdict(
          example(view).map((r) =>
            r.name === "contoso-azure-tiers-data-deny-all-inbound"
              ? { ...r, inputs: { ...r.inputs, access }, ...(r.outputs ? { outputs: { ...r.outputs, access } } : {}) }
              : r,
          ),
          true,
        );
        expect(v.blocked, access).toEqual([]);
      }
      for (const direction of ["outbound", "OUTBOUND", "OutBound"]) {
        const v = await onExample(
          view,
          azureOn(`data-out-${direction}`, "data", {
            access: "allow",
            direction,
            priority: 300,
            protocol: "TCP",
            sourceApplicationSecurityGroups: asg("data"),
            destinationAddressPrefix: "Internet",
            destinationPortRange: "443",
          }),
        );
        expect(v.blocked, direction).toEqual([
          expect.stringMatching(
            new RegExp(
              `^network-restricted-egress: SecurityRule 'data-out-${direction}' lets data → internet on tcp/443`,
            ),
          ),
        ]);
      }
    });

    it("Azure: Tcp, TCP and tcp are one protocol; * is every protocol on the ports named; Esp counts as every protocol", async () => {
      const rdp = (name: string, protocol: string) =>
        azureOn(name, "app", {
          access: "Allow",
          direction: "Inbound",
          priority: 200 + name.length,
          protocol,
          sourceAddressPrefix: "Internet",
          destinationPortRange: "3389",
        });
      const v = await onExample(
        view,
        rdp("rdp-a", "TCP"),
        rdp("rdp-bb", "tcp"),
        rdp("rdp-ccc", "*"),
        rdp("esp-dddd", "Esp"),
      );
      const admin = v.blocked.filter((l) => l.startsWith("network-no-admin-ports-from-internet"));
      expect([...new Set(admin.map((l) => /SecurityRule '([\w-]+)'/.exec(l)![1]))].sort()).toEqual([
        "esp-dddd",
        "rdp-a",
        "rdp-bb",
        "rdp-ccc",
      ]);
      const anyPort = v.blocked.filter((l) => l.startsWith("network-no-any-port-rules"));
      // `*` on 3389 is every protocol on that port; Esp has no ports: all of it.
      expect(anyPort).toEqual([
        expect.stringMatching(/'esp-dddd' allows internet → (app|any) on any protocol\/any port/),
      ]);
    });

    it("the classic azure provider: a lower-case deny-all in its NSG is the explicit deny; an upper-case allow is an allow", async () => {
      const nsg = (name: string, rules: Json[]) =>
        spec(CLASSIC_NSG, name, {
          name,
          resourceGroupName: "rg",
          location: "westeurope",
          tags: { "zt:tier": "app" },
          securityRules: rules,
        });
      const denyAll = (access: string) => ({
        name: "deny-all",
        priority: 4096,
        direction: "inbound",
        access,
        protocol: "*",
        sourcePortRange: "*",
        destinationPortRange: "*",
        sourceAddressPrefix: "*",
        destinationAddressPrefix: "*",
      });
      const passes = await handWrittenStack(view, nsg("nsg-app", [denyAll("deny")]));
      expect(passes.blocked).toEqual([]);
      const opened = await handWrittenStack(view, nsg("nsg-app", [denyAll("ALLOW")]));
      expect(policies(opened.blocked)).toEqual([
        "network-azure-explicit-deny",
        "network-no-admin-ports-from-internet",
        "network-no-any-port-rules",
        "network-no-internet-ingress-beyond-edge",
      ]);
      // The classic standalone rule reads the same.
      const standalone = await handWrittenStack(
        view,
        nsg("nsg-app", [denyAll("Deny")]).inputs &&
          spec(CLASSIC_NSG, "nsg-app", { name: "nsg-app", tags: { "zt:tier": "app" } }),
        spec(CLASSIC_RULE, "deny-all", {
          ...denyAll("dEnY"),
          networkSecurityGroupName: "NSG-APP",
          resourceGroupName: "rg",
        }),
      );
      expect(standalone.blocked).toEqual([]);
    });

    it("AWS: a protocol by name in any case or by number, as text or a number, is the same protocol", async () => {
      for (const protocol of ["tcp", "TCP", "6", 6]) {
        const v = await handWrittenStack(view, openGroup("bastion", ssh({ protocol, cidrBlocks: ["0.0.0.0/0"] })));
        expect(v.blocked, String(protocol)).toEqual([
          expect.stringMatching(/^network-no-admin-ports-from-internet: SecurityGroup 'bastion' exposes SSH \(22\)/),
          expect.stringMatching(/^network-no-internet-ingress-beyond-edge: SecurityGroup 'bastion' opens bastion/),
        ]);
      }
      // -1, "all" and an IP protocol outside the vocabulary (47, GRE) are every protocol: every port.
      for (const protocol of ["-1", -1, "all", "ALL", "47"]) {
        const v = await handWrittenStack(
          view,
          openGroup("cluster", { protocol, fromPort: 0, toPort: 0, cidrBlocks: ["203.0.113.0/24"] }),
        );
        expect(v.blocked, String(protocol)).toContainEqual(
          expect.stringMatching(
            /^network-no-any-port-rules: SecurityGroup 'cluster' allows 203\.0\.113\.0\/24 → untagged group cluster on any protocol\/any port/,
          ),
        );
      }
      // UDP by number is UDP: a narrow office range on 53 is advice, not every protocol.
      const dns = await handWrittenStack(
        view,
        openGroup("dns", { protocol: "17", fromPort: 53, toPort: 53, cidrBlocks: ["203.0.113.0/24"] }),
      );
      expect(dns.blocked).toEqual([]);
      expect(dns.notices).toMatch(/203\.0\.113\.0\/24 → untagged group dns on udp\/53/);
    });

    it("AWS: port ranges as AWS reads them: -1 and 0-65535 are every port; 22-22 is SSH", async () => {
      for (const [fromPort, toPort] of [
        [-1, -1],
        [0, 65535],
      ]) {
        const v = await onExample(
          view,
          awsInto("app-wide", "app", {
            ipProtocol: "tcp",
            fromPort,
            toPort,
            referencedSecurityGroupId: ref("contoso-aws-tiers-web"),
          }),
        );
        expect(v.blocked, `${fromPort}-${toPort}`).toContainEqual(
          expect.stringMatching(
            /^network-no-any-port-rules: SecurityGroupIngressRule 'app-wide' allows .* on tcp\/any port/,
          ),
        );
      }
    });

    it("AWS: ICMPv6 by name or number is ICMP, not every protocol", async () => {
      for (const ipProtocol of ["icmpv6", "ICMPv6", "58"]) {
        const v = await onExample(
          view,
          awsInto("ping6", "web", {
            ipProtocol,
            fromPort: 128,
            toPort: -1,
            referencedSecurityGroupId: ref("contoso-aws-tiers-mgmt"),
          }),
        );
        // Echo from the management tier is an undeclared flow, judged as ICMP: no any-port block.
        expect(v.blocked, ipProtocol).toEqual([
          expect.stringMatching(
            /^network-flows-follow-tier-model: SecurityGroupIngressRule 'ping6' lets mgmt → web on icmpv6 type 128/,
          ),
        ]);
      }
    });
  });

  describe("address ranges, by containment", () => {
    it("a range is private only if every address lies in a private block: 10.0.0.0/7, 172.16.0.0/11 and 11.0.0.0/8 are public", async () => {
      for (const cidr of ["10.0.0.0/7", "172.16.0.0/11", "192.168.0.0/15", "11.0.0.0/8", "fc00::/6"]) {
        const v = await handWrittenStack(
          view,
          openGroup("bastion", ssh({ [cidr.includes(":") ? "ipv6CidrBlocks" : "cidrBlocks"]: [cidr] })),
        );
        expect(v.blocked, cidr).toContainEqual(
          expect.stringMatching(
            /^network-no-admin-ports-from-internet: SecurityGroup 'bastion' exposes SSH \(22\) to the internet/,
          ),
        );
      }
      for (const cidr of ["10.0.0.0/8", "172.16.0.0/12", "100.64.0.0/10", "fd00::/8", "10.1.2.3"]) {
        const v = await handWrittenStack(
          view,
          openGroup("bastion", ssh({ [cidr.includes(":") ? "ipv6CidrBlocks" : "cidrBlocks"]: [cidr] })),
        );
        expect(v.blocked, cidr).toEqual([]);
        expect(v.notices, cidr).not.toMatch(/public address/);
      }
    });

    it("every spelling of every address is the internet: 0.0.0.0/00, ::/0, 0::0/0", async () => {
      for (const [key, cidr] of [
        ["cidrIpv4", "0.0.0.0/00"],
        ["cidrIpv6", "::/0"],
        ["cidrIpv6", "0::0/0"],
      ]) {
        const v = await onExample(
          view,
          awsInto("db-open", "data", { ipProtocol: "tcp", fromPort: 5432, toPort: 5432, [key!]: cidr }),
        );
        expect(v.blocked, cidr).toContainEqual(
          expect.stringMatching(
            /^network-no-internet-ingress-beyond-edge: SecurityGroupIngressRule 'db-open' opens tier 'data' to the internet \(internet → data on tcp\/5432\)/,
          ),
        );
      }
      expect(coversInternet(["0.0.0.0/1", "128.0.0.0/1"])).toBe(true);
      expect(coversInternet(["0.0.0.0/1"])).toBe(false);
      expect(isInside("10.0.0.0/7")).toBe(false);
      expect(isInside("fd12:3456::/32")).toBe(true);
    });

    it("ranges split across entries or rules of one group add up: two /17s on SSH are a /16, as wide as the internet; one is an allow-list", async () => {
      const halves = await handWrittenStack(
        view,
        spec(SG, "bastion", {}),
        spec(INGRESS, "ssh-low", {
          securityGroupId: ref("bastion"),
          ipProtocol: "tcp",
          fromPort: 22,
          toPort: 22,
          cidrIpv4: "44.0.0.0/17",
        }),
        spec(INGRESS, "ssh-high", {
          securityGroupId: ref("bastion"),
          ipProtocol: "tcp",
          fromPort: 22,
          toPort: 22,
          cidrIpv4: "44.0.128.0/17",
        }),
      );
      expect(policies(halves.blocked)).toEqual(["network-no-internet-ingress-beyond-edge"]);
      expect(halves.blocked.join("\n")).toMatch(
        /'ssh-low' opens bastion \(a group without a zt:tier tag\) to the internet/,
      );
      // Inline, in one resource, the resource rule adds them up too.
      const inline = await handWrittenStack(
        view,
        openGroup("bastion", ssh({ cidrBlocks: ["44.0.0.0/17", "44.0.128.0/17"] })),
      );
      expect(inline.blocked).toContainEqual(
        expect.stringMatching(
          /^network-no-admin-ports-from-internet: .*44\.0\.0\.0\/17, 44\.0\.128\.0\/17\) is as wide as the internet/,
        ),
      );
      // The internet split in two halves.
      const split = await handWrittenStack(
        view,
        openGroup("bastion", ssh({ cidrBlocks: ["0.0.0.0/1", "128.0.0.0/1"] })),
      );
      expect(policies(split.blocked)).toEqual([
        "network-no-admin-ports-from-internet",
        "network-no-internet-ingress-beyond-edge",
      ]);
      // The internet split in two rules.
      const rules = await handWrittenStack(
        view,
        spec(SG, "bastion", {}),
        ...["0.0.0.0/1", "128.0.0.0/1"].map((cidrIpv4, i) =>
          spec(INGRESS, `ssh-${i}`, {
            securityGroupId: ref("bastion"),
            ipProtocol: "tcp",
            fromPort: 22,
            toPort: 22,
            cidrIpv4,
          }),
        ),
      );
      expect(rules.blocked.filter((l) => l.startsWith("network-no-admin-ports-from-internet"))).toHaveLength(2);
      // One /17, or two /17s on different ports, stay allow-lists: advice.
      const one = await handWrittenStack(view, openGroup("bastion", ssh({ cidrBlocks: ["44.0.0.0/17"] })));
      expect(one.blocked).toEqual([]);
      const apart = await handWrittenStack(
        view,
        spec(SG, "bastion", {
          ingress: [
            ssh({ cidrBlocks: ["44.0.0.0/17"] }),
            { protocol: "tcp", fromPort: 8080, toPort: 8080, cidrBlocks: ["44.0.128.0/17"] },
          ],
        }),
      );
      expect(apart.blocked).toEqual([]);
      expect(isWideRange(["44.0.0.0/17", "44.0.0.0/17"])).toBe(false);
    });

    it("narrowing by splitting a declared range passes; a split that reaches beyond it is blocked", async () => {
      const out = (name: string, cidrIpv4: string) =>
        spec(EGRESS, name, {
          securityGroupId: ref("contoso-aws-tiers-app"),
          ipProtocol: "tcp",
          fromPort: 443,
          toPort: 443,
          cidrIpv4,
        });
      const narrower = await onExample(view, out("pay-low", "198.51.100.0/25"), out("pay-high", "198.51.100.128/25"));
      expect(narrower.blocked).toEqual([]);
      const wider = await onExample(view, out("pay-low", "198.51.100.0/25"), out("pay-next", "198.51.101.0/25"));
      expect(wider.blocked).toEqual([
        expect.stringMatching(/^network-restricted-egress: SecurityGroupEgressRule 'pay-next'/),
      ]);
    });
  });

  describe("Azure service tags, by what they cover", () => {
    const nsgWith = (...sources: string[]) =>
      spec(NSG, "ops-nsg", {
        securityRules: sources.map((sourceAddressPrefix, i) => ({
          name: `ssh-${i}`,
          priority: 100 + i,
          direction: "Inbound",
          access: "Allow",
          protocol: "Tcp",
          sourceAddressPrefix,
          sourcePortRange: "*",
          destinationAddressPrefix: "*",
          destinationPortRange: "22",
        })),
      });
    it("blocks SSH from wide tags in any case and region, and from a tag the catalog does not know", async () => {
      const wide = [
        "*",
        "internet",
        "INTERNET",
        "AzureCloud.WestEurope",
        "azurecloud",
        "LogicApps",
        "AzureFrontDoor.Backend",
        "AzureCloudy",
      ];
      const v = await handWrittenStack(view, nsgWith(...wide));
      const admin = v.blocked.filter((l) => l.startsWith("network-no-admin-ports-from-internet"));
      expect(admin).toHaveLength(wide.length);
      expect(admin.join("\n")).toMatch(/service tag LogicApps \(every Azure tenant's addresses\)/);
      expect(admin.join("\n")).toMatch(
        /service tag AzureCloudy \(not in the pack's catalog, so judged as the internet\)/,
      );
    });
    it("passes the platform's and one service's own tags: the load balancer's probes, gateway management, a region's storage", async () => {
      const narrow = [
        "AzureLoadBalancer",
        "AZURE_LOADBALANCER",
        "azureloadbalancer",
        "GatewayManager",
        "Storage.WestEurope",
      ];
      const v = await handWrittenStack(view, nsgWith(...narrow));
      expect(v.blocked.filter((l) => !l.startsWith("network-azure-explicit-deny"))).toEqual([]);
      expect(v.notices).not.toMatch(/public address/);
      expect(narrow.map(serviceTagKind)).toEqual(["platform", "platform", "platform", "service", "service"]);
    });
  });

  describe("segmentation flattened by breadth", () => {
    /** A VPC with a subnet per tier, tagged, and the rule under test into the example's data tier. */
    const vpc = [
      spec("aws:ec2/vpc:Vpc", "main", { cidrBlock: "10.20.0.0/16" }),
      ...["web", "app", "data"].map((tier, i) =>
        spec("aws:ec2/subnet:Subnet", `${tier}-subnet`, {
          vpcId: ref("main"),
          cidrBlock: `10.20.${i + 1}.0/24`,
          tags: { "zt:tier": tier },
        }),
      ),
    ];
    const fromRange = (name: string, cidrIpv4: string) =>
      awsInto(name, "data", { ipProtocol: "tcp", fromPort: 5432, toPort: 5432, cidrIpv4 });

    it("a rule from the whole VNet (VirtualNetwork in any case) into a tier's NSG lets every tier in", async () => {
      for (const prefix of ["VirtualNetwork", "virtualnetwork", "VIRTUAL_NETWORK"]) {
        const v = await onExample(
          view,
          azureOn(`vnet-${prefix}`, "data", {
            access: "Allow",
            direction: "Inbound",
            priority: 300,
            protocol: "Tcp",
            sourceAddressPrefix: prefix,
            destinationApplicationSecurityGroups: asg("data"),
            destinationPortRange: "5432",
          }),
        );
        expect(policies(v.blocked), prefix).toEqual([
          "network-flows-follow-tier-model",
          "network-tier-to-tier-by-reference",
        ]);
        expect(v.blocked.join("\n")).toMatch(
          /vnet → data on tcp\/5432: that range is the whole virtual network: every tier \(edge, web, app, mgmt\), so it lets 'edge', 'web' into tier 'data'/,
        );
      }
    });

    it("VirtualNetwork as the destination of an inbound rule is the NSG's own tier: web to data through it is judged", async () => {
      const v = await onExample(
        view,
        azureOn("web-to-data", "data", {
          access: "Allow",
          direction: "Inbound",
          priority: 300,
          protocol: "Tcp",
          sourceApplicationSecurityGroups: asg("web"),
          destinationAddressPrefix: "VirtualNetwork",
          destinationPortRange: "5432",
        }),
      );
      expect(v.blocked).toEqual([
        expect.stringMatching(
          /^network-flows-follow-tier-model: SecurityRule 'web-to-data' lets web → data on tcp\/5432, which the tier model does not allow \(it skips the app tier\)/,
        ),
      ]);
    });

    it("the VPC's CIDR, or a range over every subnet, is every tier; one tier's subnet is that tier", async () => {
      const whole = await onExample(view, ...vpc, fromRange("from-vpc", "10.20.0.0/16"));
      expect(whole.blocked).toContainEqual(
        expect.stringMatching(
          /^network-flows-follow-tier-model: .*'from-vpc' lets 10\.20\.0\.0\/16 → data on tcp\/5432: that range is the whole address space of Vpc 'main': every tier/,
        ),
      );
      const spanning = await onExample(view, ...vpc, fromRange("from-subnets", "10.20.0.0/22"));
      expect(spanning.blocked).toContainEqual(
        expect.stringMatching(
          /'from-subnets' .*that range is every subnet of its network \(web-subnet, app-subnet, data-subnet\)/,
        ),
      );
      const web = await onExample(view, ...vpc, fromRange("from-web", "10.20.1.0/24"));
      expect(web.blocked).toContainEqual(
        expect.stringMatching(
          /^network-flows-follow-tier-model: .*'from-web' .*that range is tier 'web' \(the subnets it overlaps\)/,
        ),
      );
      // The app tier's subnet reaching data on a declared port: the tier model allows it (the address range is still refused).
      const app = await onExample(view, ...vpc, fromRange("from-app", "10.20.2.0/24"));
      expect(policies(app.blocked)).toEqual(["network-tier-to-tier-by-reference"]);
    });

    it("egress from a tier to the whole network is a flow to every tier", async () => {
      const v = await onExample(
        view,
        azureOn("data-to-vnet", "data", {
          access: "Allow",
          direction: "Outbound",
          priority: 300,
          protocol: "Tcp",
          sourceApplicationSecurityGroups: asg("data"),
          destinationAddressPrefix: "VirtualNetwork",
          destinationPortRange: "443",
        }),
      );
      expect(v.blocked).toContainEqual(
        expect.stringMatching(/^network-flows-follow-tier-model: .*so it lets tier 'data' reach 'edge'/),
      );
    });

    it("without a profile, a hand-written tiered stack is held to the default tier model: the VNet into data is blocked", async () => {
      const tiered = (sourceAddressPrefix: string) =>
        spec(NSG, "data-nsg", {
          tags: { "zt:tier": "data" },
          securityRules: [
            {
              name: "postgres",
              priority: 100,
              direction: "Inbound",
              access: "Allow",
              protocol: "Tcp",
              sourceAddressPrefix,
              sourcePortRange: "*",
              destinationAddressPrefix: "*",
              destinationPortRange: "5432",
            },
            {
              name: "deny-all",
              priority: 4096,
              direction: "Inbound",
              access: "Deny",
              protocol: "*",
              sourceAddressPrefix: "*",
              sourcePortRange: "*",
              destinationAddressPrefix: "*",
              destinationPortRange: "*",
            },
          ],
        });
      const v = await handWrittenStack(view, tiered("VirtualNetwork"));
      expect(policies(v.blocked)).toEqual(["network-flows-follow-tier-model", "network-tier-to-tier-by-reference"]);
      expect(v.blocked.join("\n")).toMatch(
        /every tier \(edge, web, app, mgmt\), so it lets 'edge', 'web', 'mgmt' into tier 'data'/,
      );
    });

    it("a tier talking to its own subnet by range passes", async () => {
      const v = await onExample(view, ...vpc, fromRange("replication", "10.20.3.0/24"));
      expect(v.blocked).toEqual([]);
    });
  });

  describe("NSGs put over subnets and interfaces", () => {
    /** A VNet with a data subnet and a VM whose interface is in the data tier's ASG, in that subnet. */
    const vnet = (subnet: Json = {}) => [
      spec("azure-native:network:VirtualNetwork", "vnet", {
        virtualNetworkName: "vnet-main",
        resourceGroupName: "rg",
        addressSpace: { addressPrefixes: ["10.30.0.0/16"] },
      }),
      spec("azure-native:network:Subnet", "data-subnet", {
        subnetName: "data",
        virtualNetworkName: "vnet-main",
        resourceGroupName: "rg",
        addressPrefix: "10.30.3.0/24",
        ...subnet,
      }),
      spec("azure-native:network:NetworkInterface", "db-nic", {
        resourceGroupName: "rg",
        ipConfigurations: [{ name: "ip", subnet: { id: ref("data-subnet") }, applicationSecurityGroups: asg("data") }],
      }),
    ];
    const nsgRef = (tier: string) => ({ id: ref(`contoso-azure-tiers-${tier}-nsg`) });

    it("passes a data subnet under the data tier's NSG", async () => {
      const v = await onExample(view, ...vnet({ networkSecurityGroup: nsgRef("data") }));
      expect(v.blocked).toEqual([]);
    });

    it("blocks the data subnet put under the web tier's NSG, by the Subnet or by a classic association", async () => {
      const own = await onExample(view, ...vnet({ networkSecurityGroup: nsgRef("web") }));
      expect(own.blocked).toEqual([
        expect.stringMatching(
          /^network-one-tier-per-host: Subnet 'data-subnet' puts Subnet 'data', which holds tier 'data', under the web tier's NSG/,
        ),
      ]);
      const classic = await onExample(
        view,
        ...vnet({ networkSecurityGroup: nsgRef("data") }),
        spec("azure:network/subnetNetworkSecurityGroupAssociation:SubnetNetworkSecurityGroupAssociation", "swap", {
          subnetId: ref("data-subnet"),
          networkSecurityGroupId: ref("contoso-azure-tiers-web-nsg"),
        }),
      );
      expect(classic.blocked).toContainEqual(
        expect.stringMatching(
          /^network-one-tier-per-host: SubnetNetworkSecurityGroupAssociation 'swap' puts Subnet 'data' under the web tier's NSG, while Subnet 'data-subnet' puts it under the data tier's NSG: whichever applies last swaps/,
        ),
      );
    });

    it("blocks a tier's subnet under an NSG with no tier, and an interface under another tier's NSG", async () => {
      const untagged = await onExample(
        view,
        spec(NSG, "legacy-nsg", { resourceGroupName: "rg", networkSecurityGroupName: "legacy" }),
        ...vnet({ networkSecurityGroup: { id: ref("legacy-nsg") } }),
      );
      expect(untagged.blocked).toContainEqual(
        expect.stringMatching(
          /^network-one-tier-per-host: Subnet 'data-subnet' puts Subnet 'data', which holds tier 'data', under NSG legacy-nsg, which has no zt:tier tag/,
        ),
      );
      const nic = await onExample(
        view,
        spec("azure-native:network:NetworkInterface", "db-nic", {
          resourceGroupName: "rg",
          networkSecurityGroup: nsgRef("edge"),
          ipConfigurations: [{ name: "ip", applicationSecurityGroups: asg("data") }],
        }),
      );
      expect(nic.blocked).toEqual([
        expect.stringMatching(
          /^network-one-tier-per-host: NetworkInterface 'db-nic' puts Interface 'db-nic', which holds tier 'data', under the edge tier's NSG/,
        ),
      ]);
    });

    it("reads the NSG a VirtualNetwork names for its inline subnet, and a VM in it, by dependency or by the subnet's id", async () => {
      const inline = (tier: string) => [
        spec("azure-native:network:VirtualNetwork", "vnet", {
          virtualNetworkName: "vnet-main",
          resourceGroupName: "rg",
          addressSpace: { addressPrefixes: ["10.30.0.0/16"] },
          subnets: [{ name: "data", addressPrefix: "10.30.3.0/24", networkSecurityGroup: nsgRef(tier) }],
        }),
        spec("azure-native:network:NetworkInterface", "db-nic", {
          resourceGroupName: "rg",
          ipConfigurations: [
            { name: "ip", subnet: { id: ref("vnet", "/subnets/data") }, applicationSecurityGroups: asg("data") },
          ],
        }),
      ];
      expect((await onExample(view, ...inline("data"))).blocked).toEqual([]);
      expect((await onExample(view, ...inline("mgmt"))).blocked).toEqual([
        expect.stringMatching(
          /^network-one-tier-per-host: VirtualNetwork 'vnet' puts Subnet 'data', which holds tier 'data', under the mgmt tier's NSG/,
        ),
      ]);
    });

    it("a subnet that holds several tiers (one NSG, rules by ASG) is the ASG design: not judged by its NSG", async () => {
      const shared = [
        ...vnet({ networkSecurityGroup: nsgRef("app") }),
        spec("azure-native:network:NetworkInterface", "app-nic", {
          resourceGroupName: "rg",
          ipConfigurations: [{ name: "ip", subnet: { id: ref("data-subnet") }, applicationSecurityGroups: asg("app") }],
        }),
      ];
      expect((await onExample(view, ...shared)).blocked).toEqual([]);
      const subnet = postureOf(example(view, ...shared)).network.subnets.find((s) => s.name === "data")!;
      expect(subnet.tiers).toEqual(["app", "data"]);
    });
  });

  describe("harmless shapes pass", () => {
    it("path MTU discovery from anywhere: ICMP type 3 code 4, ICMPv6 type 2; other ICMP into a tier is blocked", async () => {
      const pmtu = await onExample(
        view,
        awsInto("pmtu", "data", { ipProtocol: "icmp", fromPort: 3, toPort: 4, cidrIpv4: "0.0.0.0/0" }),
        awsInto("pmtu6", "data", { ipProtocol: "58", fromPort: 2, toPort: 0, cidrIpv6: "::/0" }),
        spec("aws:ec2/securityGroupRule:SecurityGroupRule", "pmtu-legacy", {
          type: "ingress",
          securityGroupId: ref("contoso-aws-tiers-app"),
          protocol: "ICMP",
          fromPort: 3,
          toPort: 4,
          cidrBlocks: ["0.0.0.0/0"],
        }),
      );
      expect(pmtu.blocked).toEqual([]);
      for (const [fromPort, toPort] of [
        [-1, -1],
        [8, 0],
        [3, -1],
      ]) {
        const v = await onExample(
          view,
          awsInto("icmp", "data", { ipProtocol: "icmp", fromPort, toPort, cidrIpv4: "0.0.0.0/0" }),
        );
        expect(v.blocked, `${fromPort}/${toPort}`).toEqual([
          expect.stringMatching(
            /^network-no-internet-ingress-beyond-edge: SecurityGroupIngressRule 'icmp' opens tier 'data' to the internet \(internet → data on icmp/,
          ),
        ]);
      }
    });

    it("a data tier talking to itself, by a self reference or its own group; every port to itself is advice", async () => {
      const self = await onExample(
        view,
        awsInto("replication", "data", {
          ipProtocol: "tcp",
          fromPort: 5432,
          toPort: 5432,
          referencedSecurityGroupId: ref("contoso-aws-tiers-data"),
        }),
        spec("aws:ec2/securityGroupRule:SecurityGroupRule", "cluster", {
          type: "ingress",
          securityGroupId: ref("contoso-aws-tiers-data"),
          protocol: "-1",
          fromPort: 0,
          toPort: 0,
          self: true,
        }),
      );
      expect(self.blocked).toEqual([]);
      expect(self.notices).toMatch(/SecurityGroupRule 'cluster' allows .* on any protocol\/any port/);
      // The same rule from another tier is blocked.
      const other = await onExample(
        view,
        awsInto("replication", "data", {
          ipProtocol: "tcp",
          fromPort: 5432,
          toPort: 5432,
          referencedSecurityGroupId: ref("contoso-aws-tiers-web"),
        }),
      );
      expect(policies(other.blocked)).toEqual(["network-flows-follow-tier-model"]);
    });
  });

  describe("unreadable values, as posture/unknown.ts says", () => {
    it("an address not known until apply is the internet, named by its property", async () => {
      const v = await handWrittenStack(
        view,
        spec(SG, "bastion", {}),
        spec("aws:ec2/managedPrefixList:ManagedPrefixList", "office", { addressFamily: "IPv4", maxEntries: 1 }),
        spec(INGRESS, "ssh", {
          securityGroupId: ref("bastion"),
          ipProtocol: "tcp",
          fromPort: 22,
          toPort: 22,
          cidrIpv4: ref("office", "-not-a-cidr"),
        }),
      );
      // Unknown in a new stack; once deployed, a value that is no address: the internet either way.
      const why =
        view === "new" ? "an address not known until apply" : '"office-0a1b2c3d-not-a-cidr" is not an address';
      expect(v.blocked.join("\n")).toContain(
        `network-no-admin-ports-from-internet: SecurityGroupIngressRule 'ssh' exposes SSH (22) to the internet (unresolved cidrIpv4 (${why}: judged as the internet) → `,
      );
      expect(v.blocked.join("\n")).toContain(
        `network-no-internet-ingress-beyond-edge: SecurityGroupIngressRule 'ssh' opens bastion (a group without a zt:tier tag) to the internet (unresolved cidrIpv4 (${why}: judged as the internet) → untagged group bastion on tcp/22)`,
      );
    });

    it("a protocol, ports, access and direction not known until apply are every protocol, every port, allow and inbound", async () => {
      const computed = spec("aws:ec2/managedPrefixList:ManagedPrefixList", "computed", {});
      const v = await handWrittenStack(
        view,
        computed,
        spec(NSG, "app-nsg", { tags: { "zt:tier": "app" } }),
        spec(RULE, "mystery", {
          networkSecurityGroupName: ref("app-nsg"),
          priority: 100,
          access: ref("computed"),
          direction: ref("computed"),
          protocol: ref("computed"),
          sourceAddressPrefix: "10.0.0.0/8",
          destinationAddressPrefix: "*",
          destinationPortRange: ref("computed"),
        }),
      );
      // Analyze sees the rule alone (its NSG unresolved: any), AnalyzeStack on its NSG's tier.
      expect(v.blocked).toContainEqual(
        expect.stringMatching(
          /^network-no-any-port-rules: SecurityRule 'mystery' allows 10\.0\.0\.0\/8 → (app|any) on any protocol\/any port/,
        ),
      );
      expect(v.blocked).toContainEqual(
        expect.stringMatching(
          /^network-tier-to-tier-by-reference: SecurityRule 'mystery' allows 10\.0\.0\.0\/8 → app on any protocol\/any port/,
        ),
      );
      // The verdict names what it could not read and what each counts as (a new stack: not known until apply).
      if (view === "new")
        expect(v.blocked.join("\n")).toContain(
          "(access cannot be read yet, so counts as allow; direction cannot be read yet, so counts as inbound; protocol cannot be read yet, so counts as every protocol; destinationPortRange cannot be read yet, so counts as every port)",
        );
    });

    it("an AWS protocol and ports not known until apply are every protocol on every port, and the verdict says so", async () => {
      const v = await onExample(
        view,
        spec("aws:ec2/managedPrefixList:ManagedPrefixList", "computed", {}),
        awsInto("from-app", "data", {
          ipProtocol: view === "new" ? ref("computed") : "-1",
          fromPort: 5432,
          toPort: 5432,
          referencedSecurityGroupId: ref("contoso-aws-tiers-app"),
        }),
      );
      expect(v.blocked).toContainEqual(
        expect.stringMatching(
          /^network-flows-follow-tier-model: SecurityGroupIngressRule 'from-app' lets app → data on any protocol\/any port/,
        ),
      );
      if (view === "new")
        expect(v.blocked.join("\n")).toContain("(ipProtocol cannot be read yet, so counts as every protocol)");
    });

    it("an egress destination not known until apply is the internet: an inner tier talking out", async () => {
      const v = await onExample(
        view,
        spec("aws:ec2/managedPrefixList:ManagedPrefixList", "computed", {}),
        spec(EGRESS, "data-out", {
          securityGroupId: ref("contoso-aws-tiers-data"),
          ipProtocol: "tcp",
          fromPort: 443,
          toPort: 443,
          cidrIpv4: ref("computed", "/32"),
        }),
      );
      expect(v.blocked).toEqual([
        expect.stringMatching(
          view === "new"
            ? /^network-restricted-egress: SecurityGroupEgressRule 'data-out' lets data → unresolved cidrIpv4 \(an address not known until apply: judged as the internet\) on tcp\/443/
            : /^network-restricted-egress: SecurityGroupEgressRule 'data-out' lets data → unresolved cidrIpv4 \("computed-0a1b2c3d\/32" is not an address/,
        ),
      ]);
    });

    it("a network ACL entry whose range is not known until apply is the internet; a deny whose number is unknown does not decide first", async () => {
      const v = await handWrittenStack(
        view,
        spec("aws:ec2/managedPrefixList:ManagedPrefixList", "computed", {}),
        spec("aws:ec2/networkAcl:NetworkAcl", "public", {
          vpcId: "vpc-0123",
          ingress: [
            {
              ruleNo: ref("computed"),
              action: "DENY",
              protocol: "6",
              fromPort: 22,
              toPort: 22,
              cidrBlock: "0.0.0.0/0",
            },
            { ruleNo: 100, action: "ALLOW", protocol: "6", fromPort: 22, toPort: 22, cidrBlock: ref("computed") },
          ],
        }),
      );
      expect(v.advised).toEqual([
        expect.stringMatching(
          /^network-acl-no-admin-ports-from-internet: NetworkAcl 'public' rule 100 lets unresolved ingress\.cidrBlock|^network-acl-no-admin-ports-from-internet: NetworkAcl 'public' rule 100 lets unresolved cidrBlock/,
        ),
      ]);
    });
  });
});
