import type { PublicGrant } from "../model";
import type { ResourceIndex } from "../index-resources";
import type { PlannedResource } from "../resource";
import { isUnknown, obj, plain, str } from "../values";
import { conditionValues, iamStatements, listOf, pinsWho } from "./iam-document";
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

const everyone = (principal: unknown) => {
  const p = plain(principal);
  return p === "*" || listOf(obj(p).AWS).includes("*");
};

function policyGrant(r: PlannedResource): PublicGrant[] {
  const { property, resource, reads } = RESOURCE_POLICIES[r.type]!;
  const policy = r.inputs[property];
  // A policy built from outputs (its own ARN, most often) is unknown in a new stack's preview: it is
  // judged in the deployed view (zt check, or the next preview), not announced on every new stack.
  if (policy === undefined || isUnknown(policy)) return [];
  const actions = (iamStatements(policy) ?? [])
    .filter((s) => str(s.Effect) === "Allow" && everyone(s.Principal) && !pinsWho(conditionValues(s)))
    .flatMap((s) => (s.NotAction !== undefined ? ["(every action but some: NotAction)"] : listOf(s.Action)));
  const unique = [...new Set(actions)];
  return unique.length
    ? [
        {
          resource,
          actions: unique,
          readOnly: reads !== undefined && unique.every((a) => reads.test(a)),
          origin: originOf(r),
        },
      ]
    : [];
}

function lambdaGrant(r: PlannedResource): PublicGrant[] {
  const i = r.inputs;
  if (str(i.principal) !== "*" || [i.sourceArn, i.sourceAccount, i.principalOrgId].some((v) => v !== undefined))
    return [];
  const action = str(i.action) ?? "(unknown action)";
  // A function URL without auth is a public HTTP endpoint, as a website is; invoking the function is not.
  const url = /^lambda:InvokeFunctionUrl$/i.test(action) && str(i.functionUrlAuthType) === "NONE";
  return [{ resource: "Lambda function", actions: [action], readOnly: url, origin: originOf(r) }];
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
