import type { PrivilegeGrant, PrivilegePosture } from "../model";
import { refNames, type ResourceIndex } from "../index-resources";
import type { PlannedResource } from "../resource";
import { arr, listEntries, obj, str, strs, UNKNOWN_VALUE } from "../values";
import { readPublicGrants } from "./resource-policies";
import { awsManagedPolicyName, isAdminEquivalentPolicy, iamReach, type IamReach } from "./iam-reach";
import { IAM_ROLE, readRoleTrusts } from "./role-trust";
import { originOf, principalNameOf } from "./origin";
import { AZURE_LIMITED_ROLES, AZURE_PRIVILEGED_ROLES, ENTRA_LIMITED_ROLES } from "../../catalog/well-known-ids";
import { PRIVILEGED_ROLES } from "../../catalog/privileged-roles";
import { GRAPH_CRITICAL_APP_ROLES } from "../../catalog/graph-app-roles";
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
  userAttachmentsExclusive: "aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive",
  groupAttachmentsExclusive: "aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive",
  roleAttachmentsExclusive: "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive",
  /** A role's own `managedPolicyArns` and `inlinePolicies`. */
  role: IAM_ROLE,
} as const;

export const AZURE_RBAC = {
  assignment: "azure-native:authorization:RoleAssignment",
  definition: "azure-native:authorization:RoleDefinition",
  classicAssignment: "azure:authorization/assignment:Assignment",
  classicDefinition: "azure:authorization/roleDefinition:RoleDefinition",
} as const;

export const ENTRA_PRIVILEGE = {
  roleAssignment: ENTRA.roleAssignment,
  roleEligibility: ENTRA.roleEligibility,
  roleMember: "azuread:index/directoryRoleMember:DirectoryRoleMember",
  directoryRole: "azuread:index/directoryRole:DirectoryRole",
  appRoleAssignment: "azuread:index/appRoleAssignment:AppRoleAssignment",
} as const;

type PrincipalType = PrivilegeGrant["principalType"];

/** Azure RBAC actions that grant control of access itself (or everything): a custom role with one is Owner-like. */
const AZURE_CONTROL_ACTION = /^(\*|microsoft\.authorization\/(\*|roleassignments\/(\*|write)))$/i;

/** Role definition ids are GUIDs (the last segment of a definition's resource id): Azure compares them case-insensitively. */
const roleGuid = (definition: string) => (definition.split("/").pop() ?? definition).toLowerCase();

const byName = (roles: Readonly<Record<string, string>>, name: string) =>
  Object.entries(roles).find(([, n]) => n.toLowerCase() === name.toLowerCase())?.[0];

