/**
 * Azure data-plane grants judged by what they carry: control of a service's data plane (every
 * permission, irreversible deletion, managing who may read), every item's data (reading or writing
 * all of it), or less. Data only; the reader (posture/readers/azure-data-plane.ts) applies it.
 * Names and permissions compare case-insensitively, as the services' APIs compare them.
 */
export type DataPlaneReach = "admin" | "data" | "limited";

/**
 * Key Vault access policies (Microsoft Learn, 'Azure Key Vault access policy' and the Key Vault REST
 * reference, `Permissions`): per category, the permissions that give no secret material and change
 * nothing. `all` and `purge` (destroying an item for good, past soft delete) are control; anything
 * else reads secret material (a secret's value, a key used to decrypt, unwrap or sign, a storage
 * account's SAS) or writes every item, so it reaches every item's data.
 */
export const KEY_VAULT_PERMISSIONS = {
  source: "Microsoft Learn: Azure Key Vault access policy; Key Vault REST API, Vaults - Create Or Update, Permissions",
  control: ["all", "purge"],
  harmless: {
    keys: ["get", "list", "encrypt", "wrapkey", "verify", "getrotationpolicy"],
    secrets: ["list"],
    certificates: ["get", "list", "getissuers", "listissuers"],
    storage: ["list", "listsas"],
  } as Readonly<Record<string, readonly string[]>>,
  /** Every permission the API takes (the SDK's enums), so a permission outside them is unlisted, not passed. */
  known: {
    keys: [
      "all",
      "encrypt",
      "decrypt",
      "wrapkey",
      "unwrapkey",
      "sign",
      "verify",
      "get",
      "list",
      "create",
      "update",
      "import",
      "delete",
      "backup",
      "restore",
      "recover",
      "purge",
      "release",
      "rotate",
      "getrotationpolicy",
      "setrotationpolicy",
    ],
    secrets: ["all", "get", "list", "set", "delete", "backup", "restore", "recover", "purge"],
    certificates: [
      "all",
      "get",
      "list",
      "delete",
      "create",
      "import",
      "update",
      "managecontacts",
      "getissuers",
      "listissuers",
      "setissuers",
      "deleteissuers",
      "manageissuers",
      "recover",
      "purge",
      "backup",
      "restore",
    ],
    storage: [
      "all",
      "get",
      "list",
      "delete",
      "set",
      "update",
      "regeneratekey",
      "recover",
      "purge",
      "backup",
      "restore",
      "setsas",
      "listsas",
      "getsas",
      "deletesas",
    ],
  } as Readonly<Record<string, readonly string[]>>,
} as const;

/**
 * Cosmos DB built-in data-plane role definitions, by id (the last segment of `roleDefinitionId`)
 * (Microsoft Learn, 'Azure Cosmos DB for NoSQL data plane role-based access control reference',
 * "Built-in roles"). Both read every item of their scope.
 */
export const COSMOS_BUILT_IN_DATA_ROLES: Readonly<Record<string, { name: string; reach: DataPlaneReach }>> = {
  "00000000-0000-0000-0000-000000000001": { name: "Cosmos DB Built-in Data Reader", reach: "data" },
  "00000000-0000-0000-0000-000000000002": { name: "Cosmos DB Built-in Data Contributor", reach: "data" },
};

/**
 * A Cosmos DB custom data-plane definition by its data actions (same reference, "Built-in
 * actions"): a wildcard over the account or every API (`*`, `Microsoft.DocumentDB/*`,
 * `.../databaseAccounts/*`) is control; any action on items, entities, documents or queries, or a
 * wildcard over containers, reads or writes every item of the scope; reading metadata alone is limited.
 */
export const COSMOS_DATA_ACTIONS = {
  source: "Microsoft Learn: Azure Cosmos DB data plane role-based access control reference",
  control: [/^\*$/, /^microsoft\.documentdb\/\*$/i, /^microsoft\.documentdb\/databaseaccounts\/\*$/i],
  limited: [/^microsoft\.documentdb\/databaseaccounts\/readmetadata$/i],
} as const;

/**
 * Azure Data Explorer (Kusto, and Synapse Data Explorer pools) principal roles (Microsoft Learn,
 * 'Role-based access control', Azure Data Explorer): Admin holds full permission over its scope and
 * adds principals to it; User, Viewer and UnrestrictedViewer read all data and metadata; Ingestor
 * writes into every table; Monitor runs `.show` commands only.
 */
export const KUSTO_ROLES: Readonly<Record<string, DataPlaneReach>> = {
  alldatabasesadmin: "admin",
  alldatabasesviewer: "data",
  alldatabasesmonitor: "limited",
  admin: "admin",
  user: "data",
  viewer: "data",
  unrestrictedviewer: "data",
  ingestor: "data",
  monitor: "limited",
};
export const KUSTO_ROLES_SOURCE = "Microsoft Learn: Azure Data Explorer, Role-based access control";

/**
 * Azure Cache for Redis built-in data access policies (Microsoft Learn, 'Configure custom data access
 * policies', Azure Cache for Redis): Data Owner runs every command on every key; Data Contributor and
 * Data Reader read (and write) every key. A custom policy is a Redis ACL string: judged by the
 * command categories and keys it names (REDIS_ACL).
 */
export const REDIS_BUILT_IN_POLICIES: Readonly<Record<string, DataPlaneReach>> = {
  "data owner": "admin",
  "data contributor": "data",
  "data reader": "data",
};

/**
 * A Redis ACL (redis.io, 'ACL', command categories): every command, the admin or dangerous
 * categories (CONFIG, FLUSHALL, ACL, DEBUG...) or one of those commands is control; any other
 * command on every key (`allkeys`, `~*`) reaches every item; commands on named key patterns only
 * are limited.
 */
export const REDIS_ACL = {
  source: "Microsoft Learn: Azure Cache for Redis, Configure custom data access policies; redis.io ACL",
  control: [
    /^\+@(all|admin|dangerous)$/i,
    /^\+(config|flushall|flushdb|acl|debug|module|shutdown)(\|.*)?$/i,
    /^allcommands$/i,
  ],
  everyKey: [/^allkeys$/i, /^~\*$/, /^%(r|w|rw)~\*$/i],
} as const;

/**
 * The default access policy of Azure Managed Redis (Redis Enterprise) databases, the only one they
 * take (Microsoft Learn, 'Use Microsoft Entra ID for cache authentication', Azure Managed Redis):
 * every data command on every key.
 */
export const REDIS_ENTERPRISE_DEFAULT_POLICY = { name: "default", reach: "data" as DataPlaneReach };

/**
 * A database server's Microsoft Entra administrator (PostgreSQL flexible server, MySQL flexible
 * server, Azure SQL): creates and drops every role and login of the server and reads every database
 * (Microsoft Learn, 'Microsoft Entra authentication with Azure Database for PostgreSQL', and the same
 * for MySQL and Azure SQL): control of the data plane.
 */
export const DATABASE_ENTRA_ADMIN_SOURCE =
  "Microsoft Learn: Microsoft Entra authentication with Azure Database for PostgreSQL / MySQL / Azure SQL";
