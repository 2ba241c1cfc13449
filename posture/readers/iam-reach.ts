import type { PrivilegeGrant } from "../model";
import { isUnknown, str } from "../values";
import { conditionEntries, iamStatements, listOf } from "./iam-document";
import { AWS_ADMIN_EQUIVALENT_ACTIONS, AWS_ADMIN_EQUIVALENT_POLICIES } from "../../catalog/well-known-ids";
import {
  AWS_ASSUME_ANY_ROLE,
  AWS_NARROWING_CONDITION_KEYS,
  AWS_PASSROLE_LAUNCHERS,
  AWS_SELF_ESCALATION_ACTIONS,
} from "../../catalog/aws-iam";

/** What an IAM policy amounts to: `permission` says it for people, `reach` for the rules. */
export type IamReach = Pick<PrivilegeGrant, "permission" | "reach">;

const UNKNOWN_POLICY: IamReach = { permission: "a policy not known until apply", reach: "unknown" };

/** An IAM action pattern (`iam:Attach*`, `ec2:Run?nstances`) as IAM matches it: case-insensitive globs. */
const pattern = (p: string) =>
  new RegExp(
    `^${p
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
    "i",
  );

/**
 * True when a condition keeps the statement from every caller: MFA or a network, with a value that
 * is not a wildcard and an operator without `IfExists` (which passes when the key is absent, as it
 * is for access keys). A region or TLS condition holds for anyone.
 */
const narrowed = (s: Record<string, unknown>) =>
  conditionEntries(s).some(
    (c) =>
      AWS_NARROWING_CONDITION_KEYS.includes(c.key.toLowerCase()) &&
      !/ifexists$/i.test(c.operator) &&
      c.values.some((v) => v !== "*"),
  );

/**
 * What an IAM document allows on every resource: full admin (every action, every IAM action,
 * everything but a few through `NotAction`), a known escalation path (an action that rewrites or
 * attaches policies, `iam:PassRole` with a way to launch code, `sts:AssumeRole` on every role), or
 * less. `Statement` may be one object or a list, and the document a JSON string or an object.
 */
export function iamReach(document: unknown): IamReach {
  if (isUnknown(document)) return UNKNOWN_POLICY;
  const statements = iamStatements(document);
  if (statements === undefined) return { permission: "(unparsed policy)", reach: "unknown" };
  const everywhere = statements.filter(
    (s) =>
      str(s.Effect) === "Allow" && !narrowed(s) && (listOf(s.Resource).includes("*") || s.NotResource !== undefined),
  );
  const patterns = everywhere.flatMap((s) => listOf(s.Action).map(pattern));
  const allowed = (action: string) => patterns.some((p) => p.test(action));
  if (
    everywhere.some((s) => s.NotAction !== undefined) ||
    everywhere.some((s) => listOf(s.Action).some((a) => AWS_ADMIN_EQUIVALENT_ACTIONS.includes(a.toLowerCase())))
  )
    return { permission: "*:*", reach: "admin" };
  const escalation = AWS_SELF_ESCALATION_ACTIONS.filter(allowed);
  if (escalation.length) return { permission: `self-escalation (${escalation.join(", ")})`, reach: "admin" };
  const launchers = allowed("iam:passrole") ? AWS_PASSROLE_LAUNCHERS.filter(allowed) : [];
  if (launchers.length) return { permission: `iam:passrole with ${launchers.join(", ")}`, reach: "admin" };
  if (allowed(AWS_ASSUME_ANY_ROLE)) return { permission: "sts:assumerole on every role", reach: "admin" };
  return { permission: "limited", reach: "limited" };
}

/** The name of an AWS managed policy (`arn:aws[-partition]:iam::aws:policy/<name>`); undefined for any other ARN. */
export const awsManagedPolicyName = (arn: string | undefined): string | undefined =>
  /^arn:aws[\w-]*:iam::aws:policy\/(.+)$/.exec(arn ?? "")?.[1];

/** True for an AWS managed policy that amounts to full admin, in any partition. */
export function isAdminEquivalentPolicy(arn: string | undefined): boolean {
  const name = awsManagedPolicyName(arn);
  return name !== undefined && AWS_ADMIN_EQUIVALENT_POLICIES.includes(name);
}
