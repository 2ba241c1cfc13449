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

/* Azure and Entra roles: catalog/azure-roles.ts, catalog/entra-roles.ts and catalog/privileged-roles.ts. */

/** Entra's guest and external user kinds, all of them (Conditional Access `guestOrExternalUserTypes`). */
export const GUEST_TYPES = [
  "internalGuest",
  "b2bCollaborationGuest",
  "b2bCollaborationMember",
  "b2bDirectConnectUser",
  "otherExternalUser",
  "serviceProvider",
] as const;
