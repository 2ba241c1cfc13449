import { z } from "zod";
import { AWS_ACCOUNT_ID_PATTERN, SLUG_PATTERN } from "../catalog/well-known-ids";
import { DEFAULT_TIERS, INTERNET } from "./network-defaults";
import { checkTierModel, defaultFlows } from "./tier-model";
import { Guid, PortRange, Reason, Slug } from "./primitives";

/** A tier name, or "internet" (which the tier model refuses as a tier name). */
const Endpoint = z.string().regex(SLUG_PATTERN, { message: `expected "${INTERNET}" or a tier name` });

/** One allowed flow between tiers (or from/to the internet). Everything not declared is denied. */
export const Flow = z.strictObject({
  from: Endpoint.describe('Source: "internet" or a tier.'),
  to: Endpoint.describe('Destination: a tier, or "internet" for egress (needs a reason from inner tiers).'),
  protocol: z
    .enum(["tcp", "udp", "icmp"], {
      message: 'expected "tcp", "udp" or "icmp" (any-protocol flows flatten segmentation)',
    })
    .default("tcp")
    .describe("Never any-protocol."),
  ports: z.array(PortRange).default([]).describe("Ports on the destination; required for tcp/udp, absent for icmp."),
  cidrs: z
    .array(z.cidrv4({ message: 'expected an IPv4 CIDR like "203.0.113.0/24"' }))
    .optional()
    .describe("Internet-side addresses (sources for ingress, destinations for egress); default 0.0.0.0/0."),
  reason: Reason.optional().describe(
    "Why a flow the model would otherwise refuse (tier skipping, egress from inner tiers) is needed.",
  ),
});
export type Flow = z.output<typeof Flow>;

export const AwsNetwork = z.strictObject({
  region: z
    .string()
    .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, { message: 'expected an AWS region like "eu-west-1"' })
    .describe("Region of the VPC."),
  vpcId: z
    .string()
    .regex(/^vpc-[0-9a-f]{8,17}$/, { message: 'expected a VPC id like "vpc-0123456789abcdef0"' })
    .describe("VPC the tier security groups belong to."),
  accountId: z
    .string()
    .regex(AWS_ACCOUNT_ID_PATTERN, { message: "expected a 12-digit AWS account id" })
    .describe("The AWS account this client's resources must land in (guards against wrong credentials)."),
});

export const AzureNetwork = z.strictObject({
  subscriptionId: Guid.describe("Subscription the provider is pinned to."),
  resourceGroupName: z
    .string()
    .regex(/^[\w.()-]{1,90}$/, { message: "expected an Azure resource group name" })
    .describe("Existing resource group for the ASGs and the NSG."),
  location: z
    .string()
    .regex(/^[a-z0-9]+$/, { message: 'expected an Azure location like "westeurope"' })
    .describe("Azure region of the ASGs and the NSG."),
});

export const NetworkProfile = z
  .strictObject({
    tiers: z
      .array(Slug)
      .min(2, { message: "a tier model needs at least an edge and one workload tier" })
      .default([...DEFAULT_TIERS])
      .describe("Tiers from the internet inwards (edge first); the management tier may stand anywhere."),
    edgeTier: Slug.default("edge").describe("The only tier the internet may reach, on web ports."),
    managementTier: Slug.default("mgmt").describe(
      "Reaches the workload tiers on management ports; reached by users through ZTNA only.",
    ),
    allowHttpRedirect: z
      .boolean()
      .default(false)
      .describe("Also accept port 80 at the edge, for HTTP-to-HTTPS redirects."),
    flows: z
      .array(Flow)
      .optional()
      .describe("Allowed flows; when absent, derived from the tier order (see network-defaults)."),
    aws: AwsNetwork.optional().describe(
      "Declare the tiers as AWS security groups in this VPC (and AWS MFA enforcement).",
    ),
    azure: AzureNetwork.optional().describe("Declare the tiers as Azure ASGs and one NSG in this resource group."),
  })
  .superRefine((network, ctx) => {
    for (const issue of checkTierModel(network, network.flows)) ctx.addIssue({ code: "custom", ...issue });
  })
  .transform(({ flows, ...network }) => ({ ...network, flows: flows ?? defaultFlows(network) }))
  .prefault({});
export type NetworkProfile = z.output<typeof NetworkProfile>;
