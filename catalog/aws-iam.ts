/** Facts of AWS IAM the readers judge policies by, kept apart from the readers. */

/**
 * IAM actions that let their holder make itself an administrator when allowed on every resource
 * (the privilege-escalation paths published by Rhino Security Labs and used by Prowler's and
 * Cloudsplaining's checks), in lower case: IAM compares actions so.
 */

/** Each alone: rewrite a policy, attach one, join a group, or mint someone's credentials. */
export const AWS_SELF_ESCALATION_ACTIONS: readonly string[] = [
  "iam:createpolicyversion",
  "iam:setdefaultpolicyversion",
  "iam:attachuserpolicy",
  "iam:attachgrouppolicy",
  "iam:attachrolepolicy",
  "iam:putuserpolicy",
  "iam:putgrouppolicy",
  "iam:putrolepolicy",
  "iam:addusertogroup",
  "iam:updateassumerolepolicy",
  "iam:createaccesskey",
  "iam:createloginprofile",
  "iam:updateloginprofile",
];

/** With `iam:PassRole` on every role, any of these runs code as a role of the holder's choosing. */
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
];

/** `sts:AssumeRole` on every role: every role that trusts the account becomes the holder's. */
export const AWS_ASSUME_ANY_ROLE = "sts:assumerole";

/**
 * Condition keys that narrow who can use a statement (MFA, network): with one of them an admin
 * statement is not a standing grant for every caller. Others (a region, TLS) hold for any caller.
 */
export const AWS_NARROWING_CONDITION_KEYS: readonly string[] = [
  "aws:multifactorauthpresent",
  "aws:multifactorauthage",
  "aws:sourceip",
  "aws:sourcevpc",
  "aws:sourcevpce",
  "aws:vpcsourceip",
];

/**
 * Condition keys that keep a `Principal "*"` statement (a trust or a resource policy) to one
 * organisation, account, caller, source or network: with one of them it is not open to everyone.
 */
export const AWS_PINNING_CONDITION_KEYS: readonly string[] = [
  "aws:principalorgid",
  "aws:principalorgpaths",
  "aws:principalaccount",
  "aws:principalarn",
  "aws:sourceaccount",
  "aws:sourcearn",
  "aws:sourceorgid",
  "aws:sourceowner",
  "aws:sourcevpc",
  "aws:sourcevpce",
  "aws:sourceip",
  "kms:calleraccount",
  "sts:externalid",
];

/** CI identity providers (OIDC) whose tokens every project on the service can obtain: `sub` says which. */
export const CI_OIDC_PROVIDERS: readonly string[] = [
  "token.actions.githubusercontent.com",
  "gitlab.com",
  "app.terraform.io",
];
