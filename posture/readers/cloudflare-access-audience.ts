import ipaddr from "ipaddr.js";
import {
  ACCESS_REACHES,
  LOGIN_METHOD_TYPES,
  OUTSIDE_LOGIN_METHOD,
  PUBLIC_EMAIL_DOMAINS,
  type AccessReach,
  type LoginMethodType,
} from "../../catalog/access";
import { WIDE_SOURCE_PREFIX } from "../../catalog/limits";
import { cidrWithin } from "../cidr";
import type { AccessAudience, AccessLoginMethod } from "../model";
import type { PlannedResource } from "../resource";
import { UNKNOWN_MEANS } from "../unknown";
import type { AccessTerm } from "./cloudflare-access-rules";

/** A login method as the audience is computed over it. */
export interface LoginMethod {
  readonly posture: AccessLoginMethod;
  readonly info: LoginMethodType;
  /** The identity provider resource it is, when the stack declares it. */
  readonly resource?: PlannedResource;
  /** The id it is named by, when the stack does not declare it. */
  readonly outsideId?: string;
  /** It could be any login method: unreadable, or the account's others. */
  readonly anyOf: boolean;
}

/** A policy's (or an Access group's) rules, as read. */
export interface AccessRules {
  readonly include: readonly AccessTerm[];
  readonly require: readonly AccessTerm[];
  readonly exclude: readonly AccessTerm[];
}

/** What a login method's type means; a type the catalog does not know, or cannot be read, is the worst. */
export function loginMethodType(type: string | undefined): LoginMethodType {
  const known = type === undefined ? undefined : LOGIN_METHOD_TYPES[type.toLowerCase().replace(/[_-]/g, "")];
  return known ?? UNREADABLE_LOGIN_METHOD;
}

/** posture/unknown.ts "access-login-method": an unreadable login method is a one-time PIN. */
export const UNREADABLE_LOGIN_METHOD: LoginMethodType = {
  ...LOGIN_METHOD_TYPES.onetimepin!,
  who: `anyone with an inbox (a login method that cannot be read is judged as ${UNKNOWN_MEANS["access-login-method"].means.split(":")[0]})`,
};

interface Reach {
  readonly reach: AccessReach;
  readonly who: string;
}

const rank = (r: AccessReach) => ACCESS_REACHES.indexOf(r);
const widest = (xs: readonly Reach[], none: Reach): Reach =>
  xs.reduce((a, b) => (rank(b.reach) > rank(a.reach) ? b : a), none);
const narrowest = (xs: readonly Reach[], none: Reach): Reach =>
  xs.reduce((a, b) => (rank(b.reach) < rank(a.reach) ? b : a), none);
const NOBODY: Reach = { reach: "nobody", who: "nobody" };
const ANYONE: Reach = { reach: "anyone", who: "anyone on the internet" };

/** Whoever can sign in with a login method. */
function signIn(m: LoginMethod): Reach {
  const who = `${m.info.who}${m.anyOf ? "" : `, signing in with '${m.posture.name}'`}`;
  return { reach: m.info.class === "one-time-pin" ? "anyone" : "any-account", who };
}

/** Private, loopback and link-local blocks: nobody on the internet sends from them. */
const INSIDE = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16"];
const INSIDE6 = ["fc00::/7", "fe80::/10", "::1/128"];

/** A range as wide as the internet: public and /16 (IPv6 /48) or wider; unreadable is the internet. */
export function isInternetWide(range: string): boolean {
  const cidr = range.includes("/") ? range : `${range}/${range.includes(":") ? 128 : 32}`;
  try {
    const [address, prefix] = ipaddr.parseCIDR(cidr);
    const v4 = address.kind() === "ipv4";
    if ((v4 ? INSIDE : INSIDE6).some((block) => cidrWithin(cidr, block))) return false;
    return prefix <= (v4 ? WIDE_SOURCE_PREFIX.ipv4 : WIDE_SOURCE_PREFIX.ipv6);
  } catch {
    return true;
  }
}

