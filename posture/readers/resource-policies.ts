import type { Inventory } from "../../catalog/inventory/classes";
import inventoryJson from "../../catalog/inventory/types.json";
import type { PublicGrant } from "../model";
import type { ResourceIndex } from "../index-resources";
import type { PlannedResource } from "../resource";
import { obj, plain, str } from "../values";
import { denyPinsWho, pinsWho, readStatements, unreadableOf, valuePins, type IamStatement } from "./iam-document";
import { matchesAction } from "./iam-actions";
import { originOf } from "./origin";
import type { ReaderDeclaration } from "./registry";

/** Reading objects: what a public website bucket is for. */
const S3_READS = /^s3:(GetObject|GetObjectVersion|ListBucket)$/i;
/** Calling an API: what a public API is for (its authorizers decide the rest), as a function URL is. */
const API_CALLS = /^execute-api:Invoke$/i;

/** What the pack knows of a type's resource policy: what people call the resource, and what only reads public content. */
interface Known {
  readonly property: string;
  readonly resource: string;
  readonly reads?: RegExp;
}

/**
 * Resources whose policy the pack knows more of than its shape, by type: the property holding it,
 * what people call the resource, and the actions that only read what is meant to be public (a
 * website's objects, a public image, a public API). Everything else a policy lets everyone do is
 * control. Every other AWS type carrying a resource policy is read by its shape (below).
 */
export const RESOURCE_POLICIES: Readonly<Record<string, Known>> = {
  "aws:s3/bucketPolicy:BucketPolicy": { property: "policy", resource: "S3 bucket", reads: S3_READS },
  "aws:s3/bucket:Bucket": { property: "policy", resource: "S3 bucket", reads: S3_READS },
  "aws:s3/bucketV2:BucketV2": { property: "policy", resource: "S3 bucket", reads: S3_READS },
  "aws:sqs/queuePolicy:QueuePolicy": { property: "policy", resource: "SQS queue" },
  "aws:sqs/queue:Queue": { property: "policy", resource: "SQS queue" },
  "aws:sns/topicPolicy:TopicPolicy": { property: "policy", resource: "SNS topic" },
  "aws:sns/topic:Topic": { property: "policy", resource: "SNS topic" },
  "aws:kms/keyPolicy:KeyPolicy": { property: "policy", resource: "KMS key" },
  "aws:kms/key:Key": { property: "policy", resource: "KMS key" },
  "aws:ecr/repositoryPolicy:RepositoryPolicy": {
    property: "policy",
    resource: "ECR repository",
    reads:
      /^ecr:(BatchGetImage|GetDownloadUrlForLayer|BatchCheckLayerAvailability|DescribeImages|DescribeRepositories|ListImages)$/i,
  },
  "aws:secretsmanager/secretPolicy:SecretPolicy": { property: "policy", resource: "Secrets Manager secret" },
  "aws:opensearch/domain:Domain": { property: "accessPolicies", resource: "OpenSearch domain" },
  "aws:opensearch/domainPolicy:DomainPolicy": { property: "accessPolicies", resource: "OpenSearch domain" },
  "aws:apigateway/restApi:RestApi": { property: "policy", resource: "API Gateway REST API", reads: API_CALLS },
  "aws:apigateway/restApiPolicy:RestApiPolicy": {
    property: "policy",
    resource: "API Gateway REST API",
    reads: API_CALLS,
  },
};

/**
 * The input keys under which AWS resources carry a resource policy: an IAM document naming whom it
 * lets in (`policy`, `accessPolicies`, `accessPolicy`, `resourcePolicy`, `policyDocument`, and
 * Organizations' `content`), and the keys inside one the SDK types as an object.
 */
export const RESOURCE_POLICY_KEY = /^(policy|accessPolicies|accessPolicy|resourcePolicy|policyDocument|content)$/;
const IN_DOCUMENT_KEY = /^(Principal|NotPrincipal)$/;

/**
 * AWS types whose property of such a name holds something other than a resource policy: what it
 * is. Their policies are not read here (those that can only narrow have their reason in the
 * inventory; the others are in its backlog).
 */
