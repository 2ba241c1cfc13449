import type { PrivilegeGrant } from "../model";
import { refNames, type ResourceIndex } from "../index-resources";
import type { PlannedResource } from "../resource";
import { arr, listEntries, obj, plain, UNKNOWN_VALUE } from "../values";
import {
  judgeStatements,
  policyByArn,
  split,
  statementsOf,
  unreadablePolicy,
  type IamReach,
  type Statements,
} from "./iam-reach";
import { unreadableOf, type IamStatement } from "./iam-document";
import { IAM_ROLE } from "./role-trust";
import { originOf, principalNameOf } from "./origin";
import type { ReaderDeclaration } from "./registry";

export const IAM = {
  policy: "aws:iam/policy:Policy",
  userPolicy: "aws:iam/userPolicy:UserPolicy",
  groupPolicy: "aws:iam/groupPolicy:GroupPolicy",
  rolePolicy: "aws:iam/rolePolicy:RolePolicy",
  userAttachment: "aws:iam/userPolicyAttachment:UserPolicyAttachment",
  groupAttachment: "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
  roleAttachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  policyAttachment: "aws:iam/policyAttachment:PolicyAttachment",
  userAttachmentsExclusive: "aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive",
  groupAttachmentsExclusive: "aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive",
  roleAttachmentsExclusive: "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive",
  /** Users put into groups: each then holds the group's policies, allows and denies. */
  groupMembership: "aws:iam/groupMembership:GroupMembership",
  userGroupMembership: "aws:iam/userGroupMembership:UserGroupMembership",
  /** A role's own `managedPolicyArns` and `inlinePolicies`. */
  role: IAM_ROLE,
} as const;

const IAM_USER = "aws:iam/user:User";
const IAM_GROUP = "aws:iam/group:Group";

type PrincipalType = PrivilegeGrant["principalType"];

/** One policy a principal holds: its statements when the pack can read them, else its reach as judged whole. */
interface Held {
  readonly principal: string;
  readonly principalType: PrincipalType;
  readonly origin: PlannedResource;
  readonly statements?: readonly IamStatement[];
  readonly reach?: IamReach;
}

/** `<type>:<name>` for each principal the values under a property name (resources of the stack by their name). */
function principalsNamed(index: ResourceIndex, r: PlannedResource, property: string, prefix: string, type: string) {
  const v = r.inputs[property];
  const [refs] = index.resolve(r, property, [Array.isArray(plain(v)) ? listEntries(v) : [v]], type);
  return refNames(refs!, principalNameOf).map((n) => `${prefix}:${n === UNKNOWN_VALUE ? "(unknown)" : n}`);
}

/** A resource's short name in a permission: `UserPolicy 'dev-launch'`. */
const named = (r: PlannedResource) => `${r.type.split(":").pop()} '${r.name}'`;

/**
 * Reads the AWS IAM policies people, groups and roles hold (inline, attached, exclusive sets, a role's
 * own) and judges them as IAM evaluates them: all of one principal's policies together, a user's with
 * those of the groups the stack puts it in. A deny in any of them takes an action back from all;
 * halves of an escalation in two policies (iam:PassRole here, a launcher there) are one escalation,
 * reported on the principal's policy that completes it (or on the membership that joins them).
 */
