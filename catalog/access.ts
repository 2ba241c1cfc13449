/**
 * The AMR value Access requires of every session. Entra reports `mfa` for any second factor; the
 * profile's stronger strengths (passwordless, phishing-resistant) are enforced where the sign-in
 * happens, by the Conditional Access baseline, which covers the Access app like any other app.
 */
export const REQUIRED_AUTH_METHOD = "mfa";

/**
 * E-mail domains where anyone can open an account: an Access rule admitting one admits everyone.
 * The large consumer providers, not a complete list; a company's own domain is what Access rules
 * are for.
 */
export const PUBLIC_EMAIL_DOMAINS: readonly string[] = [
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "msn.com",
  "yahoo.com",
  "icloud.com",
  "me.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "gmx.com",
  "gmx.net",
  "mail.com",
  "yandex.com",
  "zoho.com",
];

/**
 * Who can meet an Access rule or pass a policy, from narrowest to widest: nobody; a bounded set
 * (named people, a group someone administers, the client's own inboxes, devices or certificates);
 * anyone with an account somewhere (any account at a login method, any GitHub user);
 * anyone on the internet.
 */
export const ACCESS_REACHES = ["nobody", "bounded", "any-account", "anyone"] as const;
export type AccessReach = (typeof ACCESS_REACHES)[number];

/**
 * How the reader measures who meets a rule of one kind: a fixed reach, or computed from its value
 * (`ip-range`: as wide as the internet or not; `email-domain`: a public mail provider, or a domain the
 * stack does not show the client holds, reached through a login method that trusts any inbox), from
 * what it names (`access-group`: the group's own rules, expanded; `login-method`: whoever signs in
 * there), or from the login method (`auth-method`: MFA only where the provider reports it;
 * `signed-in`: whoever can sign in with the app's login methods).
 */
export type AccessRuleMeasure =
  AccessReach | "ip-range" | "email-domain" | "access-group" | "login-method" | "auth-method" | "signed-in";

export interface AccessRuleKind {
  /** The key of v6's one-key rule objects (`{ emailDomain: { domain } }`). */
  readonly kind: string;
  /** Other spellings of the key: the v4/v5 providers' list-per-kind keys, the API's names. */
  readonly aliases: readonly string[];
  /** Needs a signed-in person: a non_identity (service auth) policy never matches it. */
  readonly identity: boolean;
  /** Honoured only by a non_identity (service auth) policy: an allow policy never matches it. */
  readonly serviceAuth?: boolean;
  readonly measure: AccessRuleMeasure;
  /** Why, as a phrase: who meets it. */
  readonly why: string;
}

/**
 * Every kind of Access rule `@pulumi/cloudflare` v6 has (ZeroTrustAccessPolicyInclude and its
 * require/exclude twins, Access groups alike), with the keys the legacy shapes used for it. In an
 * allow policy every rule is met only by someone who also signed in, so no rule there reaches wider
 * than the app's login methods do. A key not listed here is read as `everyone`
 * (posture/unknown.ts, "access-include").
 */
export const ACCESS_RULE_KINDS: readonly AccessRuleKind[] = [
  { kind: "everyone", aliases: [], identity: false, measure: "anyone", why: "every request" },
  { kind: "email", aliases: ["emails"], identity: true, measure: "bounded", why: "one named address" },
  {
    kind: "emailList",
    aliases: ["emailLists"],
    identity: true,
    measure: "bounded",
    why: "a list of named addresses (lists of type EMAIL hold addresses, not patterns)",
  },
  {
    kind: "emailDomain",
    aliases: ["emailDomains"],
    identity: true,
    measure: "email-domain",
    why: "every address at the domain: at a public mail provider, anyone; through a one-time PIN or a social login, anyone who can get an inbox at a domain the client does not hold",
  },
  {
    kind: "ip",
    aliases: ["ips"],
    identity: false,
    measure: "ip-range",
    why: "requests from the range: a public range of /16 (IPv6 /48) or wider is the internet",
  },
  {
    kind: "ipList",
    aliases: ["ipLists"],
    identity: false,
    measure: "ip-range",
    why: "requests from the list's ranges, judged as the ranges are",
  },
  {
    kind: "geo",
    aliases: ["geos", "country", "countryCode"],
    identity: false,
    measure: "anyone",
    why: "anyone in a country, or behind a VPN that leaves from it",
  },
  {
    kind: "group",
    aliases: ["groups", "accessGroup"],
    identity: false,
    measure: "access-group",
    why: "whoever the Access group's own include, require and exclude admit",
  },
  {
    kind: "githubOrganization",
    aliases: ["github", "githubs"],
    identity: true,
    measure: "bounded",
    why: "members of a GitHub organisation (or team), whom its owners admit",
  },
  {
    kind: "gsuite",
    aliases: ["gsuites"],
    identity: true,
    measure: "bounded",
    why: "members of a Google Workspace group",
  },
  { kind: "okta", aliases: ["oktas"], identity: true, measure: "bounded", why: "members of an Okta group" },
  {
    kind: "saml",
    aliases: ["samls"],
    identity: true,
    measure: "bounded",
    why: "people whose SAML assertion carries an attribute value the organisation's provider sets",
  },
  {
    kind: "oidc",
    aliases: ["oidcs"],
    identity: true,
    measure: "bounded",
    why: "people whose OIDC token carries a claim value the organisation's provider sets",
  },
  {
    kind: "azureAd",
    aliases: ["azure", "azures", "azureAD"],
    identity: true,
    measure: "bounded",
    why: "members of an Entra ID group",
  },
  {
    kind: "authContext",
    aliases: ["authContexts"],
    identity: true,
    measure: "bounded",
    why: "people who met an Entra authentication context (a Conditional Access policy of the tenant)",
  },
  {
    kind: "authMethod",
    aliases: [],
    identity: true,
    measure: "auth-method",
    why: "people who signed in with the method: `mfa` only at a provider that reports it (Entra ID, Okta, SAML, OIDC), never through a one-time PIN or a social login",
  },
  {
    kind: "loginMethod",
    aliases: ["loginMethods"],
    identity: true,
    measure: "login-method",
    why: "whoever signs in with that login method",
  },
  {
    kind: "externalEvaluation",
    aliases: [],
    identity: true,
    measure: "signed-in",
    why: "whoever an API outside the stack approves: read as everyone who signs in (posture/unknown.ts)",
  },
  {
    kind: "userRiskScore",
    aliases: ["userRiskScores"],
    identity: true,
    measure: "signed-in",
    why: "a risk level every signed-in person has (unscored included)",
  },
  {
    kind: "cloudflareAccountMember",
    aliases: [],
    identity: true,
    measure: "bounded",
    why: "members of the Cloudflare account",
  },
  {
    kind: "linkedAppToken",
    aliases: [],
    identity: false,
    measure: "bounded",
    why: "tokens an Access OIDC SaaS application issued under its own policies",
  },
  {
    kind: "anyValidServiceToken",
    aliases: [],
    identity: false,
    serviceAuth: true,
    measure: "bounded",
    why: "any service token of the account, issued by its administrators",
  },
  {
    kind: "serviceToken",
    aliases: ["serviceTokens"],
    identity: false,
    serviceAuth: true,
    measure: "bounded",
    why: "one named service token",
  },
  {
    kind: "certificate",
    aliases: [],
    identity: false,
    measure: "bounded",
    why: "holders of a client certificate signed by a root the account uploaded for mTLS (its own CA, whose issuing it controls)",
  },
  {
    kind: "commonName",
    aliases: ["commonNames"],
    identity: false,
    measure: "bounded",
    why: "a client certificate with one named common name",
  },
  {
    kind: "devicePosture",
    aliases: ["devicePostures"],
    identity: false,
    measure: "bounded",
    why: "devices enrolled in the organisation's WARP that pass a posture check",
  },
];

