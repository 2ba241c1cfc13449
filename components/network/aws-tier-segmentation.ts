import { SecurityGroup } from "@pulumi/aws/ec2";
import { SecurityGroupEgressRule, SecurityGroupIngressRule } from "@pulumi/aws/vpc";
import * as pulumi from "@pulumi/pulumi";
import type { Flow } from "../../profile/network";
import type { PortRange } from "../../profile/primitives";
import { CLIENT_TAG, TIER_TAG } from "../../catalog/tags";
import { flowDescription, flowSlug, internetCidrs, isInternet } from "./flow-names";
import { clientProblems, refuseInvalidArgs, type ArgProblem } from "../args";
import { tierFlowProblems } from "./flow-checks";

/** One security group per tier in a VPC, with exactly the declared flows as rules. */
export interface AwsTierSegmentationArgs {
  readonly client: string;
  readonly vpcId: pulumi.Input<string>;
  /** Tier names; each gets a security group tagged `zt:tier`. */
  readonly tiers: readonly string[];
  /** Allowed flows (validated by the tier model): each becomes an ingress rule and its mirror egress rule. */
  readonly flows: readonly Flow[];
}

/** What is wrong with the args on their own (see tierFlowProblems); empty when they are fine. */
export function awsTierSegmentationProblems(args: AwsTierSegmentationArgs): ArgProblem[] {
  return [...clientProblems(args.client), ...tierFlowProblems(args.tiers, args.flows)];
}

/**
 * Rules are standalone `aws.vpc.SecurityGroupIngressRule`/`EgressRule` resources, never inline
 * (the two fight over the group's rules). Tier-to-tier rules reference security groups, not
 * CIDRs. Groups are created without egress, so nothing leaves a tier unless a flow says so.
 */
export class AwsTierSegmentation extends pulumi.ComponentResource {
  /**
   * Security group id per tier: attach workloads with these. One output per tier, so a resource
   * that uses one tier's id depends on that group alone (the pack can then tell which tier it is).
   */
  public readonly securityGroupIds: Readonly<Record<string, pulumi.Output<string>>>;

  constructor(name: string, args: AwsTierSegmentationArgs, opts?: pulumi.ComponentResourceOptions) {
    refuseInvalidArgs("AwsTierSegmentation", name, awsTierSegmentationProblems(args));
    super("zt-baseline:network:AwsTierSegmentation", name, {}, opts);
    const groups = new Map<string, SecurityGroup>();
    for (const tier of args.tiers) {
      groups.set(
        tier,
        new SecurityGroup(
          `${name}-${tier}`,
          {
            vpcId: args.vpcId,
            name: `zt-${args.client}-${tier}`,
            description: `zt-baseline ${tier} tier of ${args.client}: only declared flows`,
            tags: { Name: `zt-${args.client}-${tier}`, [TIER_TAG]: tier, [CLIENT_TAG]: args.client },
          },
          { parent: this },
        ),
      );
    }
    const sg = (tier: string) => groups.get(tier)!;

    for (const flow of args.flows) {
      const description = flowDescription(flow);
      for (const ports of portsOf(flow)) {
        const slug = flowSlug(flow, flow.protocol === "icmp" ? undefined : ports);
        const rule = { ipProtocol: flow.protocol, fromPort: ports.from, toPort: ports.to, description };
        if (isInternet(flow.from)) {
          internetCidrs(flow).forEach((cidr, i) => {
            new SecurityGroupIngressRule(
              `${name}-${slug}-in${i ? `-${i}` : ""}`,
              { ...rule, securityGroupId: sg(flow.to).id, cidrIpv4: cidr },
              { parent: this },
            );
          });
        } else if (isInternet(flow.to)) {
          internetCidrs(flow).forEach((cidr, i) => {
            new SecurityGroupEgressRule(
              `${name}-${slug}-out${i ? `-${i}` : ""}`,
              { ...rule, securityGroupId: sg(flow.from).id, cidrIpv4: cidr },
              { parent: this },
            );
          });
        } else {
          new SecurityGroupIngressRule(
            `${name}-${slug}-in`,
            { ...rule, securityGroupId: sg(flow.to).id, referencedSecurityGroupId: sg(flow.from).id },
            { parent: this },
          );
          new SecurityGroupEgressRule(
            `${name}-${slug}-out`,
            { ...rule, securityGroupId: sg(flow.from).id, referencedSecurityGroupId: sg(flow.to).id },
            { parent: this },
          );
        }
      }
    }

    this.securityGroupIds = Object.fromEntries([...groups].map(([tier, g]) => [tier, g.id]));
    this.registerOutputs({ securityGroupIds: this.securityGroupIds });
  }
}

/** ICMP has no ports: AWS takes -1/-1 for every type and code. */
function portsOf(flow: Flow): PortRange[] {
  return flow.protocol === "icmp" ? [{ from: -1, to: -1 }] : [...flow.ports];
}
