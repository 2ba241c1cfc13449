/** An Entra or Azure object id: a GUID, in any case (Entra and Azure compare them case-insensitively). */
export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A client, tier or stack slug: lower-case kebab-case, 2-40 characters (it names resources and tags). */
export const SLUG_PATTERN = /^[a-z][a-z0-9-]{0,38}[a-z0-9]$/;

/** An AWS account id: twelve digits. */
export const AWS_ACCOUNT_ID_PATTERN = /^\d{12}$/;

/** Application id of "Windows Azure Service Management API" (portal, CLI, PowerShell, ARM). */
export const AZURE_MANAGEMENT_APP_ID = "797f4846-ba00-4fd7-ba43-dac1f8f63013";
/** Conditional Access keyword for the Microsoft admin portals. */
export const ADMIN_PORTALS_APP = "MicrosoftAdminPortals";

/** AWS's managed policy that allows every action on every resource. */
export const AWS_ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";

/**
 * AWS managed policies that amount to full admin, by name (any partition: aws, aws-us-gov,
 * aws-cn): AdministratorAccess itself; IAMFullAccess, with which a holder grants itself anything;
 * PowerUserAccess, every action but IAM and Organizations (a NotAction statement, read as admin).
 */
export const AWS_ADMIN_EQUIVALENT_POLICIES: readonly string[] = [
  "AdministratorAccess",
  "IAMFullAccess",
  "PowerUserAccess",
];

/** Azure built-in role definition ids (the same in every tenant) that grant control of a scope. */
export const AZURE_PRIVILEGED_ROLES: Readonly<Record<string, string>> = {
  "8e3af657-a8ff-443c-a75c-2fe8c4bcb635": "Owner",
  "b24988ac-6180-42a0-ab88-20f7382dd24c": "Contributor",
  "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9": "User Access Administrator",
  "f58310d9-a9f6-439a-9e8d-f62e7b41a168": "Role Based Access Control Administrator",
};

/**
 * Azure built-in roles (ids the same in every tenant) known to grant no control of access or of the
 * scope's resources: read, pull or use data. A role in neither list is judged by what the stack says
 * of it (a custom definition's actions), or named as one the pack does not know.
 */
export const AZURE_LIMITED_ROLES: Readonly<Record<string, string>> = {
  "acdd72a7-3385-48ef-bd42-f606fba81ae7": "Reader",
  "43d0d8ad-25c7-4714-9337-8ba259a9fe05": "Monitoring Reader",
  "73c42c96-874c-492b-b04d-ab87d138a893": "Log Analytics Reader",
  "7f951dda-4ed3-4680-a7ca-43fe172d538d": "AcrPull",
  "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1": "Storage Blob Data Reader",
  "ba92f5b4-2d11-453d-a403-e96b0029c9fe": "Storage Blob Data Contributor",
  "4633458b-17de-408a-b874-0445c86b69e6": "Key Vault Secrets User",
  "12338af0-0e69-4776-bea7-57ae8d297424": "Key Vault Crypto User",
};

/** Entra directory roles (template ids) that only read. */
export const ENTRA_LIMITED_ROLES: Readonly<Record<string, string>> = {
  "88d8e3e3-8f55-4a1e-953a-9b9898b8876b": "Directory Readers",
  "f2ef992c-3afb-46b9-b7cf-a126ee74c451": "Global Reader",
  "5d6b6bb7-de71-4623-b4af-96380a352509": "Security Reader",
  "4a5d8f65-41da-4de4-8968-e035b65339cf": "Reports Reader",
  "790c1fb9-7f7d-4f88-86a1-ef1f95c05c1b": "Message Center Reader",
};

/** Entra's guest and external user kinds, all of them (Conditional Access `guestOrExternalUserTypes`). */
export const GUEST_TYPES = [
  "internalGuest",
  "b2bCollaborationGuest",
  "b2bCollaborationMember",
  "b2bDirectConnectUser",
  "otherExternalUser",
  "serviceProvider",
] as const;
