import ipaddr from "ipaddr.js";
import { isOpaqueSecret, isUnknown, obj, plain, str, strs } from "../values";
import { AWS_MFA_KEYS, AWS_NETWORK_CONDITION_KEYS, AWS_PINNING_CONDITION_KEYS } from "../../catalog/aws-iam";

/** A statement's field as a list: IAM takes one string or a list. */
export const listOf = (v: unknown): string[] => (typeof plain(v) === "string" ? [str(v)!] : strs(v));

/** Why a value cannot be read: not known until apply (a preview), a secret never decrypted, or a shape not recognised. */
export type Unreadable = "until apply" | "secret" | "shape";

/** Why a value cannot be read (unknown until apply, or a secret), or undefined when it can. */
export const unreadableOf = (v: unknown): Unreadable | undefined =>
  isOpaqueSecret(v) ? "secret" : isUnknown(v) ? "until apply" : undefined;

/**
 * The statements of an IAM policy document, as the readers of every kind of policy take it: the
 * document a JSON string or an object, `Statement` one object or a list. A document not known (until
 * apply, or a secret never decrypted) has no statements; undefined when a string is not JSON.
 */
export function iamStatements(document: unknown): Record<string, unknown>[] | undefined {
  let doc = plain(document);
  if (typeof doc === "string") {
    try {
      doc = JSON.parse(doc);
    } catch {
      return undefined;
    }
  }
  const raw = plain(obj(doc).Statement);
  return (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(obj);
}

/** One test of a statement's Condition: `StringEquals: { "aws:SourceVpce": [...] }` is one per key. */
export interface ConditionEntry {
  /** As written: `StringEquals`, `ForAnyValue:StringLike`, `BoolIfExists`. */
  readonly operator: string;
  readonly key: string;
  readonly values: readonly string[];
  /** Set when a value of the test cannot be read: the test is then counted on for nothing. */
  readonly unreadable?: Unreadable;
}

/** A statement's conditions, one entry per operator and key, values as strings. */
export function conditionEntries(statement: Record<string, unknown>): ConditionEntry[] {
  return Object.entries(obj(statement.Condition)).flatMap(([operator, tests]) =>
    Object.entries(obj(tests)).map(([key, value]): ConditionEntry => {
      const p = plain(value);
      const values = typeof p === "boolean" || typeof p === "number" ? [String(p)] : listOf(value);
      const unreadable =
        unreadableOf(value) ??
        (Array.isArray(p) ? p.map(unreadableOf).find((u) => u !== undefined) : undefined) ??
        (p !== undefined && typeof p === "object" && !Array.isArray(p) ? "shape" : undefined);
      return unreadable ? { operator, key, values, unreadable } : { operator, key, values };
    }),
  );
}

/** A statement's condition keys (as written) with their values, whatever the operator. */
export function conditionValues(statement: Record<string, unknown>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { key, values } of conditionEntries(statement)) out[key] = [...(out[key] ?? []), ...values];
  return out;
}

/** An operator taken apart: its set qualifier, its base test, and whether a missing key passes. */
function operatorOf(operator: string) {
  const [, set, base, ifExists] = /^(?:(ForAllValues|ForAnyValue):)?(.*?)(IfExists)?$/i.exec(operator)!;
  return { set: set?.toLowerCase(), base: base!.toLowerCase(), ifExists: ifExists !== undefined };
}

/**
 * True when a test holds only for requests that carry the key with a matching value: a positive test
 * (not a negation, not `Null`), without `IfExists` (which passes when the key is absent, as
 * aws:MultiFactorAuthPresent is for access keys) and without `ForAllValues` (which passes on no values).
 */
function requiresKey(c: ConditionEntry): boolean {
  const { set, base, ifExists } = operatorOf(c.operator);
  return !ifExists && set !== "forallvalues" && !/not|^null$/.test(base) && c.unreadable === undefined;
}

