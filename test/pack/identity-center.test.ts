import * as ssoadmin from "@pulumi/aws/ssoadmin";
import { describe, expect, it } from "vitest";
import type { StackMode } from "../../engine/mock-engine";
import { useHandWrittenVerdict } from "./hand-written-verdict";

// IAM Identity Center: an account assignment gives a directory user or group a permission set in an
// account. The pack reads what the set amounts to (its inline policy as IAM evaluates it, its AWS
// managed policies by name, customer managed ones as unreadable) and advises on standing admin.
// Real SDKs, as a new stack and as deployed, with no config.

const verdict = useHandWrittenVerdict();
const INSTANCE = "arn:aws:sso:::instance/ssoins-0123456789abcdef";
const GROUP = "9a67a2b4-1234-4c5d-8e9f-0a1b2c3d4e5f";

/** A permission set with what `attach` puts on it, assigned to one group in one account. */
const program = (attach: (set: ssoadmin.PermissionSet) => void) => () => {
  const set = new ssoadmin.PermissionSet("ops", { instanceArn: INSTANCE, name: "Ops", sessionDuration: "PT4H" });
  attach(set);
  new ssoadmin.AccountAssignment("ops-prod", {
    instanceArn: INSTANCE,
    permissionSetArn: set.arn,
    principalId: GROUP,
    principalType: "GROUP",
    targetId: "123456789012",
    targetType: "AWS_ACCOUNT",
  });
};
const inline = (statements: object[]) =>
  program(
    (set) =>
      void new ssoadmin.PermissionSetInlinePolicy("ops", {
        instanceArn: INSTANCE,
        permissionSetArn: set.arn,
        inlinePolicy: JSON.stringify({ Version: "2012-10-17", Statement: statements }),
      }),
  );

const CASES: [string, () => void, RegExp | undefined][] = [
  [
    "AdministratorAccess attached",
    program(
      (set) =>
        void new ssoadmin.ManagedPolicyAttachment("admin", {
          instanceArn: INSTANCE,
          permissionSetArn: set.arn,
          managedPolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess",
        }),
    ),
    /gives group:9a67a2b4-.* admin \(\*:\* through permission set Ops\) in account 123456789012/,
  ],
  [
    "IAMFullAccess attached (judged by AWS's document, as the IAM reader judges it)",
    program(
      (set) =>
        void new ssoadmin.ManagedPolicyAttachmentsExclusive("iam", {
          instanceArn: INSTANCE,
          permissionSetArn: set.arn,
          managedPolicyArns: ["arn:aws:iam::aws:policy/IAMFullAccess"],
        }),
    ),
    /gives group:9a67a2b4-.* admin \(\*:\* through permission set Ops\)/,
  ],
  [
    "an inline policy that can pass roles to EC2 and launch instances",
    inline([{ Effect: "Allow", Action: ["iam:PassRole", "ec2:RunInstances"], Resource: "*" }]),
    /admin \(iam:passrole with .*through permission set Ops\)/,
  ],
  [
    "a customer managed policy (defined in each account)",
    program(
      (set) =>
        void new ssoadmin.CustomerManagedPolicyAttachment("custom", {
          instanceArn: INSTANCE,
          permissionSetArn: set.arn,
          customerManagedPolicyReference: { name: "OpsBoundary" },
        }),
    ),
    /a grant the pack cannot read, judged admin \(customer managed policy OpsBoundary/,
  ],
  [
    "ReadOnlyAccess attached",
    program(
      (set) =>
        void new ssoadmin.ManagedPolicyAttachment("read", {
          instanceArn: INSTANCE,
          permissionSetArn: set.arn,
          managedPolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess",
        }),
    ),
    undefined,
  ],
  [
    "an inline policy scoped to one bucket",
    inline([{ Effect: "Allow", Action: "s3:*", Resource: ["arn:aws:s3:::ops-reports", "arn:aws:s3:::ops-reports/*"] }]),
    undefined,
  ],
];

describe.each(["new", "deployed"] as StackMode[])("Identity Center assignments, as a %s stack", (mode) => {
  it.each(CASES)("%s", async (_name, make, advice) => {
    const { blocked, notices } = await verdict(make, mode);
    expect(blocked).toEqual([]);
    if (advice) expect(notices).toMatch(advice);
    else expect(notices).not.toMatch(/Identity Center assignment/);
  });
});
