import type { GroupMembership } from "../model";
import { refNames, type ResourceIndex } from "../index-resources";
import type { PlannedResource } from "../resource";
import { listEntries, str, UNKNOWN_VALUE } from "../values";
import { originOf } from "./origin";
import type { ReaderDeclaration } from "./registry";

export const ENTRA_GROUPS = {
  group: "azuread:index/group:Group",
  member: "azuread:index/groupMember:GroupMember",
} as const;

/** An object id in lower case (Entra compares them so), or the stack's own principal by its resource name. */
const memberName = (t: PlannedResource) =>
  `${t.type.split(":").pop()!.toLowerCase()}:${str(t.inputs.displayName) ?? t.name}`;

/**
 * Reads who is put into which Entra group: GroupMember resources, and the `members` a Group
 * declares. A group is named by its object id where known (a group outside the stack, or deployed).
 */
export function readGroupMemberships(index: ResourceIndex): GroupMembership[] {
  const groupId = (g: PlannedResource) => (index.idOf(g) ?? str(g.inputs.objectId))?.toLowerCase();
  const fromMembers = index.ofType(ENTRA_GROUPS.member).flatMap((r): GroupMembership[] => {
    const [groups] = index.resolve(r, "groupObjectId", [[r.inputs.groupObjectId]], ENTRA_GROUPS.group);
    const group = groups!.targets[0] ? groupId(groups!.targets[0]) : groups!.others[0]?.toLowerCase();
    const [member] = index.resolve(r, "memberObjectId", [[r.inputs.memberObjectId]]);
    return refNames(member!, memberName).map((m) => ({
      group: group ?? UNKNOWN_VALUE,
      member: m.toLowerCase(),
      origin: originOf(r),
    }));
  });
  const fromGroups = index.ofType(ENTRA_GROUPS.group).flatMap((g): GroupMembership[] => {
    const id = groupId(g);
    if (id === undefined || g.inputs.members === undefined) return [];
    const [members] = index.resolve(g, "members", [listEntries(g.inputs.members)]);
    return refNames(members!, memberName).map((m) => ({ group: id, member: m.toLowerCase(), origin: originOf(g) }));
  });
  return [...fromMembers, ...fromGroups];
}

export const READER: ReaderDeclaration = {
  name: "group-members",
  feeds: { "identity.memberships": Object.values(ENTRA_GROUPS) },
};