/** The context an audience is computed in: the stack's groups, lists, and the domains it holds. */
export interface AudienceContext {
  /** The rules of an Access group of the stack. */
  readonly groupRules: (group: PlannedResource) => AccessRules;
  /** The entries of a list of the stack (its values). */
  readonly listItems: (list: PlannedResource) => readonly string[];
  /** The client holds this mail domain: the stack has a zone, an Access app or a tunnel route in it. */
  readonly holds: (domain: string) => boolean;
}

/**
 * Who meets one rule when the person signed in with `method` (undefined: a non_identity policy,
 * where nobody signs in). In an allow policy no rule reaches wider than the login method does.
 */
function termReach(t: AccessTerm, method: LoginMethod | undefined, ctx: AudienceContext, seen: Set<string>): Reach {
  const kind = t.kind;
  const unknownRule: Reach = {
    reach: "anyone",
    who: `anyone (the rule '${t.rule}' cannot be read: judged as ${UNKNOWN_MEANS["access-include"].means})`,
  };
  let base: Reach;
  if (kind === undefined) base = unknownRule;
  else if (method === undefined && kind.identity) return NOBODY;
  else if (method !== undefined && kind.serviceAuth) return NOBODY;
  else {
    switch (kind.measure) {
      case "nobody":
      case "bounded":
      case "any-account":
      case "anyone":
        base = { reach: kind.measure, who: kind.why };
        break;
      case "ip-range": {
        if (t.unreadable) base = unknownRule;
        else if (t.outside !== undefined)
          base = {
            reach: "anyone",
            who: `anyone (IP list ${t.outside} is not declared in the stack: its ranges cannot be read, so judged as everyone)`,
          };
        else {
          const ranges = t.targets.length ? t.targets.flatMap(ctx.listItems) : t.value ? [t.value] : [];
          const wide = ranges.find(isInternetWide);
          base = wide
            ? { reach: "anyone", who: `anyone on the internet (${wide} is as wide)` }
            : { reach: "bounded", who: `requests from ${ranges.join(", ") || "no range"}` };
        }
        break;
      }
      case "email-domain": {
        const domain = t.value?.trim().replace(/^@/, "").replace(/\.$/, "").toLowerCase();
        if (t.unreadable || !domain) base = unknownRule;
        else if (PUBLIC_EMAIL_DOMAINS.includes(domain))
          base = { reach: "anyone", who: `anyone (${domain} is a public mail provider: anyone can open a mailbox)` };
        else if (method && method.info.class !== "directory" && !ctx.holds(domain))
          base = {
            reach: "anyone",
            who: `anyone who can get an inbox at ${domain} (${method.info.who}; the stack holds no zone, app or route there)`,
          };
        else base = { reach: "bounded", who: `people with an address at ${domain}` };
        break;
      }
      case "access-group": {
        if (t.unreadable) base = unknownRule;
        else if (t.targets.length === 0)
          base = {
            reach: "anyone",
            who: `anyone (Access group ${t.outside} is not declared in the stack: its rules cannot be read, so judged as everyone)`,
          };
        else
          base = widest(
            t.targets.map((g) => groupReach(g, method, ctx, seen)),
            NOBODY,
          );
        break;
      }
      case "login-method":
        base = method && (t.unreadable || sameMethod(t, method)) ? signIn(method) : NOBODY;
        break;
      case "auth-method":
        if (method && !t.unreadable && t.value?.toLowerCase() === "mfa")
          base = method.info.mfa
            ? { reach: "bounded", who: `people who signed in with MFA at '${method.posture.name}'` }
            : NOBODY;
        else base = method ? signIn(method) : NOBODY;
        break;
      case "signed-in":
        base = method ? signIn(method) : ANYONE;
        break;
    }
  }
  if (method === undefined) return base;
  const login = signIn(method);
  return rank(login.reach) < rank(base.reach) ? login : base;
}

/** A `loginMethod` rule names this login method (or could: one of them cannot be read). */
function sameMethod(t: AccessTerm, m: LoginMethod): boolean {
  if (m.anyOf) return true;
  if (m.resource) return t.targets.includes(m.resource);
  return t.outside !== undefined && t.outside.toLowerCase() === m.outsideId?.toLowerCase();
}

