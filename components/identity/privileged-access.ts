import { Role, RolePolicyAttachment } from "@pulumi/aws/iam";
import * as azuread from "@pulumi/azuread";
import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { PrivilegedAccessProfile } from "../../profile/privileged-access";
import { AWS_ADMINISTRATOR_ACCESS } from "../../catalog/well-known-ids";
import { durationMinutes } from "../../posture/durations";
import { awsAccountProblem, guidProblem, guidProblems, refuseInvalidArgs, type ArgProblem } from "../args";

export const GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";

/** No standing admin access for one client. */
export interface PrivilegedAccessArgs {
  readonly settings: z.output<typeof PrivilegedAccessProfile>;
  /** The emergency-access accounts: the only permanent Global Administrators. */
  readonly breakGlassAccounts: readonly string[];
  /** The AWS account people assume the admin role in; no AWS role without it. */
  readonly awsAccountId?: string;
}

/** What is wrong with the args on their own; empty when they are fine. */
export function privilegedAccessProblems(args: PrivilegedAccessArgs): ArgProblem[] {
  return [
    ...(args.breakGlassAccounts.length < 2
      ? [
          {
            path: "breakGlassAccounts",
            message:
              "name at least 2 break-glass accounts: they stay the permanent Global Administrators, and one alone is a single point of failure",
          },
        ]
      : []),
    ...guidProblems("breakGlassAccounts", args.breakGlassAccounts),
    ...args.settings.eligible.flatMap((e, i) => guidProblem(`settings.eligible[${i}].principal`, e.principal)),
    ...(args.awsAccountId !== undefined ? awsAccountProblem("awsAccountId", args.awsAccountId) : []),
  ];
}

/**
 * Eligible (PIM) directory role assignments instead of standing ones, the break-glass accounts as
 * the only permanent Global Administrators, and on AWS an admin role that can be assumed only
 * with MFA, for a bounded session.
 */
export class PrivilegedAccess extends pulumi.ComponentResource {
  public readonly awsAdminRoleArn?: pulumi.Output<string>;

  constructor(name: string, args: PrivilegedAccessArgs, opts?: pulumi.ComponentResourceOptions) {
    refuseInvalidArgs("PrivilegedAccess", name, privilegedAccessProblems(args));
    super("zt-baseline:identity:PrivilegedAccess", name, {}, opts);
    const { settings } = args;
    args.breakGlassAccounts.forEach((account, i) => {
      new azuread.DirectoryRoleAssignment(
        `${name}-break-glass-${i + 1}-global-admin`,
        { roleId: GLOBAL_ADMINISTRATOR, principalObjectId: account },
        { parent: this },
      );
    });
    for (const e of settings.eligible) {
      new azuread.DirectoryRoleEligibilityScheduleRequest(
        `${name}-eligible-${e.role.slice(0, 8)}-${e.principal.slice(0, 8)}`,
        { roleDefinitionId: e.role, principalId: e.principal, directoryScopeId: "/", justification: e.justification },
        { parent: this },
      );
    }
    if (args.awsAccountId) {
      const seconds = durationMinutes(settings.aws.maxSession) * 60;
      const role = new Role(
        `${name}-aws-admin`,
        {
          name: settings.aws.roleName,
          description: "zt-baseline: admin access only through this role, assumed with MFA, for a bounded session.",
          maxSessionDuration: seconds,
          assumeRolePolicy: JSON.stringify(assumeWithMfa(args.awsAccountId, seconds)),
        },
        { parent: this },
      );
      new RolePolicyAttachment(
        `${name}-aws-admin-policy`,
        { role: role.name, policyArn: AWS_ADMINISTRATOR_ACCESS },
        { parent: this },
      );
      this.awsAdminRoleArn = role.arn;
    }
    this.registerOutputs({ awsAdminRoleArn: this.awsAdminRoleArn });
  }
}

/** Only principals of the account, only with MFA, and only with an MFA no older than a session. */
export function assumeWithMfa(accountId: string, maxAgeSeconds: number) {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${accountId}:root` },
        Action: "sts:AssumeRole",
        Condition: {
          Bool: { "aws:MultiFactorAuthPresent": "true" },
          NumericLessThan: { "aws:MultiFactorAuthAge": String(maxAgeSeconds) },
        },
      },
    ],
  };
}