export function readAwsIamGrants(index: ResourceIndex): PrivilegeGrant[] {
  const held: Held[] = [];
  const hold = (
    r: PlannedResource,
    principal: string,
    principalType: PrincipalType,
    document: unknown,
    property: string,
  ) => {
    const statements = statementsOf(document);
    held.push(
      statements === undefined
        ? { principal, principalType, origin: r, reach: unreadablePolicy(unreadableOf(document) ?? "shape", property) }
        : { principal, principalType, origin: r, statements },
    );
  };

  /** The managed policies under a property: a policy of the stack by its document, others by name. */
  const attached = (r: PlannedResource, property: string, values: unknown[], principals: [string, PrincipalType][]) => {
    const [refs] = index.resolve(r, property, [values], IAM.policy);
    for (const [principal, principalType] of principals) {
      for (const p of refs!.targets)
        hold(r, principal, principalType, p.inputs.policy, `${property} -> ${p.name}.policy`);
      for (const arn of refs!.others) {
        const policy = policyByArn(arn, property);
        held.push({ principal, principalType, origin: r, ...policy });
      }
      for (const candidates of refs!.anyOf) {
        // One of several policies of the stack, no way to pin which: the worst of them.
        const reaches = candidates.map((p) => ({ p, st: statementsOf(p.inputs.policy) }));
        const worst = reaches.find((x) => x.st && judgeStatements(split(x.st)).reach === "admin") ?? reaches[0]!;
        hold(r, principal, principalType, worst.p.inputs.policy, `${property} -> ${worst.p.name}.policy`);
      }
    }
  };

  // Inline policies, attachments and exclusive attachment sets, one per kind of principal.
  const inline: [string, PrincipalType, string][] = [
    [IAM.userPolicy, "user", IAM_USER],
    [IAM.groupPolicy, "group", IAM_GROUP],
    [IAM.rolePolicy, "role", IAM_ROLE],
  ];
  for (const [type, principalType, target] of inline)
    for (const r of index.ofType(type))
      for (const p of principalsNamed(index, r, principalType, principalType, target))
        hold(r, p, principalType, r.inputs.policy, "policy");
  const attachments: [string, PrincipalType, string, string, string][] = [
    [IAM.userAttachment, "user", "user", "policyArn", IAM_USER],
    [IAM.groupAttachment, "group", "group", "policyArn", IAM_GROUP],
    [IAM.roleAttachment, "role", "role", "policyArn", IAM_ROLE],
    [IAM.userAttachmentsExclusive, "user", "userName", "policyArns", IAM_USER],
    [IAM.groupAttachmentsExclusive, "group", "groupName", "policyArns", IAM_GROUP],
    [IAM.roleAttachmentsExclusive, "role", "roleName", "policyArns", IAM_ROLE],
  ];
  for (const [type, principalType, principalProperty, policyProperty, target] of attachments)
    for (const r of index.ofType(type)) {
      const principals = principalsNamed(index, r, principalProperty, principalType, target);
      const values = policyProperty === "policyArn" ? [r.inputs.policyArn] : listEntries(r.inputs[policyProperty]);
      attached(
        r,
        policyProperty,
        values,
        principals.map((p) => [p, principalType]),
      );
    }
  for (const r of index.ofType(IAM.policyAttachment)) {
    const principals = (
      [
        ["users", "user", IAM_USER],
        ["groups", "group", IAM_GROUP],
        ["roles", "role", IAM_ROLE],
      ] as const
    ).flatMap(([property, principalType, target]) =>
      r.inputs[property] === undefined
        ? []
        : principalsNamed(index, r, property, principalType, target).map((p): [string, PrincipalType] => [
            p,
            principalType,
          ]),
    );
    attached(r, "policyArn", [r.inputs.policyArn], principals);
  }
  for (const r of index.ofType(IAM.role)) {
    const principal = `role:${principalNameOf(r)}`;
    const managed = listEntries(r.inputs.managedPolicyArns);
    if (managed.length) attached(r, "managedPolicyArns", managed, [[principal, "role"]]);
    arr(r.inputs.inlinePolicies).forEach((p, i) =>
      hold(r, principal, "role", obj(p).policy, `inlinePolicies[${i}].policy`),
    );
  }

  // Which groups the stack puts each user in, and through which resource.
  const groupsOf = new Map<string, { group: string; via: PlannedResource }[]>();
  const join = (user: string, group: string, via: PlannedResource) =>
    groupsOf.set(user, [...(groupsOf.get(user) ?? []), { group, via }]);
  for (const r of index.ofType(IAM.groupMembership))
    for (const group of principalsNamed(index, r, "group", "group", IAM_GROUP))
      for (const user of principalsNamed(index, r, "users", "user", IAM_USER)) join(user, group, r);
  for (const r of index.ofType(IAM.userGroupMembership))
    for (const user of principalsNamed(index, r, "user", "user", IAM_USER))
      for (const group of principalsNamed(index, r, "groups", "group", IAM_GROUP)) join(user, group, r);

  // Permissions boundaries: a user's or role's effective permissions lie within its boundary's, when
  // the boundary is a policy of the stack (AWS's own and outside policies are not counted on).
  const boundaries = new Map<string, Statements>();
  for (const [type, prefix] of [
    [IAM_USER, "user"],
    [IAM_ROLE, "role"],
  ] as const)
    for (const r of index.ofType(type)) {
      if (r.inputs.permissionsBoundary === undefined) continue;
      const [refs] = index.resolve(r, "permissionsBoundary", [[r.inputs.permissionsBoundary]], IAM.policy);
      const statements = refs!.targets.length === 1 ? statementsOf(refs!.targets[0]!.inputs.policy) : undefined;
      if (statements) boundaries.set(`${prefix}:${principalNameOf(r)}`, split(statements));
    }

  return judgePrincipals(held, groupsOf, boundaries);
}

