import type { PrivilegeGrant } from "../model";
import type { ResourceIndex } from "../index-resources";
import type { PlannedResource } from "../resource";
import { isUnknown, listEntries, obj, str, strs, UNKNOWN_VALUE } from "../values";
import { originOf, principalNameOf } from "./origin";
import type { ReaderDeclaration } from "./registry";
import {
  COSMOS_BUILT_IN_DATA_ROLES,
  COSMOS_DATA_ACTIONS,
  KEY_VAULT_PERMISSIONS,
  KUSTO_ROLES,
  REDIS_ACL,
  REDIS_BUILT_IN_POLICIES,
  REDIS_ENTERPRISE_DEFAULT_POLICY,
  type DataPlaneReach,
} from "../../catalog/data-plane-roles";

/**
 * Azure data-plane grants: who may read, write or control the data inside one service (a vault's
 * secrets, a Cosmos DB account's items, a Kusto cluster's databases, a cache's keys, a database
 * server), judged by what the grant carries (catalog/data-plane-roles.ts). A permission, role or
 * principal that cannot be read is the worst case (posture/unknown.ts, "role"): the role unknown,
 * the holder possibly a person.
 */
const T = {
  vault: "azure-native:keyvault:Vault",
  vaultPolicy: "azure-native:keyvault:AccessPolicy",
  cosmosAssignments: ["Sql", "Table", "Gremlin", "Cassandra"].map(
    (api) => `azure-native:cosmosdb:${api}Resource${api}RoleAssignment`,
  ),
  cosmosDefinitions: ["Sql", "Table", "Gremlin", "Cassandra"].map(
    (api) => `azure-native:cosmosdb:${api}Resource${api}RoleDefinition`,
  ),
  mongoMiAssignment: "azure-native:cosmosdb:MongoMIResourceMongoMIRoleAssignment",
  mongoMiDefinition: "azure-native:cosmosdb:MongoMIResourceMongoMIRoleDefinition",
  kusto: [
    "azure-native:kusto:ClusterPrincipalAssignment",
    "azure-native:kusto:DatabasePrincipalAssignment",
    "azure-native:synapse:KustoPoolPrincipalAssignment",
    "azure-native:synapse:KustoPoolDatabasePrincipalAssignment",
    "azure-native:synapse:DatabasePrincipalAssignment",
  ],
  redisAssignment: "azure-native:redis:AccessPolicyAssignment",
  redisPolicy: "azure-native:redis:AccessPolicy",
  redisEnterpriseAssignment: "azure-native:redisenterprise:AccessPolicyAssignment",
  dbAdmins: [
    "azure-native:dbforpostgresql:Administrator",
    "azure-native:dbforpostgresql:AdministratorsMicrosoftEntra",
    "azure-native:dbformysql:AzureADAdministrator",
    "azure-native:sql:ServerAzureADAdministrator",
  ],
} as const;

const PERSONS: Record<string, PrivilegeGrant["principalType"]> = {
  "azuread:index/user:User": "user",
  "azuread:index/group:Group": "group",
};

/** Keys under which a principal resource carries the object id a grant names. */
const idsOf = (index: ResourceIndex, c: PlannedResource): string[] =>
  [index.idOf(c), c.inputs.objectId, c.inputs.principalId, obj(c.inputs.identity).principalId]
    .map((v) => str(v)?.toLowerCase())
    .filter((v): v is string => v !== undefined && v !== UNKNOWN_VALUE);

const unreadable = (v: unknown) => v === undefined || isUnknown(v) || (str(v) ?? "(").startsWith("(");

/**
 * Who an object id names and what kind of principal it is, alike in both views: through the
 * property's dependencies (the resource whose output it is), by its id once known; a person's type
 * where the API states it; an id of no resource of the stack, or one that cannot be read, could be
 * a person (posture/unknown.ts).
 */