const wildcard = /[*?]/;
/** The part of a value before its first wildcard (all of it when it has none). */
const literalPrefix = (v: string) => v.split(/[*?]/)[0]!;

/** True when address ranges, taken together, hold every IPv4 or every IPv6 address (`0.0.0.0/0`, split or not). */
export function coversEveryAddress(ranges: readonly string[]): boolean {
  const spans = { ipv4: [] as [bigint, bigint][], ipv6: [] as [bigint, bigint][] };
  for (const r of ranges) {
    try {
      const [address, bits] = r.includes("/") ? ipaddr.parseCIDR(r) : [ipaddr.parse(r), -1];
      const width = address.kind() === "ipv4" ? 32 : 128;
      const prefix = bits < 0 ? width : bits;
      const start = address.toByteArray().reduce((n, b) => n * 256n + BigInt(b), 0n);
      const size = 1n << BigInt(width - prefix);
      const lo = (start / size) * size;
      spans[address.kind() as "ipv4" | "ipv6"].push([lo, lo + size - 1n]);
    } catch {
      // Not an address: it narrows nothing and widens nothing.
    }
  }
  const whole = (list: [bigint, bigint][], width: number) => {
    let next = 0n;
    for (const [lo, hi] of [...list].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      if (lo > next) return false;
      if (hi + 1n > next) next = hi + 1n;
    }
    return next >= 1n << BigInt(width);
  };
  return whole(spans.ipv4, 32) || whole(spans.ipv6, 128);
}

/** True when a value of a pinning key keeps the statement to someone: by the key's kind of value. */
export function valuePins(kind: (typeof AWS_PINNING_CONDITION_KEYS)[string], value: string): boolean {
  switch (kind) {
    case "organisation":
    case "account":
      return value !== "" && !wildcard.test(value);
    case "org-path":
      return /^o-[a-z0-9]+\//i.test(literalPrefix(value));
    case "vpc":
      return /^vpce?-[0-9a-z]+/i.test(literalPrefix(value));
    case "secret":
      return literalPrefix(value) !== "";
    case "network":
      return !coversEveryAddress([value]);
    case "mount-target":
      return /^true$/i.test(value);
    case "arn": {
      const parts = value.split(":");
      if (parts.length < 6 || parts[0] !== "arn") return false;
      const account = parts[4]!;
      if (account !== "") return /^\d{12}$/.test(account);
      // S3 ARNs carry no account: the bucket's name (globally unique) is what pins.
      return /^[a-z0-9]/i.test(literalPrefix(parts.slice(5).join(":")));
    }
  }
}

/**
 * True when a statement's conditions keep a `Principal "*"` statement to one organisation, account,
 * caller, source or network: a pinning key (case-insensitive, as IAM compares keys), tested so that
 * the key must be there, with values that each pin (`o-*`, `*`, an account wildcard, `0.0.0.0/0`
 * pin nothing). A wildcard is judged a wildcard whatever the operator.
 */
export function pinsWho(conditions: readonly ConditionEntry[]): boolean {
  return conditions.some((c) => {
    const kind = AWS_PINNING_CONDITION_KEYS[c.key.toLowerCase()];
    if (kind === undefined || !requiresKey(c) || c.values.length === 0) return false;
    if (kind === "network") return !coversEveryAddress(c.values) && operatorOf(c.operator).base === "ipaddress";
    return c.values.every((v) => valuePins(kind, v));
  });
}

/** What a statement's conditions ask of the caller: MFA, or a network (each judged by its value). */
export interface CallerNarrowing {
  readonly mfa: boolean;
  readonly network: boolean;
}

