import type { GroupMembership } from "../model";
import type { ResourceIndex } from "../index-resources";
import type { PlannedResource } from "../resource";
import { isUnknown, listEntries, plain, str, UNKNOWN_VALUE } from "../values";
import { originOf, principalNameOf } from "./origin";
import type { ReaderDeclaration } from "./registry";

export const ENTRA_GROUPS = {
  group: "azuread:index/group:Group",
  groupWithoutMembers: "azuread:index/groupWithoutMembers:GroupWithoutMembers",
  member: "azuread:index/groupMember:GroupMember",
  /** PIM for Groups: an active membership or ownership, permanent or time-bound. */
  pimAssignment: "azuread:index/privilegedAccessGroupAssignmentSchedule:PrivilegedAccessGroupAssignmentSchedule",
  /** PIM for Groups: an eligible membership or ownership. */
  pimEligibility: "azuread:index/privilegedAccessGroupEligibilitySchedule:PrivilegedAccessGroupEligibilitySchedule",
} as const;

const GROUP_TYPES = [ENTRA_GROUPS.group, ENTRA_GROUPS.groupWithoutMembers];

/**
 * One principal a reference names, as the readers link grants and memberships: a resource of the
 * stack by its URN (whether its id is known or not), and any principal by its object id once known.
 */
export interface PrincipalRef {
  /** `urn:<urn>`, `id:<object id in lower case>`. None: the reference cannot be read. */
  readonly keys: readonly string[];
  /** The resource of the stack it names, if one. */
  readonly resource?: PlannedResource;
  /** The object id (lower case), when known. */
  readonly id?: string;
  /** Several resources of the stack it could be (an unknown value among several dependencies). */
  readonly candidates?: readonly PlannedResource[];
}

const idKeyOf = (id: string) => `id:${id.toLowerCase()}`;

function refOf(index: ResourceIndex, r: PlannedResource): PrincipalRef {
  const id = (index.idOf(r) ?? str(r.inputs.objectId))?.toLowerCase();
  return { keys: [`urn:${r.urn}`, ...(id ? [idKeyOf(id)] : [])], resource: r, ...(id ? { id } : {}) };
}

/** The principals the values of one property name: each value once, resolved as ResourceIndex does. */
export function principalRefs(
  index: ResourceIndex,
  r: PlannedResource,
  property: string,
  values: readonly unknown[] = listEntries(r.inputs[property]),
  type?: string | readonly string[],
): PrincipalRef[] {
  const [refs] = index.resolve(r, property, [values], type);
  return [
    ...refs!.targets.map((t) => refOf(index, t)),
    ...refs!.others.map((v): PrincipalRef => {
      const id = str(v);
      return id === undefined || id === UNKNOWN_VALUE || isUnknown(v) || id.startsWith("(")
        ? { keys: [] }
        : { keys: [idKeyOf(id)], id: id.toLowerCase() };
    }),
    ...refs!.anyOf.map((c): PrincipalRef => ({ keys: c.flatMap((t) => refOf(index, t).keys), candidates: c })),
  ];
}

/** How memberships name a principal: the stack's own as `<type>:<display name>`, others by object id. */
export function memberLabel(p: PrincipalRef): string {
  if (p.resource)
    return `${p.resource.type.split(":").pop()!.toLowerCase()}:${str(p.resource.inputs.displayName) ?? p.resource.name}`;
  if (p.candidates)
    return `(one of ${p.candidates
      .map((c) => principalNameOf(c))
      .sort()
      .join(", ")})`;
  return p.id ?? UNKNOWN_VALUE;
}

/** How grants name a principal (as `principalName` does): the stack's own by its name, others by id. */
export function grantLabel(p: PrincipalRef): string {
  if (p.resource) return principalNameOf(p.resource);
  if (p.candidates)
    return `(one of ${p.candidates
      .map((c) => principalNameOf(c))
      .sort()
      .join(", ")})`;
  return p.id ?? "(unknown)";
}

/** How a group is named: its object id once known; a new group of the stack by its name; else unknown. */
export function groupLabel(p: PrincipalRef): string {
  if (p.id) return p.id;
  if (p.resource) return `(new group ${principalNameOf(p.resource)})`;
  if (p.candidates)
    return `(one of ${p.candidates
      .map((c) => principalNameOf(c))
      .sort()
      .join(", ")})`;
  return UNKNOWN_VALUE;
}