/** Reads standing privilege: AWS IAM policies on people and roles, Azure RBAC, Entra directory and Graph app roles. */
export function readPrivilege(index: ResourceIndex): PrivilegePosture {
  const grants: PrivilegeGrant[] = [];
  const push = (g: Omit<PrivilegeGrant, "origin">, r: PlannedResource) => grants.push({ ...g, origin: originOf(r) });

  /**
   * `<prefix>:<name>` for the principal a property names (an IAM name, an object id): the stack's own
   * principal by its resource's name, whether the value is known or not; an outside one as written.
   */
  const principalName = (r: PlannedResource, property: string, prefix: string) => {
    const [refs] = index.resolve(r, property, [[r.inputs[property]]]);
    const names = refNames(refs!, principalNameOf);
    return `${prefix}:${names.length === 1 && names[0] !== UNKNOWN_VALUE ? names[0] : "(unknown)"}`;
  };

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
      aws(r, principalName(r, principalType, principalType), principalType, iamReach(r.inputs.policy));
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
      const principal = principalName(r, principalProperty, principalType);
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

  const customRole = (d: PlannedResource | undefined): Pick<PrivilegeGrant, "permission" | "reach"> | undefined => {
    if (!d) return undefined;
    const actions = arr(d.inputs.permissions).flatMap((p) => strs(obj(p).actions));
    const name = str(d.inputs.roleName) ?? str(d.inputs.name) ?? d.name;
    return actions.some((a) => AZURE_CONTROL_ACTION.test(a))
      ? {
          permission: `custom role ${name} (${actions.filter((a) => AZURE_CONTROL_ACTION.test(a)).join(", ")})`,
          reach: "admin",
        }
      : { permission: `custom role ${name}`, reach: "limited" };
  };
  const azureRole = (r: PlannedResource): Pick<PrivilegeGrant, "permission" | "reach"> => {
    const custom = customRole(
      index.referenced(r, "roleDefinitionId", [AZURE_RBAC.definition, AZURE_RBAC.classicDefinition])[0],
    );
    if (custom) return custom;
    const definition = str(r.inputs.roleDefinitionId);
    const id = definition
      ? roleGuid(definition)
      : byName({ ...AZURE_PRIVILEGED_ROLES, ...AZURE_LIMITED_ROLES }, str(r.inputs.roleDefinitionName) ?? "");
    const named = str(r.inputs.roleDefinitionName);
    if (id && AZURE_PRIVILEGED_ROLES[id]) return { permission: AZURE_PRIVILEGED_ROLES[id], reach: "admin" };
    if (id && AZURE_LIMITED_ROLES[id]) return { permission: AZURE_LIMITED_ROLES[id], reach: "limited" };
    if (definition === undefined && named === undefined) return { permission: "(unknown role)", reach: "unknown" };
    return { permission: definition ?? named!, reach: "unlisted" };
  };
  for (const r of index.ofType(AZURE_RBAC.assignment, AZURE_RBAC.classicAssignment)) {
    const type = (str(r.inputs.principalType) ?? "").toLowerCase();
    push(
      {
        kind: "azure-rbac",
        principal: principalName(r, "principalId", "principal"),
        principalType: type === "user" ? "user" : type === "group" ? "group" : "principal",
        ...azureRole(r),
        scope: str(r.inputs.scope),
        permanent: true,
      },
      r,
    );
  }

  /** A directory role by template id (lower case) where one is known, else as named; and what it reaches. */
  const entraRole = (
    role: PlannedResource | undefined,
    literal: unknown,
  ): Pick<PrivilegeGrant, "permission" | "reach"> => {
    const name = role && str(role.inputs.displayName);
    const id =
      (role && str(role.inputs.templateId)?.toLowerCase()) ??
      (name && (byName(PRIVILEGED_ROLES, name) ?? byName(ENTRA_LIMITED_ROLES, name))) ??
      (role ? undefined : str(literal)?.toLowerCase());
    if (id === undefined)
      return name ? { permission: name, reach: "unlisted" } : { permission: "(unknown)", reach: "unknown" };
    return { permission: id, reach: PRIVILEGED_ROLES[id] ? "admin" : ENTRA_LIMITED_ROLES[id] ? "limited" : "unlisted" };
  };
  for (const r of index.ofType(ENTRA_PRIVILEGE.roleAssignment, ENTRA_PRIVILEGE.roleEligibility)) {
    const property = r.inputs.roleId !== undefined ? "roleId" : "roleDefinitionId";
    push(
      {
        kind: "entra-role",
        principal: principalName(
          r,
          r.inputs.principalObjectId !== undefined ? "principalObjectId" : "principalId",
          "principal",
        ),
        principalType: "principal",
        ...entraRole(index.referenced(r, property, ENTRA_PRIVILEGE.directoryRole)[0], r.inputs[property]),
        scope: str(r.inputs.directoryScopeId) ?? "/",
        permanent: r.type === ENTRA_PRIVILEGE.roleAssignment,
      },
      r,
    );
  }
  // The older way to assign a directory role: a member of an activated DirectoryRole (by its object id).
  for (const r of index.ofType(ENTRA_PRIVILEGE.roleMember)) {
    const [role] = index.resolve(r, "roleObjectId", [[r.inputs.roleObjectId]], ENTRA_PRIVILEGE.directoryRole);
    push(
      {
        kind: "entra-role",
        principal: principalName(r, "memberObjectId", "principal"),
        principalType: "principal",
        ...entraRole(role!.targets[0], undefined),
        scope: "/",
        permanent: true,
      },
      r,
    );
  }
  for (const r of index.ofType(ENTRA_PRIVILEGE.appRoleAssignment)) {
    const id = str(r.inputs.appRoleId)?.toLowerCase();
    const critical = id === undefined ? undefined : GRAPH_CRITICAL_APP_ROLES[id];
    push(
      {
        kind: "graph-app-role",
        principal: principalName(r, "principalObjectId", "principal"),
        principalType: "principal",
        permission: critical?.name ?? id ?? "(unknown app role)",
        reach: critical?.reach === "directory" ? "admin" : critical ? "data" : id === undefined ? "unknown" : "limited",
        permanent: true,
      },
      r,
    );
  }
  return { grants, trusts: readRoleTrusts(index), publicGrants: readPublicGrants(index) };
}
