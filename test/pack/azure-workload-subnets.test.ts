import type * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/azure-native/compute";
import * as containerinstance from "@pulumi/azure-native/containerinstance";
import * as containerservice from "@pulumi/azure-native/containerservice";
import * as network from "@pulumi/azure-native/network";
import * as sql from "@pulumi/azure-native/sql";
import * as web from "@pulumi/azure-native/web";
import { describe, expect, it } from "vitest";
import type { StackMode } from "../../engine/mock-engine";
import { useHandWrittenVerdict } from "./hand-written-verdict";

// An Azure workload placed in a subnet sits behind the NSG over it: it is a host in that NSG's tier.
// Each workload below names its subnet in its own shape (an IP configuration's `subnet: { id }`, a
// container group's `subnetIds`, an AKS pool's `vnetSubnetID`), and is placed in the data tier's
// subnet with the data tier's ASG (one tier, clean) or the web tier's ASG (two tiers, blocked), as a
// new stack's preview and as the deployed stack.

const RULE = "network-one-tier-per-host";
const tags = (tier: string) => ({ "zt:tier": tier });

interface Tiers {
  /** The subnet each tier's NSG is put over. */
  subnet: Record<string, pulumi.Output<string>>;
  asg: Record<string, pulumi.Output<string>>;
  nsg: Record<string, pulumi.Output<string>>;
}

/** Two tiers, each with its NSG over its own subnet and its ASG, as the baseline's component lays them out. */
function tiers(): Tiers {
  const out: Tiers = { subnet: {}, asg: {}, nsg: {} };
  const vnet = new network.VirtualNetwork("vnet", {
    resourceGroupName: "rg",
    virtualNetworkName: "vnet-tiers",
    addressSpace: { addressPrefixes: ["10.1.0.0/16"] },
  });
  ["web", "data"].forEach((tier, i) => {
    const nsg = new network.NetworkSecurityGroup(`${tier}-nsg`, { resourceGroupName: "rg", tags: tags(tier) });
    out.nsg[tier] = nsg.id;
    out.asg[tier] = new network.ApplicationSecurityGroup(`${tier}-asg`, {
      resourceGroupName: "rg",
      tags: tags(tier),
    }).id;
    out.subnet[tier] = new network.Subnet(tier, {
      resourceGroupName: "rg",
      virtualNetworkName: vnet.name,
      subnetName: tier,
      addressPrefix: `10.1.${i + 1}.0/24`,
      networkSecurityGroup: { id: nsg.id },
    }).id;
  });
  return out;
}

/** A workload placed in a subnet, with the ASG of a tier where its shape takes one. */
const WORKLOADS: Record<string, (t: Tiers, subnet: string, asg: string) => void> = {
  "VM through its NIC": (t, subnet, asg) => {
    const nic = new network.NetworkInterface("db-nic", {
      resourceGroupName: "rg",
      ipConfigurations: [
        { name: "ip", subnet: { id: t.subnet[subnet]! }, applicationSecurityGroups: [{ id: t.asg[asg]! }] },
      ],
    });
    new compute.VirtualMachine("db", {
      resourceGroupName: "rg",
      hardwareProfile: { vmSize: "Standard_B2s" },
      networkProfile: { networkInterfaces: [{ id: nic.id, primary: true }] },
    });
  },
  "scale set": (t, subnet, asg) =>
    new compute.VirtualMachineScaleSet("vmss", {
      resourceGroupName: "rg",
      sku: { name: "Standard_B2s", capacity: 2 },
      virtualMachineProfile: {
        networkProfile: {
          networkInterfaceConfigurations: [
            {
              name: "nic",
              primary: true,
              ipConfigurations: [
                { name: "ip", subnet: { id: t.subnet[subnet]! }, applicationSecurityGroups: [{ id: t.asg[asg]! }] },
              ],
            },
          ],
        },
      },
    }),
  "AKS node pool": (t, subnet, asg) =>
    new containerservice.AgentPool("pool", {
      resourceGroupName: "rg",
      resourceName: "aks",
      count: 2,
      vmSize: "Standard_D2s_v5",
      vnetSubnetID: t.subnet[subnet]!,
      networkProfile: { applicationSecurityGroups: [t.asg[asg]!] },
    }),
};

const verdict = useHandWrittenVerdict();

async function blocked(program: () => void, mode: StackMode) {
  const { found } = await verdict(program, mode);
  return found.filter((d) => d.enforcementLevel === "mandatory" && d.policyName === RULE).map((d) => d.message);
}