/** One principal put into one group, as a member or an owner, standing or only when activated. */
export interface GroupLink {
  /** The group: no keys when it cannot be read (then it could be any group). */
  readonly group: PrincipalRef;
  readonly member: PrincipalRef;
  readonly relation: "member" | "owner";
  /** False for eligible or time-bound memberships (PIM for Groups). */
  readonly permanent: boolean;
  readonly eligible: boolean;
  readonly origin: PlannedResource;
  /** What is owned, when not a group: `application X` (its owner adds credentials and signs in as it). */
  readonly owned?: string;
}

export const ENTRA_APPS = {
  application: "azuread:index/application:Application",
  registration: "azuread:index/applicationRegistration:ApplicationRegistration",
  owner: "azuread:index/applicationOwner:ApplicationOwner",
  servicePrincipal: "azuread:index/servicePrincipal:ServicePrincipal",
} as const;

const APPLICATIONS = [ENTRA_APPS.application, ENTRA_APPS.registration];

const ownership = new WeakMap<ResourceIndex, GroupLink[]>();

/**
 * Who owns the stack's service principals: an owner of an application, or of its service principal,
 * adds credentials and signs in as it, so it holds whatever the service principal holds. Read from
 * ApplicationOwner, an Application's or ApplicationRegistration's `owners`, a ServicePrincipal's `owners`.
 */
export function ownershipLinks(index: ResourceIndex): GroupLink[] {
  const known = ownership.get(index);
  if (known) return known;
  const out: GroupLink[] = [];
  const ownersOf = (app: PlannedResource) => [
    ...(app.inputs.owners === undefined ? [] : principalRefs(index, app, "owners").map((o) => ({ o, origin: app }))),
    ...index
      .ofType(ENTRA_APPS.owner)
      .filter((r) =>
        principalRefs(index, r, "applicationId", [r.inputs.applicationId], APPLICATIONS).some(
          (a) => a.resource === app,
        ),
      )
      .flatMap((r) =>
        principalRefs(index, r, "ownerObjectId", [r.inputs.ownerObjectId]).map((o) => ({ o, origin: r })),
      ),
  ];
  for (const sp of index.ofType(ENTRA_APPS.servicePrincipal)) {
    const owned = refOf(index, sp);
    const clientId = str(sp.inputs.clientId)?.toLowerCase();
    const apps = [
      ...index.referenced(sp, "clientId", APPLICATIONS),
      ...index
        .ofType(...APPLICATIONS)
        .filter((a) => clientId !== undefined && str(a.inputs.clientId)?.toLowerCase() === clientId),
    ];
    const link = (o: PrincipalRef, origin: PlannedResource, what: string) =>
      out.push({ group: owned, member: o, relation: "owner", permanent: true, eligible: false, origin, owned: what });
    for (const app of new Set(apps))
      for (const { o, origin } of ownersOf(app)) link(o, origin, `application ${principalNameOf(app)}`);
    if (sp.inputs.owners !== undefined)
      for (const o of principalRefs(index, sp, "owners")) link(o, sp, `service principal ${principalNameOf(sp)}`);
  }
  ownership.set(index, out);
  return out;
}

/** PIM for Groups' `assignmentType`, as the API compares it: `owner` or `member` (unreadable: member, as wide). */
const relationOf = (v: unknown): "member" | "owner" => (str(v)?.toLowerCase() === "owner" ? "owner" : "member");

const links = new WeakMap<ResourceIndex, GroupLink[]>();

/**
 * Every membership and ownership the stack declares: GroupMember resources, a Group's own `members`
 * and `owners`, and PIM for Groups schedules (active or eligible, member or owner).
 */
