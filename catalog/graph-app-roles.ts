/**
 * Microsoft Graph application permissions (app roles; ids the same in every tenant) that CISA
 * ScubaGear 1.8.0 rates Critical (schemas/RiskyAppPermissions.json). `directory`: the holder can make
 * itself or anyone an administrator, or change how people sign in (roles, app credentials, Conditional
 * Access, authentication methods, domains, federation); `data`: it reads or writes every mailbox,
 * file or site in the tenant.
 */
export const GRAPH_CRITICAL_APP_ROLES: Readonly<
  Record<string, { readonly name: string; readonly reach: "directory" | "data" }>
> = {
  "1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9": { name: "Application.ReadWrite.All", reach: "directory" },
  "06b708a9-e830-4db3-a914-8e69da51d44f": { name: "AppRoleAssignment.ReadWrite.All", reach: "directory" },
  "19dbc75e-c2e2-444c-a770-ec69d8559fc7": { name: "Directory.ReadWrite.All", reach: "directory" },
  "9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8": { name: "RoleManagement.ReadWrite.Directory", reach: "directory" },
  "025d3225-3f02-4882-b4c0-cd5b541a4e80": { name: "RoleManagement.ReadWrite.Exchange", reach: "directory" },
  "8b7e8c0a-7e9d-4049-97ec-04b5e1bcaf05": { name: "RoleManagement.ReadWrite.Defender", reach: "directory" },
  "741f803b-c850-494e-b5df-cde7c675a1ca": { name: "User.ReadWrite.All", reach: "directory" },
  "e2a3a72e-5f79-4c64-b1b1-878b674786c9": { name: "Mail.ReadWrite", reach: "data" },
  "75359482-378d-4052-8f01-80520e7db3cd": { name: "Files.ReadWrite.All", reach: "data" },
  "9492366f-7969-46a4-8d15-ed1a20078fff": { name: "Sites.ReadWrite.All", reach: "data" },
  "a82116e5-55eb-4c41-a434-62fe8a61c773": { name: "Sites.FullControl.All", reach: "data" },
  "01c0a623-fc9b-48e9-b794-0756f8e8f067": { name: "Policy.ReadWrite.ConditionalAccess", reach: "directory" },
  "50483e42-d915-4231-9639-7fdb7fd190e5": { name: "UserAuthenticationMethod.ReadWrite.All", reach: "directory" },
  "29c18626-4985-4dcd-85c0-193eef327366": { name: "Policy.ReadWrite.AuthenticationMethod", reach: "directory" },
  "8e8e4742-1d95-4f68-9d56-6ee75648c72a": { name: "DelegatedPermissionGrant.ReadWrite.All", reach: "directory" },
  "a402ca1c-2696-4531-972d-6e5ee4aa11ea": { name: "Policy.ReadWrite.PermissionGrant", reach: "directory" },
  "7e05723c-0bb0-42da-be95-ae9f08a6e53c": { name: "Domain.ReadWrite.All", reach: "directory" },
  "90db2b9a-d928-4d33-a4dd-8442ae3d41e4": { name: "IdentityProvider.ReadWrite.All", reach: "directory" },
  "292d869f-3427-49a8-9dab-8c70152b74e9": { name: "Organization.ReadWrite.All", reach: "directory" },
  "fb221be6-99f2-473f-bd32-01c6a0e9ca3b": { name: "Policy.ReadWrite.Authorization", reach: "directory" },
  "79a677f7-b79d-40d0-a36a-3e6f8688dd7a": { name: "Policy.ReadWrite.TrustFramework", reach: "directory" },
  "4a771c9a-1cf2-4609-b88e-3d3e02d539cd": { name: "TrustFrameworkKeySet.ReadWrite.All", reach: "directory" },
  "1c6e93a6-28e2-4cbb-9f64-1a46a821124d": { name: "Policy.ReadWrite.SecurityDefaults", reach: "directory" },
  "dd199f4a-f148-40a4-a2ec-f0069cc799ec": { name: "RoleAssignmentSchedule.ReadWrite.Directory", reach: "directory" },
  "fee28b28-e1f3-4841-818e-2704dc62245f": { name: "RoleEligibilitySchedule.ReadWrite.Directory", reach: "directory" },
  "31e08e0a-d3f7-4ca2-ac39-7343fb83e8ad": { name: "RoleManagementPolicy.ReadWrite.Directory", reach: "directory" },
  "c2667967-7050-4e7e-b059-4cbbb3811d03": { name: "CustomAuthenticationExtension.ReadWrite.All", reach: "directory" },
  "65319a09-a2be-469d-8782-f6b07debf789": { name: "IdentityUserFlow.ReadWrite.All", reach: "data" },
  "c22a92cc-79bf-4bb1-8b6c-e0a05d3d80ce": { name: "OnPremDirectorySynchronization.ReadWrite.All", reach: "directory" },
  "cc117bb9-00cf-4eb8-b580-ea2a878fe8f7": { name: "User-PasswordProfile.ReadWrite.All", reach: "directory" },
  "e118f1da-5c1c-46cf-bff6-8858d786f46f": { name: "Mail-Advanced.ReadWrite.All", reach: "data" },
  "dfb0dd15-61de-45b2-be36-d6a69fba3c79": { name: "Teamwork.Migrate.All", reach: "data" },
  "f0060247-9e6b-4299-9094-858a175d488b": { name: "RoleAssignmentSchedule.ReadWrite.Directory", reach: "directory" },
  "aaddf15b-d1a9-4fd7-bd46-cbb2ae85162e": { name: "RoleEligibilitySchedule.ReadWrite.Directory", reach: "directory" },
  "6e7a5640-116b-45cb-a24a-1b9e9921fbbd": { name: "RoleManagementPolicy.ReadWrite.Directory", reach: "directory" },
  "b2b5a384-949a-4ef5-b775-19f15cf00f4f": { name: "CustomAuthenticationExtension.ReadWrite.All", reach: "directory" },
  "b615aeec-938d-425a-95ed-ce1044f25e6f": { name: "OnPremDirectorySynchronization.ReadWrite.All", reach: "directory" },
  "3011c876-62b7-4ada-afa2-506cbbecc68c": { name: "User.EnableDisableAccount.All", reach: "data" },
  "c529cfca-c91b-489c-af2b-d92990b66ce6": { name: "User.ManageIdentities.All", reach: "directory" },
  "f6d38dfd-ec08-4995-8f07-23e929df0936": { name: "UserAuthMethod-Password.ReadWrite.All", reach: "directory" },
  "6e85d483-7092-4375-babe-0a94a8213a58": { name: "UserAuthMethod-Phone.ReadWrite.All", reach: "directory" },
  "e8ecb853-1435-4a49-95ba-ec5b31b11672": { name: "UserAuthMethod-Email.ReadWrite.All", reach: "directory" },
  "627169a8-8c15-451c-861a-5b80e383de5c": { name: "UserAuthMethod-TAP.ReadWrite.All", reach: "directory" },
  "0400e371-7db1-4338-a269-96069eb65227": { name: "UserAuthMethod-Passkey.ReadWrite.All", reach: "directory" },
  "c833c349-a1ab-4b6d-94a2-fa9a8674420c": { name: "UserAuthMethod-MicrosoftAuthApp.ReadWrite.All", reach: "directory" },
  "c7a22c2e-5b01-4129-8159-6c8be2c78f16": { name: "UserAuthMethod-External.ReadWrite.All", reach: "directory" },
  "7e9ebcc1-90aa-4471-8051-e68d6b4e9c89": { name: "UserAuthMethod-HardwareOATH.ReadWrite.All", reach: "directory" },
  "787442d4-3c6e-4e99-aa95-8ccca20a48ff": { name: "UserAuthMethod-SoftwareOATH.ReadWrite.All", reach: "directory" },
  "1a87acf4-a9ca-4576-a974-452ea265d5f6": { name: "UserAuthMethod-PlatformCred.ReadWrite.All", reach: "directory" },
  "4869299f-18c3-40c8-98f2-222657e67db1": { name: "UserAuthMethod-QR.ReadWrite.All", reach: "directory" },
  "f14eee8a-713e-45aa-8223-2ab74632db1a": { name: "UserAuthMethod-WindowsHello.ReadWrite.All", reach: "directory" },
  "7fc588a2-ea2d-4d1f-bcf7-33c324b149b8": { name: "SignInIdentifier.ReadWrite.All", reach: "data" },
  "9d952b72-f741-4b40-9185-8c53076c2339": { name: "User-ConvertToInternal.ReadWrite.All", reach: "data" },
  "cc13eba4-8cd8-44c6-b4d4-f93237adce58": { name: "DelegatedAdminRelationship.ReadWrite.All", reach: "directory" },
  "5facf0c1-8979-4e95-abcf-ff3d079771c0": { name: "LicenseAssignment.ReadWrite.All", reach: "data" },
  // Beyond ScubaGear's Critical set: whoever adds members to any group takes what a group holds
  // (its Azure roles, its exclusions from Conditional Access), so these control the directory too.
  "62a82d76-70ea-41e2-9197-370581804d09": { name: "Group.ReadWrite.All", reach: "directory" },
  "dbaae8cf-10b5-4b86-a4a1-f871c94c6695": { name: "GroupMember.ReadWrite.All", reach: "directory" },
};

