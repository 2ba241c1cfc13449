import * as iam from "@pulumi/aws/iam";
import * as pulumi from "@pulumi/pulumi";
import { refuseInvalidArgs, type ArgProblem } from "../args";

/** What a user without MFA may still do: enrol an MFA device and nothing else. */
const SELF_SERVICE_MFA_ACTIONS = [
  "iam:CreateVirtualMFADevice",
  "iam:EnableMFADevice",
  "iam:GetUser",
  "iam:ChangePassword",
  "iam:GetAccountPasswordPolicy",
  "iam:ListMFADevices",
  "iam:ListVirtualMFADevices",
  "iam:ResyncMFADevice",
  "sts:GetSessionToken",
];

/** Denies every AWS action to human IAM users until they sign in with MFA. */
export interface AwsMfaEnforcementArgs {
  /** Group that human IAM users join; its policy denies everything without MFA. */
  readonly groupName: string;
}

/** What is wrong with the args on their own; empty when they are fine. */
export function awsMfaEnforcementProblems(args: AwsMfaEnforcementArgs): ArgProblem[] {
  return /^[\w+=,.@-]{1,128}$/.test(args.groupName)
    ? []
    : [
        {
          path: "groupName",
          message: `"${args.groupName}" is not an IAM group name (1-128 of letters, digits and +=,.@_-)`,
        },
      ];
}

export class AwsMfaEnforcement extends pulumi.ComponentResource {
  public readonly groupName: pulumi.Output<string>;
  public readonly policyArn: pulumi.Output<string>;

  constructor(name: string, args: AwsMfaEnforcementArgs, opts?: pulumi.ComponentResourceOptions) {
    refuseInvalidArgs("AwsMfaEnforcement", name, awsMfaEnforcementProblems(args));
    super("zt-baseline:mfa:AwsMfaEnforcement", name, {}, opts);
    const group = new iam.Group(`${name}-group`, { name: args.groupName }, { parent: this });
    const policy = new iam.Policy(
      `${name}-deny-without-mfa`,
      {
        description: "zt-baseline: deny every action except MFA self-enrolment unless the session used MFA.",
        policy: JSON.stringify(denyWithoutMfaDocument()),
      },
      { parent: this },
    );
    new iam.GroupPolicyAttachment(`${name}-attachment`, { group: group.name, policyArn: policy.arn }, { parent: this });
    this.groupName = group.name;
    this.policyArn = policy.arn;
    this.registerOutputs({ groupName: this.groupName, policyArn: this.policyArn });
  }
}

/** `BoolIfExists` also denies long-term access keys, whose requests carry no MFA key at all. */
export function denyWithoutMfaDocument() {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "DenyAllWithoutMfa",
        Effect: "Deny",
        NotAction: SELF_SERVICE_MFA_ACTIONS,
        Resource: "*",
        Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } },
      },
    ],
  };
}
