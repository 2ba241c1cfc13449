import { describe, expect, it } from "vitest";
import { postureOf } from "../../posture/build";
import type { PlannedResource } from "../../posture/resource";
import { add, edit, find, handWritten, names, remove, usePack } from "../pack-harness";

const { ctx, check, mandatory, unconfigured } = usePack();
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

const sg = (tier: string) => find(ctx.plan.resources, `contoso-aws-tiers-${tier}`).urn;

/** A hand-written AWS rule on a tier's security group, as a user would add it to their program. */
function awsRule(
  type: string,
  name: string,
  tier: string,
  rule: Record<string, unknown>,
  peerTier?: string,
): PlannedResource {
  const deps: Record<string, string[]> = { securityGroupId: [sg(tier)] };
  if (peerTier) deps.referencedSecurityGroupId = [sg(peerTier)];
  return handWritten(
    type,
    name,
    { securityGroupId: UNKNOWN, ...(peerTier ? { referencedSecurityGroupId: UNKNOWN } : {}), ...rule },
    deps,
  );
}

describe("network-no-internet-ingress-beyond-edge", () => {
  const rule = "network-no-internet-ingress-beyond-edge";
  it("blocks 0.0.0.0/0 to the data tier", async () => {
    const found = await mandatory(
      add(
        awsRule(INGRESS, "db-public", "data", {
          ipProtocol: "tcp",
          fromPort: 5432,
          toPort: 5432,
          cidrIpv4: "0.0.0.0/0",
        }),
      ),
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        policyName: rule,
        urn: expect.stringMatching(/db-public$/),
        message: expect.stringMatching(/opens tier 'data' to the internet \(internet → data on tcp\/5432\)/),
      }),
    );
  });
  it("blocks a non-web port at the edge", async () => {
    const found = await mandatory(
      add(
        awsRule(INGRESS, "edge-8080", "edge", {
          ipProtocol: "tcp",
          fromPort: 8080,
          toPort: 8080,
          cidrIpv4: "0.0.0.0/0",
        }),
      ),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ policyName: rule, message: expect.stringMatching(/open only 443, 80 at the edge/) }),
    );
  });
  it("blocks an Azure rule that lets the internet into the app tier", async () => {
    const found = await mandatory(
      edit("contoso-azure-tiers-app-allow-web-to-app-tcp-in", (i, r) => {
        delete i.sourceApplicationSecurityGroups;
        delete (r.propertyDependencies as Record<string, string[]>).sourceApplicationSecurityGroups;
        i.sourceAddressPrefix = "Internet";
      }),
    );
    expect(names(found)).toContain(rule);
  });
  it("fails closed on a rule whose group cannot be pinned to one tier (an id derived from all of them)", async () => {
    const rule = handWritten(
      INGRESS,
      "from-map",
      { securityGroupId: UNKNOWN, ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" },
      {
        securityGroupId: ["edge", "web", "app", "data", "mgmt"].map(sg),
      },
    );
    const found = await mandatory(add(rule));
    expect(found).toContainEqual(
      expect.objectContaining({
        policyName: "network-no-internet-ingress-beyond-edge",
        message: expect.stringMatching(/cannot pin to one tier \(unresolved one of contoso-aws-tiers-edge, /),
      }),
    );
  });
  it("passes narrowing the edge's sources to one range", async () => {
    const found = await mandatory(
      edit("contoso-aws-tiers-internet-to-edge-tcp-443-in", (i) => (i.cidrIpv4 = "203.0.113.0/24")),
    );
    expect(found).toEqual([]);
  });
});

