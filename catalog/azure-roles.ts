/**
 * Azure RBAC roles judged by the permissions they carry. A role grants an action when one of its
 * `actions` matches it (`*` matches any run of characters, case-insensitively) and none of the same
 * permission block's `notActions` does (Actions - NotActions, as Azure computes effective
 * permissions).
 */
export interface AzurePermissions {
  readonly actions: readonly string[];
  readonly notActions?: readonly string[];
  readonly dataActions?: readonly string[];
  readonly notDataActions?: readonly string[];
}

/**
 * Microsoft's definition of a privileged administrator role: one whose permissions include any of
 * these (Microsoft Learn, 'Understand Azure role definitions', "Privileged administrator role
 * definition"; 'Best practices for Azure RBAC', "Limit privileged administrator role assignments").
 * The wildcards are probed below as what they mean, whatever the spelling: writing or deleting
 * every resource type, and changing who holds which role.
 */
export const AZURE_PRIVILEGED_ACTIONS: readonly string[] = [
  "*",
  "*/delete",
  "*/write",
  "Microsoft.Authorization/denyAssignments/delete",
  "Microsoft.Authorization/denyAssignments/write",
  "Microsoft.Authorization/roleAssignments/delete",
  "Microsoft.Authorization/roleAssignments/write",
  "Microsoft.Authorization/roleDefinitions/delete",
  "Microsoft.Authorization/roleDefinitions/write",
];

/**
 * Actions that control access itself: Microsoft's authorization actions above, and two it does
 * not list with which a holder becomes Owner all the same (elevating a Global Administrator to
 * User Access Administrator at the root; adding a classic co-administrator).
 */
export const AZURE_ACCESS_CONTROL_ACTIONS: readonly string[] = [
  ...AZURE_PRIVILEGED_ACTIONS.filter((a) => a.startsWith("Microsoft.Authorization/")),
  "Microsoft.Authorization/elevateAccess/action",
  "Microsoft.Authorization/classicAdministrators/write",
];

/**
 * Actions on a resource provider no role names (probes): a role that grants them writes or deletes
 * every resource type, present and future (`*` alone, a wildcard provider with write, `Microsoft.*`...), or reads every data plane.
 */
export const AZURE_ANY_RESOURCE_WRITE = [
  "Microsoft.ZtAnyProvider/anyType/write",
  "Microsoft.ZtAnyProvider/anyType/delete",
];
export const AZURE_ANY_DATA = "Microsoft.ZtAnyProvider/anyType/anyData/read";

export const AZURE_ROLES_SOURCE =
  "Microsoft Learn, 'Azure built-in roles for Privileged' (pages dated 2025-05-25 and 2026-07-01, read 2026-12-08) and 'Steps to assign an Azure role' (privileged administrator roles)";

/**
 * Azure built-in roles (ids the same in every tenant and cloud) with their permissions as Microsoft
 * publishes them. `privileged`: in Microsoft's "Privileged" category (Owner, Contributor, User
 * Access Administrator, Role Based Access Control Administrator, Reservations Administrator, and
 * Azure File Sync Administrator, listed there in 2025). The others are common roles known to grant
 * no privileged action. A built-in role in neither is named as one the pack does not classify.
 */
export const AZURE_BUILT_IN_ROLES: Readonly<
  Record<string, { readonly name: string; readonly privileged?: true; readonly permissions: AzurePermissions }>
