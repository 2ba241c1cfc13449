import type { GrantReach, PrivilegeGrant } from "../model";
import type { ResourceIndex } from "../index-resources";
import type { PlannedResource } from "../resource";
import { arr, isUnknown, listEntries, obj, str, strs, UNKNOWN_VALUE } from "../values";
import { originOf } from "./origin";
import { principalName } from "./principals";
import type { ReaderDeclaration } from "./registry";
import { ENTRA } from "./entra-conditional-access";
import {
  ENTRA_APPS,
  ENTRA_GROUPS,
  grantLabel,
  groupLinks,
  principalRefs,
  throughGroups,
  type PrincipalRef,
} from "./group-members";
import { PRIVILEGED_ROLES } from "../../catalog/privileged-roles";
import {
  ENTRA_BUILT_IN_ROLES,
  ENTRA_PRIVILEGED_ACTIONS,
  ENTRA_ROLE_FORMER_NAMES,
  type EntraRolePrivilege,
} from "../../catalog/entra-roles";
import {
  AZURE_AD_GRAPH_APP_ID,
  GRAPH_CRITICAL_APP_ROLES,
  GRAPH_PERMISSION_NAMES,
  graphPermissionReach,
  MICROSOFT_GRAPH_APP_ID,
} from "../../catalog/graph-app-roles";

export const ENTRA_PRIVILEGE = {
  roleAssignment: ENTRA.roleAssignment,
  roleEligibility: ENTRA.roleEligibility,
  roleMember: "azuread:index/directoryRoleMember:DirectoryRoleMember",
  directoryRole: "azuread:index/directoryRole:DirectoryRole",
  customRole: "azuread:index/customDirectoryRole:CustomDirectoryRole",
  /** A directory role held over one administrative unit: a member of an activated role, scoped. */
  unitRoleMember: "azuread:index/administrativeUnitRoleMember:AdministrativeUnitRoleMember",
  appRoleAssignment: "azuread:index/appRoleAssignment:AppRoleAssignment",
  /** Admin consent to delegated permissions: for every user of the tenant, or for one. */
  delegatedGrant: "azuread:index/servicePrincipalDelegatedPermissionGrant:ServicePrincipalDelegatedPermissionGrant",
  servicePrincipal: "azuread:index/servicePrincipal:ServicePrincipal",
} as const;

type Judged = Pick<PrivilegeGrant, "permission" | "reach">;

const REACH_OF: Readonly<Record<EntraRolePrivilege, GrantReach>> = { control: "admin", read: "data" };

/** A built-in role by template id: Microsoft's PRIVILEGED label, SCuBA's list, else limited; unlisted if unknown. */
function builtIn(templateId: string): Judged {
  const id = templateId.toLowerCase();
  const role = ENTRA_BUILT_IN_ROLES[id];
  if (role?.privileged) return { permission: id, reach: REACH_OF[role.privileged] };
  if (PRIVILEGED_ROLES[id]) return { permission: id, reach: "admin" };
  return { permission: id, reach: role ? "limited" : "unlisted" };
}

/** A built-in role's template id by its display name (current or former), as Entra compares names: in any case. */
function templateIdByName(name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  const hit = Object.entries(ENTRA_BUILT_IN_ROLES).find(([, r]) => r.name.toLowerCase() === wanted)?.[0];
  return hit ?? Object.entries(ENTRA_ROLE_FORMER_NAMES).find(([n]) => n.toLowerCase() === wanted)?.[1];
}

/** An activated DirectoryRole: by its template id where given, else by its display name. */
function directoryRole(role: PlannedResource): Judged {
  const templateId = str(role.inputs.templateId);
  if (templateId) return builtIn(templateId);
  const name = str(role.inputs.displayName);
  if (name === undefined) return { permission: "(unknown)", reach: "unknown" };
  const id = templateIdByName(name);
  return id ? builtIn(id) : { permission: name, reach: "unlisted" };
}

