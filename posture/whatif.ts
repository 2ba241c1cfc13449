import type { CaPolicyPosture, IdentityPosture } from "./model";

/** A sign-in to evaluate: who, to what, from where, with which device and risk. */
export interface SignIn {
  readonly user: string;
  readonly groups: readonly string[];
  readonly roles: readonly string[];
  readonly guest: boolean;
  /** Application id, or "Office365"-style keyword; "All" policies cover every app. */
  readonly app: string;
  readonly clientApp: "browser" | "mobileAppsAndDesktopClients" | "exchangeActiveSync" | "other";
  readonly platform: "windows" | "macOS" | "linux" | "iOS" | "android" | "unknown";
  /** ISO 3166-1 alpha-2, or "unknown". */
  readonly country: string;
  /** Sign-in from a network marked trusted. */
  readonly trustedNetwork: boolean;
  readonly deviceCompliant: boolean;
  readonly hybridJoined: boolean;
  readonly signInRisk: "none" | "low" | "medium" | "high";
  readonly userRisk: "none" | "low" | "medium" | "high";
  readonly authenticationFlow?: "deviceCodeFlow" | "authenticationTransfer";
  readonly userAction?: "urn:user:registersecurityinfo" | "urn:user:registerdevice";
}

/** What Conditional Access asks of a sign-in, and which policies decided it. */
export interface WhatIf {
  readonly decision: "block" | "grant" | "no policy applies";
  /** One entry per applying policy's grant: each must be satisfied (entries are OR-lists inside). */
  readonly requirements: readonly {
    readonly policy: string;
    readonly anyOf: readonly string[];
    readonly allOf: readonly string[];
  }[];
  readonly sessions: readonly string[];
  readonly decidedBy: readonly string[];
}

export interface WhatIfOptions {
  /** Count report-only policies as if enforced: what the baseline does once enforced. */
  readonly includeReportOnly?: boolean;
}

function locationMatches(token: string, s: SignIn, identity: IdentityPosture): boolean {
  if (token === "All") return true;
  if (token === "AllTrusted") return s.trustedNetwork;
  const name = token.startsWith("location:") ? token.slice("location:".length) : undefined;
  const location = identity.namedLocations.find((l) => l.name === name);
  if (!location) return false;
  return location.countries.includes(s.country) || (location.trusted && s.trustedNetwork);
}

/** Whether a policy's conditions select this sign-in. Unknown values never match (they are not the user). */
export function applies(p: CaPolicyPosture, s: SignIn, identity: IdentityPosture): boolean {
  const u = p.users;
  const included =
    u.include.includes("All") ||
    u.include.includes(s.user) ||
    (s.guest && u.include.includes("GuestsOrExternalUsers")) ||
    u.includeGroups.some((g) => s.groups.includes(g)) ||
    u.includeRoles.some((r) => s.roles.includes(r));
  const excluded =
    u.exclude.includes(s.user) ||
    u.excludeGroups.some((g) => s.groups.includes(g)) ||
    u.excludeRoles.some((r) => s.roles.includes(r)) ||
    (s.guest && u.excludesGuests);
  if (!included || excluded) return false;
  if (p.apps.userActions.length > 0) {
    if (!s.userAction || !p.apps.userActions.includes(s.userAction)) return false;
  } else if (
    s.userAction ||
    !(p.apps.include.includes("All") || p.apps.include.includes(s.app)) ||
    p.apps.exclude.includes(s.app)
  ) {
    return false;
  }
  if (!(p.clientAppTypes.includes("all") || p.clientAppTypes.includes(s.clientApp))) return false;
  if (
    p.platforms &&
    (!(p.platforms.include.includes("all") || p.platforms.include.includes(s.platform)) ||
      p.platforms.exclude.includes(s.platform))
  )
    return false;
  if (
    p.locations &&
    (!p.locations.include.some((l) => locationMatches(l, s, identity)) ||
      p.locations.exclude.some((l) => locationMatches(l, s, identity)))
  )
    return false;
  if (p.userRiskLevels.length && !p.userRiskLevels.includes(s.userRisk)) return false;
  if (p.signInRiskLevels.length && !p.signInRiskLevels.includes(s.signInRisk)) return false;
  if (p.authenticationFlows.length && (!s.authenticationFlow || !p.authenticationFlows.includes(s.authenticationFlow)))
    return false;
  if (p.deviceFilter !== undefined) {
    // The baseline's unmanaged-device filter; any other filter is assumed to match (fail closed).
    const unmanaged = /device\.isCompliant -ne True -and device\.trustType -ne "ServerAD"/.test(p.deviceFilter);
    if (unmanaged && (s.deviceCompliant || s.hybridJoined)) return false;
  }
  return true;
}

/** Evaluates the identity posture for one sign-in, as Entra would: any block wins, every grant must hold. */
export function whatIf(identity: IdentityPosture, signIn: SignIn, opts: WhatIfOptions = {}): WhatIf {
  // Object ids compare case-insensitively; the posture keeps them in lower case.
  const lower = (xs: readonly string[]) => xs.map((x) => x.toLowerCase());
  const s: SignIn = {
    ...signIn,
    user: signIn.user.toLowerCase(),
    groups: lower(signIn.groups),
    roles: lower(signIn.roles),
  };
  const counted = identity.policies.filter(
    (p) =>
      p.state === "enabled" || (opts.includeReportOnly === true && p.state === "enabledForReportingButNotEnforced"),
  );
  const applying = counted.filter((p) => applies(p, s, identity));
  if (applying.length === 0) return { decision: "no policy applies", requirements: [], sessions: [], decidedBy: [] };
  const blocking = applying.filter((p) => p.grant?.builtIn.includes("block"));
  if (blocking.length)
    return { decision: "block", requirements: [], sessions: [], decidedBy: blocking.map((p) => p.displayName) };
  const requirements = applying
    .filter((p) => p.grant && (p.grant.builtIn.length > 0 || p.grant.strength))
    .map((p) => {
      const controls = [...p.grant!.builtIn, ...(p.grant!.strength ? [`strength:${p.grant!.strength.name}`] : [])];
      return p.grant!.operator === "AND"
        ? { policy: p.displayName, anyOf: [], allOf: controls }
        : { policy: p.displayName, anyOf: controls, allOf: [] };
    });
  const sessions = applying.flatMap((p) => [
    ...(p.session?.signInFrequencyHours !== undefined
      ? [`re-authenticate every ${p.session.signInFrequencyHours}h (${p.displayName})`]
      : []),
    ...(p.session?.everyTime ? [`re-authenticate every time (${p.displayName})`] : []),
    ...(p.session?.persistentBrowser === "never" ? [`no persistent browser session (${p.displayName})`] : []),
  ]);
  return { decision: "grant", requirements, sessions, decidedBy: applying.map((p) => p.displayName) };
}

/** Strength names (and their combinations) a sign-in must satisfy. */
export function requiredStrengths(
  result: WhatIf,
  identity: IdentityPosture,
): { name: string; combinations: readonly string[] }[] {
  return result.requirements
    .flatMap((r) => [...r.anyOf, ...r.allOf])
    .filter((c) => c.startsWith("strength:"))
    .map((c) => {
      const name = c.slice("strength:".length);
      return { name, combinations: identity.strengths.find((s) => s.name === name)?.combinations ?? [] };
    });
}
