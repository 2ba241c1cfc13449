import { ACCESS_RULE_KINDS, type AccessRuleKind, type AccessRuleMeasure } from "../../catalog/access";
import type { AccessRule } from "../model";
import type { ResourceIndex } from "../index-resources";
import type { PlannedResource } from "../resource";
import { isUnknown, listEntries, obj, plain, str, UNKNOWN_VALUE } from "../values";

/** The provider types an Access rule can name by id, by the kind of rule that names them. */
export const ACCESS_REFERENCED = {
  serviceToken: [
    "cloudflare:index/zeroTrustAccessServiceToken:ZeroTrustAccessServiceToken",
    "cloudflare:index/accessServiceToken:AccessServiceToken",
  ],
  group: ["cloudflare:index/zeroTrustAccessGroup:ZeroTrustAccessGroup", "cloudflare:index/accessGroup:AccessGroup"],
  emailList: ["cloudflare:index/zeroTrustList:ZeroTrustList", "cloudflare:index/teamsList:TeamsList"],
  ipList: ["cloudflare:index/zeroTrustList:ZeroTrustList", "cloudflare:index/teamsList:TeamsList"],
  loginMethod: [
    "cloudflare:index/zeroTrustAccessIdentityProvider:ZeroTrustAccessIdentityProvider",
    "cloudflare:index/accessIdentityProvider:AccessIdentityProvider",
  ],
} as const satisfies Record<string, readonly string[]>;

/** The field of a v6 rule object that holds the id a referencing rule names. */
const REFERENCE_FIELD: Readonly<Record<keyof typeof ACCESS_REFERENCED, string>> = {
  serviceToken: "tokenId",
  group: "id",
  emailList: "id",
  ipList: "id",
  loginMethod: "id",
};

/** One Access rule as the reader understood it. */
export interface AccessTerm {
  /** As the posture and the lock write it: `kind` or `kind:value`. */
  readonly rule: AccessRule;
  /** Its kind in the catalog; undefined for a key the catalog does not know (read as everyone). */
  readonly kind?: AccessRuleKind;
  /** What it matches (a domain, a range, a method, a country), when it says and it can be read. */
  readonly value?: string;
  /** Set, but unreadable: unknown until apply, a secret, or a shape not recognised. */
  readonly unreadable: boolean;
  /** What a reference (`group`, `ipList`, `loginMethod`, `serviceToken`...) names in the stack: several when it cannot be pinned. */
  readonly targets: readonly PlannedResource[];
  /** An id of something the stack does not declare. */
  readonly outside?: string;
}

/** Keys compare without case, `_` or `-`: `email_domain`, `emailDomains` and `EmailDomain` are one kind. */
const keyOf = (k: string) => k.toLowerCase().replace(/[_-]/g, "");
const KINDS = new Map<string, AccessRuleKind>(
  ACCESS_RULE_KINDS.flatMap((k) => [k.kind, ...k.aliases].map((name) => [keyOf(name), k] as const)),
);

/** The catalog's kind for a key of a rule object, in any of its spellings. */
export const ruleKind = (key: string): AccessRuleKind | undefined => KINDS.get(keyOf(key));

/**
 * What a value names, as the string form writes it: the first field present, in the order the
 * previous reader took them (the lock keeps these strings), then the fields of kinds it did not read.
 */
const DETAIL_FIELDS = [
  "id",
  "authMethod",
  "domain",
  "email",
  "integrationUid",
  "tokenId",
  "ip",
  "name",
  "countryCode",
  "commonName",
  "evaluateUrl",
  "appUid",
] as const;
/** Fields that hold a list of what the rule matches (the legacy shapes; Entra's `ids`, Okta's `names`). */
const LIST_FIELDS = ["ids", "names", "emails", "userRiskScores"] as const;
/** Kinds that match a pair: `attribute=value`. */
const PAIRS: Readonly<Record<string, readonly [string, string]>> = {
  saml: ["attributeName", "attributeValue"],
  oidc: ["claimName", "claimValue"],
};

/** Kinds judged by what they name or match: without a value they cannot be read. */
const NEEDS_VALUE = new Set<AccessRuleMeasure>([
  "ip-range",
  "email-domain",
  "access-group",
  "login-method",
  "auth-method",
]);

interface Raw {
  readonly key: string;
  readonly kind?: AccessRuleKind;
  readonly value?: string;
  readonly unreadable: boolean;
  /** The reference value (an id, unknown until apply in a preview), for kinds that name a resource. */
  readonly ref?: unknown;
}

