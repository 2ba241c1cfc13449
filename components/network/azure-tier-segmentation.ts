import { ApplicationSecurityGroup, NetworkSecurityGroup, SecurityRule } from "@pulumi/azure-native/network";
import * as pulumi from "@pulumi/pulumi";
import type { Flow } from "../../profile/network";
import { describePortRange } from "../../posture/ports";
import { CLIENT_TAG, TIER_TAG } from "../../catalog/tags";
import { flowDescription, flowSlug, internetCidrs, isInternet } from "./flow-names";
import { ALLOW_PRIORITY_START, DENY_PRIORITY, PRIORITY_STEP, PROBE_PRIORITY } from "../../catalog/azure-priorities";
import { clientProblems, refuseInvalidArgs, type ArgProblem } from "../args";
import { tierFlowProblems } from "./flow-checks";

/** One ASG and one NSG per tier in a resource group, with exactly the declared flows as rules. */
export interface AzureTierSegmentationArgs {
  readonly client: string;
  readonly resourceGroupName: pulumi.Input<string>;
  readonly location: pulumi.Input<string>;
  readonly tiers: readonly string[];
  readonly edgeTier: string;
  readonly flows: readonly Flow[];
}

/** What is wrong with the args on their own; empty when they are fine. */
export function azureTierSegmentationProblems(args: AzureTierSegmentationArgs): ArgProblem[] {
  return [
    ...clientProblems(args.client),
    ...tierFlowProblems(args.tiers, args.flows),
    ...(args.tiers.includes(args.edgeTier)
      ? []
      : [{ path: "edgeTier", message: `"${args.edgeTier}" is not one of the tiers (${args.tiers.join(", ")})` }]),
  ];
}

/**
 * Each tier's NSG allows the flows into and out of it (between ASGs), then denies everything else
 * in both directions above the defaults: without that deny, `AllowVnetInBound` lets every subnet of
 * the VNet reach every tier. Rules are standalone `SecurityRule` resources only, never inline
 * `securityRules` (mixing the two deletes rules), so each rule is one reviewable resource.
 */
export class AzureTierSegmentation extends pulumi.ComponentResource {
  /** ASG and NSG ids per tier, one output each (see AwsTierSegmentation.securityGroupIds). */
  public readonly applicationSecurityGroupIds: Readonly<Record<string, pulumi.Output<string>>>;
  public readonly networkSecurityGroupIds: Readonly<Record<string, pulumi.Output<string>>>;