export const NOT_RESOURCE_POLICIES: Readonly<Record<string, string>> = {
  "aws:ec2/vpcEndpoint:VpcEndpoint": "a VPC endpoint policy: it only narrows what IAM grants through the endpoint",
  "aws:ec2/vpcEndpointPolicy:VpcEndpointPolicy":
    "a VPC endpoint policy: it only narrows what IAM grants through the endpoint",
  "aws:eks/podIdentityAssociation:PodIdentityAssociation": "a session policy: it only narrows the role's",
  "aws:transfer/access:Access": "a Transfer Family scope-down policy: it only narrows the role's",
  "aws:transfer/user:User": "a Transfer Family scope-down policy: it only narrows the role's",
  "aws:organizations/policy:Policy": "an Organizations policy (SCP, RCP, tag, backup): it narrows, or is not IAM",
  "aws:cloudwatch/logAccountPolicy:LogAccountPolicy": "a CloudWatch Logs data protection or subscription policy",
  "aws:cloudwatch/logIndexPolicy:LogIndexPolicy": "a CloudWatch Logs field index policy",
  "aws:iot/policy:Policy": "an IoT Core policy: what a device may do, not whom a resource lets in",
  "aws:iot/policyAttachment:PolicyAttachment": "the name of an IoT Core policy",
  "aws:ses/receiptFilter:ReceiptFilter": "`Allow` or `Block`: which mail servers SES accepts mail from",
  "aws:networkmanager/coreNetworkPolicyAttachment:CoreNetworkPolicyAttachment": "a Cloud WAN core network policy",
  "aws:verifiedaccess/endpoint:Endpoint": "a Verified Access policy, written in Cedar",
  "aws:verifiedaccess/group:Group": "a Verified Access policy, written in Cedar",
  "aws:opensearch/serverlessAccessPolicy:ServerlessAccessPolicy":
    "an OpenSearch Serverless data access policy, in its own shape (rules and principals)",
  "aws:opensearch/serverlessSecurityPolicy:ServerlessSecurityPolicy":
    "an OpenSearch Serverless encryption or network policy, in its own shape",
};

/** True for the types whose resource-policy keys are read here by shape: AWS's, less those that hold something else. */
const readsByShape = (type: string) => type.startsWith("aws:") && !(type in NOT_RESOURCE_POLICIES);

const keyOf = (path: string) => path.slice(path.lastIndexOf(".") + 1);

let byShapePaths: Map<string, readonly string[]> | undefined;

/**
 * Where a type read by shape carries its resource policy: the paths the inventory (derived from
 * the provider SDKs) lists for it as a principal or policy that end in a resource-policy key
 * (`policy`, `details.policy`), not the parts of a document typed as an object.
 */
function policyPaths(type: string): readonly string[] {
  byShapePaths ??= new Map(
    Object.values(inventoryJson as Inventory).flatMap((p) =>
      Object.entries(p.types).flatMap(([t, entry]) => {
        const paths = (entry["principal-policy"] ?? []).filter(
          (path) => !/(^|\.)Statement(\.|$)/.test(path) && RESOURCE_POLICY_KEY.test(keyOf(path)),
        );
        return paths.length ? [[t, paths] as const] : [];
      }),
    ),
  );
  return byShapePaths.get(type) ?? [];
}

/** The values at a dotted path (through lists), an unreadable step kept as the value found there. */
function valuesAt(v: unknown, path: readonly string[]): unknown[] {
  if (path.length === 0) return [v];
  if (unreadableOf(v)) return [v];
  const p = plain(v);
  if (Array.isArray(p)) return p.flatMap((x) => valuesAt(x, path));
  const next = obj(p)[path[0]!];
  return next === undefined ? [] : valuesAt(next, path.slice(1));
}

/** A generic type's name as people say it: `cloudwatch EventBusPolicy` for `aws:cloudwatch/eventBusPolicy:EventBusPolicy`. */
const typeName = (type: string) => {
  const [, module = "", name = type] = /^[^:]+:([^/:]+)(?:\/[^:]*)?:(.+)$/.exec(type) ?? [];
  return `${module} ${name}`.trim();
};

/** A Lambda permission: one statement of the function's policy, written as a resource of its own. */
export const LAMBDA_PERMISSION = "aws:lambda/permission:Permission";

const matches = (s: IamStatement, action: string) =>
  s.notAction ? !s.actions.some((p) => matchesAction(p, action)) : s.actions.some((p) => matchesAction(p, action));

/** Everyone: `Principal "*"`, `{"AWS": "*"}`, every account (`arn:aws:iam::*:root`), or `NotPrincipal` with Allow. */
const toEveryone = (s: IamStatement) =>
  s.notPrincipal || s.principals.some((p) => p.kind === "anyone" || p.kind === "unknown");

/** The worst reason a statement's openness rests on something unreadable (a secret or a shape over until apply). */
function unreadableIn(s: IamStatement, property: string): PublicGrant["unreadable"] {
  const whys = [
    ...s.unreadable.map((u) => u.why),
    ...s.conditions.flatMap((c) => (c.unreadable ? [c.unreadable] : [])),
  ];
  const why = whys.find((w) => w !== "until apply") ?? whys[0];
  return why ? { property, why } : undefined;
}

/**
 * What one resource policy lets everyone do. `known` is what the pack knows of the type; a type read
 * by its shape (`known` unset) is judged on a document it recognises and never announced otherwise.
 */
