import type { PrivilegeGrant, PrivilegePosture } from "../model";
import { refNames, type ResourceIndex } from "../index-resources";
import type { PlannedResource } from "../resource";
import { str, strs, UNKNOWN_VALUE } from "../values";
import { readPublicGrants } from "./bucket-policies";
import { iamStatements, listOf } from "./iam-document";
import { readRoleTrusts } from "./role-trust";
import { originOf } from "./origin";
import {
  AWS_ADMIN_EQUIVALENT_ACTIONS,
  AWS_ADMIN_EQUIVALENT_POLICIES,
  AZURE_PRIVILEGED_ROLES,
} from "../../catalog/well-known-ids";
import { ENTRA } from "./entra-conditional-access";

export const IAM = {
  policy: "aws:iam/policy:Policy",
  userPolicy: "aws:iam/userPolicy:UserPolicy",
  groupPolicy: "aws:iam/groupPolicy:GroupPolicy",
  rolePolicy: "aws:iam/rolePolicy:RolePolicy",
  userAttachment: "aws:iam/userPolicyAttachment:UserPolicyAttachment",
  groupAttachment: "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
  roleAttachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  policyAttachment: "aws:iam/policyAttachment:PolicyAttachment",
} as const;
export const AZURE_ROLE_ASSIGNMENT = "azure-native:authorization:RoleAssignment";

/**
 * `*:*` when an IAM document allows full admin: every action (or every IAM action, which grants
 * itself the rest) on every resource, or every action but a few (`NotAction`); else "limited".
 * `Statement` may be one object or a list, and the document a JSON string or an object.
 */
export function iamPermission(document: unknown): string {
  const statements = iamStatements(document);
  if (statements === undefined) return "(unparsed policy)";
  const admin = statements.some((s) => {
    if (str(s.Effect) !== "Allow" || s.Condition !== undefined) return false;
    const everywhere = listOf(s.Resource).includes("*") || s.NotResource !== undefined;
    const everything =
      listOf(s.Action).some((a) => AWS_ADMIN_EQUIVALENT_ACTIONS.includes(a.toLowerCase())) || s.NotAction !== undefined;
    return everywhere && everything;
  });
  return admin ? "*:*" : "limited";
}

/** True for an AWS managed policy that amounts to full admin, in any partition. */
const isAdminEquivalentArn = (arn: string | undefined) =>
  arn !== undefined &&
  AWS_ADMIN_EQUIVALENT_POLICIES.some((name) => new RegExp(`^arn:aws[\\w-]*:iam::aws:policy/${name}$`).test(arn));

type PrincipalType = PrivilegeGrant["principalType"];

/** Reads standing privilege: AWS IAM policies on people and roles, Azure RBAC, Entra directory roles. */
export function readPrivilege(index: ResourceIndex): PrivilegePosture {
  const grants: PrivilegeGrant[] = [];
  const push = (g: Omit<PrivilegeGrant, "origin">, r: PlannedResource) => grants.push({ ...g, origin: originOf(r) });

  /**
   * `<prefix>:<name>` for the principal a property names (an IAM name, an object id): the stack's own
   * principal by its resource's name, whether the value is known or not; an outside one as written.
   */
  const principalName = (r: PlannedResource, property: string, prefix: string) => {
    const [refs] = index.resolve(r, property, [[r.inputs[property]]]);
    const names = refNames(refs!, (t) => str(t.inputs.displayName) ?? str(t.inputs.name) ?? t.name);
    return `${prefix}:${names.length === 1 && names[0] !== UNKNOWN_VALUE ? names[0] : "(unknown)"}`;
  };

  const attachmentPermission = (r: PlannedResource) => {
    if (isAdminEquivalentArn(str(r.inputs.policyArn))) return "*:*";
    const [policy] = index.referenced(r, "policyArn", IAM.policy);
    return policy ? iamPermission(policy.inputs.policy) : `policy ${str(r.inputs.policyArn) ?? "(unknown)"}`;
  };
  const inlinePermission = (r: PlannedResource) => iamPermission(r.inputs.policy);
  // Inline policies and attachments, one per kind of principal: (type, principal property, how to read the permission).
  const perPrincipal: [string, PrincipalType, (r: PlannedResource) => string][] = [
    [IAM.userPolicy, "user", inlinePermission],
    [IAM.groupPolicy, "group", inlinePermission],
    [IAM.rolePolicy, "role", inlinePermission],
    [IAM.userAttachment, "user", attachmentPermission],
    [IAM.groupAttachment, "group", attachmentPermission],
    [IAM.roleAttachment, "role", attachmentPermission],
  ];
  for (const [type, principalType, permission] of perPrincipal) {
    for (const r of index.ofType(type)) {
      const principal = principalName(r, principalType, principalType);
      push({ kind: "aws-iam", principal, principalType, permission: permission(r), permanent: true }, r);
    }
  }
  for (const r of index.ofType(IAM.policyAttachment)) {
    const permission = attachmentPermission(r);
    for (const [property, principalType] of [
      ["users", "user"],
      ["groups", "group"],
      ["roles", "role"],
    ] as const) {
      for (const name of strs(r.inputs[property])) {
        push({ kind: "aws-iam", principal: `${principalType}:${name}`, principalType, permission, permanent: true }, r);
      }
    }
  }

  for (const r of index.ofType(AZURE_ROLE_ASSIGNMENT)) {
    const definition = str(r.inputs.roleDefinitionId) ?? "";
    // Role definition ids are GUIDs: Azure compares them case-insensitively.
    const id = (definition.split("/").pop() ?? definition).toLowerCase();
    const type = (str(r.inputs.principalType) ?? "").toLowerCase();
    push(
      {
        kind: "azure-rbac",
        principal: principalName(r, "principalId", "principal"),
        principalType: type === "user" ? "user" : type === "group" ? "group" : "principal",
        permission: AZURE_PRIVILEGED_ROLES[id] ?? (definition || "(unknown role)"),
        scope: str(r.inputs.scope),
        permanent: true,
      },
      r,
    );
  }

  for (const r of index.ofType(ENTRA.roleAssignment, ENTRA.roleEligibility)) {
    const [role] = index.referenced(r, "roleId");
    const roleId =
      (role && (str(role.inputs.templateId) ?? str(role.inputs.displayName))) ??
      str(r.inputs.roleId) ??
      str(r.inputs.roleDefinitionId) ??
      "(unknown)";
    push(
      {
        kind: "entra-role",
        principal: principalName(
          r,
          r.inputs.principalObjectId !== undefined ? "principalObjectId" : "principalId",
          "principal",
        ),
        principalType: "principal",
        permission: roleId,
        scope: str(r.inputs.directoryScopeId) ?? "/",
        permanent: r.type === ENTRA.roleAssignment,
      },
      r,
    );
  }
  return { grants, trusts: readRoleTrusts(index), publicGrants: readPublicGrants(index) };
}