/**
 * Delegated permissions (scopes) that only exist as such, classified as above: with
 * Directory.AccessAsUser.All an app does in the directory whatever the signed-in user may.
 */
const GRAPH_DELEGATED_ONLY: Readonly<Record<string, "directory" | "data">> = {
  "Directory.AccessAsUser.All": "directory",
};

/**
 * Graph permissions by name, as a delegated grant's scopes and an app role's `value` name them:
 * Microsoft Graph names an application permission and its delegated twin alike, and compares the
 * names case-insensitively. Keys in lower case.
 */
export const GRAPH_PERMISSION_REACH: ReadonlyMap<string, "directory" | "data"> = new Map([
  ...Object.values(GRAPH_CRITICAL_APP_ROLES).map((r) => [r.name.toLowerCase(), r.reach] as const),
  ...Object.entries(GRAPH_DELEGATED_ONLY).map(([name, reach]) => [name.toLowerCase(), reach] as const),
]);

/**
 * Families of Graph permissions every member of which controls the directory or how people sign
 * in, for the names the catalog has no id for (new permissions of a family, delegated twins): any
 * policy written (Conditional Access, authentication methods and flows, cross-tenant access,
 * authorization, consent), an authentication method of any kind written for any user, directory
 * role assignments, eligibilities and their rules.
 */
