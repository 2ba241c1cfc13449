import type { GrantReach, PrivilegeGrant } from "../model";
import type { ResourceIndex } from "../index-resources";
import type { PlannedResource } from "../resource";
import { isUnknown, listEntries, obj, str, strs, UNKNOWN_VALUE } from "../values";
import { originOf, principalNameOf } from "./origin";
import { principalName } from "./principals";
import type { ReaderDeclaration } from "./registry";
import { ENTRA_APPS, ENTRA_GROUPS, grantLabel, principalRefs, throughGroups } from "./group-members";
import {
  AZURE_ACCESS_CONTROL_ACTIONS,
  AZURE_ANY_DATA,
  AZURE_ANY_RESOURCE_WRITE,
  AZURE_BUILT_IN_ROLES,
  type AzurePermissions,
} from "../../catalog/azure-roles";

export const AZURE_RBAC = {
  assignment: "azure-native:authorization:RoleAssignment",
  definition: "azure-native:authorization:RoleDefinition",
  /** PIM for Azure resources: an eligible assignment (never standing). */
  eligibility: "azure-native:authorization:PimRoleEligibilitySchedule",
  classicAssignment: "azure:authorization/assignment:Assignment",
  classicDefinition: "azure:authorization/roleDefinition:RoleDefinition",
} as const;

/** Resources whose id, as a role assignment's scope, is everything below a subscription or management group. */
const BROAD_SCOPES = {
  subscription: ["azure-native:subscription:Alias", "azure:core/subscription:Subscription"],
  managementGroup: ["azure-native:management:ManagementGroup", "azure:management/group:Group"],
};

const DEFINITIONS = [AZURE_RBAC.definition, AZURE_RBAC.classicDefinition];

/** Role definition ids are GUIDs (the last segment of a definition's resource id): Azure compares them case-insensitively. */
const roleGuid = (definition: string) => (definition.split("/").filter(Boolean).pop() ?? definition).toLowerCase();

/** Azure's action wildcards: `*` is any run of characters; actions compare case-insensitively. */
const pattern = (action: string) =>
  new RegExp(`^${action.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`, "i");

/** The actions (or data actions) of the blocks that grant `probe`: an Action matches it, no NotAction of the block does. */
function granting(blocks: readonly AzurePermissions[], probe: string, data = false): string[] {
  return blocks.flatMap((b) => {
    const allowed = (data ? b.dataActions : b.actions) ?? [];
    const denied = (data ? b.notDataActions : b.notActions) ?? [];
    if (denied.some((a) => pattern(a).test(probe))) return [];
    return allowed.filter((a) => pattern(a).test(probe));
  });
}

/**
 * What a set of permissions amounts to: control of access (assigning roles, writing definitions,
 * elevating), writing every resource type (Contributor's `*` less authorization writes), every data
 * plane, or less. `granted` names the actions, as written, that give it.
 */
export function azureReach(blocks: readonly AzurePermissions[]): {
  reach: GrantReach;
  granted: string[];
  what: string;
} {
  const unique = (xs: string[]) => [...new Set(xs)];
  const control = unique(AZURE_ACCESS_CONTROL_ACTIONS.flatMap((p) => granting(blocks, p)));
  if (control.length) return { reach: "admin", granted: control, what: "control of access" };
  const write = unique(AZURE_ANY_RESOURCE_WRITE.flatMap((p) => granting(blocks, p)));
  if (write.length) return { reach: "admin", granted: write, what: "every resource, but not access" };
  const data = granting(blocks, AZURE_ANY_DATA, true);
  if (data.length) return { reach: "data", granted: unique(data), what: "every data plane" };
  return { reach: "limited", granted: [], what: "" };
}

/** A definition's permission blocks as written; undefined when any part cannot be read. */
function blocksOf(d: PlannedResource): AzurePermissions[] | undefined {
  if (d.inputs.permissions === undefined || isUnknown(d.inputs.permissions)) return undefined;
  const blocks = listEntries(d.inputs.permissions).map((p) => {
    const b = obj(p);
    return {
      actions: strs(b.actions),
      notActions: strs(b.notActions),
      dataActions: strs(b.dataActions),
      notDataActions: strs(b.notDataActions),
    };
  });
  const unreadable = (xs: readonly string[]) => xs.some((x) => x === UNKNOWN_VALUE || x.startsWith("("));
  // An unreadable action could be anything; an unreadable NotAction could remove anything: neither narrows.
  return blocks.some((b) => unreadable(b.actions) || unreadable(b.dataActions)) ? undefined : blocks;
}

type Judged = Pick<PrivilegeGrant, "permission" | "reach">;

/** A custom role of the stack, by the permissions it carries. */
function customRole(d: PlannedResource): Judged {
  const name = str(d.inputs.roleName) ?? str(d.inputs.name) ?? d.name;
  const blocks = blocksOf(d);
  if (!blocks) return { permission: `custom role ${name} (permissions not known until apply)`, reach: "unknown" };
  const { reach, granted, what } = azureReach(blocks);
  if (reach === "limited") return { permission: `custom role ${name}`, reach };
  // Control of access is named by its actions alone (as before); anything less says what it reaches.
  const suffix = what === "control of access" ? "" : `: ${what}`;
  return { permission: `custom role ${name} (${granted.join(", ")}${suffix})`, reach };
}

