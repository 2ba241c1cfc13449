import { describe, expect, it } from "vitest";
import { DENY_PRIORITY } from "../catalog/azure-priorities";
import { parseProfile } from "../profile";
import type { Flow } from "../profile/network";
import { describePortRange, describePorted } from "../posture/ports";
import { ResourceIndex } from "../posture/index-resources";
import { describeEndpoint, type NetworkRule } from "../posture/model";
import { readNetwork } from "../posture/readers/network";
import { exampleProfile, minimalProfile } from "./fixtures";
import { planProfile } from "./harness";

const AWS_NET = { region: "eu-west-1", vpcId: "vpc-0a1b2c3d4e5f60718", accountId: "123456789012" };
const AZURE_NET = {
  subscriptionId: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
  resourceGroupName: "rg-net",
  location: "westeurope",
};

const key = (r: NetworkRule) => `${describeEndpoint(r.from)}>${describeEndpoint(r.to)} ${describePorted(r)}`;

/** What the declared flows allow, one entry per source, destination and port range. */
function expected(flows: readonly Flow[], side: "ingress" | "egress"): string[] {
  const out: string[] = [];
  for (const f of flows) {
    if (side === "ingress" ? f.to === "internet" : f.from === "internet") continue;
    const ends = (e: string) => (e === "internet" ? (f.cidrs?.length ? f.cidrs : ["internet"]) : [e]);
    for (const from of ends(f.from))
      for (const to of ends(f.to))
        for (const p of f.protocol === "icmp" ? ["icmp"] : f.ports.map((r) => `${f.protocol}/${describePortRange(r)}`))
          out.push(`${from}>${to} ${p}`);
  }
  return out.sort();
}

async function networkOf(raw: Record<string, any>) {
  const resources = await planProfile(raw);
  return { profile: parseProfile(raw), network: readNetwork(new ResourceIndex(resources)), resources };
}

const profiles: [string, () => Record<string, any>][] = [
  ["the default tier model", () => ({ ...minimalProfile(), network: { aws: AWS_NET, azure: AZURE_NET } })],
  [
    "a custom tier model",
    () => ({
      ...minimalProfile(),
      network: {
        tiers: ["lb", "api", "db", "ops"],
        edgeTier: "lb",
        managementTier: "ops",
        flows: [
          { from: "internet", to: "lb", ports: [443], cidrs: ["203.0.113.0/24", "198.51.100.0/24"] },
          { from: "lb", to: "api", ports: ["8000-8080"] },
          { from: "api", to: "db", protocol: "tcp", ports: [3306] },
          { from: "ops", to: "api", protocol: "icmp" },
          { from: "ops", to: "db", protocol: "udp", ports: [161] },
        ],
        aws: AWS_NET,
        azure: AZURE_NET,
      },
    }),
  ],
  ["the example client", exampleProfile],
];

