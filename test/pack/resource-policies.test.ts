import * as aws from "@pulumi/aws";
import { describe, expect, it } from "vitest";
import type { StackMode } from "../../engine/mock-engine";
import { SECRET_SIG, SIG_KEY } from "../../posture/resource";
import { OPAQUE_SECRET } from "../../posture/values";
import { add, handWritten, usePack } from "../pack-harness";
import { useHandWrittenVerdict } from "./hand-written-verdict";

// Resource policies read by their shape: any AWS resource whose inputs carry an IAM document under a
// resource-policy key (`policy`, `accessPolicy`, `policyDocument`...) is judged as S3 bucket policies
// are, with no list of types. Written with the real SDKs, as a new stack's preview and as the
// deployed stack, with no config (a hand-written stack).

const RULE = "privilege-no-public-resource-policy";
const ACCOUNT = "111122223333";

const verdict = useHandWrittenVerdict();
const { mandatory } = usePack();

const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const everyone = (Action: string | string[], more: object = {}) => ({
  Effect: "Allow",
  Principal: "*",
  Action,
  ...more,
});
const inOrg = { Condition: { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } };

/** Each case: a program, and whether it is blocked, advised (a notice) or clean. */
const CASES: [string, () => void, "blocked" | "advised" | "clean"][] = [
  [
    "API Gateway REST API open to everyone for every action",
    () => void new aws.apigateway.RestApi("api", { policy: doc(everyone("execute-api:*", { Resource: "*" })) }),
    "blocked",
  ],
  [
    "API Gateway REST API policy (its own resource) open to everyone, Principal {AWS: *}",
    () => {
      const api = new aws.apigateway.RestApi("api", {});
      new aws.apigateway.RestApiPolicy("api-policy", {
        restApiId: api.id,
        policy: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "execute-api:*", Resource: "*" }),
      });
    },
    "blocked",
  ],
  [
    "API Gateway REST API everyone may invoke (a public API, as a function URL is)",
    () => void new aws.apigateway.RestApi("api", { policy: doc(everyone("execute-api:Invoke", { Resource: "*" })) }),
    "advised",
  ],
  [
    "API Gateway REST API invoked only through one VPC endpoint",
    () =>
      void new aws.apigateway.RestApi("api", {
        policy: doc(
          everyone("execute-api:*", {
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceVpce": "vpce-0a1b2c" } },
          }),
        ),
      }),
    "clean",
  ],
  [
    "EventBridge event bus anyone may put events on",
    () =>
      void new aws.cloudwatch.EventBusPolicy("bus", {
        eventBusName: "default",
        policy: doc(
          everyone("events:PutEvents", { Resource: `arn:aws:events:eu-west-1:${ACCOUNT}:event-bus/default` }),
        ),
      }),
    "blocked",
  ],
  [
    "EventBridge event bus open to the organisation only",
    () =>
      void new aws.cloudwatch.EventBusPolicy("bus", {
        eventBusName: "default",
        policy: doc(everyone("events:PutEvents", { Resource: "*", ...inOrg })),
      }),
    "clean",
  ],
  [
    "CloudWatch Logs resource policy, the document written as an object, NotPrincipal with Allow",
    () =>
      void new aws.cloudwatch.LogResourcePolicy("logs", {
        policyName: "delivery",
        policyDocument: doc({
          Effect: "Allow",
          NotPrincipal: { Service: "delivery.logs.amazonaws.com" },
          Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
          Resource: "*",
        }),
      }),
    "blocked",
  ],
  [
    "CloudWatch Logs resource policy for a service, pinned to the account (aws:SourceAccount)",
    () =>
      void new aws.cloudwatch.LogResourcePolicy("logs", {
        policyName: "route53",
        policyDocument: doc({
          Effect: "Allow",
          Principal: { Service: "route53.amazonaws.com" },
          Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
          Resource: "*",
          Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
        }),
      }),
    "clean",
  ],
  [
    "CloudWatch Logs resource policy, Principal * pinned with aws:SourceAccount",
    () =>
      void new aws.cloudwatch.LogResourcePolicy("logs", {
        policyName: "any-source",
        policyDocument: doc(
          everyone("logs:PutLogEvents", {
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
          }),
        ),
      }),
    "clean",
  ],
  [
    "ECR public repository anyone may push to",
    () =>
      void new aws.ecrpublic.RepositoryPolicy("pub", {
        repositoryName: "tools",
        policy: doc(everyone(["ecr-public:PutImage", "ecr-public:UploadLayerPart"])),
      }),
    "blocked",
  ],
  [
    "ECR public repository a named account may push to",
    () =>
      void new aws.ecrpublic.RepositoryPolicy("pub", {
        repositoryName: "tools",
        policy: doc({
          Effect: "Allow",
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
          Action: ["ecr-public:PutImage"],
        }),
      }),
    "clean",
  ],
  [
    "Glacier vault everyone may retrieve from (access policy on the vault itself)",
    () =>
      void new aws.glacier.Vault("archive", {
        accessPolicy: doc(
          everyone(["glacier:InitiateJob", "glacier:GetJobOutput"], {
            Resource: `arn:aws:glacier:eu-west-1:${ACCOUNT}:vaults/archive`,
          }),
        ),
      }),
    "blocked",
  ],
  [
    "Glacier vault open to the organisation only",
    () =>
      void new aws.glacier.Vault("archive", {
        accessPolicy: doc(everyone(["glacier:InitiateJob"], { Resource: "*", ...inOrg })),
      }),
    "clean",
  ],
  [
    "KMS replica key everyone may use, as an account wildcard",
    () =>
      void new aws.kms.ReplicaKey("replica", {
        primaryKeyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/mrk-1234`,
        policy: doc({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::*:root" }, Action: "kms:*", Resource: "*" }),
      }),
    "blocked",
  ],
  [
    "KMS replica key administered by its own account",
    () =>
      void new aws.kms.ReplicaKey("replica", {
        primaryKeyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/mrk-1234`,
        policy: doc({
          Effect: "Allow",
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
          Action: "kms:*",
          Resource: "*",
        }),
      }),
    "clean",
  ],
  [
    "EFS file system everyone may mount and write, from anywhere",
    () =>
      void new aws.efs.FileSystemPolicy("fs", {
        fileSystemId: "fs-0123456789abcdef0",
        policy: doc(everyone(["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"], { Resource: "*" })),
      }),
    "blocked",
  ],
  [
    "EFS file system any client may mount through a mount target (what no policy allows)",
    () =>
      void new aws.efs.FileSystemPolicy("fs", {
        fileSystemId: "fs-0123456789abcdef0",
        policy: doc(
          everyone(["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"], {
            Resource: "*",
            Condition: { Bool: { "elasticfilesystem:AccessedViaMountTarget": "true" } },
          }),
        ),
      }),
    "clean",
  ],
  [
    "EFS mount-target condition that passes when the key is absent (BoolIfExists) pins nothing",
    () =>
      void new aws.efs.FileSystemPolicy("fs", {
        fileSystemId: "fs-0123456789abcdef0",
        policy: doc(
          everyone("elasticfilesystem:ClientMount", {
            Resource: "*",
            Condition: { BoolIfExists: { "elasticfilesystem:AccessedViaMountTarget": "true" } },
          }),
        ),
      }),
    "blocked",
  ],
  [
    "S3 multi-region access point, the policy one block down (details.policy)",
    () =>
      void new aws.s3control.MultiRegionAccessPointPolicy("mrap", {
        details: { name: "shared", policy: doc(everyone("s3:*", { Resource: "*" })) },
      }),
    "blocked",
  ],
  [
    "Organizations resource policy (content) open to everyone",
    () => void new aws.organizations.ResourcePolicy("org", { content: doc(everyone("organizations:*")) }),
    "blocked",
  ],
  [
    "A deny to everyone outside the organisation beside the open allow",
    () =>
      void new aws.dynamodb.ResourcePolicy("table", {
        resourceArn: `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/orders`,
        policy: doc(everyone("dynamodb:*", { Resource: "*" }), {
          Effect: "Deny",
          Principal: "*",
          Action: "*",
          Resource: "*",
          Condition: { StringNotEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } },
        }),
      }),
    "clean",
  ],
  // Look-alikes: a key of the same name that is not a resource policy.
  [
    "VPC endpoint policy Principal * (it only narrows what IAM grants)",
    () =>
      void new aws.ec2.VpcEndpointPolicy("endpoint", {
        vpcEndpointId: "vpce-0a1b2c",
        policy: doc(everyone("*", { Resource: "*" })),
      }),
    "clean",
  ],
  [
    "An identity policy allowing everything (judged as a grant, not as a resource policy)",
    () => void new aws.iam.Policy("ops", { policy: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }) }),
    "clean",
  ],
  [
    "SES receipt filter (its policy is Allow or Block)",
    () => void new aws.ses.ReceiptFilter("mail", { cidr: "203.0.113.0/24", policy: "Allow" }),
    "clean",
  ],
  [
    "CloudWatch Logs data protection policy (not an access policy)",
    () =>
      void new aws.cloudwatch.LogDataProtectionPolicy("pii", {
        logGroupName: "app",
        policyDocument: JSON.stringify({ Name: "pii", Version: "2021-06-01", Statement: [] }),
      }),
    "clean",
  ],
];

