import type { GroupMembership } from "../../../../posture/model";
import { UNKNOWN_VALUE } from "../../../../posture/values";
import type { Finding, StackRule } from "../../rule";
import { resourceName } from "../support";

/** How a finding says what the membership does: puts a member in, or makes an owner (who can add anyone). */
function puts(m: GroupMembership, group: string): string {
  const when = m.eligible ? " (eligible: once activated)" : "";
  return m.relation === "owner"
    ? `${resourceName(m.origin)} makes ${m.member} an owner${when} of ${group}`
    : `${resourceName(m.origin)} puts ${m.member}${when} into ${group}`;
}

const UNREADABLE_GROUP =
  "a group that cannot be read (its groupObjectId or groupId is not known until apply, or a secret)";

const OWNER_NOTE = " An owner can add anyone to the group, itself included.";
const ownerNote = (m: GroupMembership) => (m.relation === "owner" ? OWNER_NOTE : "");

export const identityNoBreakGlassMembersAdded: StackRule = {
  // A stack rule: a Group's own object id is known only from its outputs, which Analyze does not carry.
  kind: "stack",
  name: "identity-no-break-glass-members-added",
  layer: "identity",
  description:
    "Nobody but the break-glass accounts is put into (or made an owner of) the break-glass group, which every Conditional Access policy excludes; nor anyone undeclared into a group a policy excludes. A group that cannot be read counts as both.",
  severity: "critical",
  enforcementLevel: "mandatory",
  frameworks: ["ztmm-identity-access-management", "nis2-21-2-i"],
  references: ["Microsoft Learn: manage emergency access accounts in Entra ID", "CISA SCuBA MS.AAD.7.4v1"],
  remediation:
    "Remove the membership; to add an emergency account, add it to the profile's break-glass accounts first (zt policy-config); to exclude someone from a policy, declare the exclusion with a reason (identity.exclusions).",
  uses: ["breakGlass", "declaredExclusions"],
  judge: (posture, s) => {
    const breakGlass = new Set(s.breakGlass.groups);
    const accounts = new Set(s.breakGlass.users);
    // Each group a policy excludes, with the policies that exclude it (in the stack, or declared in the config).
    const excludedBy = new Map<string, Set<string>>();
    const exclude = (group: string, policy: string) =>
      excludedBy.set(group, (excludedBy.get(group) ?? new Set()).add(policy));
    for (const p of posture.identity.policies.filter((p) => p.state !== "disabled"))
      for (const g of p.users.excludeGroups) exclude(g, p.displayName);
    for (const d of s.declaredExclusions) for (const id of d.ids) exclude(id, d.policy);
    const declared = (policy: string, member: string) =>
      s.declaredExclusions.some((d) => d.policy === policy && d.ids.includes(member));

    return posture.identity.memberships.flatMap((m): Finding[] => {
      const member = m.memberId ?? m.member;
      if (accounts.has(member)) return [];
      const unreadable = m.group === UNKNOWN_VALUE;
      if (breakGlass.has(m.group) || (unreadable && breakGlass.size > 0))
        return [
          {
            urn: m.origin.urn,
            message: unreadable
              ? `${puts(m, UNREADABLE_GROUP)}: it could be the break-glass group, and skip every Conditional Access policy.${ownerNote(m)} Name the group by a reference to the stack's group or its object id; only the break-glass accounts belong in the break-glass group.`
              : `${puts(m, `break-glass group ${m.group}`)}: it would skip every Conditional Access policy.${ownerNote(m)} Only the break-glass accounts belong there.`,
          },
        ];
      const policies = unreadable
        ? [...new Set([...excludedBy.values()].flatMap((ps) => [...ps]))]
        : [...(excludedBy.get(m.group) ?? [])];
      const skipped = policies.filter((p) => !declared(p, member)).sort();
      if (skipped.length === 0) return [];
      const many = skipped.length > 1;
      const policy = `Conditional Access ${many ? "policies" : "policy"} ${skipped.map((p) => `'${p}'`).join(", ")}`;
      const which = unreadable
        ? `${UNREADABLE_GROUP}, which could be one that ${policy} exclude${many ? "" : "s"}`
        : `group ${m.group}, which ${policy} exclude${many ? "" : "s"}`;
      return [
        {
          urn: m.origin.urn,
          message: `${puts(m, which)}: ${m.member} would skip ${many ? "them" : "it"}.${ownerNote(m)} Declare the member's exclusion with a reason (identity.exclusions), or remove the membership.`,
        },
      ];
    });
  },
};
