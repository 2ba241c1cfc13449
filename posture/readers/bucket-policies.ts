import type { PublicGrant } from "../model";
import type { ResourceIndex } from "../index-resources";
import { isUnknown, obj, plain, str, strs } from "../values";
import { originOf } from "./origin";

export const S3_BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";

/** Conditions that keep a `Principal "*"` statement to a network, an organisation or a caller. */
const PINNING_KEYS = [
  "aws:sourcevpce",
  "aws:sourcevpc",
  "aws:sourceip",
  "aws:principalorgid",
  "aws:principalaccount",
  "aws:sourcearn",
  "aws:sourceaccount",
  "aws:principalarn",
];

const listOf = (v: unknown) => (typeof plain(v) === "string" ? [str(v)!] : strs(v));

/** Reads what S3 bucket policies allow everyone (Principal "*", no pinning condition). */
export function readPublicGrants(index: ResourceIndex): PublicGrant[] {
  return index.ofType(S3_BUCKET_POLICY).flatMap((r): PublicGrant[] => {
    const policy = r.inputs.policy;
    if (policy === undefined || isUnknown(policy)) return [];
    let doc: unknown = plain(policy);
    if (typeof doc === "string") {
      try {
        doc = JSON.parse(doc);
      } catch {
        return [];
      }
    }
    const raw = plain(obj(doc).Statement);
    const statements = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(obj);
    const actions = statements
      .filter((s) => str(s.Effect) === "Allow")
      .filter((s) => {
        const p = plain(s.Principal);
        return p === "*" || listOf(obj(p).AWS).includes("*");
      })
      .filter((s) => {
        const keys = Object.values(obj(s.Condition)).flatMap((op) => Object.keys(obj(op)).map((k) => k.toLowerCase()));
        return !keys.some((k) => PINNING_KEYS.includes(k));
      })
      .flatMap((s) => (s.NotAction !== undefined ? ["(every action but some: NotAction)"] : listOf(s.Action)));
    return actions.length ? [{ resource: "S3 bucket", actions: [...new Set(actions)], origin: originOf(r) }] : [];
  });
}