describe.each(profiles)("segmentation for %s", (_name, make) => {
  it("AWS: one security group per tier, tagged zt:tier", async () => {
    const { profile, network } = await networkOf(make());
    const groups = network.groups.filter((g) => g.cloud === "aws");
    expect(groups.map((g) => g.tier).sort()).toEqual([...profile.network.tiers].sort());
  });

  it("AWS: ingress rules implement exactly the declared flows, and nothing more", async () => {
    const { profile, network } = await networkOf(make());
    const ingress = network.rules.filter((r) => r.cloud === "aws" && r.direction === "ingress");
    expect(ingress.map(key).sort()).toEqual(expected(profile.network.flows, "ingress"));
  });

  it("AWS: egress rules are the mirror of the flows out of each tier, and nothing more", async () => {
    const { profile, network } = await networkOf(make());
    const egress = network.rules.filter((r) => r.cloud === "aws" && r.direction === "egress");
    expect(egress.map(key).sort()).toEqual(expected(profile.network.flows, "egress"));
  });

  it("AWS: standalone rules only, tier-to-tier by security group reference", async () => {
    const { network, resources } = await networkOf(make());
    const aws = network.rules.filter((r) => r.cloud === "aws");
    expect(aws.every((r) => !r.inline)).toBe(true);
    for (const r of aws.filter((r) => r.from.kind === "tier" && r.to.kind === "tier")) {
      const rule = resources.find((x) => x.urn === r.origin.urn)!;
      expect(rule.inputs.cidrIpv4).toBeUndefined();
      expect(rule.propertyDependencies.referencedSecurityGroupId).toHaveLength(1);
    }
    for (const sg of resources.filter((x) => x.type === "aws:ec2/securityGroup:SecurityGroup")) {
      expect(sg.inputs.ingress).toBeUndefined();
      expect(sg.inputs.egress).toBeUndefined();
    }
  });

  it("Azure: one ASG and one NSG per tier, both tagged zt:tier", async () => {
    const { profile, network } = await networkOf(make());
    for (const kind of ["asg", "nsg"] as const) {
      const tiers = network.groups.filter((g) => g.cloud === "azure" && g.kind === kind).map((g) => g.tier);
      expect(tiers.sort()).toEqual([...profile.network.tiers].sort());
    }
  });

  it("Azure: allow rules implement exactly the declared flows (plus the edge's load-balancer probes)", async () => {
    const { profile, network } = await networkOf(make());
    const allows = network.rules.filter((r) => r.cloud === "azure" && r.access === "allow");
    const probes = allows.filter((r) => r.origin.name.endsWith("allow-azure-lb-probes-in"));
    expect(probes.map((r) => describeEndpoint(r.from))).toEqual(probes.map(() => "AzureLoadBalancer"));
    const rest = allows.filter((r) => !probes.includes(r));
    expect(
      rest
        .filter((r) => r.direction === "ingress")
        .map(key)
        .sort(),
    ).toEqual(expected(profile.network.flows, "ingress"));
    expect(
      rest
        .filter((r) => r.direction === "egress")
        .map(key)
        .sort(),
    ).toEqual(expected(profile.network.flows, "egress"));
  });

  it("Azure: every NSG denies everything else in both directions, above the default rules", async () => {
    const { profile, network } = await networkOf(make());
    for (const tier of profile.network.tiers) {
      for (const direction of ["ingress", "egress"] as const) {
        const own = network.rules.filter(
          (r) =>
            r.cloud === "azure" &&
            r.direction === direction &&
            describeEndpoint(direction === "ingress" ? r.to : r.from) === tier,
        );
        const deny = own.find((r) => r.access === "deny");
        expect(deny, `${tier} ${direction}`).toMatchObject({
          priority: DENY_PRIORITY,
          protocol: "all",
          ports: undefined,
        });
        expect(deny!.priority!).toBeLessThan(65000);
        for (const allow of own.filter((r) => r.access === "allow"))
          expect(allow.priority!).toBeLessThan(DENY_PRIORITY);
      }
    }
  });

  it("no rule opens a tier other than the edge to the internet", async () => {
    const { profile, network } = await networkOf(make());
    const outside = new Set(["internet", "cidr", "any"]);
    const open = network.rules.filter(
      (r) => r.access === "allow" && r.direction === "ingress" && outside.has(r.from.kind),
    );
    expect(open.length).toBeGreaterThan(0);
    for (const r of open) expect(describeEndpoint(r.to)).toBe(profile.network.edgeTier);
  });
});

describe("segmentation details", () => {
  it("Azure priorities are deterministic, ten apart, per NSG and direction", async () => {
    const { network } = await networkOf(exampleProfile());
    const web = network.rules.filter(
      (r) =>
        r.cloud === "azure" && r.access === "allow" && r.direction === "ingress" && describeEndpoint(r.to) === "web",
    );
    expect([...new Set(web.map((r) => r.priority))]).toEqual([1000, 1010]);
  });

  it("logical names are stable: derived from client, tier and flow", async () => {
    const resources = await planProfile({ ...minimalProfile(), network: { aws: AWS_NET, azure: AZURE_NET } });
    const names = resources.filter((r) => r.parent?.endsWith("-tiers")).map((r) => r.name);
    expect(names).toContain("fabrikam-aws-tiers-web-to-app-tcp-8443-in");
    expect(names).toContain("fabrikam-aws-tiers-web-to-app-tcp-8443-out");
    expect(names).toContain("fabrikam-azure-tiers-app-allow-web-to-app-tcp-in");
    expect(names).toContain("fabrikam-azure-tiers-data-deny-all-inbound");
    expect(new Set(names).size).toBe(names.length);
  });

  it("the tier model refuses a flattening flow before anything is registered, naming the flow", async () => {
    const raw = {
      ...minimalProfile(),
      network: { aws: AWS_NET, flows: [{ from: "internet", to: "data", ports: [5432] }] },
    };
    await expect(planProfile(raw)).rejects.toThrow(
      /network\.flows\[0\]\.to: flow internet -> data: only the edge tier "edge" may accept internet traffic/,
    );
  });
});