function holder(
  index: ResourceIndex,
  r: PlannedResource,
  property: string,
  value: unknown,
  stated?: unknown,
): Pick<PrivilegeGrant, "principal" | "principalType"> {
  const deps = index.referenced(r, property);
  const id = unreadable(value) ? undefined : str(value)!.toLowerCase();
  const matches = id
    ? [...deps.filter((c) => idsOf(index, c).includes(id)), ...[index.byId(id)].filter((c) => c !== undefined)]
    : deps.length === 1
      ? deps
      : [];
  const s = (str(stated) ?? "").toLowerCase();
  const byStated: PrivilegeGrant["principalType"] | undefined =
    s === "user" ? "user" : s === "group" ? "group" : s === "app" || s === "serviceprincipal" ? "principal" : undefined;
  const [match] = matches;
  if (match)
    return {
      principal: `principal:${principalNameOf(match)}`,
      principalType: byStated ?? PERSONS[match.type] ?? "principal",
    };
  // Several resources it could come from (a new stack's preview): a person if any of them is one.
  const persons = deps.filter((c) => PERSONS[c.type]);
  return {
    principal: `principal:${id ?? (deps.length > 1 ? `(one of ${deps.map(principalNameOf).sort().join(", ")})` : "(unknown)")}`,
    principalType: byStated ?? (id ? "unknown" : persons.length > 0 || deps.length === 0 ? "unknown" : "principal"),
  };
}

/** The service a grant is on, as people name it: a literal name, or the resource of the stack it names. */
function named(index: ResourceIndex, r: PlannedResource, property: string): string {
  const literal = str(r.inputs[property]);
  if (literal !== undefined && literal !== UNKNOWN_VALUE) return literal;
  const [target] = index.referenced(r, property);
  return target ? principalNameOf(target) : "(unknown)";
}

type Judged = Pick<PrivilegeGrant, "permission" | "reach">;

/** A Key Vault access policy entry by its permissions, any case. */
export function keyVaultPermissions(permissions: unknown): Judged {
  if (isUnknown(permissions))
    return { permission: "access policy permissions (not known until apply)", reach: "unknown" };
  const p = obj(permissions);
  const granted: string[] = [];
  let reach = "limited" as DataPlaneReach | "unknown" | "unlisted";
  const worse = (r: typeof reach) => {
    const order = ["limited", "data", "unlisted", "unknown", "admin"];
    if (order.indexOf(r) > order.indexOf(reach)) reach = r;
  };
  for (const [category, value] of Object.entries(p)) {
    if (isUnknown(value)) {
      granted.push(`${category}: (not known until apply)`);
      worse("unknown");
      continue;
    }
    for (const raw of strs(value)) {
      const perm = raw.trim().toLowerCase();
      if (unreadable(raw)) {
        granted.push(`${category}: (not known until apply)`);
        worse("unknown");
      } else if ((KEY_VAULT_PERMISSIONS.control as readonly string[]).includes(perm)) {
        granted.push(`${category}: ${raw}`);
        worse("admin");
      } else if (!(KEY_VAULT_PERMISSIONS.known[category] ?? []).includes(perm)) {
        granted.push(`${category}: ${raw}`);
        worse("unlisted");
      } else if (!(KEY_VAULT_PERMISSIONS.harmless[category] ?? []).includes(perm)) {
        granted.push(`${category}: ${raw}`);
        worse("data");
      }
    }
  }
  const judged = reach as DataPlaneReach | "unknown" | "unlisted";
  const shown = judged === "admin" ? granted.filter((g) => /: (all|purge)$/i.test(g)) : granted;
  return { permission: `access policy (${shown.join(", ") || "no secret material"})`, reach: judged };
}

/** A Cosmos DB custom definition by its data actions. */
function cosmosDefinition(d: PlannedResource): Judged {
  const name = str(d.inputs.roleName) ?? d.name;
  const blocks = listEntries(d.inputs.permissions);
  const actions = blocks.flatMap((b) => (isUnknown(b) ? [UNKNOWN_VALUE] : listEntries(obj(b).dataActions)));
  if (d.inputs.permissions === undefined || isUnknown(d.inputs.permissions) || actions.some(unreadable))
    return { permission: `custom data role ${name} (data actions not known until apply)`, reach: "unknown" };
  const as = actions.map((a) => str(a)!);
  const control = as.filter((a) => COSMOS_DATA_ACTIONS.control.some((p) => p.test(a)));
  if (control.length) return { permission: `custom data role ${name} (${control.join(", ")})`, reach: "admin" };
  const data = as.filter((a) => !COSMOS_DATA_ACTIONS.limited.some((p) => p.test(a)));
  if (data.length) return { permission: `custom data role ${name} (${data.join(", ")})`, reach: "data" };
  return { permission: `custom data role ${name}`, reach: "limited" };
}