function groupReach(
  g: PlannedResource,
  method: LoginMethod | undefined,
  ctx: AudienceContext,
  seen: Set<string>,
): Reach {
  if (seen.has(g.urn)) return NOBODY; // a group that names itself adds nobody
  const inner = new Set(seen).add(g.urn);
  return rulesReach(ctx.groupRules(g), method, ctx, inner);
}

/** Include is OR, require is AND; exclude only narrows, so who passes is judged without it. */
function rulesReach(
  rules: AccessRules,
  method: LoginMethod | undefined,
  ctx: AudienceContext,
  seen: Set<string>,
): Reach {
  const include = widest(
    rules.include.map((t) => termReach(t, method, ctx, seen)),
    NOBODY,
  );
  const require = narrowest(
    rules.require.map((t) => termReach(t, method, ctx, seen)),
    ANYONE,
  );
  return rank(require.reach) < rank(include.reach) ? { reach: require.reach, who: include.who } : include;
}

/**
 * Who can pass a policy: for an allow policy, the widest over the login methods it can be met
 * through; a non_identity (service auth) one, with nobody signed in.
 */
export function audienceOf(
  rules: AccessRules,
  decision: string,
  methods: readonly LoginMethod[],
  ctx: AudienceContext,
): AccessAudience {
  const throughRule = (r: Reach, rules: AccessRules, method: LoginMethod | undefined) => {
    const via = rules.include.find((t) => termReach(t, method, ctx, new Set()).who === r.who);
    return via ? `${r.who}, through ${via.rule}` : r.who;
  };
  if (decision !== "allow") {
    const r = rulesReach(rules, undefined, ctx, new Set());
    return { reach: r.reach, because: throughRule(r, rules, undefined) };
  }
  let best: { r: Reach; m: LoginMethod | undefined } = { r: NOBODY, m: undefined };
  for (const m of methods) {
    const r = rulesReach(rules, m, ctx, new Set());
    if (rank(r.reach) > rank(best.r.reach)) best = { r, m };
  }
  return { reach: best.r.reach, because: throughRule(best.r, rules, best.m) };
}

/** Everyone who passes has signed in with MFA: a require demands it, or every include does. */
export function enforcesMfa(rules: AccessRules, ctx: AudienceContext, seen: Set<string> = new Set()): boolean {
  const term = (t: AccessTerm): boolean => {
    if (t.kind?.kind === "authMethod") return !t.unreadable && t.value?.toLowerCase() === "mfa";
    if (t.kind?.kind !== "group" || t.targets.length === 0 || t.unreadable) return false;
    return t.targets.every((g) => !seen.has(g.urn) && enforcesMfa(ctx.groupRules(g), ctx, new Set(seen).add(g.urn)));
  };
  return rules.require.some(term) || (rules.include.length > 0 && rules.include.every(term));
}

/** The login method for an identity provider the stack declares. */
export function declaredMethod(r: PlannedResource, name: string, type: string | undefined): LoginMethod {
  const info = loginMethodType(type);
  return { posture: { name, type, who: info.who, origin: originRef(r) }, info, resource: r, anyOf: false };
}

/** A login method named by an id the stack does not declare. */
export function outsideMethod(id: string): LoginMethod {
  return {
    posture: { name: id, who: OUTSIDE_LOGIN_METHOD.who },
    info: OUTSIDE_LOGIN_METHOD,
    outsideId: id,
    anyOf: false,
  };
}

/** The account's login methods that the stack does not declare, when an app allows every one. */
export const ACCOUNT_OTHERS: LoginMethod = {
  posture: { name: "the account's other login methods", who: OUTSIDE_LOGIN_METHOD.who },
  info: OUTSIDE_LOGIN_METHOD,
  anyOf: true,
};

/** A login method the app names but that cannot be read (posture/unknown.ts "access-login-method"). */
export const UNREADABLE_METHOD: LoginMethod = {
  posture: { name: "(known after apply)", who: UNREADABLE_LOGIN_METHOD.who },
  info: UNREADABLE_LOGIN_METHOD,
  anyOf: true,
};

const originRef = (r: PlannedResource) => ({ urn: r.urn, type: r.type, name: r.name });
