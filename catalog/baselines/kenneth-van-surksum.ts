import { WHY, type Baseline } from "./types";

const SESSION_APPS =
  "the baseline limits browser sessions on unmanaged devices; app (desktop and mobile) sessions keep their refresh tokens";

/** Kenneth van Surksum's Conditional Access baseline, the 2025-10 release (48 policies). */
export const KENNETH_VAN_SURKSUM: Baseline = {
  name: "Kenneth van Surksum's baseline",
  source: "https://github.com/kennethvs/cabaseline202510",
  pinned: "commit 284ca1ae (2025-10-19)",
  policies: [
    // Devices (CAD)
    {
      id: "CAD001",
      title: "Office 365 from macOS apps only on a compliant Mac",
      controls: ["require-compliant-device"],
    },
    {
      id: "CAD002",
      title: "Office 365 from Windows apps only on a compliant PC",
      controls: ["require-compliant-device"],
    },
    {
      id: "CAD003",
      title: "Office 365 from iOS and Android apps only with app protection or a compliant device",
      controls: ["require-compliant-device"],
      why: `the baseline asks a compliant device; the app-protection alternative ${WHY.appProtection}`,
    },
    {
      id: "CAD004",
      title: "Office 365 in a browser on a non-compliant device requires MFA",
      controls: ["mfa-all-users"],
    },
    {
      id: "CAD005",
      title: "Office 365 from apps blocked on unsupported device platforms",
      controls: ["block-unknown-platforms"],
    },
    {
      id: "CAD006",
      title: "No downloads in a browser on an unmanaged device (app-enforced restrictions)",
      why: WHY.appEnforced,
    },
    {
      id: "CAD007",
      title: "Sign-in frequency for Office 365 apps on non-compliant devices",
      controls: ["unmanaged-device-session-limits"],
      why: SESSION_APPS,
    },
    {
      id: "CAD008",
      title: "Sign-in frequency in a browser on non-compliant devices",
      controls: ["unmanaged-device-session-limits"],
    },
    {
      id: "CAD009",
      title: "No persistent browser session on non-compliant devices",
      controls: ["unmanaged-device-session-limits"],
    },
    {
      id: "CAD010",
      title: "MFA to register or join a device",
      controls: ["mfa-device-registration"],
    },
    {
      id: "CAD011",
      title: "Office 365 from Linux apps only on a compliant device",
      controls: ["require-compliant-device"],
    },
    {
      id: "CAD012",
      title: "Admins only from a compliant device",
      controls: ["require-compliant-device", "admins-compliant-device-admin-portals"],
    },
    { id: "CAD013", title: "Selected apps only from a compliant device", controls: ["require-compliant-device"] },
    {
      id: "CAD014",
      title: "Office 365 in Edge on an unmanaged Windows PC requires app protection",
      why: WHY.appProtection,
    },
    {
      id: "CAD015",
      title: "Every app on Windows and macOS only from a compliant device",
      controls: ["require-compliant-device"],
    },
    {
      id: "CAD016",
      title: "Token protection for Exchange, SharePoint and Cloud PC on Windows",
      why: WHY.tokenProtection,
    },
    {
      id: "CAD017",
      title: "Selected apps from iOS and Android only with app protection or a compliant device",
      controls: ["require-compliant-device"],
      why: `the baseline asks a compliant device; the app-protection alternative ${WHY.appProtection}`,
    },
    {
      id: "CAD018",
      title: "Cloud PC from iOS and Android only with app protection or a compliant device",
      why: `Windows 365 specific; ${WHY.appProtection}`,
    },
    {
      id: "CAD019",
      title: "Intune enrolment requires MFA every time",
      why: WHY.intuneEnrolment,
    },
    // Locations (CAL)
    {
      id: "CAL001",
      title: "Block listed countries",
      controls: ["block-non-allowed-countries"],
      why: "the baseline allows listed countries (identity.allowedCountries) instead of blocking listed ones: a new country is blocked until allowed",
    },
    {
      id: "CAL002",
      title: "Register security info only from trusted locations",
      controls: ["secure-security-info-registration"],
    },
    {
      id: "CAL003",
      title: "Named service accounts only from trusted locations",
      why: WHY.serviceAccounts,
    },
    {
      id: "CAL004",
      title: "Block admins outside trusted locations",
      why: "harmful for SMBs and MSPs: their admins work from anywhere; admins need phishing-resistant MFA and a compliant device for the portals instead",
    },
    {
      id: "CAL005",
      title: "Less-trusted locations only from a compliant device",
      controls: ["require-compliant-device"],
    },
    {
      id: "CAL006",
      title: "Named accounts only from named locations",
      why: "names individual accounts and locations: a client-specific exception, declared as its own policy",
    },
    // Protocols (CAP)
    { id: "CAP001", title: "Block legacy authentication", controls: ["block-legacy-auth"] },
    { id: "CAP002", title: "Block Exchange ActiveSync clients", controls: ["block-legacy-auth"] },
    { id: "CAP003", title: "Block the device code flow", controls: ["block-device-code-flow"] },
    { id: "CAP004", title: "Block authentication transfer", controls: ["block-authentication-transfer"] },
    // Users (CAU)
    { id: "CAU001", title: "MFA for guests", controls: ["mfa-guests"] },
    { id: "CAU001A", title: "MFA for guests on the Entra ID app", controls: ["mfa-guests"] },
    { id: "CAU002", title: "MFA for every user", controls: ["mfa-all-users"] },
    { id: "CAU003", title: "Block guests from unapproved apps", why: WHY.tenantApps },
    {
      id: "CAU004",
      title: "Route browser sessions on non-compliant devices through Defender for Cloud Apps",
      why: WHY.mdca,
    },
    {
      id: "CAU006",
      title: "MFA for medium and high sign-in risk",
      controls: ["mfa-medium-sign-in-risk", "block-high-sign-in-risk"],
      why: "high sign-in risk is blocked rather than challenged",
    },
    {
      id: "CAU007",
      title: "Password change for medium and high user risk",
      controls: ["block-high-user-risk"],
      why: WHY.userRiskPasswordChange,
    },
    { id: "CAU008", title: "Phishing-resistant MFA for admins", controls: ["admins-phishing-resistant-mfa"] },
    {
      id: "CAU009",
      title: "MFA on the Microsoft admin portals for every user",
      controls: ["mfa-all-users", "admins-compliant-device-admin-portals"],
    },
    { id: "CAU010", title: "Terms of use for every user", why: WHY.termsOfUse },
    {
      id: "CAU011",
      title: "Block every user who has no licence",
      why: "needs the client's licence groups: tenant-specific",
    },
    {
      id: "CAU012",
      title: "Register security info with a temporary access pass",
      controls: ["secure-security-info-registration"],
      why: "the baseline asks a compliant device (or, smb, a trusted location) to register; a temporary access pass is an authentication method setting, not Conditional Access",
    },
    {
      id: "CAU013",
      title: "Phishing-resistant MFA for every user",
      controls: ["phishing-resistant-mfa-all-users"],
    },
    {
      id: "CAU014",
      title: "Block managed identities at medium or high risk",
      why: WHY.workloadIdentities,
    },
    { id: "CAU015", title: "Block high sign-in risk", controls: ["block-high-sign-in-risk"] },
    { id: "CAU016", title: "Block high user risk", controls: ["block-high-user-risk"] },
    { id: "CAU017", title: "Sign-in frequency for admins in a browser", controls: ["admins-session-limits"] },
    { id: "CAU018", title: "No persistent browser session for admins", controls: ["admins-session-limits"] },
    { id: "CAU019", title: "Guests only in approved apps", why: WHY.tenantApps },
  ],
};