/** How an Allow statement's conditions narrow who can use it: MFA or a network, by value. */
export function allowNarrowing(conditions: readonly ConditionEntry[]): CallerNarrowing {
  let mfa = false;
  let network = false;
  for (const c of conditions) {
    if (!requiresKey(c)) continue;
    const key = c.key.toLowerCase();
    const { base } = operatorOf(c.operator);
    if (key === AWS_MFA_KEYS.present && base === "bool" && c.values.length && c.values.every((v) => /^true$/i.test(v)))
      mfa = true;
    if (key === AWS_MFA_KEYS.age && /^numericlessthan(equals)?$/.test(base)) mfa = true;
    if ((AWS_NETWORK_CONDITION_KEYS.addresses as readonly string[]).includes(key))
      network ||= base === "ipaddress" && c.values.length > 0 && !coversEveryAddress(c.values);
    if ((AWS_NETWORK_CONDITION_KEYS.ids as readonly string[]).includes(key))
      network ||= c.values.length > 0 && c.values.every((v) => valuePins("vpc", v));
  }
  return { mfa, network };
}

/**
 * What a Deny statement's condition withholds until: a deny that holds whenever MFA is missing
 * (`Bool[IfExists] aws:MultiFactorAuthPresent false`) asks for MFA, one that holds outside some
 * networks (`NotIpAddress aws:SourceIp`) asks for a network; `always` for no condition at all.
 * Any other condition makes a deny one the pack cannot count on.
 */
export function denyApplies(conditions: readonly ConditionEntry[]): "always" | CallerNarrowing | undefined {
  if (conditions.length === 0) return "always";
  if (conditions.some((c) => c.unreadable !== undefined)) return undefined;
  const gates = conditions.map((c) => {
    const key = c.key.toLowerCase();
    const { base, set } = operatorOf(c.operator);
    if (set) return undefined;
    if (key === AWS_MFA_KEYS.present && base === "bool" && c.values.length && c.values.every((v) => /^false$/i.test(v)))
      return "mfa";
    if (
      (AWS_NETWORK_CONDITION_KEYS.addresses as readonly string[]).includes(key) &&
      base === "notipaddress" &&
      !coversEveryAddress(c.values)
    )
      return "network";
    return undefined;
  });
  if (gates.some((g) => g === undefined) || new Set(gates).size !== 1) return undefined;
  return { mfa: gates[0] === "mfa", network: gates[0] === "network" };
}

/** Who a trust or resource policy statement names. */
export type PolicyPrincipal =
  | { readonly kind: "anyone" }
  | { readonly kind: "aws" | "federated" | "service" | "canonical"; readonly id: string }
  | { readonly kind: "unknown"; readonly why: Unreadable };

/** One statement of an IAM document, read: effect, actions, resources, principals and conditions. */
export interface IamStatement {
  readonly allow: boolean;
  /** Action patterns as written (IAM compares them case-insensitively); with `notAction`, every action but these. */
  readonly actions: readonly string[];
  readonly notAction: boolean;
  readonly resources: readonly string[];
  readonly notResource: boolean;
  /** The principals named (trust and resource policies); with `notPrincipal`, everyone but these. */
  readonly principals: readonly PolicyPrincipal[];
  readonly notPrincipal: boolean;
  readonly conditions: readonly ConditionEntry[];
  /** The fields that could not be read (read at their worst: any action, any resource), and why. */
  readonly unreadable: readonly { readonly field: string; readonly why: Unreadable }[];
}

/** A statement's list field, with entries that cannot be read kept as `*` (their worst). */
function patterns(statement: Record<string, unknown>, field: string, unreadable: { field: string; why: Unreadable }[]) {
  const v = statement[field];
  const whole = unreadableOf(v);
  if (whole) {
    unreadable.push({ field, why: whole });
    return ["*"];
  }
  const p = plain(v);
  if (p !== undefined && typeof p !== "string" && !Array.isArray(p)) {
    unreadable.push({ field, why: "shape" });
    return ["*"];
  }
  const entries = typeof p === "string" ? [p] : ((p ?? []) as unknown[]);
  return entries.map((e) => {
    const why = unreadableOf(e) ?? (typeof plain(e) === "string" ? undefined : "shape");
    if (why) unreadable.push({ field, why });
    return why ? "*" : str(e)!;
  });
}

