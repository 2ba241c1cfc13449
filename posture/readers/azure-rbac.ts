import type { PrivilegeGrant } from "../model";
import type { ResourceIndex } from "../index-resources";
import type { PlannedResource } from "../resource";
import { arr, obj, str, strs } from "../values";
import { originOf } from "./origin";
import { principalName } from "./principals";
import { byName } from "./role-names";
import type { ReaderDeclaration } from "./registry";
import { AZURE_LIMITED_ROLES, AZURE_PRIVILEGED_ROLES } from "../../catalog/well-known-ids";

export const AZURE_RBAC = {
  assignment: "azure-native:authorization:RoleAssignment",
  definition: "azure-native:authorization:RoleDefinition",
  classicAssignment: "azure:authorization/assignment:Assignment",
  classicDefinition: "azure:authorization/roleDefinition:RoleDefinition",
} as const;

/** Azure RBAC actions that grant control of access itself (or everything): a custom role with one is Owner-like. */
const AZURE_CONTROL_ACTION = /^(\*|microsoft\.authorization\/(\*|roleassignments\/(\*|write)))$/i;

/** Role definition ids are GUIDs (the last segment of a definition's resource id): Azure compares them case-insensitively. */
const roleGuid = (definition: string) => (definition.split("/").pop() ?? definition).toLowerCase();

/** Reads Azure RBAC role assignments (both providers) and what their role, built-in or custom, amounts to. */
export function readAzureRbacGrants(index: ResourceIndex): PrivilegeGrant[] {
  const grants: PrivilegeGrant[] = [];
  const push = (g: Omit<PrivilegeGrant, "origin">, r: PlannedResource) => grants.push({ ...g, origin: originOf(r) });

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
        principal: principalName(index, r, "principalId", "principal"),
        principalType: type === "user" ? "user" : type === "group" ? "group" : "principal",
        ...azureRole(r),
        scope: str(r.inputs.scope),
        permanent: true,
      },
      r,
    );
  }

  return grants;
}

export const READER: ReaderDeclaration = {
  name: "azure-rbac",
  feeds: { "privilege.grants": [AZURE_RBAC.assignment, AZURE_RBAC.classicAssignment] },
  consults: [AZURE_RBAC.definition, AZURE_RBAC.classicDefinition],
};
