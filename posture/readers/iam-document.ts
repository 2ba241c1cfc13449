import { obj, plain, str, strs } from "../values";

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

/** A statement's condition keys (as written) with their values, whatever the operator. */
export function conditionValues(statement: Record<string, unknown>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const operator of Object.values(obj(statement.Condition)))
    for (const [key, value] of Object.entries(obj(operator))) {
      const p = plain(value);
      const values = typeof p === "boolean" || typeof p === "number" ? [String(p)] : listOf(value);
      out[key] = [...(out[key] ?? []), ...values];
    }
  return out;
}