> = {
  "8e3af657-a8ff-443c-a75c-2fe8c4bcb635": { name: "Owner", privileged: true, permissions: { actions: ["*"] } },
  "b24988ac-6180-42a0-ab88-20f7382dd24c": {
    name: "Contributor",
    privileged: true,
    permissions: {
      actions: ["*"],
      notActions: [
        "Microsoft.Authorization/*/Delete",
        "Microsoft.Authorization/*/Write",
        "Microsoft.Authorization/elevateAccess/Action",
        "Microsoft.Blueprint/blueprintAssignments/write",
        "Microsoft.Blueprint/blueprintAssignments/delete",
        "Microsoft.Compute/galleries/share/action",
        "Microsoft.Purview/consents/write",
        "Microsoft.Purview/consents/delete",
        "Microsoft.Resources/deploymentStacks/manageDenySetting/action",
        "Microsoft.Subscription/cancel/action",
        "Microsoft.Subscription/enable/action",
      ],
    },
  },
  "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9": {
    name: "User Access Administrator",
    privileged: true,
    permissions: { actions: ["*/read", "Microsoft.Authorization/*", "Microsoft.Support/*"] },
  },
  "f58310d9-a9f6-439a-9e8d-f62e7b41a168": {
    name: "Role Based Access Control Administrator",
    privileged: true,
    permissions: {
      actions: [
        "Microsoft.Authorization/roleAssignments/write",
        "Microsoft.Authorization/roleAssignments/delete",
        "*/read",
        "Microsoft.Support/*",
      ],
    },
  },
  "a8889054-8d42-49c9-bc1c-52486c10e7cd": {
    name: "Reservations Administrator",
    privileged: true,
    permissions: {
      actions: [
        "Microsoft.Capacity/*/read",
        "Microsoft.Capacity/*/action",
        "Microsoft.Capacity/*/write",
        "Microsoft.Authorization/roleAssignments/read",
        "Microsoft.Authorization/roleDefinitions/read",
        "Microsoft.Authorization/roleAssignments/write",
        "Microsoft.Authorization/roleAssignments/delete",
      ],
    },
  },
  "92b92042-07d9-4307-87f7-36a593fc5850": {
    name: "Azure File Sync Administrator",
    privileged: true,
    permissions: {
      actions: [
        "Microsoft.StorageSync/register/action",
        "Microsoft.StorageSync/unregister/action",
        "Microsoft.StorageSync/locations/*",
        "Microsoft.StorageSync/deployments/preflight/action",
        "Microsoft.StorageSync/storageSyncServices/*",
        "Microsoft.StorageSync/operations/read",
        "Microsoft.Insights/AlertRules/*",
        "Microsoft.Resources/deployments/*",
        "Microsoft.Resources/subscriptions/resourceGroups/read",
        "Microsoft.Support/*",
        "Microsoft.Authorization/roleAssignments/write",
        "Microsoft.Authorization/roleAssignments/read",
        "Microsoft.Storage/storageAccounts/read",
        "Microsoft.Storage/storageAccounts/fileServices/read",
        "Microsoft.Storage/storageAccounts/fileServices/shares/read",
      ],
    },
  },
  "acdd72a7-3385-48ef-bd42-f606fba81ae7": { name: "Reader", permissions: { actions: ["*/read"] } },
  "43d0d8ad-25c7-4714-9337-8ba259a9fe05": {
    name: "Monitoring Reader",
    permissions: {
      actions: ["*/read", "Microsoft.OperationalInsights/workspaces/search/action", "Microsoft.Support/*"],
    },
  },
  "73c42c96-874c-492b-b04d-ab87d138a893": {
    name: "Log Analytics Reader",
    permissions: {
      actions: [
        "*/read",
        "Microsoft.OperationalInsights/workspaces/analytics/query/action",
        "Microsoft.OperationalInsights/workspaces/search/action",
        "Microsoft.Support/*",
      ],
      notActions: ["Microsoft.OperationalInsights/workspaces/sharedKeys/read"],
    },
  },
  "7f951dda-4ed3-4680-a7ca-43fe172d538d": {
    name: "AcrPull",
    permissions: { actions: ["Microsoft.ContainerRegistry/registries/pull/read"] },
  },
  "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1": {
    name: "Storage Blob Data Reader",
    permissions: {
      actions: [
        "Microsoft.Storage/storageAccounts/blobServices/containers/read",
        "Microsoft.Storage/storageAccounts/blobServices/generateUserDelegationKey/action",
      ],
      dataActions: ["Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read"],
    },
  },
  "ba92f5b4-2d11-453d-a403-e96b0029c9fe": {
    name: "Storage Blob Data Contributor",
    permissions: {
      actions: [
        "Microsoft.Storage/storageAccounts/blobServices/containers/delete",
        "Microsoft.Storage/storageAccounts/blobServices/containers/read",
        "Microsoft.Storage/storageAccounts/blobServices/containers/write",
        "Microsoft.Storage/storageAccounts/blobServices/generateUserDelegationKey/action",
      ],
      dataActions: [
        "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete",
        "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read",
        "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write",
        "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/move/action",
        "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action",
      ],
    },
  },
  "4633458b-17de-408a-b874-0445c86b69e6": {
    name: "Key Vault Secrets User",
    permissions: {
      actions: [],
      dataActions: [
        "Microsoft.KeyVault/vaults/secrets/getSecret/action",
        "Microsoft.KeyVault/vaults/secrets/readMetadata/action",
      ],
    },
  },
  "12338af0-0e69-4776-bea7-57ae8d297424": {
    name: "Key Vault Crypto User",
    permissions: {
      actions: [],
      dataActions: [
        "Microsoft.KeyVault/vaults/keys/read",
        "Microsoft.KeyVault/vaults/keys/update/action",
        "Microsoft.KeyVault/vaults/keys/backup/action",
        "Microsoft.KeyVault/vaults/keys/encrypt/action",
        "Microsoft.KeyVault/vaults/keys/decrypt/action",
        "Microsoft.KeyVault/vaults/keys/wrap/action",
        "Microsoft.KeyVault/vaults/keys/unwrap/action",
        "Microsoft.KeyVault/vaults/keys/sign/action",
        "Microsoft.KeyVault/vaults/keys/verify/action",
      ],
    },
  },
};