const TWO_TIERS = /sits in tiers 'data' and 'web' at once/;
/** A host in the web tier's ASG under the data tier's NSG: its subnet (or interface), holding tier web, gets data's rules. */
const WEB_UNDER_DATA = /(sits in tiers 'data' and 'web' at once|which holds tier 'web', under the data tier's NSG)/;

describe.each(["new", "deployed"] as StackMode[])(
  "Azure workloads placed in a tier's subnet, as a %s stack",
  (mode) => {
    it.each(Object.keys(WORKLOADS))(
      "%s: in the data subnet with the data ASG passes, with the web ASG blocks",
      async (w) => {
        expect(await blocked(() => WORKLOADS[w]!(tiers(), "data", "data"), mode)).toEqual([]);
        expect(await blocked(() => WORKLOADS[w]!(tiers(), "data", "web"), mode)).toEqual(
          expect.arrayContaining([expect.stringMatching(WEB_UNDER_DATA)]),
        );
      },
    );

    it("a container group in one tier's subnet passes; in two tiers' subnets it blocks", async () => {
      const group = (subnets: string[]) => () => {
        const t = tiers();
        new containerinstance.ContainerGroup("api", {
          resourceGroupName: "rg",
          osType: "Linux",
          containers: [{ name: "api", image: "nginx", resources: { requests: { cpu: 1, memoryInGB: 1 } } }],
          subnetIds: subnets.map((s) => ({ id: t.subnet[s]! })),
        });
      };
      expect(await blocked(group(["data"]), mode)).toEqual([]);
      expect(await blocked(group(["web", "data"]), mode)).toEqual([expect.stringMatching(TWO_TIERS)]);
    });

    it("an AKS pool with its nodes in the web subnet and its pods in the data subnet joins them", async () => {
      const pool = (pods: string) => () => {
        const t = tiers();
        new containerservice.AgentPool("pool", {
          resourceGroupName: "rg",
          resourceName: "aks",
          count: 2,
          vnetSubnetID: t.subnet.web!,
          podSubnetID: t.subnet[pods]!,
        });
      };
      expect(await blocked(pool("web"), mode)).toEqual([]);
      expect(await blocked(pool("data"), mode)).toEqual([expect.stringMatching(TWO_TIERS)]);
    });

    it("a VM on two NICs in two tiers' subnets joins them; on one NIC it does not", async () => {
      const vm = (subnets: string[]) => () => {
        const t = tiers();
        const nics = subnets.map(
          (s) =>
            new network.NetworkInterface(`${s}-nic`, {
              resourceGroupName: "rg",
              ipConfigurations: [{ name: "ip", subnet: { id: t.subnet[s]! } }],
            }),
        );
        new compute.VirtualMachine("jump", {
          resourceGroupName: "rg",
          networkProfile: { networkInterfaces: nics.map((n, i) => ({ id: n.id, primary: i === 0 })) },
        });
      };
      expect(await blocked(vm(["web"]), mode)).toEqual([]);
      expect(await blocked(vm(["web", "data"]), mode)).toEqual([
        expect.stringMatching(/'jump' sits in tiers 'data' and 'web' at once/),
      ]);
    });

    it("a scale set's own NSG of another tier over its interfaces is an NSG put over it", async () => {
      const vmss = (nsg: string) => () => {
        const t = tiers();
        new compute.VirtualMachineScaleSet("vmss", {
          resourceGroupName: "rg",
          virtualMachineProfile: {
            networkProfile: {
              networkInterfaceConfigurations: [
                {
                  name: "nic",
                  networkSecurityGroup: { id: t.nsg[nsg]! },
                  ipConfigurations: [{ name: "ip", subnet: { id: t.subnet.web! } }],
                },
              ],
            },
          },
        });
      };
      expect(await blocked(vmss("web"), mode)).toEqual([]);
      expect(await blocked(vmss("data"), mode)).toEqual([expect.stringMatching(TWO_TIERS)]);
    });

    it("look-alikes: App Service VNet integration in one subnet, a SQL virtual network rule naming two tiers' subnets", async () => {
      const program = () => {
        const t = tiers();
        new web.WebApp("site", {
          resourceGroupName: "rg",
          serverFarmId: "plan",
          virtualNetworkSubnetId: t.subnet.web!,
        });
        // A service endpoint firewall rule names the subnets it admits: peers, not a placement.
        new sql.VirtualNetworkRule("from-web", {
          resourceGroupName: "rg",
          serverName: "sql",
          virtualNetworkSubnetId: t.subnet.web!,
        });
        new sql.VirtualNetworkRule("from-data", {
          resourceGroupName: "rg",
          serverName: "sql",
          virtualNetworkSubnetId: t.subnet.data!,
        });
      };
      expect(await blocked(program, mode)).toEqual([]);
    });

    it("a web app integrated into the data subnet with a private endpoint in the web subnet stays in one tier", async () => {
      const program = () => {
        const t = tiers();
        new web.WebApp("site", {
          resourceGroupName: "rg",
          serverFarmId: "plan",
          virtualNetworkSubnetId: t.subnet.data!,
          siteConfig: { ipSecurityRestrictions: [{ vnetSubnetResourceId: t.subnet.web!, action: "Allow" }] },
        });
        new network.PrivateEndpoint("site-pe", {
          resourceGroupName: "rg",
          subnet: { id: t.subnet.web! },
          privateLinkServiceConnections: [{ name: "site", privateLinkServiceId: "site-id", groupIds: ["sites"] }],
        });
      };
      expect(await blocked(program, mode)).toEqual([]);
    });
  },
);