describe("network-no-admin-ports-from-internet", () => {
  const rule = "network-no-admin-ports-from-internet";
  it("blocks SSH from the internet, even on an untagged hand-written group", async () => {
    const group = handWritten("aws:ec2/securityGroup:SecurityGroup", "legacy-bastion", {
      vpcId: "vpc-0a1b2c3d4e5f60718",
      ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }],
    });
    const found = await mandatory(add(group));
    expect(found).toContainEqual(
      expect.objectContaining({
        policyName: rule,
        urn: group.urn,
        message: expect.stringMatching(/exposes SSH \(22\) to the internet/),
      }),
    );
  });
  it("blocks SSH from the internet on the VPC's default security group", async () => {
    const group = handWritten("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "default", {
      vpcId: "vpc-0a1b2c3d4e5f60718",
      ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }],
    });
    expect(await mandatory(add(group))).toContainEqual(
      expect.objectContaining({
        policyName: rule,
        urn: group.urn,
        message: expect.stringMatching(/exposes SSH \(22\)/),
      }),
    );
  });
  it("blocks RDP from the internet on a classic @pulumi/azure NSG, inline or as a rule naming it in another case", async () => {
    const nsg = handWritten("azure:network/networkSecurityGroup:NetworkSecurityGroup", "legacy-nsg", {
      name: "NSG-Legacy",
      resourceGroupName: "rg-legacy",
      location: "westeurope",
      tags: { "zt:tier": "app" },
      securityRules: [
        {
          name: "rdp",
          priority: 100,
          direction: "Inbound",
          access: "Allow",
          protocol: "Tcp",
          sourcePortRange: "*",
          destinationPortRange: "3389",
          sourceAddressPrefix: "Internet",
          destinationAddressPrefix: "*",
        },
      ],
    });
    const standalone = handWritten("azure:network/networkSecurityRule:NetworkSecurityRule", "legacy-ssh", {
      name: "ssh",
      resourceGroupName: "rg-legacy",
      networkSecurityGroupName: "nsg-legacy",
      priority: 110,
      direction: "Inbound",
      access: "Allow",
      protocol: "Tcp",
      sourcePortRange: "*",
      destinationPortRange: "22",
      sourceAddressPrefix: "*",
      destinationAddressPrefix: "*",
    });
    const found = (await mandatory(add(nsg, standalone))).filter((d) => d.policyName === rule);
    expect(found).toContainEqual(
      expect.objectContaining({ urn: nsg.urn, message: expect.stringMatching(/RDP \(3389\)/) }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ urn: standalone.urn, message: expect.stringMatching(/SSH \(22\)/) }),
    );
    // Read as a stack, the rule belongs to its NSG although it names it in another case.
    const ssh = postureOf([nsg, standalone]).network.rules.find((r) => r.origin.urn === standalone.urn)!;
    expect(ssh).toMatchObject({ group: nsg.urn, to: { kind: "tier", tier: "app" } });
  });
  it("blocks SSH from every Azure tenant's addresses (the AzureCloud tag, any region) and from the Internet tag in any case; passes the load balancer's probes", async () => {
    const rule22 = (name: string, sourceAddressPrefix: string) => ({
      name,
      priority: 100 + name.length,
      direction: "Inbound",
      access: "Allow",
      protocol: "Tcp",
      sourceAddressPrefix,
      sourcePortRange: "*",
      destinationAddressPrefix: "*",
      destinationPortRange: "22",
    });
    const v = await unconfigured([
      handWritten("azure-native:network:NetworkSecurityGroup", "ops-nsg", {
        securityRules: [
          rule22("cloud", "AzureCloud"),
          rule22("cloud-region", "AzureCloud.westeurope"),
          rule22("lower", "internet"),
          rule22("probes", "AzureLoadBalancer"),
        ],
      }),
    ]);
    const found = v.mandatory.filter((d) => d.policyName === rule).map((d) => d.message);
    expect(found).toHaveLength(3);
    expect(found.join("\n")).toMatch(/service tag AzureCloud \(every Azure tenant's addresses\)/);
    expect(found.join("\n")).toMatch(/service tag AzureCloud\.westeurope/);
    expect(found.join("\n")).not.toMatch(/AzureLoadBalancer/);
  });
  it("blocks RDP from the internet through an Azure rule", async () => {
    const found = await mandatory(
      edit("contoso-azure-tiers-mgmt-deny-all-inbound", (i) =>
        Object.assign(i, {
          access: "Allow",
          protocol: "Tcp",
          sourceAddressPrefix: "Internet",
          destinationPortRange: "3389",
        }),
      ),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ policyName: rule, message: expect.stringMatching(/exposes RDP \(3389\)/) }),
    );
  });
  it("passes SSH from the management tier (by reference)", async () => {
    expect(names(await mandatory())).not.toContain(rule);
  });
});

