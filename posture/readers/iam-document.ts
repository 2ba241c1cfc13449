import { obj, plain, str, strs } from "../values";
import { AWS_PINNING_CONDITION_KEYS } from "../../catalog/aws-iam";

/** A statement's field as a list: IAM takes one string or a list. */
export const listOf = (v: unknown): string[] => (typeof plain(v) === "string" ? [str(v)!] : strs(v));

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
  readonly operator: string;
  readonly key: string;
  readonly values: readonly string[];
}

/** A statement's conditions, one entry per operator and key, values as strings. */
export function conditionEntries(statement: Record<string, unknown>): ConditionEntry[] {
  return Object.entries(obj(statement.Condition)).flatMap(([operator, tests]) =>
    Object.entries(obj(tests)).map(([key, value]) => {
      const p = plain(value);
      return { operator, key, values: typeof p === "boolean" || typeof p === "number" ? [String(p)] : listOf(value) };
    }),
  );
}

/**
 * True when conditions keep a `Principal "*"` statement to one organisation, account, caller,
 * source or network (a pinning key, compared case-insensitively as IAM does).
 */
export const pinsWho = (conditions: Readonly<Record<string, readonly string[]>>): boolean =>
  Object.keys(conditions).some((k) => AWS_PINNING_CONDITION_KEYS.includes(k.toLowerCase()));

/** A statement's condition keys (as written) with their values, whatever the operator. */
export function conditionValues(statement: Record<string, unknown>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { key, values } of conditionEntries(statement)) out[key] = [...(out[key] ?? []), ...values];
  return out;
}