function policyGrant(r: PlannedResource, property: string, policy: unknown, known?: Known): PublicGrant[] {
  const resource = known?.resource ?? typeName(r.type);
  const reads = known?.reads;
  if (policy === undefined) return [];
  // A policy built from outputs (its own ARN, most often) is unknown in a new stack's preview. The
  // resource rule judges it again as the resource registers in `pulumi up`, its value known then and
  // before it is created, and in the deployed view: not announced on every new stack.
  if (unreadableOf(policy) === "until apply") return [];
  const statements = readStatements(policy);
  // By shape, only an IAM document (with a Statement) is a resource policy; any other value under
  // the key is something else, and a policy without statements lets nobody in.
  if (!known && statements === undefined && unreadableOf(policy) !== "secret") return [];
  if (statements === undefined) {
    // Cannot be read at all: everyone, every action (posture/unknown.ts), until it can be read.
    const why = unreadableOf(policy) ?? "shape";
    return [
      {
        resource,
        actions: ["(a policy the pack cannot read)"],
        readOnly: false,
        unreadable: { property, why },
        ...(known ? {} : { byShape: true }),
        origin: originOf(r),
      },
    ];
  }
  // Denies to everyone that hold outside one organisation, source or network (or always) pin what they cover.
  const pinningDenies = statements.filter(
    (s) =>
      !s.allow &&
      toEveryone(s) &&
      s.unreadable.length === 0 &&
      (s.conditions.length === 0 || denyPinsWho(s.conditions)),
  );
  const open = statements.filter((s) => s.allow && toEveryone(s) && !pinsWho(s.conditions));
  const actions = open
    .flatMap((s) => (s.notAction ? ["(every action but some: NotAction)"] : s.actions))
    .filter(
      (a) => !pinningDenies.some((d) => (a.startsWith("(") ? !d.notAction && d.actions.includes("*") : matches(d, a))),
    );
  const unique = [...new Set(actions)];
  if (!unique.length) return [];
  const unreadable = open.map((s) => unreadableIn(s, property)).find((u) => u !== undefined);
  return [
    {
      resource,
      actions: unique,
      readOnly: reads !== undefined && unique.every((a) => reads.test(a)),
      ...(unreadable ? { unreadable } : {}),
      ...(known ? {} : { byShape: true }),
      origin: originOf(r),
    },
  ];
}

function lambdaGrant(r: PlannedResource): PublicGrant[] {
  const i = r.inputs;
  const principal = unreadableOf(i.principal);
  if (!principal && !/^(\*|arn:[^:]*:iam::\*:.*)$/.test(str(i.principal) ?? "")) return [];
  const pins = (v: unknown, kind: Parameters<typeof valuePins>[0]) => str(v) !== undefined && valuePins(kind, str(v)!);
  if (pins(i.sourceArn, "arn") || pins(i.sourceAccount, "account") || pins(i.principalOrgId, "organisation")) return [];
  const pending = [i.principal, i.sourceArn, i.sourceAccount, i.principalOrgId, i.action]
    .map(unreadableOf)
    .filter((w) => w !== undefined);
  const action = str(i.action) ?? "(unknown action)";
  // A function URL without auth is a public HTTP endpoint, as a website is; invoking the function is not.
  const url = /^lambda:InvokeFunctionUrl$/i.test(action) && /^none$/i.test(str(i.functionUrlAuthType) ?? "");
  const why = pending.find((w) => w !== "until apply") ?? pending[0];
  return [
    {
      resource: "Lambda function",
      actions: [action],
      readOnly: url,
      ...(why ? { unreadable: { property: "principal", why } } : {}),
      origin: originOf(r),
    },
  ];
}

/**
 * Reads what resource policies allow everyone (Principal "*", no condition pinning who or where):
 * the known types', and every other AWS type's that carries one, by its shape. `readElsewhere` is
 * the registry's types (posture/readers/index.ts): identity policies and trust policies are read by
 * their own readers, not as resource policies.
 */
export function readPublicGrants(index: ResourceIndex, readElsewhere: ReadonlySet<string> = new Set()): PublicGrant[] {
  const known = index.ofType(...Object.keys(RESOURCE_POLICIES)).flatMap((r) => {
    const k = RESOURCE_POLICIES[r.type]!;
    return policyGrant(r, k.property, r.inputs[k.property], k);
  });
  const byShape = index.resources
    .filter((r) => r.custom && readsByShape(r.type) && !readElsewhere.has(r.type) && !(r.type in RESOURCE_POLICIES))
    .flatMap((r) =>
      policyPaths(r.type).flatMap((path) =>
        valuesAt(r.inputs, path.split(".")).flatMap((v) => policyGrant(r, path, v)),
      ),
    );
  return [...known, ...byShape, ...index.ofType(LAMBDA_PERMISSION).flatMap(lambdaGrant)];
}

export const READER: ReaderDeclaration = {
  name: "resource-policies",
  feeds: { "privilege.publicGrants": [...Object.keys(RESOURCE_POLICIES), LAMBDA_PERMISSION] },
  readsProperties: [RESOURCE_POLICY_KEY, IN_DOCUMENT_KEY],
  readsPropertiesOf: readsByShape,
};