/** A built-in role by its definition GUID, judged by the permissions Microsoft publishes for it. */
function builtIn(guid: string): Judged | undefined {
  const role = AZURE_BUILT_IN_ROLES[guid];
  return role && { permission: role.name, reach: azureReach([role.permissions]).reach };
}

const builtInByName = (name: string) =>
  Object.entries(AZURE_BUILT_IN_ROLES).find(([, r]) => r.name.toLowerCase() === name.trim().toLowerCase())?.[0];

/**
 * The role an assignment names: a definition of the stack (through the property's dependencies,
 * its id once known, its GUID, or its name), a built-in role by GUID (a full resource id or the
 * bare GUID, any case) or by name (any case); an id the pack does not know is unlisted, one it
 * cannot read is unknown.
 */
function roleOf(index: ResourceIndex, r: PlannedResource): Judged {
  const [byDependency] = [
    ...index.referenced(r, "roleDefinitionId", DEFINITIONS),
    ...index.referenced(r, "roleDefinitionName", DEFINITIONS),
  ];
  if (byDependency) return customRole(byDependency);
  const definition = str(r.inputs.roleDefinitionId);
  const named = str(r.inputs.roleDefinitionName);
  if (definition !== undefined) {
    const [refs] = index.resolve(r, "roleDefinitionId", [[definition]], DEFINITIONS);
    if (refs!.targets[0]) return customRole(refs!.targets[0]);
    const guid = roleGuid(definition);
    const custom = index
      .ofType(...DEFINITIONS)
      .find((d) => [d.inputs.roleDefinitionId, d.inputs.roleId].some((v) => str(v) && roleGuid(str(v)!) === guid));
    if (custom) return customRole(custom);
    return builtIn(guid) ?? { permission: definition, reach: "unlisted" };
  }
  if (named !== undefined) {
    const custom = index.ofType(...DEFINITIONS).find((d) => {
      const n = str(d.inputs.roleName) ?? str(d.inputs.name);
      return n !== undefined && n.toLowerCase() === named.trim().toLowerCase();
    });
    if (custom) return customRole(custom);
    const guid = builtInByName(named);
    return (guid ? builtIn(guid) : undefined) ?? { permission: named, reach: "unlisted" };
  }
  return { permission: "(unknown role)", reach: "unknown" };
}

/**
 * An assignment's scope as a path, the same in every view: a literal as written; a resource of the
 * stack by what it is (a subscription or management group is broad, anything else lies in a resource
 * group); unknown when it cannot be read (then judged as the widest).
 */
function scopeOf(index: ResourceIndex, r: PlannedResource): string {
  const literal = str(r.inputs.scope);
  if (literal !== undefined) return literal;
  const [target] = index.referenced(r, "scope");
  if (!target) return UNKNOWN_VALUE;
  const name = principalNameOf(target);
  if (BROAD_SCOPES.subscription.includes(target.type)) return `/subscriptions/(${name})`;
  if (BROAD_SCOPES.managementGroup.includes(target.type))
    return `/providers/Microsoft.Management/managementGroups/(${name})`;
  return `(${target.type.split(":").pop()} ${name})`;
}

/** Reads Azure RBAC role assignments (both providers, and PIM eligibility), through groups too, and what their role amounts to. */
export function readAzureRbacGrants(index: ResourceIndex): PrivilegeGrant[] {
  const grants: PrivilegeGrant[] = [];
  const push = (g: Omit<PrivilegeGrant, "origin">, r: PlannedResource) => grants.push({ ...g, origin: originOf(r) });

  for (const r of index.ofType(AZURE_RBAC.assignment, AZURE_RBAC.classicAssignment, AZURE_RBAC.eligibility)) {
    const type = (str(r.inputs.principalType) ?? "").toLowerCase();
    const grant = {
      kind: "azure-rbac" as const,
      ...roleOf(index, r),
      scope: scopeOf(index, r),
      permanent: r.type !== AZURE_RBAC.eligibility,
    };
    push(
      {
        ...grant,
        principal: principalName(index, r, "principalId", "principal"),
        principalType: type === "user" ? "user" : type === "group" ? "group" : "principal",
      },
      r,
    );
    // Everyone in a group that holds the role holds it; the owners of a service principal that holds it too.
    if (type === "user") continue;
    for (const holder of principalRefs(index, r, "principalId", [r.inputs.principalId]))
      for (const t of throughGroups(index, holder))
        push(
          {
            ...grant,
            principal: `principal:${grantLabel(t.link.member)}`,
            principalType: "principal",
            permanent: grant.permanent && t.permanent,
            via: t.via,
          },
          t.link.origin,
        );
  }
  return grants;
}

export const READER: ReaderDeclaration = {
  name: "azure-rbac",
  feeds: { "privilege.grants": [AZURE_RBAC.assignment, AZURE_RBAC.classicAssignment, AZURE_RBAC.eligibility] },
  consults: [
    ...DEFINITIONS,
    ...BROAD_SCOPES.subscription,
    ...BROAD_SCOPES.managementGroup,
    // Everyone in a group that holds a role holds it; so do the owners of an app that holds one.
    ...Object.values(ENTRA_GROUPS),
    ...Object.values(ENTRA_APPS),
  ],
};
