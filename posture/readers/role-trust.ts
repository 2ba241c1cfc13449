import type { RoleTrust } from "../model";
import type { ResourceIndex } from "../index-resources";
import { isUnknown, obj, plain, str, strs } from "../values";
import { originOf } from "./origin";

export const IAM_ROLE = "aws:iam/role:Role";

/** A statement's field as a list: IAM takes one string or a list. */
const listOf = (v: unknown) => (typeof plain(v) === "string" ? [str(v)!] : strs(v));

/** Condition keys (`aws:PrincipalOrgID`, `token.actions.githubusercontent.com:sub`…) with their values. */
function conditions(c: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const operator of Object.values(obj(c)))
    for (const [key, value] of Object.entries(obj(operator))) out[key] = [...(out[key] ?? []), ...listOf(value)];
  return out;
}

/** Reads who may assume each IAM role, from its trust policy (`assumeRolePolicy`). */
export function readRoleTrusts(index: ResourceIndex): RoleTrust[] {
  return index.ofType(IAM_ROLE).flatMap((r): RoleTrust[] => {
    const policy = r.inputs.assumeRolePolicy;
    if (policy === undefined) return [];
    if (isUnknown(policy)) return [{ principal: { kind: "unknown" }, conditions: {}, origin: originOf(r) }];
    const text = plain(policy);
    let doc: unknown = text;
    if (typeof text === "string") {
      try {
        doc = JSON.parse(text);
      } catch {
        return [{ principal: { kind: "unknown" }, conditions: {}, origin: originOf(r) }];
      }
    }
    const raw = plain(obj(doc).Statement);
    const statements = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(obj);
    return statements
      .filter(
        (s) => str(s.Effect) === "Allow" && listOf(s.Action).some((a) => /^(sts:assumerole\w*|sts:\*|\*)$/i.test(a)),
      )
      .flatMap((s) => {
        const p = plain(s.Principal);
        const principals: RoleTrust["principal"][] =
          p === "*"
            ? [{ kind: "anyone" }]
            : Object.entries(obj(p)).flatMap(([kind, ids]) =>
                listOf(ids).map((id): RoleTrust["principal"] =>
                  kind === "AWS" && id === "*"
                    ? { kind: "anyone" }
                    : kind === "Federated"
                      ? { kind: "federated", id }
                      : kind === "Service"
                        ? { kind: "service", id }
                        : { kind: "aws", id },
                ),
              );
        const c = conditions(s.Condition);
        return principals.map((principal) => ({ principal, conditions: c, origin: originOf(r) }));
      });
  });
}