/** What signing in with one kind of login method proves. */
export type LoginMethodClass = "one-time-pin" | "social" | "directory";

export interface LoginMethodType {
  readonly class: LoginMethodClass;
  /** The provider reports an MFA `amr` Access can require (`authMethod: mfa`). */
  readonly mfa: boolean;
  /** Who can sign in with it. */
  readonly who: string;
}

/**
 * Cloudflare's identity provider types (ZeroTrustAccessIdentityProvider `type`), by what signing in
 * proves. A one-time PIN proves an inbox: anyone has one. A social login proves an account anyone
 * can open. A directory's accounts are the organisation's to grant. Cloudflare documents the MFA
 * `amr` for Entra ID, Okta, SAML and OIDC only. Types compare case-insensitively, without `-`/`_`.
 */
export const LOGIN_METHOD_TYPES: Readonly<Record<string, LoginMethodType>> = {
  onetimepin: { class: "one-time-pin", mfa: false, who: "anyone with an inbox (one-time PIN)" },
  github: { class: "social", mfa: false, who: "anyone with a GitHub account" },
  google: { class: "social", mfa: false, who: "anyone with a Google account" },
  facebook: { class: "social", mfa: false, who: "anyone with a Facebook account" },
  linkedin: { class: "social", mfa: false, who: "anyone with a LinkedIn account" },
  yandex: { class: "social", mfa: false, who: "anyone with a Yandex account" },
  cloudflare: { class: "social", mfa: false, who: "anyone with a Cloudflare account" },
  azuread: { class: "directory", mfa: true, who: "anyone with an account in the Entra ID tenant" },
  okta: { class: "directory", mfa: true, who: "anyone with an account in the Okta organisation" },
  saml: { class: "directory", mfa: true, who: "anyone with an account at the SAML provider" },
  oidc: { class: "directory", mfa: true, who: "anyone with an account at the OIDC provider" },
  googleapps: { class: "directory", mfa: false, who: "anyone with an account in the Google Workspace" },
  onelogin: { class: "directory", mfa: false, who: "anyone with an account at OneLogin" },
  pingone: { class: "directory", mfa: false, who: "anyone with an account at PingOne" },
  centrify: { class: "directory", mfa: false, who: "anyone with an account at Centrify" },
};

/**
 * A login method the stack does not declare (an id from outside, or the account's others when an
 * app allows every one): taken for a directory that reports MFA, as the baseline's own Entra ID is.
 * Declare the account's identity providers in the stack to be judged on what they are.
 */
export const OUTSIDE_LOGIN_METHOD: LoginMethodType = {
  class: "directory",
  mfa: true,
  who: "anyone with an account at an identity provider the stack does not declare",
};

/**
 * Application types that put Access in front of a public hostname (their `domain`,
 * `selfHostedDomains` or public `destinations`): the only ones that cover a tunnel's route.
 * Bookmarks only link; SaaS apps sign in to someone else's service; launcher, WARP, infrastructure
 * and MCP apps guard something else. No type is self-hosted, Cloudflare's default. Compared
 * case-insensitively, without `-`/`_`.
 */
export const HOSTNAME_APP_TYPES: readonly string[] = ["selfhosted", "ssh", "vnc", "rdp"];

/** Cloudflare's application session when an app sets none (its documented default). */
export const DEFAULT_APP_SESSION_HOURS = 24;
