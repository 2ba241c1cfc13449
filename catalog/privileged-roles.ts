/**
 * The directory roles the baseline's admin Conditional Access policies target by default, and the
 * pack's `privilegedRoles` setting starts from: the roles CISA SCuBA MS.AAD.7 calls highly
 * privileged, plus those that can change Conditional Access or authentication methods. Template
 * ids, the same in every tenant.
 *
 * Which roles are privileged is wider: every role Microsoft marks PRIVILEGED (catalog/entra-roles.ts)
 * is judged so by the pack whatever this list or the setting holds; a client's setting only adds
 * roles. Exchange and SharePoint Administrator are here from SCuBA's list, though Microsoft does not
 * label them.
 */
export const PRIVILEGED_ROLES: Readonly<Record<string, string>> = {
  "62e90394-69f5-4237-9190-012177145e10": "Global Administrator",
  "e8611ab8-c189-46e8-94e1-60213ab1f814": "Privileged Role Administrator",
  "fe930be7-5e62-47db-91af-98c3a49a38b1": "User Administrator",
  "f28a1f50-f6e7-4571-818b-6a12f2af6b6c": "SharePoint Administrator",
  "29232cdf-9323-42fd-ade2-1d097af3e4de": "Exchange Administrator",
  "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2": "Hybrid Identity Administrator",
  "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3": "Application Administrator",
  "158c047a-c907-4556-b7ef-446551a6b5f7": "Cloud Application Administrator",
  "7be44c8a-adaf-4e2a-84d6-ab2649e08a13": "Privileged Authentication Administrator",
  "194ae4cb-b126-40b2-bd5b-6091b380977d": "Security Administrator",
  "b1be1c3e-b65d-4f19-8427-f6fa0d97feb9": "Conditional Access Administrator",
};

export const PRIVILEGED_ROLE_IDS = Object.keys(PRIVILEGED_ROLES);
