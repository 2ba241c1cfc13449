import type { RoleTrust } from "../model";
import type { ResourceIndex } from "../index-resources";
import { allowNarrowing, pinsWho, readStatements, unreadableOf, type IamStatement } from "./iam-document";
import { matchesAction } from "./iam-actions";
import { originOf, principalNameOf } from "./origin";
import type { ReaderDeclaration } from "./registry";

export const IAM_ROLE = "aws:iam/role:Role";

/** The actions by which a principal takes a role. */
const ASSUME = ["sts:assumerole", "sts:assumerolewithwebidentity", "sts:assumerolewithsaml"];

const assumes = (s: IamStatement) =>
  ASSUME.some((a) =>
    s.notAction ? !s.actions.some((p) => matchesAction(p, a)) : s.actions.some((p) => matchesAction(p, a)),
  );

/**
 * Reads who may assume each IAM role, from its trust policy (`assumeRolePolicy`), as IAM reads it:
 * `NotPrincipal` with Allow is everyone but a few (anyone), an account wildcard in a principal ARN
 * is every account, conditions pin by their values. A trust that cannot be read is anyone's
 * (posture/unknown.ts, "trusted-principal"), named with why.
 */
export function readRoleTrusts(index: ResourceIndex): RoleTrust[] {
  return index.ofType(IAM_ROLE).flatMap((r): RoleTrust[] => {
    const role = `role:${principalNameOf(r)}`;
    const policy = r.inputs.assumeRolePolicy;
    if (policy === undefined) return [];
    const statements = readStatements(policy);
    if (statements === undefined) {
      const why = unreadableOf(policy) ?? "shape";
      return [{ role, principal: { kind: "unknown", why }, conditions: {}, pinned: false, origin: originOf(r) }];
    }
    return statements
      .filter((s) => s.allow && assumes(s))
      .flatMap((s) => {
        const conditions: Record<string, string[]> = {};
        // Only tests that match the values they name (no negation, Null or ForAllValues): a CI
        // provider's `sub` tested by StringNotLike names every repository but one. (IfExists changes
        // nothing for a claim every token carries; the MFA and pinning keys are judged apart.)
        for (const c of s.conditions.filter(
          (c) => c.unreadable === undefined && !/not|^null|forallvalues/i.test(c.operator),
        ))
          conditions[c.key] = [...(conditions[c.key] ?? []), ...c.values];
        const pinned = pinsWho(s.conditions);
        const mfa = allowNarrowing(s.conditions).mfa;
        const principals: RoleTrust["principal"][] = s.notPrincipal
          ? [{ kind: "anyone" }]
          : s.principals.map((p): RoleTrust["principal"] =>
              p.kind === "anyone" || p.kind === "unknown"
                ? p
                : { kind: p.kind === "canonical" ? "aws" : p.kind, id: p.id },
            );
        return principals.map((principal) => ({ role, principal, conditions, pinned, mfa, origin: originOf(r) }));
      });
  });
}

export const READER: ReaderDeclaration = {
  name: "role-trust",
  feeds: { "privilege.trusts": [IAM_ROLE] },
};