/** The values one rule object's key holds: one for v6's objects, one per element for the legacy lists. */
function rawsOf(key: string, value: unknown): Raw[] {
  const kind = ruleKind(key);
  const name = kind?.kind ?? key;
  const refField =
    kind && kind.kind in REFERENCE_FIELD ? REFERENCE_FIELD[kind.kind as keyof typeof REFERENCE_FIELD] : undefined;
  if (isUnknown(value)) return [{ key: name, kind, unreadable: true, ref: refField ? value : undefined }];
  const v = plain(value);
  // A flag (`{ everyone: {} }`, legacy `everyone: true`); for a kind judged by its value, a value missing.
  const flag: Raw = { key: name, kind, unreadable: kind === undefined || NEEDS_VALUE.has(kind.measure) };
  if (v === true || (typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 0))
    return [flag];
  if (typeof v === "string")
    return [{ key: name, kind, value: v, unreadable: kind === undefined, ref: refField ? v : undefined }];
  if (Array.isArray(v)) return listEntries(v).flatMap((e) => rawsOf(key, e));
  if (typeof v !== "object" || v === null) return [{ key: name, kind, unreadable: true }];
  const o = obj(v);
  if (kind === undefined) return [{ key: name, unreadable: true }];
  const pair = PAIRS[kind.kind];
  if (pair) {
    const [a, b] = [o[pair[0]], o[pair[1]]];
    const readable = !isUnknown(a) && !isUnknown(b) && str(a) !== undefined && str(b) !== undefined;
    return [{ key: name, kind, value: readable ? `${str(a)}=${str(b)}` : undefined, unreadable: !readable }];
  }
  for (const field of LIST_FIELDS)
    if (o[field] !== undefined) return listEntries(o[field]).flatMap((e) => rawsOf(key, isUnknown(e) ? e : str(e)));
  if (refField !== undefined) {
    const ref = o[refField];
    return [{ key: name, kind, value: str(ref), unreadable: ref === undefined, ref }];
  }
  const field = DETAIL_FIELDS.find((f) => o[f] !== undefined);
  const detail = field === undefined ? undefined : o[field];
  // No field that says what it matches: a flag with settings (`{ accountId }`).
  if (field === undefined) return [flag];
  return [{ key: name, kind, value: str(detail), unreadable: isUnknown(detail) || str(detail) === undefined }];
}

/** The referenced resource's name in the string form (a token's or list's `name`, else its logical name). */
const nameOf = (r: PlannedResource) => str(r.inputs.name) ?? r.name;

/**
 * The rules under one key of a policy or group (`includes`, `require`...), in any shape the provider
 * has had: v6 one-key objects (`{ emailDomain: { domain } }`, `{ everyone: {} }`), the legacy lists
 * per kind (`{ emails: [...], everyone: true }`). A list unknown until apply, an entry that cannot be
 * read and a key the catalog does not know each become one unreadable term (read as everyone). What
 * a rule names (a service token, an Access group, a list, a login method) is pinned to the resource
 * of the stack it came from, by id once known and by the property's dependencies before: so a new
 * stack and a deployed one read the same.
 */
export function termsUnder(index: ResourceIndex, r: PlannedResource, value: unknown, dependency: string): AccessTerm[] {
  if (value === undefined || value === null) return [];
  const raws: Raw[] = listEntries(value).flatMap((entry): Raw[] => {
    if (isUnknown(entry)) return [{ key: "(unreadable rule)", unreadable: true }];
    const o = plain(entry);
    if (typeof o !== "object" || o === null || Array.isArray(o))
      return [{ key: "(unreadable rule)", unreadable: true }];
    return Object.entries(o as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null && v !== false)
      .flatMap(([k, v]) => rawsOf(k, v));
  });
  const terms: AccessTerm[] = raws
    .filter((x) => x.ref === undefined)
    .map((x) => ({
      rule: x.value !== undefined ? `${x.key}:${x.value}` : x.key,
      kind: x.kind,
      value: x.value,
      unreadable: x.unreadable,
      targets: [],
    }));
  // The references of one kind are a set, resolved together among the resources of that kind the
  // property depends on (as the service tokens always were): one term per resource they name, per
  // outside id, per value left unknown, and per value that could be any of several candidates.
  for (const [kind, types] of Object.entries(ACCESS_REFERENCED)) {
    const refs = raws.filter((x) => x.kind?.kind === kind && x.ref !== undefined);
    if (refs.length === 0) continue;
    const [res] = index.resolve(r, dependency, [refs.map((x) => x.ref)], types);
    const term = (name: string, targets: PlannedResource[], outside?: string): AccessTerm => ({
      rule: `${kind}:${name}`,
      kind: refs[0]!.kind,
      value: name,
      unreadable: targets.length === 0 && outside === undefined,
      targets,
      outside,
    });
    terms.push(
      ...res!.targets.map((t) => term(nameOf(t), [t])),
      ...res!.others.map((o) => term(o, [], o === UNKNOWN_VALUE ? undefined : o)),
      ...res!.anyOf.map((c) => term(`(one of ${c.map(nameOf).sort().join(", ")})`, c)),
    );
  }
  return terms;
}
