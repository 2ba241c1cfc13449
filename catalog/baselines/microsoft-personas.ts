import type { ControlId } from "../controls/ids";
import { WHY, type Baseline, type BaselinePolicy } from "./types";

const LEGACY: readonly ControlId[] = ["block-legacy-auth"];
const REGISTRATION: readonly ControlId[] = ["secure-security-info-registration"];
const UNKNOWN_PLATFORMS: readonly ControlId[] = ["block-unknown-platforms"];
const HIGH_USER_RISK = {
  controls: ["block-high-user-risk"],
  why: WHY.userRiskPasswordChange,
} as const satisfies Partial<BaselinePolicy>;
const SIGN_IN_RISK = {
  controls: ["mfa-medium-sign-in-risk", "block-high-sign-in-risk"],
  why: "high sign-in risk is blocked rather than challenged",
} as const satisfies Partial<BaselinePolicy>;
const ALL_USERS_COVER = "the all-users control covers this persona; the baseline has no persona groups";

/**
 * Microsoft's Conditional Access for Zero Trust persona framework, as its Microsoft365DSC sample
 * declares it (58 policies for Global, Admins, Internals, Externals (people with accounts in the
 * tenant), Guests, GuestAdmins, three kinds of service accounts, workload identities, Developers).
 */
export const MICROSOFT_PERSONAS: Baseline = {
  name: "Microsoft's persona framework (Microsoft365DSC sample)",
  source:
    "https://github.com/microsoft/ConditionalAccessforZeroTrustResources/tree/main/ConditionalAccessSamplePolicies/Microsoft365DSCCAPolicies",
  pinned: "commit 3427b42e (2024-02-06; the sample last changed 2024-01-10)",
  policies: [
    // Global
    { id: "CA001", title: "Block users in no persona group", why: WHY.persona },
    { id: "CA002", title: "Block selected apps for everyone", why: WHY.tenantApps },
    // Admins
    {
      id: "CA100",
      title: "Admins: MFA and a compliant device",
      controls: ["admins-phishing-resistant-mfa", "require-compliant-device", "admins-compliant-device-admin-portals"],
    },
    { id: "CA101", title: "Admins: protect security info registration", controls: REGISTRATION },
    {
      id: "CA102",
      title: "Admins: MFA and password change at medium or high user risk",
      ...HIGH_USER_RISK,
    },
    { id: "CA103", title: "Admins: MFA at medium or high sign-in risk", ...SIGN_IN_RISK },
    { id: "CA104", title: "Admins: block legacy authentication", controls: LEGACY },
    { id: "CA105", title: "Admins: MFA for Intune enrolment", why: WHY.intuneEnrolment },
    { id: "CA106", title: "Admins: approved apps and app protection on iOS and Android", why: WHY.appProtection },
    { id: "CA107", title: "Admins: session limits", controls: ["admins-session-limits"] },
    { id: "CA108", title: "Admins: block unknown device platforms", controls: UNKNOWN_PLATFORMS },
    // Internals
    {
      id: "CA200",
      title: "Internals: compliant or hybrid-joined device",
      controls: ["require-compliant-device"],
    },
    { id: "CA201", title: "Internals: protect security info registration", controls: REGISTRATION },
    { id: "CA202", title: "Internals: MFA and password change at high user risk", ...HIGH_USER_RISK },
    { id: "CA203", title: "Internals: MFA at high sign-in risk", ...SIGN_IN_RISK },
    { id: "CA204", title: "Internals: block legacy authentication", controls: LEGACY },
    { id: "CA205", title: "Internals: MFA for Intune enrolment", why: WHY.intuneEnrolment },
    { id: "CA206", title: "Internals: approved apps or app protection on iOS and Android", why: WHY.appProtection },
    { id: "CA207", title: "Internals: block unknown device platforms", controls: UNKNOWN_PLATFORMS },
    // Externals (people with accounts in the tenant)
    {
      id: "CA300",
      title: "Externals: compliant or hybrid-joined device",
      controls: ["require-compliant-device"],
      why: ALL_USERS_COVER,
    },
    { id: "CA301", title: "Externals: protect security info registration", controls: REGISTRATION },
    { id: "CA302", title: "Externals: MFA and password change at high user risk", ...HIGH_USER_RISK },
    { id: "CA303", title: "Externals: MFA at high sign-in risk", ...SIGN_IN_RISK },
    { id: "CA304", title: "Externals: block legacy authentication", controls: LEGACY },
    { id: "CA305", title: "Externals: MFA for Intune enrolment", why: WHY.intuneEnrolment },
    { id: "CA306", title: "Externals: approved apps or app protection on iOS and Android", why: WHY.appProtection },
    { id: "CA307", title: "Externals: block unknown device platforms", controls: UNKNOWN_PLATFORMS },
    // Guests
    { id: "CA400", title: "Guests: MFA", controls: ["mfa-guests"] },
    { id: "CA401", title: "Guests: terms of use when registering security info", why: WHY.termsOfUse },
    { id: "CA402", title: "Guests: MFA at medium or high user or sign-in risk", ...SIGN_IN_RISK },
    { id: "CA403", title: "Guests: block legacy authentication", controls: LEGACY },
    { id: "CA404", title: "Guests: only the apps guests are invited to", why: WHY.tenantApps },
    { id: "CA405", title: "Guests: terms of use", why: WHY.termsOfUse },
    // Guest admins
    { id: "CA500", title: "Guest admins: MFA", controls: ["mfa-guests"] },
    { id: "CA501", title: "Guest admins: protect security info registration", controls: REGISTRATION },
    { id: "CA502", title: "Guest admins: MFA at medium or high user or sign-in risk", ...SIGN_IN_RISK },
    { id: "CA503", title: "Guest admins: block legacy authentication", controls: LEGACY },
    { id: "CA504", title: "Guest admins: block everything but Office 365", why: WHY.persona },
    { id: "CA505", title: "Guest admins: terms of use", why: WHY.termsOfUse },
    // Microsoft 365 service accounts
    { id: "CA600", title: "Microsoft 365 service accounts: block outside trusted locations", why: WHY.serviceAccounts },
    { id: "CA601", title: "Microsoft 365 service accounts: block legacy authentication", controls: LEGACY },
    { id: "CA604", title: "Microsoft 365 service accounts: block everything but Office 365", why: WHY.serviceAccounts },
    // Azure service accounts
    { id: "CA700", title: "Azure service accounts: block outside trusted locations", why: WHY.serviceAccounts },
    { id: "CA701", title: "Azure service accounts: block legacy authentication", controls: LEGACY },
    { id: "CA704", title: "Azure service accounts: block everything but Azure", why: WHY.serviceAccounts },
    // On-premises (corp) service accounts
    { id: "CA800", title: "Corp service accounts: block outside trusted locations", why: WHY.serviceAccounts },
    { id: "CA801", title: "Corp service accounts: block legacy authentication", controls: LEGACY },
    {
      id: "CA802",
      title: "Corp service accounts: block everything but Office 365 and Azure",
      why: WHY.serviceAccounts,
    },
    // Workload identities
    { id: "CA900", title: "Workload identities: block outside trusted locations", why: WHY.workloadIdentities },
    // Developers
    { id: "CA1000", title: "Developers: route sessions through Defender for Cloud Apps", why: WHY.mdca },
    {
      id: "CA1001",
      title: "Developers: MFA from unmanaged devices",
      controls: ["mfa-all-users"],
      why: ALL_USERS_COVER,
    },
    { id: "CA1002", title: "Developers: protect security info registration", controls: REGISTRATION },
    { id: "CA1003", title: "Developers: MFA and password change at high user risk", ...HIGH_USER_RISK },
    { id: "CA1004", title: "Developers: MFA at high sign-in risk", ...SIGN_IN_RISK },
    { id: "CA1005", title: "Developers: block legacy authentication", controls: LEGACY },
    { id: "CA1006", title: "Developers: MFA for Intune enrolment", why: WHY.intuneEnrolment },
    {
      id: "CA1007",
      title: "Developers: approved apps or app protection on iOS and Android",
      why: WHY.appProtection,
    },
    { id: "CA1008", title: "Developers: block unknown device platforms", controls: UNKNOWN_PLATFORMS },
  ],
};