  constructor(name: string, args: AzureTierSegmentationArgs, opts?: pulumi.ComponentResourceOptions) {
    refuseInvalidArgs("AzureTierSegmentation", name, azureTierSegmentationProblems(args));
    super("zt-baseline:network:AzureTierSegmentation", name, {}, opts);
    const { resourceGroupName, location } = args;
    const tags = (tier: string) => ({ [TIER_TAG]: tier, [CLIENT_TAG]: args.client });

    const asgs = new Map<string, ApplicationSecurityGroup>();
    const nsgs = new Map<string, NetworkSecurityGroup>();
    for (const tier of args.tiers) {
      asgs.set(
        tier,
        new ApplicationSecurityGroup(
          `${name}-${tier}-asg`,
          {
            applicationSecurityGroupName: `asg-zt-${args.client}-${tier}`,
            resourceGroupName,
            location,
            tags: tags(tier),
          },
          { parent: this },
        ),
      );
      nsgs.set(
        tier,
        new NetworkSecurityGroup(
          `${name}-${tier}-nsg`,
          { networkSecurityGroupName: `nsg-zt-${args.client}-${tier}`, resourceGroupName, location, tags: tags(tier) },
          { parent: this },
        ),
      );
    }
    const asg = (tier: string) => [{ id: asgs.get(tier)!.id }];

    const rule = (
      tier: string,
      ruleName: string,
      props: Omit<RuleProps, "networkSecurityGroupName" | "resourceGroupName">,
    ) =>
      new SecurityRule(
        `${name}-${tier}-${ruleName}`,
        {
          ...props,
          securityRuleName: ruleName,
          networkSecurityGroupName: nsgs.get(tier)!.name,
          resourceGroupName,
        },
        { parent: this },
      );

    for (const tier of args.tiers) {
      const inbound = args.flows.filter((f) => f.to === tier);
      const outbound = args.flows.filter((f) => f.from === tier);
      inbound.forEach((f, k) => {
        rule(tier, `allow-${flowSlug(f)}-in`, {
          ...common(f),
          direction: "Inbound",
          priority: ALLOW_PRIORITY_START + PRIORITY_STEP * k,
          ...(isInternet(f.from) ? internetSide(f, "source") : { sourceApplicationSecurityGroups: asg(f.from) }),
          destinationApplicationSecurityGroups: asg(tier),
        });
      });
      outbound.forEach((f, k) => {
        rule(tier, `allow-${flowSlug(f)}-out`, {
          ...common(f),
          direction: "Outbound",
          priority: ALLOW_PRIORITY_START + PRIORITY_STEP * k,
          sourceApplicationSecurityGroups: asg(tier),
          ...(isInternet(f.to) ? internetSide(f, "destination") : { destinationApplicationSecurityGroups: asg(f.to) }),
        });
      });
      if (tier === args.edgeTier) {
        const webPorts = inbound.filter((f) => isInternet(f.from)).flatMap((f) => f.ports.map(describePortRange));
        if (webPorts.length > 0) {
          rule(tier, "allow-azure-lb-probes-in", {
            description: "zt: Azure load balancer health probes to the edge's web ports",
            access: "Allow",
            direction: "Inbound",
            priority: PROBE_PRIORITY,
            protocol: "Tcp",
            sourceAddressPrefix: "AzureLoadBalancer",
            sourcePortRange: "*",
            destinationApplicationSecurityGroups: asg(tier),
            destinationPortRanges: webPorts,
          });
        }
      }
      for (const direction of ["Inbound", "Outbound"] as const) {
        rule(tier, `deny-all-${direction.toLowerCase()}`, {
          description: `zt: deny everything not declared, above the default Allow${direction === "Inbound" ? "VnetInBound" : "VnetOutBound/AllowInternetOutBound"}`,
          access: "Deny",
          direction,
          priority: DENY_PRIORITY,
          protocol: "*",
          sourceAddressPrefix: "*",
          sourcePortRange: "*",
          destinationAddressPrefix: "*",
          destinationPortRange: "*",
        });
      }
    }

    const ids = (m: Map<string, { id: pulumi.Output<string> }>) =>
      Object.fromEntries([...m].map(([tier, r]) => [tier, r.id]));
    this.applicationSecurityGroupIds = ids(asgs);
    this.networkSecurityGroupIds = ids(nsgs);
    this.registerOutputs({
      applicationSecurityGroupIds: this.applicationSecurityGroupIds,
      networkSecurityGroupIds: this.networkSecurityGroupIds,
    });
  }
}

type RuleProps = ConstructorParameters<typeof SecurityRule>[1];

const PROTOCOL = { tcp: "Tcp", udp: "Udp", icmp: "Icmp" } as const;

function common(f: Flow) {
  return {
    description: flowDescription(f),
    access: "Allow",
    protocol: PROTOCOL[f.protocol],
    sourcePortRange: "*",
    ...(f.protocol === "icmp"
      ? { destinationPortRange: "*" }
      : { destinationPortRanges: f.ports.map(describePortRange) }),
  };
}

/** The internet end of a flow: the `Internet` service tag, or the flow's declared CIDRs. */
function internetSide(f: Flow, side: "source" | "destination") {
  const cidrs = internetCidrs(f);
  if (cidrs.length === 1 && cidrs[0] === "0.0.0.0/0") return { [`${side}AddressPrefix`]: "Internet" };
  return { [`${side}AddressPrefixes`]: cidrs };
}
