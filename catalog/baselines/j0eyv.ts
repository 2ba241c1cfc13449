import { WHY, type Baseline } from "./types";

/** j0eyv's ConditionalAccessBaseline, its main branch after release 2026.6.1 (36 policies). */
export const J0EYV: Baseline = {
  name: "j0eyv's ConditionalAccessBaseline",
  source: "https://github.com/j0eyv/ConditionalAccessBaseline",
  pinned: "commit 67c82f5d (2026-07-22, 10 commits after release 2026.6.1)",
  policies: [
    // Global
    { id: "CA000", title: "MFA for every user on every app", controls: ["mfa-all-users"] },
    { id: "CA001", title: "Block countries outside an allow-list", controls: ["block-non-allowed-countries"] },
    { id: "CA002", title: "Block legacy authentication", controls: ["block-legacy-auth"] },
    {
      id: "CA003",
      title: "MFA to register or join a device",
      controls: ["mfa-device-registration"],
    },
    {
      id: "CA004",
      title: "Block the device code flow and authentication transfer",
      controls: ["block-device-code-flow", "block-authentication-transfer"],
    },
    {
      id: "CA005",
      title: "Office 365 on unmanaged iOS and Android only through app-protected apps",
      why: WHY.appProtection,
    },
    {
      id: "CA006",
      title: "App-enforced restrictions for Exchange and SharePoint in a browser on unmanaged devices",
      why: WHY.appEnforced,
    },
    // Admins
    {
      id: "CA100",
      title: "Admins: MFA on the Microsoft admin portals",
      controls: ["admins-compliant-device-admin-portals"],
    },
    { id: "CA101", title: "Admins: MFA on every app", controls: ["admins-phishing-resistant-mfa"] },
    { id: "CA102", title: "Admins: sign-in frequency", controls: ["admins-session-limits"] },
    { id: "CA103", title: "Admins: no persistent browser session", controls: ["admins-session-limits"] },
    { id: "CA104", title: "Admins: continuous access evaluation, strict location", why: WHY.cae },
    { id: "CA105", title: "Admins: phishing-resistant MFA", controls: ["admins-phishing-resistant-mfa"] },
    // Internals
    { id: "CA200", title: "Members: MFA on every app", controls: ["mfa-all-users"] },
    { id: "CA201", title: "Members: block high user risk", controls: ["block-high-user-risk"] },
    {
      id: "CA202",
      title: "Members: sign-in frequency on unmanaged Windows and macOS devices",
      controls: ["unmanaged-device-session-limits"],
    },
    { id: "CA203", title: "Members: MFA for Intune enrolment", why: WHY.intuneEnrolment },
    { id: "CA204", title: "Members: block unknown device platforms", controls: ["block-unknown-platforms"] },
    {
      id: "CA205",
      title: "Members: Windows only when compliant or hybrid-joined",
      controls: ["require-compliant-device"],
    },
    {
      id: "CA206",
      title: "Members: no persistent browser session outside company or compliant devices",
      controls: ["unmanaged-device-session-limits"],
    },
    { id: "CA207", title: "Members: block selected apps", why: WHY.tenantApps },
    { id: "CA208", title: "Members: macOS only when compliant", controls: ["require-compliant-device"] },
    { id: "CA209", title: "Members: continuous access evaluation, strict location", why: WHY.cae },
    { id: "CA210", title: "Members: block high sign-in risk", controls: ["block-high-sign-in-risk"] },
    // Service accounts
    {
      id: "CA300",
      title: "Service accounts: MFA",
      controls: ["mfa-all-users"],
      why: "service accounts are users here: the all-users MFA control covers them unless the profile excludes them",
    },
    { id: "CA301", title: "Service accounts: block outside trusted locations", why: WHY.serviceAccounts },
    // Guests
    { id: "CA400", title: "Guests: MFA", controls: ["mfa-guests"] },
    {
      id: "CA401",
      title: "Guests: block every app but Office 365 and the My Apps portal",
      why: WHY.tenantApps,
    },
    {
      id: "CA402",
      title: "Guests: sign-in frequency",
      controls: ["guest-session-limits"],
    },
    {
      id: "CA403",
      title: "Guests: no persistent browser session",
      controls: ["guest-session-limits"],
    },
    {
      id: "CA404",
      title: "Guests: block the Microsoft admin portals",
      why: "harmful for MSPs: it includes service-provider users, so GDAP technicians lose the admin portals; guests hold no admin role unless one is assigned, and admin roles get phishing-resistant MFA",
    },
    // Agents
    { id: "CA501", title: "Agents: block high-risk agent identities", why: WHY.agents },
    { id: "CA502", title: "Agents: block every agent identity from agent resources (report-only)", why: WHY.agents },
    { id: "CA503", title: "Agent users: compliant device (report-only)", why: WHY.agents },
    { id: "CA504", title: "Agent users: block medium and high agent risk (report-only)", why: WHY.agents },
    {
      id: "CA505",
      title: "Agent users: agent resources only from a compliant network (report-only)",
      why: `${WHY.agents}; a compliant network needs Global Secure Access`,
    },
  ],
};