describe.each(["new", "deployed"] as StackMode[])("resource policies read by their shape, as a %s stack", (mode) => {
  it.each(CASES)("%s", async (_name, program, expected) => {
    const { blocked, notices } = await verdict(program, mode);
    if (expected === "blocked") {
      expect(blocked.length).toBeGreaterThan(0);
      for (const b of blocked) expect(b).toMatch(new RegExp(`^${RULE}: .*allows everyone`, "s"));
    } else expect(blocked).toEqual([]);
    if (expected === "advised") expect(notices).toMatch(/lets everyone execute-api:Invoke/);
    if (expected === "clean") expect(notices).not.toMatch(/lets everyone|allows everyone/);
  });

  it("names a type read by its shape by its type, and says every action is judged as control", async () => {
    const { blocked } = await verdict(
      () =>
        void new aws.glacier.Vault("archive", {
          accessPolicy: doc(everyone("glacier:InitiateJob", { Resource: "*" })),
        }),
      mode,
    );
    expect(blocked).toEqual([
      expect.stringMatching(
        /'archive' \(glacier Vault\) allows everyone .*glacier:InitiateJob\. The pack reads this type's policy by its shape .* judges them as control\./,
      ),
    ]);
  });
});

describe("a resource policy read by its shape that cannot be read (posture/unknown.ts)", () => {
  it("fails closed on one held as a secret, naming the resource and the property; skips a value that is not a document", async () => {
    const secret = { [SIG_KEY]: SECRET_SIG, value: OPAQUE_SECRET };
    const found = await mandatory(
      add(
        handWritten("aws:kinesis/resourcePolicy:ResourcePolicy", "stream", { resourceArn: "a", policy: secret }),
        handWritten("aws:kinesis/resourcePolicy:ResourcePolicy", "plain-text", { resourceArn: "b", policy: "Allow" }),
      ),
    );
    const ours = found.filter((d) => d.policyName === RULE);
    expect(ours.map((d) => d.urn!.split("::").pop())).toEqual(["stream"]);
    expect(ours[0]!.message).toMatch(/'stream' \(kinesis ResourcePolicy\)'s policy cannot be read \(a secret/);
  });
});
