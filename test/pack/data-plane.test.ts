import * as azuread from "@pulumi/azuread";
import * as cosmosdb from "@pulumi/azure-native/cosmosdb";
import * as dbforpostgresql from "@pulumi/azure-native/dbforpostgresql";
import * as keyvault from "@pulumi/azure-native/keyvault";
import * as kusto from "@pulumi/azure-native/kusto";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import * as redis from "@pulumi/azure-native/redis";
import { describe, expect, it } from "vitest";
import type { StackMode } from "../../engine/mock-engine";
import type { input as inputs } from "@pulumi/azure-native/types";
import { useHandWrittenVerdict } from "./hand-written-verdict";

// Azure data-plane grants read into privilege.grants and judged by what they carry: standing
// control of a data plane (Key Vault all/purge, a Cosmos DB wildcard data role, Data Explorer
// Admin, Redis Data Owner, a database's Entra administrator) held by a person, or by an object id
// the pack cannot tell from a person's, is advised by privilege-no-broad-azure-roles; reads, and
// any grant to the stack's own managed identities, are not. Real SDKs, both views.

const verdict = useHandWrittenVerdict();
const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const OUTSIDE = "0b1c2d3e-4f50-4617-8829-3a4b5c6d7e8f";

const alice = () => new azuread.User("alice", { userPrincipalName: "alice@contoso.com", displayName: "Alice" });
const app = () => new managedidentity.UserAssignedIdentity("app", { resourceGroupName: "rg" });
const vault = (accessPolicies: inputs.keyvault.AccessPolicyEntryArgs[], enableRbacAuthorization?: boolean) =>
  new keyvault.Vault("kv", {
    resourceGroupName: "rg",
    vaultName: "contoso-kv",
    properties: {
      tenantId: TENANT,
      sku: { family: "A", name: "standard" },
      accessPolicies,
      ...(enableRbacAuthorization === undefined ? {} : { enableRbacAuthorization }),
    },
  });