export function groupLinks(index: ResourceIndex): GroupLink[] {
  const known = links.get(index);
  if (known) return known;
  const out: GroupLink[] = [];
  const add = (group: PrincipalRef, members: PrincipalRef[], rest: Omit<GroupLink, "group" | "member">) =>
    out.push(...members.map((member) => ({ group, member, ...rest })));
  for (const r of index.ofType(ENTRA_GROUPS.member)) {
    const groups = principalRefs(index, r, "groupObjectId", [r.inputs.groupObjectId], GROUP_TYPES);
    for (const group of groups)
      add(group, principalRefs(index, r, "memberObjectId", [r.inputs.memberObjectId]), {
        relation: "member",
        permanent: true,
        eligible: false,
        origin: r,
      });
  }
  for (const g of index.ofType(...GROUP_TYPES)) {
    const group = refOf(index, g);
    for (const relation of ["member", "owner"] as const) {
      const property = relation === "member" ? "members" : "owners";
      if (g.inputs[property] === undefined) continue;
      add(group, principalRefs(index, g, property), { relation, permanent: true, eligible: false, origin: g });
    }
  }
  for (const r of index.ofType(ENTRA_GROUPS.pimAssignment, ENTRA_GROUPS.pimEligibility)) {
    const eligible = r.type === ENTRA_GROUPS.pimEligibility;
    // Active and permanent unless it names an end (an unreadable flag counts as permanent, the wider).
    const bounded =
      plain(r.inputs.permanentAssignment) !== true &&
      !isUnknown(r.inputs.permanentAssignment) &&
      (r.inputs.expirationDate !== undefined || r.inputs.duration !== undefined);
    for (const group of principalRefs(index, r, "groupId", [r.inputs.groupId], GROUP_TYPES))
      add(group, principalRefs(index, r, "principalId", [r.inputs.principalId]), {
        relation: relationOf(r.inputs.assignmentType),
        permanent: !eligible && !bounded,
        eligible,
        origin: r,
      });
  }
  links.set(index, out);
  return out;
}

/** One way a principal comes to hold what a group holds: through a link, perhaps via nested groups. */
export interface ReachThroughGroup {
  readonly link: GroupLink;
  /** `membership of group X`, `ownership of group Y (in group X)`. */
  readonly via: string;
  /** Every link on the way is standing. */
  readonly permanent: boolean;
}

const MAX_NESTING = 5;

/**
 * Everyone who holds what `holder` holds because they are in it: its members and owners (an owner
 * can add itself), and the members of groups nested in it, as Entra and Azure evaluate membership
 * transitively; for a service principal, the owners of it and of its application. A link into a
 * group that cannot be read is not here: readers judge it on its own.
 */
export function throughGroups(index: ResourceIndex, holder: PrincipalRef): ReachThroughGroup[] {
  const all = [...groupLinks(index), ...ownershipLinks(index)];
  const out: ReachThroughGroup[] = [];
  const seen = new Set<GroupLink>();
  let frontier: { keys: Set<string>; path: string; permanent: boolean }[] = [
    { keys: new Set(holder.keys), path: "", permanent: true },
  ];
  for (let depth = 0; depth < MAX_NESTING && frontier.length > 0; depth++) {
    const next: typeof frontier = [];
    for (const f of frontier)
      for (const link of all) {
        if (seen.has(link) || !link.group.keys.some((k) => f.keys.has(k))) continue;
        seen.add(link);
        const what = link.owned
          ? `ownership of ${link.owned}${f.path}, whose owner adds credentials and signs in as it`
          : `${link.relation === "owner" ? "ownership" : "membership"} of group ${groupLabel(link.group)}${f.path}`;
        const permanent = f.permanent && link.permanent;
        out.push({ link, via: what, permanent });
        if (link.member.keys.length > 0)
          next.push({
            keys: new Set(link.member.keys),
            path: link.owned ? ` (owner of ${link.owned}${f.path})` : ` (in group ${groupLabel(link.group)}${f.path})`,
            permanent,
          });
      }
    frontier = next;
  }
  return out;
}

/** Who is put into which Entra group, for the identity rules: members and owners, standing or eligible. */
export function readGroupMemberships(index: ResourceIndex): GroupMembership[] {
  return groupLinks(index).map((l) => ({
    group: groupLabel(l.group),
    member: memberLabel(l.member).toLowerCase(),
    ...(l.member.id ? { memberId: l.member.id } : {}),
    ...(l.relation === "owner" ? { relation: "owner" as const } : {}),
    ...(l.eligible ? { eligible: true } : {}),
    origin: originOf(l.origin),
  }));
}

export const READER: ReaderDeclaration = {
  name: "group-members",
  feeds: { "identity.memberships": Object.values(ENTRA_GROUPS) },
};
