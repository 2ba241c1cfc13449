import type { RoleTrust } from "../model";
import type { ResourceIndex } from "../index-resources";
import { isUnknown, obj, plain, str } from "../values";
import { conditionValues, iamStatements, listOf, pinsWho } from "./iam-document";
import { originOf, principalNameOf } from "./origin";
import type { ReaderDeclaration } from "./registry";

export const IAM_ROLE = "aws:iam/role:Role";

/** Reads who may assume each IAM role, from its trust policy (`assumeRolePolicy`). */
export function readRoleTrusts(index: ResourceIndex): RoleTrust[] {
  return index.ofType(IAM_ROLE).flatMap((r): RoleTrust[] => {
    const role = `role:${principalNameOf(r)}`;
    const policy = r.inputs.assumeRolePolicy;
    if (policy === undefined) return [];
    const unknown: RoleTrust[] = [
      { role, principal: { kind: "unknown" }, conditions: {}, pinned: false, origin: originOf(r) },
    ];
    if (isUnknown(policy)) return unknown;
    const statements = iamStatements(policy);
    if (statements === undefined) return unknown;
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
        const c = conditionValues(s);
        const pinned = pinsWho(c);
        return principals.map((principal) => ({ role, principal, conditions: c, pinned, origin: originOf(r) }));
      });
  });
}

export const READER: ReaderDeclaration = {
  name: "role-trust",
  feeds: { "privilege.trusts": [IAM_ROLE] },
};
