import { Trail } from "@pulumi/aws/cloudtrail";
import { EventRule, EventTarget } from "@pulumi/aws/cloudwatch";
import { Detector } from "@pulumi/aws/guardduty";
import { Bucket, BucketPolicy, BucketPublicAccessBlock } from "@pulumi/aws/s3";
import { Topic, TopicPolicy, TopicSubscription } from "@pulumi/aws/sns";
import * as pulumi from "@pulumi/pulumi";
import { awsAccountProblem, clientProblems, refuseInvalidArgs, type ArgProblem } from "../args";

/** CloudTrail and GuardDuty for one AWS account, with findings routed to people. */
export interface AwsMonitoringArgs {
  readonly client: string;
  readonly accountId: string;
  readonly contacts: readonly string[];
  readonly cloudtrail: boolean;
  readonly guardduty: boolean;
}

/** What is wrong with the args on their own; empty when they are fine. */
export function awsMonitoringProblems(args: AwsMonitoringArgs): ArgProblem[] {
  return [...clientProblems(args.client), ...awsAccountProblem("accountId", args.accountId)];
}

/**
 * A multi-region trail with log file validation into a private bucket only CloudTrail can write
 * to, and GuardDuty with every finding sent to the client's contacts.
 */
export class AwsMonitoring extends pulumi.ComponentResource {
  constructor(name: string, args: AwsMonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
    refuseInvalidArgs("AwsMonitoring", name, awsMonitoringProblems(args));
    super("zt-baseline:monitoring:AwsMonitoring", name, {}, opts);
    if (args.cloudtrail) {
      const bucket = new Bucket(
        `${name}-trail-bucket`,
        { bucket: `zt-${args.client}-cloudtrail-${args.accountId}` },
        { parent: this },
      );
      new BucketPublicAccessBlock(
        `${name}-trail-bucket-private`,
        {
          bucket: bucket.id,
          blockPublicAcls: true,
          blockPublicPolicy: true,
          ignorePublicAcls: true,
          restrictPublicBuckets: true,
        },
        { parent: this },
      );
      const policy = new BucketPolicy(
        `${name}-trail-bucket-policy`,
        {
          bucket: bucket.id,
          policy: bucket.arn.apply((arn) => JSON.stringify(trailBucketPolicy(arn, args.accountId))),
        },
        { parent: this },
      );
      new Trail(
        `${name}-trail`,
        {
          name: `zt-${args.client}`,
          s3BucketName: bucket.id,
          isMultiRegionTrail: true,
          includeGlobalServiceEvents: true,
          enableLogFileValidation: true,
        },
        { parent: this, dependsOn: [policy] },
      );
    }
    if (args.guardduty) {
      new Detector(
        `${name}-guardduty`,
        { enable: true, findingPublishingFrequency: "FIFTEEN_MINUTES" },
        { parent: this },
      );
      const topic = new Topic(`${name}-findings`, { name: `zt-${args.client}-security-findings` }, { parent: this });
      args.contacts.forEach((endpoint, i) => {
        new TopicSubscription(
          `${name}-findings-contact-${i + 1}`,
          { topic: topic.arn, protocol: "email", endpoint },
          { parent: this },
        );
      });
      const rule = new EventRule(
        `${name}-guardduty-findings`,
        {
          name: `zt-${args.client}-guardduty-findings`,
          eventPattern: JSON.stringify({ source: ["aws.guardduty"], "detail-type": ["GuardDuty Finding"] }),
        },
        { parent: this },
      );
      // EventBridge may publish to the topic, nobody else.
      new TopicPolicy(
        `${name}-findings-policy`,
        {
          arn: topic.arn,
          policy: topic.arn.apply((arn) =>
            JSON.stringify({
              Version: "2012-10-17",
              Statement: [
                {
                  Effect: "Allow",
                  Principal: { Service: "events.amazonaws.com" },
                  Action: "sns:Publish",
                  Resource: arn,
                },
              ],
            }),
          ),
        },
        { parent: this },
      );
      new EventTarget(`${name}-guardduty-to-contacts`, { rule: rule.name, arn: topic.arn }, { parent: this });
    }
    this.registerOutputs({});
  }
}

/** CloudTrail may check the ACL and write under AWSLogs/<account>/, nothing else. */
export function trailBucketPolicy(bucketArn: string, accountId: string) {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "CloudTrailAclCheck",
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "s3:GetBucketAcl",
        Resource: bucketArn,
      },
      {
        Sid: "CloudTrailWrite",
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: `${bucketArn}/AWSLogs/${accountId}/*`,
        Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control" } },
      },
    ],
  };
}
