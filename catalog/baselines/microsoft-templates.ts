import { WHY, type Baseline } from "./types";

/**
 * Microsoft's Conditional Access templates as the Entra docs list them (19 in six categories, a
 * template listed in several categories counted once), and the three "other common policies" the
 * same page adds. Ids are the docs' page names; the app-protection template shares its page with
 * the compliant-device one and is told apart by a suffix.
 */
export const MICROSOFT_TEMPLATES: Baseline = {
  name: "Microsoft's Conditional Access templates",
  source: "https://learn.microsoft.com/entra/identity/conditional-access/concept-conditional-access-policy-common",
  pinned: "docs dated 2026-03-24 (MicrosoftDocs/entra-docs commit 0593e51a)",
  policies: [
    { id: "old-require-mfa-admin", title: "MFA for admins", controls: ["admins-phishing-resistant-mfa"] },
    {
      id: "all-users-security-info-registration",
      title: "Protect security info registration",
      controls: ["secure-security-info-registration"],
    },
    { id: "block-legacy-authentication", title: "Block legacy authentication", controls: ["block-legacy-auth"] },
    {
      id: "old-require-mfa-admin-portals",
      title: "MFA for admins on the Microsoft admin portals",
      controls: ["admins-compliant-device-admin-portals"],
    },
    {
      id: "all-users-mfa-strength",
      title: "MFA (authentication strength) for every user",
      controls: ["mfa-all-users"],
    },
    { id: "old-require-mfa-azure-mgmt", title: "MFA for Azure management", controls: ["mfa-azure-management"] },
    {
      id: "alt-all-users-compliant-hybrid-or-mfa",
      title: "Compliant or hybrid-joined device, or MFA, for every user",
      controls: ["mfa-all-users", "require-compliant-device"],
      why: "the baseline asks both, MFA and a managed device, where the template accepts either",
    },
    {
      id: "all-users-device-compliance",
      title: "Compliant device for every user",
      controls: ["require-compliant-device"],
    },
    { id: "old-require-mfa-guest", title: "MFA for guests", controls: ["mfa-guests"] },
    {
      id: "risk-based-sign-in",
      title: "MFA for risky sign-ins",
      controls: ["mfa-medium-sign-in-risk", "block-high-sign-in-risk"],
      why: "high sign-in risk is blocked rather than challenged",
    },
    {
      id: "risk-based-user",
      title: "Password change for high-risk users",
      controls: ["block-high-user-risk"],
      why: WHY.userRiskPasswordChange,
    },
    {
      id: "all-users-device-unknown-unsupported",
      title: "Block unknown or unsupported device platforms",
      controls: ["block-unknown-platforms"],
    },
    {
      id: "all-users-persistent-browser",
      title: "No persistent browser session on unmanaged devices",
      controls: ["unmanaged-device-session-limits"],
    },
    {
      id: "all-users-device-compliance#app-protection",
      title: "Approved client apps or app protection",
      why: WHY.appProtection,
    },
    { id: "risk-based-insider-block", title: "Block users with elevated insider risk", why: WHY.insiderRisk },
    {
      id: "alt-admin-device-compliand-hybrid",
      title: "Compliant or hybrid-joined device for admins",
      controls: ["require-compliant-device", "admins-compliant-device-admin-portals"],
    },
    {
      id: "all-users-app-enforced-restrictions",
      title: "App-enforced restrictions on unmanaged devices",
      why: WHY.appEnforced,
    },
    {
      id: "admin-phish-resistant-mfa",
      title: "Phishing-resistant MFA for admins",
      controls: ["admins-phishing-resistant-mfa"],
    },
    { id: "agent-block-high-risk", title: "Block high-risk agent identities", why: WHY.agents },
    // Other common policies (same page, not templates)
    {
      id: "all-users-device-registration",
      title: "MFA to register or join a device (other common policy)",
      controls: ["mfa-device-registration"],
    },
    {
      id: "block-by-location",
      title: "Block by location (other common policy)",
      controls: ["block-non-allowed-countries"],
    },
    { id: "block-example", title: "Block every app but named ones (other common policy)", why: WHY.tenantApps },
  ],
};