const GRAPH_DIRECTORY_FAMILIES: readonly RegExp[] = [
  /^policy\.readwrite\./i,
  /^userauthmethod-[^.]+\.readwrite\.all$/i,
  /^roleassignmentschedule\.readwrite\.directory$/i,
  /^roleeligibilityschedule\.readwrite\.directory$/i,
  /^rolemanagementpolicy\.readwrite\.directory$/i,
];

/** What a Graph permission reaches, by its name in any case: the catalog's, else its family's; undefined when neither. */
export function graphPermissionReach(name: string): "directory" | "data" | undefined {
  return (
    GRAPH_PERMISSION_REACH.get(name.toLowerCase()) ??
    (GRAPH_DIRECTORY_FAMILIES.some((f) => f.test(name)) ? "directory" : undefined)
  );
}

/** The display name of a Graph permission the catalog knows, by its name in any case. */
export const GRAPH_PERMISSION_NAMES: ReadonlyMap<string, string> = new Map(
  [...Object.values(GRAPH_CRITICAL_APP_ROLES).map((r) => r.name), ...Object.keys(GRAPH_DELEGATED_ONLY)].map(
    (n) => [n.toLowerCase(), n] as const,
  ),
);

/** The Microsoft Graph application (its service principal is the resource of every Graph app role assignment). */
export const MICROSOFT_GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
/** The retired Azure AD Graph, whose permission names Microsoft Graph took over. */
export const AZURE_AD_GRAPH_APP_ID = "00000002-0000-0000-c000-000000000000";