const glob = (pattern: string) =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`, "i");

/** Reading actions grant nothing beyond what they read. */
const isRead = (action: string) => /read$/i.test(action);

/**
 * Whether a role that holds `held` may do what a catalog entry names. Entra's broad forms count
 * for everything they cover: `<resource>/allProperties/allTasks` (every action on the resource),
 * `<resource>/allProperties/update` (every update), `<resource>/allProperties/read` (every read),
 * `<namespace>/allEntities/...allTasks`; a written `*` is read as a wildcard.
 */
export function entraActionCovers(held: string, entry: string): boolean {
  const h = held.toLowerCase();
  const e = entry.toLowerCase();
  const everyButReads = e.endsWith("/*");
  // What the entry stands for, as one concrete action a role could name.
  const sample = e.replace(/\/\*$/, "/anyproperty/update").replace(/\*/g, "any");
  if (!isRead(h) || !everyButReads) {
    if (glob(e).test(h) && !(everyButReads && isRead(h))) return true;
    if (h.includes("*") && glob(h).test(sample)) return true;
  }
  const [ns, resource] = sample.split("/");
  const prefix = `${ns}/${resource}/`;
  if (h === `${prefix}allproperties/alltasks`) return true;
  if (h === `${prefix}allproperties/update`) return sample.endsWith("/update");
  if (h === `${prefix}allproperties/read`) return isRead(sample) && !everyButReads;
  return /^[^/]+\/allentities\/(allproperties\/)?alltasks$/.test(h) && h.startsWith(`${ns}/`);
}

/** A custom directory role, by the resource actions it allows. */
function customRole(role: PlannedResource): Judged {
  const name = str(role.inputs.displayName) ?? role.name;
  const actions = listEntries(role.inputs.permissions).flatMap((p) =>
    isUnknown(p) ? [UNKNOWN_VALUE] : strs(obj(p).allowedResourceActions),
  );
  const matched = (reach: EntraRolePrivilege) =>
    actions.filter((a) => ENTRA_PRIVILEGED_ACTIONS.some((e) => e.reach === reach && entraActionCovers(a, e.action)));
  const control = matched("control");
  if (control.length) return { permission: `custom role ${name} (${control.join(", ")})`, reach: "admin" };
  if (actions.some((a) => a === UNKNOWN_VALUE || a.startsWith("(")) || role.inputs.permissions === undefined)
    return { permission: `custom role ${name} (permissions not known)`, reach: "unknown" };
  const read = matched("read");
  if (read.length) return { permission: `custom role ${name} (${read.join(", ")})`, reach: "data" };
  return { permission: `custom role ${name}`, reach: "limited" };
}

/**
 * What a role reference amounts to: a DirectoryRole or CustomDirectoryRole of the stack (through
 * the property's dependencies, or by its id once known), a built-in template id, a custom role of
 * the stack by its template id; any other id is neither a built-in role nor readable: unlisted.
 */
function roleOf(index: ResourceIndex, r: PlannedResource, property: string): Judged {
  const types = [ENTRA_PRIVILEGE.directoryRole, ENTRA_PRIVILEGE.customRole];
  const judge = (role: PlannedResource) =>
    role.type === ENTRA_PRIVILEGE.customRole ? customRole(role) : directoryRole(role);
  const [byDependency] = index.referenced(r, property, types);
  if (byDependency) return judge(byDependency);
  const [refs] = index.resolve(r, property, [[r.inputs[property]]], types);
  if (refs!.targets[0]) return judge(refs!.targets[0]);
  const literal = str(r.inputs[property]);
  if (literal === undefined || refs!.anyOf.length) return { permission: "(unknown)", reach: "unknown" };
  const custom = index
    .ofType(ENTRA_PRIVILEGE.customRole)
    .find((c) => str(c.inputs.templateId)?.toLowerCase() === literal.toLowerCase());
  return custom ? customRole(custom) : builtIn(literal);
}

/** Whether a service principal reference names Microsoft Graph: `yes`, `no` (another API), or `unknown`. */
function isGraph(index: ResourceIndex, r: PlannedResource, property: string): "yes" | "no" | "unknown" {
  const [sp] = index.referenced(r, property, ENTRA_PRIVILEGE.servicePrincipal);
  const [refs] = index.resolve(r, property, [[r.inputs[property]]], ENTRA_PRIVILEGE.servicePrincipal);
  const target = sp ?? refs!.targets[0];
  if (!target) return "unknown";
  const clientId = str(target.inputs.clientId)?.toLowerCase();
  if (clientId === MICROSOFT_GRAPH_APP_ID || clientId === AZURE_AD_GRAPH_APP_ID) return "yes";
  // An application of the stack, or a client id known to be another: a custom API's roles and scopes.
  return clientId !== undefined || index.referenced(target, "clientId").length > 0 ? "no" : "unknown";
}

/** A Graph permission by name: what the catalog says it reaches, else less. */
function graphPermission(name: string): Judged {
  const reach = graphPermissionReach(name);
  return {
    permission: GRAPH_PERMISSION_NAMES.get(name.toLowerCase()) ?? name,
    reach: reach === "directory" ? "admin" : reach === "data" ? "data" : "limited",
  };
}

/**
 * A Graph app role: by its id where the catalog has it; else by its name (`value`), where the
 * resource service principal's outputs map names to ids (`appRoleIds`, `appRoles`); a role of
 * another API reaches nothing here; one that cannot be read is privileged until proven otherwise.
 */
function appRoleOf(index: ResourceIndex, r: PlannedResource): Judged {
  const graph = isGraph(index, r, "resourceObjectId");
  const id = str(r.inputs.appRoleId)?.toLowerCase();
  if (graph === "no") return { permission: id ?? "(an app role of the API, not known until apply)", reach: "limited" };
  if (id === undefined) return { permission: "(unknown app role)", reach: "unknown" };
  const critical = GRAPH_CRITICAL_APP_ROLES[id];
  if (critical) return { permission: critical.name, reach: critical.reach === "directory" ? "admin" : "data" };
  const [sp] = [
    ...index.referenced(r, "resourceObjectId", ENTRA_PRIVILEGE.servicePrincipal),
    ...index.resolve(r, "resourceObjectId", [[r.inputs.resourceObjectId]], ENTRA_PRIVILEGE.servicePrincipal)[0]!
      .targets,
  ];
  const byName = sp
    ? (Object.entries(obj(sp.inputs.appRoleIds)).find(([, v]) => str(v)?.toLowerCase() === id)?.[0] ??
      arr(sp.inputs.appRoles)
        .map(obj)
        .find((a) => str(a.id)?.toLowerCase() === id)?.value)
    : undefined;
  return typeof byName === "string" ? graphPermission(byName) : { permission: id, reach: "limited" };
}

/** Reads Entra directory roles (assigned, eligible, by membership, through groups) and Graph permissions granted to apps. */
export function readEntraRoleGrants(index: ResourceIndex): PrivilegeGrant[] {
  const grants: PrivilegeGrant[] = [];
  const push = (g: Omit<PrivilegeGrant, "origin">, r: PlannedResource) => grants.push({ ...g, origin: originOf(r) });
  /** A directory role grant, and the same for everyone in the groups that hold it. */
  const role = (
    g: Omit<PrivilegeGrant, "origin" | "kind" | "principalType">,
    holders: PrincipalRef[],
    r: PlannedResource,
  ) => {
    push({ kind: "entra-role", principalType: "principal", ...g }, r);
    for (const holder of holders)
      for (const t of throughGroups(index, holder))
        push(
          {
            kind: "entra-role",
            principal: `principal:${grantLabel(t.link.member)}`,
            principalType: "principal",
            permission: g.permission,
            reach: g.reach,
            ...(g.scope !== undefined ? { scope: g.scope } : {}),
            permanent: g.permanent && t.permanent,
            via: t.via,
          },
          t.link.origin,
        );
  };

  for (const r of index.ofType(ENTRA_PRIVILEGE.roleAssignment, ENTRA_PRIVILEGE.roleEligibility)) {
    // The assignment's and the eligibility's names for the same things (a property may be dropped when
    // it is not known, so its dependency also tells).
    const has = (p: string) => r.inputs[p] !== undefined || r.propertyDependencies[p] !== undefined;
    const property = has("roleId") ? "roleId" : "roleDefinitionId";
    const who = has("principalObjectId") ? "principalObjectId" : "principalId";
    role(
      {
        principal: principalName(index, r, who, "principal"),
        ...roleOf(index, r, property),
        scope: str(r.inputs.directoryScopeId) ?? (r.inputs.appScopeId !== undefined ? "(an app scope)" : "/"),
        permanent: r.type === ENTRA_PRIVILEGE.roleAssignment,
      },
      principalRefs(index, r, who, [r.inputs[who]]),
      r,
    );
  }
  // The older way to assign a directory role: a member of an activated DirectoryRole (by its object id),
  // for the whole directory or for one administrative unit.
  for (const r of index.ofType(ENTRA_PRIVILEGE.roleMember, ENTRA_PRIVILEGE.unitRoleMember)) {
    const [activated] = index.resolve(r, "roleObjectId", [[r.inputs.roleObjectId]], ENTRA_PRIVILEGE.directoryRole);
    const unit = r.type === ENTRA_PRIVILEGE.unitRoleMember;
    role(
      {
        principal: principalName(index, r, "memberObjectId", "principal"),
        ...(activated!.targets[0]
          ? directoryRole(activated!.targets[0])
          : { permission: "(unknown)", reach: "unknown" }),
        scope: unit ? `/administrativeUnits/${str(r.inputs.administrativeUnitObjectId) ?? "(unknown)"}` : "/",
        permanent: true,
      },
      principalRefs(index, r, "memberObjectId", [r.inputs.memberObjectId]),
      r,
    );
  }
  // A member or owner of a group that cannot be read could be in any group: one that holds any role.
  for (const link of groupLinks(index).filter((l) => l.group.keys.length === 0))
    push(
      {
        kind: "entra-role",
        principal: `principal:${grantLabel(link.member)}`,
        principalType: "principal",
        permission: "(any role a group holds)",
        reach: "unknown",
        permanent: link.permanent,
        via: `${link.relation === "owner" ? "ownership" : "membership"} of a group that cannot be read (its groupObjectId or groupId is not known until apply, or a secret)`,
      },
      link.origin,
    );

  for (const r of index.ofType(ENTRA_PRIVILEGE.appRoleAssignment)) {
    const role = appRoleOf(index, r);
    push(
      {
        kind: "graph-app-role",
        principal: principalName(index, r, "principalObjectId", "principal"),
        principalType: "principal",
        ...role,
        permanent: true,
      },
      r,
    );
    // An app role given to a group is held by its members; one given to an app by its owners.
    for (const holder of principalRefs(index, r, "principalObjectId", [r.inputs.principalObjectId]))
      for (const t of throughGroups(index, holder))
        push(
          {
            kind: "graph-app-role",
            principal: `principal:${grantLabel(t.link.member)}`,
            principalType: "principal",
            ...role,
            permanent: t.permanent,
            via: t.via,
          },
          t.link.origin,
        );
  }
  for (const r of index.ofType(ENTRA_PRIVILEGE.delegatedGrant)) {
    const graph = isGraph(index, r, "resourceServicePrincipalObjectId");
    // No user: consented for every user of the tenant (admin consent). A user not yet known is still one user.
    const scope =
      r.inputs.userObjectId === undefined && r.propertyDependencies.userObjectId === undefined
        ? "every user"
        : `user ${principalName(index, r, "userObjectId", "principal").replace(/^principal:/, "")}`;
    // Graph keeps a grant's scopes as one space-separated string: an entry may hold several.
    const claims = [
      ...new Set(strs(r.inputs.claimValues).flatMap((c) => (c.startsWith("(") ? [c] : c.split(/\s+/).filter(Boolean)))),
    ];
    for (const claim of claims.length ? claims : [UNKNOWN_VALUE]) {
      const unreadable = claim === UNKNOWN_VALUE || claim.startsWith("(");
      push(
        {
          kind: "graph-delegated",
          principal: principalName(index, r, "servicePrincipalObjectId", "principal"),
          principalType: "principal",
          ...(graph === "no"
            ? { permission: claim, reach: "limited" as const }
            : unreadable
              ? { permission: "(delegated permissions not known until apply)", reach: "unknown" as const }
              : graphPermission(claim)),
          scope,
          permanent: true,
        },
        r,
      );
    }
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
      ENTRA_PRIVILEGE.unitRoleMember,
      ENTRA_PRIVILEGE.appRoleAssignment,
      ENTRA_PRIVILEGE.delegatedGrant,
      // Memberships and ownerships of groups that hold roles, or of groups that cannot be read;
      // owners of the applications and service principals that hold them.
      ...Object.values(ENTRA_GROUPS),
      ...Object.values(ENTRA_APPS),
    ],
  },
  consults: [ENTRA_PRIVILEGE.directoryRole, ENTRA_PRIVILEGE.customRole],
};