/** The grants of every principal, each of its policies judged with all the others it holds. */
function judgePrincipals(
  held: readonly Held[],
  groupsOf: ReadonlyMap<string, readonly { group: string; via: PlannedResource }[]>,
  boundaries: ReadonlyMap<string, Statements>,
): PrivilegeGrant[] {
  const byPrincipal = new Map<string, Held[]>();
  for (const h of held) byPrincipal.set(h.principal, [...(byPrincipal.get(h.principal) ?? []), h]);
  // Grants come out in the order the policies were read (a membership's after them all).
  const grants: [number, PrivilegeGrant][] = [];
  const grant = (h: Pick<Held, "principal" | "principalType" | "origin">, reach: IamReach, at: number) =>
    grants.push([
      at,
      {
        kind: "aws-iam",
        principal: h.principal,
        principalType: h.principalType,
        ...reach,
        permanent: true,
        origin: originOf(h.origin),
      },
    ]);
  const standing = (hs: readonly Held[]) => hs.flatMap((h) => split(h.statements ?? []).standing);
  const deniesOf = (hs: readonly Held[]) => hs.flatMap((h) => split(h.statements ?? []).denies);
  const adminAlone = new Set<string>();

  // Groups first: a user's verdict depends on whether a group of its is admin on its own.
  const principals = [...new Set([...byPrincipal.keys(), ...groupsOf.keys()])].sort(
    (a, b) => Number(a.startsWith("user:")) - Number(b.startsWith("user:")),
  );
  for (const principal of principals) {
    const own = byPrincipal.get(principal) ?? [];
    const memberships = groupsOf.get(principal) ?? [];
    const inherited = memberships.flatMap((m) => byPrincipal.get(m.group) ?? []);
    const all = [...own, ...inherited];
    const denies = deniesOf(all);
    const within = boundaries.get(principal);
    const judge = (hs: readonly Held[]) =>
      judgeStatements({ standing: standing(hs), denies, ...(within ? { within } : {}) });
    const reaches = own.map((h) => h.reach ?? judge([h]));
    if (reaches.some((r) => r.reach === "admin") || memberships.some((m) => adminAlone.has(m.group)))
      adminAlone.add(principal);
    const together = adminAlone.has(principal) ? undefined : judge(all);
    if (together?.reach === "admin") {
      // Halves of one escalation in several policies: reported once, on the principal's own policy
      // that takes part (without it, no escalation), else on the membership that joins the groups.
      const takesPart = (h: Held) => h.statements !== undefined && judge(all.filter((o) => o !== h)).reach !== "admin";
      const carrier = own.findIndex(takesPart);
      const partners = all.filter((o) => o.statements && (carrier < 0 || o !== own[carrier]) && takesPart(o));
      const names = partners.map((o) =>
        o.principal === principal ? named(o.origin) : `${o.principal}'s ${named(o.origin)}`,
      );
      if (carrier >= 0)
        reaches[carrier] = {
          permission: `${together.permission} (with ${[...new Set(names)].join(", ")})`,
          reach: "admin",
        };
      else if (memberships.length)
        grant(
          { principal, principalType: "user", origin: memberships[memberships.length - 1]!.via },
          {
            permission: `${together.permission} (through ${[...new Set(memberships.map((m) => m.group))].join(", ")})`,
            reach: "admin",
          },
          held.length + grants.length,
        );
    }
    own.forEach((h, i) => grant(h, reaches[i]!, held.indexOf(h)));
  }
  return grants.sort((a, b) => a[0] - b[0]).map(([, g]) => g);
}

export const READER: ReaderDeclaration = {
  name: "aws-iam-grants",
  feeds: { "privilege.grants": Object.values(IAM) },
  consults: [IAM.policy, IAM_USER, IAM_GROUP],
};
