import type { PrivilegeGrant } from "../model";
import type { ResourceIndex } from "../index-resources";
import type { PlannedResource } from "../resource";
import { str } from "../values";
import { originOf } from "./origin";
import { principalName } from "./principals";
import { byName } from "./role-names";
import type { ReaderDeclaration } from "./registry";
import { ENTRA } from "./entra-conditional-access";
import { ENTRA_LIMITED_ROLES } from "../../catalog/well-known-ids";
import { PRIVILEGED_ROLES } from "../../catalog/privileged-roles";
import { GRAPH_CRITICAL_APP_ROLES } from "../../catalog/graph-app-roles";

export const ENTRA_PRIVILEGE = {
  roleAssignment: ENTRA.roleAssignment,
  roleEligibility: ENTRA.roleEligibility,
  roleMember: "azuread:index/directoryRoleMember:DirectoryRoleMember",
  directoryRole: "azuread:index/directoryRole:DirectoryRole",
  appRoleAssignment: "azuread:index/appRoleAssignment:AppRoleAssignment",
} as const;

/** Reads Entra directory roles (assigned, eligible, by membership) and Graph app roles granted to principals. */
export function readEntraRoleGrants(index: ResourceIndex): PrivilegeGrant[] {
  const grants: PrivilegeGrant[] = [];
  const push = (g: Omit<PrivilegeGrant, "origin">, r: PlannedResource) => grants.push({ ...g, origin: originOf(r) });

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
          index,
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
        principal: principalName(index, r, "memberObjectId", "principal"),
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
        principal: principalName(index, r, "principalObjectId", "principal"),
        principalType: "principal",
        permission: critical?.name ?? id ?? "(unknown app role)",
        reach: critical?.reach === "directory" ? "admin" : critical ? "data" : id === undefined ? "unknown" : "limited",
        permanent: true,
      },
      r,
    );
  }
  return grants;
}

export const READER: ReaderDeclaration = {
  name: "entra-roles",
  feeds: {
    "privilege.grants": [
      ENTRA_PRIVILEGE.roleAssignment,
      ENTRA_PRIVILEGE.roleEligibility,
      ENTRA_PRIVILEGE.roleMember,
      ENTRA_PRIVILEGE.appRoleAssignment,
    ],
  },
  consults: [ENTRA_PRIVILEGE.directoryRole],
};