describe("network-no-any-port-rules", () => {
  const rule = "network-no-any-port-rules";
  it("blocks the classic allow-all egress", async () => {
    const found = await mandatory(
      add(awsRule(EGRESS, "app-all-out", "app", { ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" })),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ policyName: rule, message: expect.stringMatching(/every protocol and port/) }),
    );
  });
  it("blocks an Azure allow on every port between tiers", async () => {
    const found = await mandatory(
      edit("contoso-azure-tiers-data-allow-app-to-data-tcp-in", (i) => {
        delete i.destinationPortRanges;
        i.destinationPortRange = "*";
      }),
    );
    expect(names(found)).toContain(rule);
  });
});

describe("network-no-any-port-rules (narrowing)", () => {
  it("passes narrowing an Azure allow from two ports to one", async () => {
    const found = await mandatory(
      edit("contoso-azure-tiers-data-allow-app-to-data-tcp-in", (i) => (i.destinationPortRanges = ["5432"])),
    );
    expect(found).toEqual([]);
  });
});

describe("network-flows-follow-tier-model", () => {
  const rule = "network-flows-follow-tier-model";
  it("blocks web reaching data directly (tier skipping)", async () => {
    const found = await mandatory(
      add(awsRule(INGRESS, "web-to-db", "data", { ipProtocol: "tcp", fromPort: 5432, toPort: 5432 }, "web")),
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        policyName: rule,
        message: expect.stringMatching(
          /web → data on tcp\/5432, which the tier model does not allow \(it skips the app tier\)/,
        ),
      }),
    );
  });
  it("blocks a broader port range on a declared flow", async () => {
    const found = await mandatory(
      edit("contoso-aws-tiers-web-to-app-tcp-8443-in", (i) => Object.assign(i, { fromPort: 8000, toPort: 9000 })),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ policyName: rule, message: expect.stringMatching(/web → app on tcp\/8000-9000/) }),
    );
  });
  it("blocks data calling back into web", async () => {
    const found = await mandatory(
      add(awsRule(INGRESS, "db-to-web", "web", { ipProtocol: "tcp", fromPort: 443, toPort: 443 }, "data")),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ policyName: rule, message: expect.stringMatching(/points back towards the internet/) }),
    );
  });
  it("blocks a way into a tier from an untagged group, or from a group outside the stack named by its id", async () => {
    const legacy = handWritten("aws:ec2/securityGroup:SecurityGroup", "legacy-batch", {
      vpcId: "vpc-0123",
      description: "batch",
    });
    const found = (
      await mandatory(
        add(
          legacy,
          handWritten(
            INGRESS,
            "data-from-legacy",
            {
              securityGroupId: UNKNOWN,
              referencedSecurityGroupId: UNKNOWN,
              ipProtocol: "tcp",
              fromPort: 5432,
              toPort: 5432,
            },
            { securityGroupId: [sg("data")], referencedSecurityGroupId: [legacy.urn] },
          ),
          handWritten(
            INGRESS,
            "data-from-other-stack",
            {
              securityGroupId: UNKNOWN,
              referencedSecurityGroupId: "sg-0fedcba9876543210",
              ipProtocol: "tcp",
              fromPort: 5432,
              toPort: 5432,
            },
            { securityGroupId: [sg("data")] },
          ),
        ),
      )
    ).filter((d) => d.policyName === rule);
    expect(found.map((d) => d.message)).toEqual([
      expect.stringMatching(/untagged group legacy-batch → data on tcp\/5432: a source no tier of the model holds/),
      expect.stringMatching(/unresolved sg-0fedcba9876543210 → data on tcp\/5432: a source no tier of the model holds/),
    ]);
  });
  it("passes removing a declared flow (app to data on 6379)", async () => {
    const found = await mandatory((rs) => rs.filter((r) => !r.name.includes("app-to-data-tcp-6379")));
    expect(found).toEqual([]);
  });
});

describe("network-tier-to-tier-by-reference", () => {
  const rule = "network-tier-to-tier-by-reference";
  it("blocks a tier reached by an internal address range", async () => {
    const found = await mandatory(
      add(
        awsRule(INGRESS, "vpc-to-db", "data", {
          ipProtocol: "tcp",
          fromPort: 5432,
          toPort: 5432,
          cidrIpv4: "10.20.0.0/16",
        }),
      ),
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        policyName: rule,
        message: expect.stringMatching(/10\.20\.0\.0\/16 → data on tcp\/5432 by address range/),
      }),
    );
  });
  it("blocks an Azure rule from the whole VNet", async () => {
    const found = await mandatory(
      edit("contoso-azure-tiers-data-allow-app-to-data-tcp-in", (i, r) => {
        delete i.sourceApplicationSecurityGroups;
        delete (r.propertyDependencies as Record<string, string[]>).sourceApplicationSecurityGroups;
        i.sourceAddressPrefix = "VirtualNetwork";
      }),
    );
    expect(names(found)).toContain(rule);
  });
});

