import { createHash } from "node:crypto";
import { SECRET_SIG, SIG_KEY } from "../posture/resource";

/**
 * What providers answer once a resource exists, for the mock engine's "deployed" mode: an id and
 * the outputs they compute (ids, ARNs, azure-native autonames, Access audiences, secrets), as a
 * stack looks after `pulumi up`. Deterministic: the same stack gets the same ids on every run.
 */

/** A hex digest of the resource's identity, long enough for any id format below. */
const digest = (...parts: string[]) => createHash("sha256").update(parts.join("\0")).digest("hex");

const uuid = (h: string) =>
  `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;

const secret = (value: string) => ({ [SIG_KEY]: SECRET_SIG, value });

/** Fixed account and subscription for ids when the provider does not name one. */
const AWS_ACCOUNT = "111122223333";
const AZURE_SUBSCRIPTION = "00000000-0000-4000-8000-000000000000";

/** AWS id prefixes the console shows, by type token; other AWS resources are named `<name>-<hex>`. */
const AWS_ID_PREFIX: Readonly<Record<string, string>> = {
  "aws:ec2/securityGroup:SecurityGroup": "sg-",
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": "sgr-",
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": "sgr-",
  "aws:ec2/securityGroupRule:SecurityGroupRule": "sgrule-",
};

/** AWS resources whose provider id is their ARN (an IAM policy's is: attachments name it by that). */
const AWS_ID_IS_ARN = new Set([
  "aws:iam/policy:Policy",
  "aws:iam/openIdConnectProvider:OpenIdConnectProvider",
  "aws:iam/samlProvider:SamlProvider",
  "aws:sns/topic:Topic",
]);

/** AWS resources whose name the provider generates when none is given (the output it writes it to). */
const AWS_AUTONAMED: Readonly<Record<string, string>> = {
  "aws:ec2/securityGroup:SecurityGroup": "name",
  "aws:iam/group:Group": "name",
  "aws:iam/role:Role": "name",
  "aws:iam/policy:Policy": "name",
  "aws:iam/user:User": "name",
  "aws:sns/topic:Topic": "name",
  "aws:s3/bucket:Bucket": "bucket",
  "aws:s3/bucketV2:BucketV2": "bucket",
  "aws:cloudtrail/trail:Trail": "name",
  "aws:cloudwatch/eventRule:EventRule": "name",
};

/** Computed outputs per type, beyond the id (secrets in the wire's secret wrapper). */
const CLOUDFLARE_OUTPUTS: Readonly<Record<string, (h: string) => Record<string, unknown>>> = {
  "cloudflare:index/zeroTrustAccessApplication:ZeroTrustAccessApplication": (h) => ({ aud: digest(h, "aud") }),
  "cloudflare:index/zeroTrustAccessServiceToken:ZeroTrustAccessServiceToken": (h) => ({
    clientId: `${h.slice(0, 32)}.access`,
    clientSecret: secret(digest(h, "secret")),
  }),
};

export interface DeployedResource {
  readonly id: string;
  readonly outputs: Record<string, unknown>;
}

export interface DeployArgs {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
  /** The inputs of the resource's provider, when it has an explicit one (region, subscription). */
  readonly providerInputs?: Record<string, unknown>;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * The id and outputs a provider would return for a resource it has created. Outputs repeat the id
 * (`id`), as the bridged providers' state does: the engine's AnalyzeStack carries no id of its own.
 */
export function deployed(args: DeployArgs): DeployedResource {
  const { id, outputs } = computed(args);
  return { id, outputs: args.type.startsWith("pulumi:") ? outputs : { ...outputs, id } };
}

function computed(args: DeployArgs): DeployedResource {
  const h = digest(args.type, args.name);
  const [pkg, module = "", kind = ""] = args.type.split(":");
  const outputs: Record<string, unknown> = { ...args.inputs };
  if (pkg === "pulumi") return { id: uuid(h), outputs };
  if (pkg === "aws") {
    const autoname = AWS_AUTONAMED[args.type];
    if (autoname && outputs[autoname] === undefined) outputs[autoname] = `${args.name}-${h.slice(0, 7)}`;
    const id = AWS_ID_PREFIX[args.type]
      ? `${AWS_ID_PREFIX[args.type]}${h.slice(0, 17)}`
      : String(outputs[autoname ?? "name"] ?? `${args.name}-${h.slice(0, 8)}`);
    const region = String(args.providerInputs?.region ?? "eu-west-1");
    const account = String((args.providerInputs?.allowedAccountIds as string[] | undefined)?.[0] ?? AWS_ACCOUNT);
    const service = module.split("/")[0]!;
    outputs.arn = `arn:aws:${service}:${service === "iam" ? "" : region}:${account}:${lowerFirst(kind)}/${id}`;
    return { id: AWS_ID_IS_ARN.has(args.type) ? (outputs.arn as string) : id, outputs };
  }
  if (pkg === "azure-native") {
    const nameInput = `${lowerFirst(kind)}Name`;
    const name = String(outputs[nameInput] ?? `${args.name}${h.slice(0, 8)}`);
    const subscription = String(args.providerInputs?.subscriptionId ?? AZURE_SUBSCRIPTION);
    const group = String(outputs.resourceGroupName ?? "rg");
    outputs.name = name;
    // A managed identity's service principal, which data-plane grants name by object id.
    if (args.type === "azure-native:managedidentity:UserAssignedIdentity")
      Object.assign(outputs, { principalId: uuid(digest(h, "principal")), clientId: uuid(digest(h, "client")) });
    return {
      id: `/subscriptions/${subscription}/resourceGroups/${group}/providers/Microsoft.${module.charAt(0).toUpperCase()}${module.slice(1)}/${lowerFirst(kind)}s/${name}`,
      outputs,
    };
  }
  if (pkg === "azuread") return { id: uuid(h), outputs: { ...outputs, objectId: uuid(h) } };
  if (pkg === "cloudflare")
    return { id: h.slice(0, 32), outputs: { ...outputs, ...CLOUDFLARE_OUTPUTS[args.type]?.(h) } };
  return { id: `${args.name}-${h.slice(0, 8)}`, outputs };
}

/** What an invoke answers in deployed mode: its inputs, plus a token where one is asked for. */
export function deployedCall(token: string, inputs: Record<string, unknown>): Record<string, unknown> {
  if (token.endsWith("TunnelCloudflaredToken")) return { ...inputs, token: digest(token, JSON.stringify(inputs)) };
  return inputs;
}
