import type { FrameworkItemId } from "./frameworks";
import { PRIVILEGED_ROLES } from "./privileged-roles";

/**
 * The ScubaGear release whose matching `compliance/scuba` follows (cisagov/ScubaGear
 * `PowerShell/ScubaGear/Rego/AADConfig.rego` and `Rego/Utils/AAD.rego`, baseline `baselines/aad.md`).
 * A new release is read again before this changes: its items and matching are kept below.
 */
export const SCUBAGEAR_VERSION = "1.8.0";

/** What ScubaGear checks for one Conditional Access item, beyond the checks every such item shares. */
export interface ScubaItem {
  /** ScubaGear's policy id, as its report and its config file name it. */
  readonly policyId: string;
  readonly criticality: "Shall" | "Should";
  /** Whether ScubaGear requires `All` users (3.6 targets roles instead) and `All` applications (3.8 a user action). */
  readonly allUsers: boolean;
  readonly allApps: boolean;
  /** Whether ScubaGear reads application exclusions for it (3.8 does not: a user action has no apps). */
  readonly readsAppExclusions: boolean;
  /** Needs Entra ID P2: ScubaGear fails it without the licence whatever the policies say. */
  readonly needsP2: boolean;
  /** What a policy must grant for it, in words (docs and near-miss reasons). */
  readonly requires: string;
}

/** ScubaGear's Conditional Access items (MS.AAD.1-3) and the PIM item this stack can decide (7.4). */
export const SCUBA_ITEMS = {
  "scuba-aad-1.1": {
    policyId: "MS.AAD.1.1v1",
    criticality: "Shall",
    allUsers: true,
    allApps: true,
    readsAppExclusions: true,
    needsP2: false,
    requires: "client app types include `other` and `exchangeActiveSync`; grant `block`",
  },
  "scuba-aad-2.1": {
    policyId: "MS.AAD.2.1v1",
    criticality: "Shall",
    allUsers: true,
    allApps: true,
    readsAppExclusions: true,
    needsP2: true,
    requires: "user risk levels include `high`; grant `block`",
  },
  "scuba-aad-2.3": {
    policyId: "MS.AAD.2.3v1",
    criticality: "Shall",
    allUsers: true,
    allApps: true,
    readsAppExclusions: true,
    needsP2: true,
    requires: "sign-in risk levels include `high`; grant `block`",
  },
  "scuba-aad-3.1": {
    policyId: "MS.AAD.3.1v1",
    criticality: "Shall",
    allUsers: true,
    allApps: true,
    readsAppExclusions: true,
    needsP2: false,
    requires: "an authentication strength that allows only phishing-resistant methods",
  },
  "scuba-aad-3.2": {
    policyId: "MS.AAD.3.2v2",
    criticality: "Shall",
    allUsers: true,
    allApps: true,
    readsAppExclusions: true,
    needsP2: false,
    requires:
      "grant `mfa`, or a strength of MFA combinations only that allows at least one not phishing-resistant (a phishing-resistant-only strength counts for 3.1, not here)",
  },
  "scuba-aad-3.6": {
    policyId: "MS.AAD.3.6v1",
    criticality: "Shall",
    allUsers: false,
    allApps: true,
    readsAppExclusions: true,
    needsP2: false,
    requires: "included roles cover every highly privileged role; a phishing-resistant-only strength",
  },
  "scuba-aad-3.7": {
    policyId: "MS.AAD.3.7v1",
    criticality: "Should",
    allUsers: true,
    allApps: true,
    readsAppExclusions: true,
    needsP2: false,
    requires: "grant exactly `compliantDevice` OR `domainJoinedDevice`",
  },
  "scuba-aad-3.8": {
    policyId: "MS.AAD.3.8v1",
    criticality: "Should",
    allUsers: true,
    allApps: false,
    readsAppExclusions: false,
    needsP2: false,
    requires: "user action `urn:user:registersecurityinfo`; grant `compliantDevice` or `domainJoinedDevice`",
  },
  "scuba-aad-3.9": {
    policyId: "MS.AAD.3.9v1",
    criticality: "Should",
    allUsers: true,
    allApps: true,
    readsAppExclusions: true,
    needsP2: false,
    requires: "authentication flow transfer methods exactly `deviceCodeFlow`; grant `block`",
  },
} as const satisfies Partial<Record<FrameworkItemId, ScubaItem>>;

export type ScubaCaItemId = keyof typeof SCUBA_ITEMS;

/** MS.AAD.7.4v1: permanent active assignments of highly privileged roles, only to principals its config exempts. */
export const SCUBA_PERMANENT_ASSIGNMENT_ITEM = {
  id: "scuba-aad-7.4",
  policyId: "MS.AAD.7.4v1",
  requires:
    "permanent active assignments of its eight highly privileged roles only to principals in the config's RoleExclusions (the break-glass accounts); the stack must declare its role assignments, eligible through PIM",
} as const;

/**
 * MS.AAD.7.5v1: no highly privileged role assigned outside PIM. ScubaGear reads PIM's assignment
 * schedules, where a direct role assignment (DirectoryRoleAssignment) has no start: it fails the
 * item, and its config has no exemption for it.
 */
export const SCUBA_OUTSIDE_PIM_ITEM = {
  id: "scuba-aad-7.5",
  policyId: "MS.AAD.7.5v1",
  requires:
    "no highly privileged role assigned outside PIM, no exemption possible; a direct assignment (the break-glass accounts' DirectoryRoleAssignment) fails it, and @pulumi/azuread has no PIM active assignment to declare instead",
} as const;

/** ScubaGear's default highly privileged roles (`ScubaConfigDefaults.json` privilegedRoles), by template id. */
export const SCUBA_PRIVILEGED_ROLE_IDS: readonly string[] = [
  "Global Administrator",
  "Privileged Role Administrator",
  "User Administrator",
  "SharePoint Administrator",
  "Exchange Administrator",
  "Hybrid Identity Administrator",
  "Application Administrator",
  "Cloud Application Administrator",
].map((name) => Object.entries(PRIVILEGED_ROLES).find(([, n]) => n === name)![0]);

/** Methods ScubaGear counts as phishing-resistant (`IsPhishingResistantMFA`). */
export const SCUBA_PHISHING_RESISTANT: ReadonlySet<string> = new Set([
  "windowsHelloForBusiness",
  "fido2",
  "x509CertificateMultiFactor",
]);

/**
 * Combinations ScubaGear counts as MFA (`IsGeneralMFA`): a strength with any other is not MFA to it.
 * ScubaGear's own list: it equals Microsoft's built-in MFA strength today, but the two change apart.
 */
export const SCUBA_MFA_COMBINATIONS: ReadonlySet<string> = new Set([
  "windowsHelloForBusiness",
  "fido2",
  "x509CertificateMultiFactor",
  "deviceBasedPush",
  "temporaryAccessPassOneTime",
  "temporaryAccessPassMultiUse",
  "password,microsoftAuthenticatorPush",
  "password,softwareOath",
  "password,hardwareOath",
  "password,sms",
  "password,voice",
  "federatedMultiFactor",
  "microsoftAuthenticatorPush,federatedSingleFactor",
  "softwareOath,federatedSingleFactor",
  "hardwareOath,federatedSingleFactor",
  "sms,federatedSingleFactor",
  "voice,federatedSingleFactor",
]);