const lastSegment = (id: string) => (id.split("/").filter(Boolean).pop() ?? id).toLowerCase();

function cosmosRole(index: ResourceIndex, r: PlannedResource, definitions: readonly string[]): Judged {
  const [byDependency] = index.referenced(r, "roleDefinitionId", definitions);
  if (byDependency) return cosmosDefinition(byDependency);
  const id = r.inputs.roleDefinitionId;
  if (unreadable(id)) return { permission: "(a data role that cannot be read)", reach: "unknown" };
  const guid = lastSegment(str(id)!);
  const custom = index
    .ofType(...definitions)
    .find((d) => [index.idOf(d), str(d.inputs.roleDefinitionId)].some((v) => v && lastSegment(v) === guid));
  if (custom) return cosmosDefinition(custom);
  const builtIn = COSMOS_BUILT_IN_DATA_ROLES[guid];
  return builtIn ? { permission: builtIn.name, reach: builtIn.reach } : { permission: str(id)!, reach: "unlisted" };
}

/** A Redis ACL string: every command or the admin ones is control; any command on every key, every item. */
export function redisAcl(permissions: unknown): DataPlaneReach | "unknown" {
  if (unreadable(permissions)) return "unknown";
  const tokens = str(permissions)!.split(/\s+/).filter(Boolean);
  if (tokens.some((t) => REDIS_ACL.control.some((p) => p.test(t)))) return "admin";
  if (tokens.some((t) => REDIS_ACL.everyKey.some((p) => p.test(t)))) return "data";
  return "limited";
}

function redisPolicy(index: ResourceIndex, r: PlannedResource): Judged {
  const [byDependency] = index.referenced(r, "accessPolicyName", T.redisPolicy);
  const name = r.inputs.accessPolicyName;
  const custom =
    byDependency ??
    (unreadable(name)
      ? undefined
      : index
          .ofType(T.redisPolicy)
          .find((p) => (str(p.inputs.accessPolicyName) ?? p.name).toLowerCase() === str(name)!.toLowerCase()));
  if (custom) {
    const reach = redisAcl(custom.inputs.permissions);
    return {
      permission: `access policy ${str(custom.inputs.accessPolicyName) ?? custom.name} (${str(custom.inputs.permissions) ?? "not known until apply"})`,
      reach,
    };
  }
  if (unreadable(name)) return { permission: "(an access policy that cannot be read)", reach: "unknown" };
  const builtIn = REDIS_BUILT_IN_POLICIES[str(name)!.trim().toLowerCase()];
  return builtIn ? { permission: str(name)!, reach: builtIn } : { permission: str(name)!, reach: "unlisted" };
}