const CASES: [string, () => void, RegExp | undefined][] = [
  [
    "a vault's inline policy giving an outside object id every secret permission",
    () => void vault([{ tenantId: TENANT, objectId: OUTSIDE, permissions: { secrets: ["all"] } }]),
    /standing access policy \(secrets: all\) on Key Vault contoso-kv: control of its data plane/,
  ],
  [
    "a standalone policy with purge, in upper case, for an outside object id",
    () =>
      void new keyvault.AccessPolicy("ops", {
        resourceGroupName: "rg",
        vaultName: "contoso-kv",
        policy: { tenantId: TENANT, objectId: OUTSIDE, permissions: { keys: ["Get", "PURGE"] } },
      }),
    /principal:0b1c2d3e-4f50-4617-8829-3a4b5c6d7e8f \(an object id the pack cannot tell from a person's\) standing access policy \(keys: PURGE\)/,
  ],
  [
    "a policy with a permission the API does not list",
    () =>
      void new keyvault.AccessPolicy("ops", {
        resourceGroupName: "rg",
        vaultName: "contoso-kv",
        policy: { tenantId: TENANT, objectId: OUTSIDE, permissions: { secrets: ["getall"] } },
      }),
    /a permission this pack does not classify/,
  ],
  [
    "look-alike: an app's identity reads secrets (get, list), as a standalone policy",
    () => {
      const id = app();
      new keyvault.AccessPolicy("app", {
        resourceGroupName: "rg",
        vaultName: "contoso-kv",
        policy: { tenantId: TENANT, objectId: id.principalId, permissions: { secrets: ["get", "list"] } },
      });
    },
    undefined,
  ],
  [
    "look-alike: an outside object id lists key metadata only",
    () =>
      void vault([{ tenantId: TENANT, objectId: OUTSIDE, permissions: { keys: ["get", "list"], secrets: ["list"] } }]),
    undefined,
  ],
  [
    "look-alike: a vault that authorizes through Azure RBAC ignores its leftover access policies",
    () => void vault([{ tenantId: TENANT, objectId: OUTSIDE, permissions: { secrets: ["all"] } }], true),
    undefined,
  ],
  [
    "a Cosmos DB custom data role with a wildcard, assigned to a user at the account",
    () => {
      const u = alice();
      const def = new cosmosdb.SqlResourceSqlRoleDefinition("all-data", {
        resourceGroupName: "rg",
        accountName: "contoso-db",
        roleName: "everything",
        type: "CustomRole",
        assignableScopes: ["/"],
        permissions: [{ dataActions: ["Microsoft.DocumentDB/databaseAccounts/*"] }],
      });
      new cosmosdb.SqlResourceSqlRoleAssignment("alice-all", {
        resourceGroupName: "rg",
        accountName: "contoso-db",
        roleDefinitionId: def.id,
        principalId: u.objectId,
        scope: "/",
      });
    },
    /standing custom data role everything \(Microsoft\.DocumentDB\/databaseAccounts\/\*\) on Cosmos DB account contoso-db/,
  ],
  [
    "look-alike: the built-in Data Reader, by its id, to a user",
    () => {
      const u = alice();
      new cosmosdb.SqlResourceSqlRoleAssignment("alice-read", {
        resourceGroupName: "rg",
        accountName: "contoso-db",
        roleDefinitionId:
          "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.DocumentDB/databaseAccounts/contoso-db/sqlRoleDefinitions/00000000-0000-0000-0000-000000000001",
        principalId: u.objectId,
        scope: "/dbs/orders",
      });
    },
    undefined,
  ],
  [
    "a Data Explorer cluster's AllDatabasesAdmin, lower case, to a group",
    () =>
      void new kusto.ClusterPrincipalAssignment("dba", {
        resourceGroupName: "rg",
        clusterName: "contoso-adx",
        principalId: OUTSIDE,
        principalType: "group",
        role: "alldatabasesadmin",
        tenantId: TENANT,
      }),
    /standing Data Explorer alldatabasesadmin on Data Explorer contoso-adx/,
  ],
  [
    "look-alike: a database Viewer for a group, an Admin for an app",
    () => {
      new kusto.DatabasePrincipalAssignment("analysts", {
        resourceGroupName: "rg",
        clusterName: "contoso-adx",
        databaseName: "sales",
        principalId: OUTSIDE,
        principalType: "Group",
        role: "Viewer",
      });
      new kusto.DatabasePrincipalAssignment("pipeline", {
        resourceGroupName: "rg",
        clusterName: "contoso-adx",
        databaseName: "sales",
        principalId: OUTSIDE,
        principalType: "App",
        role: "Admin",
      });
    },
    undefined,
  ],
  [
    "Redis Data Owner to an outside object id",
    () =>
      void new redis.AccessPolicyAssignment("owner", {
        resourceGroupName: "rg",
        cacheName: "contoso-cache",
        accessPolicyName: "Data Owner",
        objectId: OUTSIDE,
        objectIdAlias: "ops",
      }),
    /standing Data Owner on Redis cache contoso-cache/,
  ],
  [
    "a custom Redis policy with +@all on every key, to a user",
    () => {
      const u = alice();
      const p = new redis.AccessPolicy("ops", {
        resourceGroupName: "rg",
        cacheName: "contoso-cache",
        accessPolicyName: "ops",
        permissions: "+@all allkeys",
      });
      new redis.AccessPolicyAssignment("alice", {
        resourceGroupName: "rg",
        cacheName: "contoso-cache",
        accessPolicyName: p.name,
        objectId: u.objectId,
        objectIdAlias: "alice",
      });
    },
    /standing access policy ops \(\+@all allkeys\) on Redis cache contoso-cache/,
  ],
  [
    "look-alike: a custom Redis policy reading one key pattern, to a user",
    () => {
      const u = alice();
      const p = new redis.AccessPolicy("reader", {
        resourceGroupName: "rg",
        cacheName: "contoso-cache",
        accessPolicyName: "sessions-reader",
        permissions: "+get ~session:*",
      });
      new redis.AccessPolicyAssignment("alice", {
        resourceGroupName: "rg",
        cacheName: "contoso-cache",
        accessPolicyName: p.name,
        objectId: u.objectId,
        objectIdAlias: "alice",
      });
    },
    undefined,
  ],
  [
    "a PostgreSQL server's Entra administrator, a user",
    () =>
      void new dbforpostgresql.AdministratorsMicrosoftEntra("admin", {
        resourceGroupName: "rg",
        serverName: "contoso-pg",
        objectId: OUTSIDE,
        principalName: "alice@contoso.com",
        principalType: "User",
        tenantId: TENANT,
      }),
    /standing Entra administrator of the server on database server contoso-pg/,
  ],
  [
    "look-alike: a PostgreSQL server's Entra administrator, the app's managed identity",
    () => {
      const id = app();
      new dbforpostgresql.AdministratorsMicrosoftEntra("admin", {
        resourceGroupName: "rg",
        serverName: "contoso-pg",
        objectId: id.principalId,
        principalName: "app",
        principalType: "ServicePrincipal",
        tenantId: TENANT,
      });
    },
    undefined,
  ],
];

describe.each(["new", "deployed"] as StackMode[])(
  "a vault's inline policies computed from another resource, as a %s stack",
  (mode) => {
    // The SDK fills the vault's defaults through the whole \`properties\` object: in a preview, one
    // object id from another resource leaves every policy unknown, judged control (advised); once
    // deployed, the same policies are read, an app's identity reading secrets passes.
    it("are advised in a preview and read once deployed", async () => {
      const { blocked, notices } = await verdict(() => {
        const id = app();
        vault([{ tenantId: TENANT, objectId: id.principalId, permissions: { secrets: ["get", "list"] } }]);
      }, mode);
      expect(blocked).toEqual([]);
      if (mode === "new")
        expect(notices).toMatch(/standing access policies \(not known until apply\) on Key Vault contoso-kv/);
      else expect(notices).not.toMatch(/privilege-no-broad-azure-roles/);
    });
  },
);

describe.each(["new", "deployed"] as StackMode[])("Azure data-plane grants, as a %s stack", (mode) => {
  it.each(CASES)("%s", async (_name, program, advised) => {
    const { blocked, notices } = await verdict(program, mode);
    expect(blocked).toEqual([]);
    const ours = notices.split("\n").filter((n) => n.startsWith("privilege-no-broad-azure-roles"));
    if (advised) expect(ours.join("\n")).toMatch(advised);
    else expect(ours).toEqual([]);
    // Every data-plane type here is read: nothing is left for posture-every-type-read.
    expect(notices).not.toMatch(/posture-every-type-read/);
  });
});
