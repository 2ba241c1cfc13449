import type { PrivilegeGrant } from "../model";
import type { ResourceIndex } from "../index-resources";
import type { PlannedResource } from "../resource";
import { arr, listEntries, obj, strs, UNKNOWN_VALUE } from "../values";
import { awsManagedPolicyName, isAdminEquivalentPolicy, iamReach, type IamReach } from "./iam-reach";
import { IAM_ROLE } from "./role-trust";
import { originOf, principalNameOf } from "./origin";
import { principalName } from "./principals";
import type { ReaderDeclaration } from "./registry";

export const IAM = {
  policy: "aws:iam/policy:Policy",
  userPolicy: "aws:iam/userPolicy:UserPolicy",
  groupPolicy: "aws:iam/groupPolicy:GroupPolicy",
  rolePolicy: "aws:iam/rolePolicy:RolePolicy",
  userAttachment: "aws:iam/userPolicyAttachment:UserPolicyAttachment",
  groupAttachment: "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
  roleAttachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  policyAttachment: "aws:iam/policyAttachment:PolicyAttachment",
  userAttachmentsExclusive: "aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive",
  groupAttachmentsExclusive: "aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive",
  roleAttachmentsExclusive: "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive",
  /** A role's own `managedPolicyArns` and `inlinePolicies`. */
  role: IAM_ROLE,
} as const;

type PrincipalType = PrivilegeGrant["principalType"];

/** Reads the AWS IAM policies people, groups and roles hold: inline, attached, exclusive sets, a role's own. */
export function readAwsIamGrants(index: ResourceIndex): PrivilegeGrant[] {
  const grants: PrivilegeGrant[] = [];
  const push = (g: Omit<PrivilegeGrant, "origin">, r: PlannedResource) => grants.push({ ...g, origin: originOf(r) });

  /** What attaching the managed policies under a property amounts to: one reach per policy. */
  const attachedReach = (r: PlannedResource, property: string, values: unknown[]): IamReach[] => {
    const [refs] = index.resolve(r, property, [values], IAM.policy);
    return [
      ...refs!.targets.map((p) => iamReach(p.inputs.policy)),
      ...refs!.others.map((arn): IamReach => {
        // Written `*:*` as before, so that posture locks taken earlier read the same grant the same way.
        if (isAdminEquivalentPolicy(arn)) return { permission: "*:*", reach: "admin" };
        if (arn === UNKNOWN_VALUE) return { permission: "a policy not known until apply", reach: "unknown" };
        // AWS managed policies other than the admin-equivalent ones are scoped to a service.
        if (awsManagedPolicyName(arn) !== undefined) return { permission: arn, reach: "limited" };
        return { permission: `policy ${arn} (not in the stack)`, reach: "unlisted" };
      }),
      ...refs!.anyOf.map((c): IamReach => {
        const reaches = c.map((p) => iamReach(p.inputs.policy));
        return reaches.find((x) => x.reach === "admin") ?? reaches[0]!;
      }),
    ];
  };
  const aws = (r: PlannedResource, principal: string, principalType: PrincipalType, reach: IamReach) =>
    push({ kind: "aws-iam", principal, principalType, ...reach, permanent: true }, r);

  // Inline policies, attachments and exclusive attachment sets, one per kind of principal.
  const inline: [string, PrincipalType][] = [
    [IAM.userPolicy, "user"],
    [IAM.groupPolicy, "group"],
    [IAM.rolePolicy, "role"],
  ];
  for (const [type, principalType] of inline)
    for (const r of index.ofType(type))
      aws(r, principalName(index, r, principalType, principalType), principalType, iamReach(r.inputs.policy));
  const attachments: [string, PrincipalType, string, string][] = [
    [IAM.userAttachment, "user", "user", "policyArn"],
    [IAM.groupAttachment, "group", "group", "policyArn"],
    [IAM.roleAttachment, "role", "role", "policyArn"],
    [IAM.userAttachmentsExclusive, "user", "userName", "policyArns"],
    [IAM.groupAttachmentsExclusive, "group", "groupName", "policyArns"],
    [IAM.roleAttachmentsExclusive, "role", "roleName", "policyArns"],
  ];
  for (const [type, principalType, principalProperty, policyProperty] of attachments)
    for (const r of index.ofType(type)) {
      const principal = principalName(index, r, principalProperty, principalType);
      const values = policyProperty === "policyArn" ? [r.inputs.policyArn] : listEntries(r.inputs[policyProperty]);
      for (const reach of attachedReach(r, policyProperty, values)) aws(r, principal, principalType, reach);
    }
  for (const r of index.ofType(IAM.policyAttachment)) {
    const reaches = attachedReach(r, "policyArn", [r.inputs.policyArn]);
    for (const [property, principalType] of [
      ["users", "user"],
      ["groups", "group"],
      ["roles", "role"],
    ] as const)
      for (const name of strs(r.inputs[property]))
        for (const reach of reaches) aws(r, `${principalType}:${name}`, principalType, reach);
  }
  for (const r of index.ofType(IAM.role)) {
    const principal = `role:${principalNameOf(r)}`;
    const managed = listEntries(r.inputs.managedPolicyArns);
    if (managed.length)
      for (const reach of attachedReach(r, "managedPolicyArns", managed)) aws(r, principal, "role", reach);
    for (const p of arr(r.inputs.inlinePolicies)) aws(r, principal, "role", iamReach(obj(p).policy));
  }

  return grants;
}

export const READER: ReaderDeclaration = {
  name: "aws-iam-grants",
  feeds: { "privilege.grants": Object.values(IAM) },
  consults: [IAM.policy],
};
