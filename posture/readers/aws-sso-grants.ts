import type { GrantReach, PrivilegeGrant } from "../model";
import type { ResourceIndex } from "../index-resources";
import type { PlannedResource } from "../resource";
import { isUnknown, listEntries, obj, str, UNKNOWN_VALUE } from "../values";
import { judgeStatements, policyByArn, split, statementsOf, unreadablePolicy, type IamReach } from "./iam-reach";
import type { IamStatement } from "./iam-document";
import { originOf } from "./origin";
import type { ReaderDeclaration } from "./registry";

/** IAM Identity Center: permission sets, what is attached to them, and who is assigned them where. */
export const SSO = {
  assignment: "aws:ssoadmin/accountAssignment:AccountAssignment",
  permissionSet: "aws:ssoadmin/permissionSet:PermissionSet",
  inlinePolicy: "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy",
  managedPolicy: "aws:ssoadmin/managedPolicyAttachment:ManagedPolicyAttachment",
  managedPolicies: "aws:ssoadmin/managedPolicyAttachmentsExclusive:ManagedPolicyAttachmentsExclusive",
  customerPolicy: "aws:ssoadmin/customerManagedPolicyAttachment:CustomerManagedPolicyAttachment",
  customerPolicies: "aws:ssoadmin/customerManagedPolicyAttachmentsExclusive:CustomerManagedPolicyAttachmentsExclusive",
} as const;

const ATTACHMENTS = [
  SSO.inlinePolicy,
  SSO.managedPolicy,
  SSO.managedPolicies,
  SSO.customerPolicy,
  SSO.customerPolicies,
];

/** Worst first: what a permission set amounts to is the worst of what is attached to it. */
const ORDER: readonly GrantReach[] = ["admin", "unknown", "unlisted", "data", "limited"];
const worst = (reaches: readonly IamReach[]): IamReach =>
  [...reaches].sort((a, b) => ORDER.indexOf(a.reach) - ORDER.indexOf(b.reach))[0] ?? {
    permission: "no policy",
    reach: "limited",
  };

/**
 * Reads who holds what through IAM Identity Center: each account assignment gives a user or group of
 * the identity store the permission set it names, in one account, for as long as it stands. A
 * permission set amounts to its inline policy (judged as IAM evaluates it) together with its AWS
 * managed policies (by name) and customer managed policies (named, so not readable here: judged
 * privileged, posture/unknown.ts "policy-document"). A permission set outside the stack cannot be
 * read either.
 */
export function readAwsSsoGrants(index: ResourceIndex): PrivilegeGrant[] {
  // Permission sets are named by ARN, which is not their provider id (`<arn>,<instance arn>`): pinned
  // by id or dependency where it can be, else by the ARN a deployed set reports.
  const byArn = new Map(
    index
      .ofType(SSO.permissionSet)
      .map((p) => [str(p.inputs.arn)?.toLowerCase(), p] as const)
      .filter((e): e is readonly [string, PlannedResource] => e[0] !== undefined),
  );
  const setsOf = (r: PlannedResource): PlannedResource[] => {
    const [refs] = index.resolve(r, "permissionSetArn", [[r.inputs.permissionSetArn]], SSO.permissionSet);
    if (refs!.targets.length) return refs!.targets;
    const arn = byArn.get(str(r.inputs.permissionSetArn)?.toLowerCase() ?? "");
    if (arn) return [arn];
    const deps = index.referenced(r, "permissionSetArn", SSO.permissionSet);
    return deps.length === 1 ? deps : [];
  };
  const attached = new Map<PlannedResource, IamReach[]>();
  const statements = new Map<PlannedResource, IamStatement[]>();
  for (const a of index.ofType(...ATTACHMENTS)) {
    for (const set of setsOf(a)) {
      const reaches = attached.get(set) ?? [];
      if (a.type === SSO.inlinePolicy) {
        const doc = statementsOf(a.inputs.inlinePolicy);
        if (doc === undefined)
          reaches.push(unreadablePolicy(isUnknown(a.inputs.inlinePolicy) ? "until apply" : "shape", "inlinePolicy"));
        else statements.set(set, [...(statements.get(set) ?? []), ...doc]);
      } else if (a.type === SSO.managedPolicy || a.type === SSO.managedPolicies) {
        const arns =
          a.type === SSO.managedPolicy ? [a.inputs.managedPolicyArn] : listEntries(a.inputs.managedPolicyArns);
        for (const v of arns) {
          const policy = policyByArn(str(v) ?? UNKNOWN_VALUE, "managedPolicyArn");
          if ("statements" in policy) statements.set(set, [...(statements.get(set) ?? []), ...policy.statements]);
          else reaches.push(policy.reach);
        }
      } else {
        const refs =
          a.type === SSO.customerPolicy
            ? [a.inputs.customerManagedPolicyReference]
            : listEntries(a.inputs.customerManagedPolicyReferences);
        reaches.push(
          ...refs.map((r): IamReach => ({
            permission: `customer managed policy ${str(obj(r).name) ?? "(unknown)"} (defined in each account, not readable here)`,
            reach: "unknown",
          })),
        );
      }
      attached.set(set, reaches);
    }
  }
  const reachOf = (set: PlannedResource): IamReach => {
    const own = statements.get(set);
    return worst([...(attached.get(set) ?? []), ...(own?.length ? [judgeStatements(split(own))] : [])]);
  };
  return index.ofType(SSO.assignment).map((r): PrivilegeGrant => {
    const set = setsOf(r)[0];
    const type = (str(r.inputs.principalType) ?? "").toUpperCase();
    const principalType = type === "USER" ? "user" : type === "GROUP" ? "group" : "unknown";
    const name = set ? (str(set.inputs.name) ?? set.name) : undefined;
    const reach: IamReach = set
      ? reachOf(set)
      : {
          permission: `permission set ${str(r.inputs.permissionSetArn) ?? "(not known until apply)"} (not in the stack)`,
          reach: "unknown",
        };
    return {
      kind: "aws-sso",
      principal: `${principalType}:${str(r.inputs.principalId) ?? "(unknown)"}`,
      principalType,
      permission: name ? `${reach.permission} through permission set ${name}` : reach.permission,
      reach: reach.reach,
      scope: `account ${str(r.inputs.targetId) ?? "(unknown)"}`,
      permanent: true,
      origin: originOf(r),
    };
  });
}

export const READER: ReaderDeclaration = {
  name: "aws-sso-grants",
  feeds: { "privilege.grants": [SSO.assignment] },
  consults: [SSO.permissionSet, ...ATTACHMENTS],
};
