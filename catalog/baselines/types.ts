import type { ControlId } from "../controls/ids";

/** One policy of a public Conditional Access baseline, and how this catalog answers it. */
export interface BaselinePolicy {
  /** The baseline's own id (its number or name prefix), so a reader finds it there. */
  readonly id: string;
  /** What the policy does, in our words. */
  readonly title: string;
  /** The controls that implement it (all of it, or the part `why` does not set aside). */
  readonly controls?: readonly ControlId[];
  /** Why it is not in the baseline, or how the controls differ from it. */
  readonly why?: string;
}

/** A public baseline, pinned to what was read. */
export interface Baseline {
  readonly name: string;
  /** Where it is published. */
  readonly source: string;
  /** The commit or document date read. */
  readonly pinned: string;
  readonly policies: readonly BaselinePolicy[];
}

// Reasons shared by several baselines: one wording each.
export const WHY = {
  appProtection:
    "needs Intune app protection (MAM) policies deployed to the apps; this baseline declares Entra only, and Intune app policies are not declarable with @pulumi/azuread",
  appEnforced:
    "app-enforced restrictions only act once SharePoint and Exchange are configured for them, which is outside Entra and this baseline",
  intuneEnrolment:
    "targets the Microsoft Intune Enrollment app, whose service principal exists only in tenants that enrolled devices; a control would fail to apply elsewhere",
  cae: "continuous access evaluation (strict location) is a session control @pulumi/azuread 6.9 cannot declare",
  tokenProtection: "token protection (secure sign-in session) is a session control @pulumi/azuread 6.9 cannot declare",
  agents:
    "agent identities (their risk, agent users and agent resources) are conditions @pulumi/azuread 6.9 cannot declare; the agent risk condition needs Entra ID P2 as well",
  workloadIdentities:
    "Conditional Access for workload identities needs a Workload Identities Premium licence per identity, beyond Entra ID P1/P2",
  mdca: "session routing through Defender for Cloud Apps needs its licence (E5 or the add-on) and app onboarding outside Entra",
  insiderRisk:
    "the insider risk condition needs Microsoft Purview Insider Risk Management (E5 compliance) and its policies configured",
  termsOfUse:
    "terms of use are a document the client writes and uploads; @pulumi/azuread has no terms-of-use resource to reference",
  tenantApps:
    "the apps to allow or block are tenant-specific (line-of-business and partner apps); a catalog cannot name them",
  serviceAccounts:
    "service accounts are a persona: the profile has no service-account group or service-account locations to pin them to",
  persona:
    "persona-specific: needs persona groups (developers, service accounts, externals with internal accounts) the profile does not define; the all-users controls cover these users meanwhile",
  userRiskPasswordChange:
    "the baseline blocks high user risk instead of asking a password change: a secure password change needs self-service password reset (and writeback for synced users), which an SMB tenant often lacks",
} as const;
