import type { PublicGrant } from "../model";
import type { ResourceIndex } from "../index-resources";
import { isUnknown, obj, plain, str } from "../values";
import { conditionValues, iamStatements, listOf } from "./iam-document";
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

/** Reads what S3 bucket policies allow everyone (Principal "*", no pinning condition). */
export function readPublicGrants(index: ResourceIndex): PublicGrant[] {
  return index.ofType(S3_BUCKET_POLICY).flatMap((r): PublicGrant[] => {
    const policy = r.inputs.policy;
    if (policy === undefined || isUnknown(policy)) return [];
    const statements = iamStatements(policy);
    if (statements === undefined) return [];
    const actions = statements
      .filter((s) => str(s.Effect) === "Allow")
      .filter((s) => {
        const p = plain(s.Principal);
        return p === "*" || listOf(obj(p).AWS).includes("*");
      })
      .filter((s) => !Object.keys(conditionValues(s)).some((k) => PINNING_KEYS.includes(k.toLowerCase())))
      .flatMap((s) => (s.NotAction !== undefined ? ["(every action but some: NotAction)"] : listOf(s.Action)));
    return actions.length ? [{ resource: "S3 bucket", actions: [...new Set(actions)], origin: originOf(r) }] : [];
  });
}