/** Reads data-plane grants of Key Vault, Cosmos DB, Data Explorer, Redis and database servers. */
export function readAzureDataPlaneGrants(index: ResourceIndex): PrivilegeGrant[] {
  const grants: PrivilegeGrant[] = [];
  const push = (r: PlannedResource, g: Omit<PrivilegeGrant, "kind" | "permanent" | "origin">) =>
    grants.push({ kind: "azure-data-plane", permanent: true, ...g, origin: originOf(r) });

  // Key Vault: a vault's inline policies (ignored by a vault that authorizes through Azure RBAC) and standalone ones.
  for (const v of index.ofType(T.vault)) {
    const props = obj(v.inputs.properties);
    if (props.enableRbacAuthorization === true) continue;
    const name = str(v.inputs.vaultName) ?? v.name;
    if (isUnknown(props.accessPolicies) || isUnknown(v.inputs.properties)) {
      push(v, {
        principal: "principal:(unknown)",
        principalType: "unknown",
        permission: "access policies (not known until apply)",
        reach: "unknown",
        scope: `Key Vault ${name}`,
      });
      continue;
    }
    for (const e of listEntries(props.accessPolicies)) {
      const entry = obj(e);
      push(v, {
        ...holder(index, v, "properties", entry.objectId),
        ...(isUnknown(e)
          ? { permission: "access policy (not known until apply)", reach: "unknown" as const }
          : keyVaultPermissions(entry.permissions)),
        scope: `Key Vault ${name}`,
      });
    }
  }
  for (const p of index.ofType(T.vaultPolicy)) {
    const [vault] = index.referenced(p, "vaultName", T.vault);
    if (vault && obj(vault.inputs.properties).enableRbacAuthorization === true) continue;
    const policy = obj(p.inputs.policy);
    push(p, {
      ...holder(index, p, "policy", isUnknown(p.inputs.policy) ? UNKNOWN_VALUE : policy.objectId),
      ...(isUnknown(p.inputs.policy)
        ? { permission: "access policy (not known until apply)", reach: "unknown" as const }
        : keyVaultPermissions(policy.permissions)),
      scope: `Key Vault ${named(index, p, "vaultName")}`,
    });
  }

  // Cosmos DB data-plane role assignments, per API, by their definition.
  const cosmos: [string, readonly string[]][] = [
    ...T.cosmosAssignments.map((a, i): [string, readonly string[]] => [a, [T.cosmosDefinitions[i]!]]),
    [T.mongoMiAssignment, [T.mongoMiDefinition]],
  ];
  for (const [type, definitions] of cosmos)
    for (const r of index.ofType(type)) {
      const scope = str(r.inputs.scope);
      push(r, {
        ...holder(index, r, "principalId", r.inputs.principalId),
        ...cosmosRole(index, r, definitions),
        scope: `Cosmos DB account ${named(index, r, "accountName")}${scope && !unreadable(scope) ? ` (${scope.replace(/^.*databaseAccounts\/[^/]+/i, "") || "/"})` : ""}`,
      });
    }

  // Data Explorer (Kusto clusters and Synapse pools): the role by name, any case.
  for (const r of index.ofType(...T.kusto)) {
    const role = r.inputs.role;
    const reach: PrivilegeGrant["reach"] = unreadable(role)
      ? "unknown"
      : (KUSTO_ROLES[str(role)!.trim().toLowerCase()] ?? "unlisted");
    const db = r.inputs.databaseName !== undefined ? `/${named(index, r, "databaseName")}` : "";
    const cluster = named(index, r, r.inputs.clusterName !== undefined ? "clusterName" : "kustoPoolName");
    push(r, {
      ...holder(index, r, "principalId", r.inputs.principalId, r.inputs.principalType),
      permission: unreadable(role) ? "(a role that cannot be read)" : `Data Explorer ${str(role)}`,
      reach,
      scope: `Data Explorer ${cluster}${db}`,
    });
  }

  // Redis: a cache's access policy assignments; Azure Managed Redis takes its one default policy.
  for (const r of index.ofType(T.redisAssignment))
    push(r, {
      ...holder(index, r, "objectId", r.inputs.objectId),
      ...redisPolicy(index, r),
      scope: `Redis cache ${named(index, r, "cacheName")}`,
    });
  for (const r of index.ofType(T.redisEnterpriseAssignment)) {
    const name = r.inputs.accessPolicyName;
    const known = !unreadable(name) && str(name)!.trim().toLowerCase() === REDIS_ENTERPRISE_DEFAULT_POLICY.name;
    push(r, {
      ...holder(index, r, "user", isUnknown(r.inputs.user) ? UNKNOWN_VALUE : obj(r.inputs.user).objectId),
      permission: unreadable(name) ? "(an access policy that cannot be read)" : `access policy ${str(name)}`,
      reach: unreadable(name) ? "unknown" : known ? REDIS_ENTERPRISE_DEFAULT_POLICY.reach : "unlisted",
      scope: `Azure Managed Redis ${named(index, r, "clusterName")}/${named(index, r, "databaseName")}`,
    });
  }

  // A database server's Entra administrator controls every role and database of the server.
  for (const r of index.ofType(...T.dbAdmins)) {
    const idKey = r.inputs.sid !== undefined ? "sid" : "objectId";
    push(r, {
      ...holder(index, r, idKey, r.inputs[idKey], r.inputs.principalType ?? r.inputs.administratorType),
      permission: "Entra administrator of the server",
      reach: "admin",
      scope: `database server ${named(index, r, "serverName")}`,
    });
  }
  return grants;
}

export const READER: ReaderDeclaration = {
  name: "azure-data-plane",
  feeds: {
    "privilege.grants": [
      T.vault,
      T.vaultPolicy,
      ...T.cosmosAssignments,
      T.mongoMiAssignment,
      ...T.kusto,
      T.redisAssignment,
      T.redisEnterpriseAssignment,
      ...T.dbAdmins,
    ],
  },
  consults: [...T.cosmosDefinitions, T.mongoMiDefinition, T.redisPolicy, ...Object.keys(PERSONS)],
};