describe("network-tier-to-tier-by-reference (narrowing)", () => {
  it("passes a new rule between tiers by group reference on a declared flow", async () => {
    const found = await mandatory(
      add(awsRule(INGRESS, "app-to-db-again", "data", { ipProtocol: "tcp", fromPort: 5432, toPort: 5432 }, "app")),
    );
    expect(found).toEqual([]);
  });
});

describe("network-restricted-egress", () => {
  const rule = "network-restricted-egress";
  it("blocks the data tier talking to the internet", async () => {
    const found = await mandatory(
      add(awsRule(EGRESS, "db-out", "data", { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" })),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ policyName: rule, message: expect.stringMatching(/data → internet on tcp\/443/) }),
    );
  });
  it("blocks widening a declared egress beyond its declared range", async () => {
    const found = await mandatory(
      edit("contoso-aws-tiers-app-to-internet-tcp-443-out", (i) => (i.cidrIpv4 = "0.0.0.0/0")),
    );
    expect(names(found)).toContain(rule);
  });
  it("passes narrowing a declared egress to part of its range", async () => {
    const found = await mandatory(
      edit("contoso-aws-tiers-app-to-internet-tcp-443-out", (i) => (i.cidrIpv4 = "198.51.100.0/25")),
    );
    expect(found).toEqual([]);
  });
});

describe("network-azure-explicit-deny", () => {
  const rule = "network-azure-explicit-deny";
  it("blocks an NSG that loses its deny-all", async () => {
    const found = await mandatory(remove("contoso-azure-tiers-data-deny-all-inbound"));
    expect(found).toContainEqual(
      expect.objectContaining({
        policyName: rule,
        urn: expect.stringMatching(/data-nsg$/),
        message: expect.stringMatching(/no explicit deny above AllowVnetInBound/),
      }),
    );
  });
  it("blocks a hand-written NSG with only the defaults", async () => {
    const nsg = handWritten("azure-native:network:NetworkSecurityGroup", "nsg-legacy", {
      resourceGroupName: "rg",
      tags: { "zt:tier": "app" },
    });
    expect(await mandatory(add(nsg))).toContainEqual(expect.objectContaining({ policyName: rule, urn: nsg.urn }));
  });
  it("passes moving the deny to a higher precedence", async () => {
    expect(await mandatory(edit("contoso-azure-tiers-data-deny-all-inbound", (i) => (i.priority = 4000)))).toEqual([]);
  });
});

describe("network-no-mixed-rule-styles", () => {
  it("blocks inline rules added to a group that has standalone rules", async () => {
    const found = await mandatory(
      edit(
        "contoso-aws-tiers-web",
        (i) => (i.ingress = [{ protocol: "tcp", fromPort: 443, toPort: 443, securityGroups: [UNKNOWN] }]),
      ),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ policyName: "network-no-mixed-rule-styles", urn: sg("web") }),
    );
  });
});

describe("network-no-mixed-rule-styles (narrowing)", () => {
  it("passes removing one of a group's standalone rules", async () => {
    expect(await mandatory(remove("contoso-aws-tiers-mgmt-to-web-tcp-22-in"))).toEqual([]);
  });
});

describe("network-security-groups-tagged", () => {
  it("warns (advisory, not blocking) about a group without zt:tier", async () => {
    const group = handWritten("aws:ec2/securityGroup:SecurityGroup", "scratch", { vpcId: "vpc-0a1b2c3d4e5f60718" });
    const found = (await check(add(group))).filter((d) => d.policyName !== "pack-notices");
    expect(found).toEqual([
      expect.objectContaining({
        policyName: "network-security-groups-tagged",
        enforcementLevel: "advisory",
        urn: group.urn,
      }),
    ]);
  });
});

describe("a hand-written stack (no profile, no tags): blocked for what is really open, advised otherwise", () => {
  /** An untagged group with inline ingress, as Pulumi's webserver examples write it. */
  const group = (name: string, ingress: Record<string, unknown>[]) =>
    handWritten("aws:ec2/securityGroup:SecurityGroup", name, { ingress });
  async function verdicts(...resources: PlannedResource[]) {
    const v = await unconfigured(resources);
    return { mandatory: names(v.mandatory), notices: v.notices };
  }
  const tcp = (port: number, cidr: string) => ({ protocol: "tcp", fromPort: port, toPort: port, cidrBlocks: [cidr] });

  it("a web server open on 80 to the internet: advice to tag it as the edge, no block", async () => {
    const v = await verdicts(group("web-secgrp", [tcp(80, "0.0.0.0/0")]));
    expect(v.mandatory).toEqual([]);
    expect(v.notices).toMatch(
      /internet → untagged group web-secgrp on tcp\/80, and the group has no zt:tier tag\. Tag it \(zt:tier=edge/,
    );
  });

  it("a database open to the internet on an untagged group is still blocked", async () => {
    const v = await verdicts(group("db-secgrp", [tcp(5432, "0.0.0.0/0")]));
    expect(v.mandatory).toEqual(["network-no-internet-ingress-beyond-edge"]);
  });

  it("SSH from one office address is advice (use ZTNA); from anywhere, or a range as wide, it is blocked", async () => {
    const office = await verdicts(group("admin", [tcp(22, "203.0.113.7/32")]));
    expect(office.mandatory).toEqual([]);
    expect(office.notices).toMatch(/allows SSH \(22\) from a public address .*Reach hosts through ZTNA/);
    for (const wide of ["0.0.0.0/0", "44.0.0.0/10", "2001:db8::/32"]) {
      const v = await verdicts(group("admin", [tcp(22, wide)]));
      expect(v.mandatory, wide).toContain("network-no-admin-ports-from-internet");
    }
  });

  it("where the stack has tiers, a flow into a tier stays blocked whatever the breadth of its source", async () => {
    const found = await mandatory(
      add(
        awsRule(INGRESS, "office-to-data", "data", {
          ipProtocol: "tcp",
          fromPort: 5432,
          toPort: 5432,
          cidrIpv4: "203.0.113.7/32",
        }),
      ),
    );
    expect(names(found)).toContain("network-no-internet-ingress-beyond-edge");
  });
});

describe("network-no-paas-open-to-internet: a managed service's own firewall, in both views", () => {
  const rule = "network-no-paas-open-to-internet";
  /** As a new stack's preview has it (inputs only), or as deployed (the provider's outputs too). */
  const views = {
    new: (type: string, name: string, inputs: Record<string, unknown>) => handWritten(type, name, inputs),
    deployed: (type: string, name: string, inputs: Record<string, unknown>) => ({
      ...handWritten(type, name, inputs),
      id: `/subscriptions/x/resourceGroups/rg/providers/${name}`,
      outputs: { ...inputs, id: `/subscriptions/x/resourceGroups/rg/providers/${name}` },
    }),
  };
  async function verdicts(...resources: PlannedResource[]) {
    const v = await unconfigured(resources);
    return { blocked: v.mandatory.filter((d) => d.policyName === rule).map((d) => d.message), notices: v.notices };
  }
  const sql = "azure-native:sql:FirewallRule";
  const storage = "azure-native:storage:StorageAccount";

  describe.each(Object.entries(views))("%s stack", (_view, make) => {
    it("blocks a SQL, Synapse or PostgreSQL rule that admits every address, or a range as wide; names the service", async () => {
      const v = await verdicts(
        make(sql, "allow-all", { startIpAddress: "0.0.0.0", endIpAddress: "255.255.255.255" }),
        make("azure:synapse/firewallRule:FirewallRule", "synapse-all", {
          startIpAddress: "0.0.0.0",
          endIpAddress: "255.255.255.255",
        }),
        make("azure-native:dbforpostgresql:FirewallRule", "pg-wide", {
          startIpAddress: "20.0.0.0",
          endIpAddress: "20.1.255.255",
        }),
      );
      expect(v.blocked).toHaveLength(3);
      expect(v.blocked[0]).toMatch(
        /FirewallRule 'allow-all' \(Azure SQL server\) admits 0\.0\.0\.0-255\.255\.255\.255 .*open to the internet/,
      );
      expect(v.blocked[1]).toContain("(Synapse workspace)");
      expect(v.blocked[2]).toContain("131,072 addresses");
    });

    it("leaves an office range and a private range alone; the Azure-services rule is a notice", async () => {
      const v = await verdicts(
        make(sql, "office", { startIpAddress: "203.0.113.10", endIpAddress: "203.0.113.20" }),
        make("azure-native:dbformysql:FirewallRule", "vnet", {
          startIpAddress: "10.0.0.0",
          endIpAddress: "10.255.255.255",
        }),
        make(sql, "azure-services", { startIpAddress: "0.0.0.0", endIpAddress: "0.0.0.0" }),
      );
      expect(v.blocked).toEqual([]);
      expect(v.notices).toMatch(/'azure-services' \(Azure SQL server\) admits every Azure tenant's services/);
      expect(v.notices).not.toContain("'office'");
    });

    it("blocks a storage account, Key Vault or Cosmos DB account that allows every address by rule; advises where it is only the default", async () => {
      const v = await verdicts(
        make(storage, "open-by-rule", { networkRuleSet: { defaultAction: "Allow" } }),
        make(storage, "wide-acl", {
          networkRuleSet: { defaultAction: "Deny", ipRules: [{ iPAddressOrRange: "0.0.0.0/0" }] },
        }),
        make("azure-native:keyvault:Vault", "vault", { properties: { networkAcls: { defaultAction: "Allow" } } }),
        make("azure:storage/account:Account", "classic", { networkRules: { defaultAction: "Allow" } }),
        make(storage, "by-default", {}),
        make("azure-native:cosmosdb:DatabaseAccount", "cosmos-default", { ipRules: [] }),
      );
      expect(v.blocked).toHaveLength(4);
      expect(v.blocked.join("\n")).toMatch(
        /'open-by-rule' \(Storage account\) is open to the internet: defaultAction Allow/,
      );
      expect(v.blocked.join("\n")).toMatch(/'wide-acl' \(Storage account\) admits 0\.0\.0\.0\/0/);
      expect(v.blocked.join("\n")).toMatch(/'vault' \(Key Vault\)/);
      expect(v.notices).toMatch(/'by-default' \(Storage account\) admits every address \(no network rule set/);
      expect(v.notices).toMatch(/'cosmos-default' \(Cosmos DB account\) admits every address/);
    });

    it("passes a storage account that denies by default, or has no public network access", async () => {
      const v = await verdicts(
        make(storage, "locked", {
          networkRuleSet: { defaultAction: "Deny", ipRules: [{ iPAddressOrRange: "203.0.113.0/24" }] },
        }),
        make(storage, "private", { publicNetworkAccess: "Disabled" }),
        make("azure-native:keyvault:Vault", "private-vault", { properties: { publicNetworkAccess: "Disabled" } }),
      );
      expect(v.blocked).toEqual([]);
      expect(v.notices).not.toMatch(/Storage account|Key Vault/);
    });
  });

  it("fails closed on a range not known until apply", async () => {
    const v = await verdicts(handWritten(sql, "computed", { startIpAddress: UNKNOWN, endIpAddress: UNKNOWN }));
    expect(v.blocked).toEqual([
      expect.stringMatching(/'computed' \(Azure SQL server\) is open to the internet: its range is not known/),
    ]);
  });
});

describe("managed prefix lists, in every rule style", () => {
  const PL = "aws:ec2/managedPrefixList:ManagedPrefixList";
  const verdicts = unconfigured;
  const sshFrom = (prefix: Record<string, unknown>) => ({ protocol: "tcp", fromPort: 22, toPort: 22, ...prefix });

  it("reads a prefix list the stack declares as its entries: 0.0.0.0/0 in it is the internet", async () => {
    const list = handWritten(PL, "anywhere", {
      addressFamily: "IPv4",
      maxEntries: 1,
      entries: [{ cidr: "0.0.0.0/0" }],
    });
    const group = handWritten("aws:ec2/securityGroup:SecurityGroup", "jump", {}, {});
    const rule = handWritten(
      INGRESS,
      "ssh-from-list",
      { securityGroupId: UNKNOWN, prefixListId: UNKNOWN, ipProtocol: "tcp", fromPort: 22, toPort: 22 },
      { securityGroupId: [group.urn], prefixListId: [list.urn] },
    );
    const posture = postureOf([list, group, rule]);
    expect(posture.network.rules.map((r) => r.from)).toEqual([{ kind: "internet" }]);
    const v = await verdicts([list, group, rule]);
    expect(names(v.mandatory)).toContain("network-no-internet-ingress-beyond-edge");
  });

  it("an office prefix list the stack declares, by entry resource, is an allow-list: advice, no block", async () => {
    const list = handWritten(PL, "office", { addressFamily: "IPv4", maxEntries: 5 });
    const entry = handWritten(
      "aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry",
      "office-hq",
      { prefixListId: UNKNOWN, cidr: "203.0.113.0/24" },
      { prefixListId: [list.urn] },
    );
    const group = handWritten("aws:ec2/securityGroup:SecurityGroup", "jump", {
      ingress: [sshFrom({ prefixListIds: [UNKNOWN] })],
    });
    const linked = { ...group, propertyDependencies: { ingress: [list.urn] }, dependencies: [list.urn] };
    expect(postureOf([list, entry, linked]).network.rules.map((r) => r.from)).toEqual([
      { kind: "cidr", cidr: "203.0.113.0/24" },
    ]);
    const v = await verdicts([list, entry, linked]);
    expect(v.mandatory).toEqual([]);
    expect(v.notices).toMatch(/allows SSH \(22\) from a public address/);
  });

  it("a prefix list the stack does not hold (AWS-managed, or another stack's) is judged as outside: advice on an untagged group", async () => {
    const group = handWritten("aws:ec2/securityGroup:SecurityGroup", "bastion", {});
    const legacy = handWritten(
      "aws:ec2/securityGroupRule:SecurityGroupRule",
      "ssh-from-pl",
      {
        type: "ingress",
        securityGroupId: UNKNOWN,
        protocol: "tcp",
        fromPort: 22,
        toPort: 22,
        prefixListIds: ["pl-0123456789abcdef0"],
      },
      { securityGroupId: [group.urn] },
    );
    expect(postureOf([group, legacy]).network.rules.map((r) => r.from)).toEqual([
      { kind: "prefix-list", id: "pl-0123456789abcdef0" },
    ]);
    const v = await verdicts([group, legacy]);
    expect(v.mandatory).toEqual([]);
    expect(v.notices).toMatch(/SSH \(22\) from a public address .*prefix list pl-0123456789abcdef0/);
  });

  it("into a tagged tier, a prefix list the stack does not hold is blocked like any undeclared source", async () => {
    const found = await mandatory(
      add(
        awsRule(INGRESS, "db-from-pl", "data", {
          ipProtocol: "tcp",
          fromPort: 5432,
          toPort: 5432,
          prefixListId: "pl-0123456789abcdef0",
        }),
      ),
    );
    expect(found.map((d) => d.message).join("\n")).toMatch(/db-from-pl.*prefix list pl-0123456789abcdef0/);
  });
});

describe("network-one-tier-per-host", () => {
  const rule = "network-one-tier-per-host";
  const asg = (tier: string) => find(ctx.plan.resources, `contoso-azure-tiers-${tier}-asg`).urn;
  const instance = (name: string, tiers: string[]) =>
    handWritten(
      "aws:ec2/instance:Instance",
      name,
      { instanceType: "t3.micro", ami: "ami-0abcdef1234567890", vpcSecurityGroupIds: tiers.map(() => UNKNOWN) },
      { vpcSecurityGroupIds: tiers.map(sg) },
    );

  it("blocks an instance in the web and the data tier's groups; passes one in its own tier", async () => {
    const found = (await mandatory(add(instance("joined", ["web", "data"]), instance("web-1", ["web"])))).filter(
      (d) => d.policyName === rule,
    );
    expect(found.map((d) => d.message)).toEqual([
      expect.stringMatching(/Instance 'joined' sits in tiers 'data' and 'web' at once/),
    ]);
  });

  it("blocks a launch template's interfaces and an Azure NIC in two tiers' ASGs, in the deployed view too", async () => {
    const template = handWritten(
      "aws:ec2/launchTemplate:LaunchTemplate",
      "workers",
      { networkInterfaces: [{ securityGroups: [UNKNOWN, UNKNOWN] }] },
      { networkInterfaces: [sg("app"), sg("mgmt")] },
    );
    const nic = handWritten(
      "azure-native:network:NetworkInterface",
      "vm-nic",
      { ipConfigurations: [{ name: "ip", applicationSecurityGroups: [{ id: UNKNOWN }, { id: UNKNOWN }] }] },
      { ipConfigurations: [asg("web"), asg("data")] },
    );
    const found = (await mandatory(add(template, nic))).filter((d) => d.policyName === rule);
    expect(found.map((d) => d.urn?.split("::").pop()).sort()).toEqual(["vm-nic", "workers"]);
  });

  it("adds the groups that attachments and classic ASG associations give a host, in the stack or by its id", async () => {
    const eni = handWritten(
      "aws:ec2/networkInterface:NetworkInterface",
      "app-eni",
      { subnetId: "subnet-0123", securityGroups: [UNKNOWN] },
      { securityGroups: [sg("app")] },
    );
    const attach = (name: string, tier: string, host: PlannedResource | string) =>
      handWritten(
        "aws:ec2/networkInterfaceSecurityGroupAttachment:NetworkInterfaceSecurityGroupAttachment",
        name,
        { networkInterfaceId: typeof host === "string" ? host : UNKNOWN, securityGroupId: UNKNOWN },
        { securityGroupId: [sg(tier)], ...(typeof host === "string" ? {} : { networkInterfaceId: [host.urn] }) },
      );
    const classic = (name: string, tier: string) =>
      handWritten(
        "azure:network/networkInterfaceApplicationSecurityGroupAssociation:NetworkInterfaceApplicationSecurityGroupAssociation",
        name,
        {
          networkInterfaceId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/vm1",
          applicationSecurityGroupId: UNKNOWN,
        },
        { applicationSecurityGroupId: [asg(tier)] },
      );
    const found = (
      await mandatory(
        add(
          eni,
          attach("eni-into-data", "data", eni),
          attach("outside-web", "web", "eni-0abc"),
          attach("outside-web-again", "web", "eni-0abc"),
          classic("vm1-web", "web"),
          classic("vm1-data", "data"),
        ),
      )
    ).filter((d) => d.policyName === rule);
    expect(found.map((d) => d.message)).toEqual([
      expect.stringMatching(/NetworkInterface 'app-eni' sits in tiers 'app' and 'data'/),
      expect.stringMatching(
        /NetworkInterfaceApplicationSecurityGroupAssociation 'vm1-web' sits in tiers 'data' and 'web'/,
      ),
    ]);
  });

  it("reads a deployed NIC by its ASG ids, without dependencies", () => {
    const ids = ["web", "data"].map(
      (t) => `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/applicationSecurityGroups/${t}`,
    );
    const asgs = ["web", "data"].map((t, i) => ({
      ...handWritten("azure-native:network:ApplicationSecurityGroup", `asg-${t}`, { tags: { "zt:tier": t } }),
      id: ids[i],
    }));
    const nic = {
      ...handWritten("azure-native:network:NetworkInterface", "nic", {
        ipConfigurations: [{ name: "ip", applicationSecurityGroups: ids.map((id) => ({ id })) }],
      }),
      id: "nic-id",
    };
    expect(postureOf([...asgs, nic]).network.hosts).toEqual([expect.objectContaining({ tiers: ["data", "web"] })]);
  });
});

describe("network-acl-no-admin-ports-from-internet", () => {
  const rule = "network-acl-no-admin-ports-from-internet";
  const acl = (name: string, ingress: object[]) =>
    handWritten("aws:ec2/networkAcl:NetworkAcl", name, { vpcId: "vpc-0123", ingress, egress: [] });
  const allow = (ruleNo: number, extra: object) => ({ ruleNo, action: "allow", fromPort: 0, toPort: 0, ...extra });
  it("advises on SSH, RDP or every port from the internet, inline or standalone, unless a lower-numbered entry denies it first", async () => {
    const shared = acl("shared", [
      allow(200, { protocol: "tcp", cidrBlock: "0.0.0.0/0", fromPort: 32768, toPort: 65535 }),
    ]);
    const v = await unconfigured([
      acl("ssh-open", [allow(100, { protocol: "tcp", cidrBlock: "0.0.0.0/0", fromPort: 22, toPort: 22 })]),
      acl("ssh-denied-first", [
        { ruleNo: 50, action: "deny", protocol: "tcp", cidrBlock: "0.0.0.0/0", fromPort: 22, toPort: 22 },
        allow(100, { protocol: "tcp", cidrBlock: "0.0.0.0/0", fromPort: 22, toPort: 22 }),
      ]),
      acl("office-only", [allow(100, { protocol: "tcp", cidrBlock: "203.0.113.7/32", fromPort: 22, toPort: 22 })]),
      shared,
      handWritten(
        "aws:ec2/networkAclRule:NetworkAclRule",
        "all-from-v6",
        {
          networkAclId: UNKNOWN,
          ruleNumber: 300,
          egress: false,
          protocol: "-1",
          ruleAction: "allow",
          ipv6CidrBlock: "::/0",
        },
        { networkAclId: [shared.urn] },
      ),
      handWritten("aws:ec2/defaultNetworkAcl:DefaultNetworkAcl", "default", {
        defaultNetworkAclId: "acl-0123",
        ingress: [allow(100, { protocol: "-1", cidrBlock: "0.0.0.0/0" })],
      }),
    ]);
    const found = v.advisory.filter((d) => d.policyName === rule);
    expect(found.map((d) => d.urn!.split("::").pop()).sort()).toEqual(["all-from-v6", "default", "ssh-open"]);
    expect(found.find((d) => d.urn!.endsWith("ssh-open"))!.message).toMatch(
      /NetworkAcl 'ssh-open' rule 100 lets internet in on SSH \(22\)/,
    );
    expect(found.find((d) => d.urn!.endsWith("default"))!.message).toMatch(/every port \(any protocol\/any port\)/);
    expect(v.mandatory).toEqual([]);
  });
});
