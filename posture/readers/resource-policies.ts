import type { PublicGrant } from "../model";
import type { ResourceIndex } from "../index-resources";
import type { PlannedResource } from "../resource";
import { str } from "../values";
import { denyPinsWho, pinsWho, readStatements, unreadableOf, valuePins, type IamStatement } from "./iam-document";
import { matchesAction } from "./iam-actions";
import { originOf } from "./origin";
import type { ReaderDeclaration } from "./registry";

/** Reading objects: what a public website bucket is for. */
const S3_READS = /^s3:(GetObject|GetObjectVersion|ListBucket)$/i;

/**
 * Resources that carry a resource policy, by type: the property holding it, what people call the
 * resource, and the actions that only read what is meant to be public (a website's objects, a
 * public image). Everything else a policy lets everyone do is control.
 */
export const RESOURCE_POLICIES: Readonly<
  Record<string, { readonly property: string; readonly resource: string; readonly reads?: RegExp }>
> = {
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

function policyGrant(r: PlannedResource): PublicGrant[] {
  const { property, resource, reads } = RESOURCE_POLICIES[r.type]!;
  const policy = r.inputs[property];
  if (policy === undefined) return [];
  // A policy built from outputs (its own ARN, most often) is unknown in a new stack's preview. The
  // resource rule judges it again as the resource registers in `pulumi up`, its value known then and
  // before it is created, and in the deployed view: not announced on every new stack.
  if (unreadableOf(policy) === "until apply") return [];
  const statements = readStatements(policy);
  if (statements === undefined) {
    // Cannot be read at all: everyone, every action (posture/unknown.ts), until it can be read.
    const why = unreadableOf(policy) ?? "shape";
    return [
      {
        resource,
        actions: ["(a policy the pack cannot read)"],
        readOnly: false,
        unreadable: { property, why },
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

/** Reads what resource policies allow everyone (Principal "*", no condition pinning who or where). */
export function readPublicGrants(index: ResourceIndex): PublicGrant[] {
  return [
    ...index.ofType(...Object.keys(RESOURCE_POLICIES)).flatMap(policyGrant),
    ...index.ofType(LAMBDA_PERMISSION).flatMap(lambdaGrant),
  ];
}

export const READER: ReaderDeclaration = {
  name: "resource-policies",
  feeds: { "privilege.publicGrants": [...Object.keys(RESOURCE_POLICIES), LAMBDA_PERMISSION] },
};