function principalsOf(p: unknown, unreadable: { field: string; why: Unreadable }[], field: string): PolicyPrincipal[] {
  const whole = unreadableOf(p);
  if (whole) {
    unreadable.push({ field, why: whole });
    return [{ kind: "unknown", why: whole }];
  }
  const v = plain(p);
  if (v === undefined) return [];
  if (v === "*") return [{ kind: "anyone" }];
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    unreadable.push({ field, why: "shape" });
    return [{ kind: "unknown", why: "shape" }];
  }
  return Object.entries(v).flatMap(([kind, ids]) => {
    const list = unreadableOf(ids) ? [ids] : typeof plain(ids) === "string" ? [ids] : ((plain(ids) ?? []) as unknown[]);
    return list.map((id): PolicyPrincipal => {
      const why = unreadableOf(id) ?? (typeof plain(id) === "string" ? undefined : "shape");
      if (why) {
        unreadable.push({ field, why });
        return { kind: "unknown", why };
      }
      const text = str(id)!;
      const k = kind.toLowerCase();
      if (text === "*" && (k === "aws" || k === "*")) return { kind: "anyone" };
      // An account wildcard in a principal ARN names every account's principals.
      if (k === "aws" && /^arn:[^:]*:iam::\*:/i.test(text)) return { kind: "anyone" };
      return k === "federated"
        ? { kind: "federated", id: text }
        : k === "service"
          ? { kind: "service", id: text }
          : k === "canonicaluser"
            ? { kind: "canonical", id: text }
            : { kind: "aws", id: text };
    });
  });
}

/**
 * The statements of a document, read: undefined when the document cannot be read at all (not known
 * until apply, a secret, not JSON, no statements in a recognisable shape). Effects are compared
 * case-insensitively and an unreadable one counts as Allow.
 */
export function readStatements(document: unknown): IamStatement[] | undefined {
  if (unreadableOf(document)) return undefined;
  const raw = iamStatements(document);
  if (raw === undefined) return undefined;
  return raw.map((s): IamStatement => {
    const unreadable: { field: string; why: Unreadable }[] = [];
    const effect = s.Effect;
    const effectWhy = unreadableOf(effect);
    if (effectWhy) unreadable.push({ field: "Effect", why: effectWhy });
    const notAction = s.NotAction !== undefined && s.Action === undefined;
    const notResource = s.NotResource !== undefined && s.Resource === undefined;
    const notPrincipal = s.NotPrincipal !== undefined && s.Principal === undefined;
    return {
      allow: !/^deny$/i.test(str(effect) ?? ""),
      actions: patterns(s, notAction ? "NotAction" : "Action", unreadable),
      notAction,
      resources:
        s.Resource === undefined && s.NotResource === undefined
          ? ["*"]
          : patterns(s, notResource ? "NotResource" : "Resource", unreadable),
      notResource,
      principals: principalsOf(
        notPrincipal ? s.NotPrincipal : s.Principal,
        unreadable,
        notPrincipal ? "NotPrincipal" : "Principal",
      ),
      notPrincipal,
      conditions: conditionEntries(s),
      unreadable,
    };
  });
}

/**
 * True when a Deny to everyone holds for every request outside one organisation, account, source or
 * network (`StringNotEquals aws:PrincipalOrgID o-...`, `NotIpAddress aws:SourceIp ...`): what it
 * denies is then pinned, however open the Allow beside it.
 */
export function denyPinsWho(conditions: readonly ConditionEntry[]): boolean {
  return (
    conditions.length > 0 &&
    conditions.every((c) => {
      const kind = AWS_PINNING_CONDITION_KEYS[c.key.toLowerCase()];
      const { set, base } = operatorOf(c.operator);
      if (kind === undefined || set || c.unreadable || !c.values.length) return false;
      if (kind === "network") return base === "notipaddress" && !coversEveryAddress(c.values);
      return /^(string|arn)not(equals|like)(ignorecase)?$/.test(base) && c.values.every((v) => valuePins(kind, v));
    })
  );
}
