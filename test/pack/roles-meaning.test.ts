import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deployed } from "../../engine/deployed-outputs";
import { judgeInProcess } from "../../engine/in-process-pack";
import type { Diagnostic, PackConfig } from "../../engine/pack-server";
import type { PlannedResource } from "../../posture/resource";
import { handWritten, usePack } from "../pack-harness";

// Roles judged by the permissions they carry, and who reaches a role through groups: Entra roles
// Microsoft marks privileged, custom directory roles, memberships and ownerships of role-holding and
// Conditional Access-excluded groups, delegated (tenant-wide) Graph consents, Azure roles built-in
// and custom. Each case runs as a new stack's preview (ids unknown, references as unknowns with
// property dependencies) and as the deployed stack (ids and provider outputs known).

const { ctx, unconfigured } = usePack();

type Json = Record<string, unknown>;
type View = "new" | "deployed";
const VIEWS: readonly View[] = ["new", "deployed"];
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const SUB = "/subscriptions/7c9e6679-7425-40de-944b-e07fc1f90ae7";
const USER = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
const OTHER = "cccccccc-bbbb-4ccc-8ddd-eeeeeeeeeeee";
const GRAPH = "00000003-0000-0000-c000-000000000000";
const BREAK_GLASS_GROUP = "9e4c2a7b-1f3d-4b6e-8a5c-2d7f0e1b3c94";
const BREAK_GLASS_ACCOUNT = "0b7e5d3c-2a1f-4e8d-9c6b-4a3f2e1d0c5b";
const KIOSK_GROUP = "5a8e3f1d-6c2b-4d9a-8e7f-1b3c5d7e9f20";

/** A reference to another resource of the stack: unknown in a new stack's preview, its output once deployed. */
interface Ref {
  readonly ref: PlannedResource;
  readonly output: string;
  /** An entry of a map output (`appRoleIds["Directory.ReadWrite.All"]`). */
  readonly key?: string;
}
const ref = (target: PlannedResource, output = "id", key?: string): Ref => ({
  ref: target,
  output,
  ...(key ? { key } : {}),
});
const isRef = (v: unknown): v is Ref => typeof v === "object" && v !== null && "ref" in v && "output" in v;

/** Builds hand-written resources in one view: references become unknowns with dependencies, or deployed values. */
function stackIn(view: View) {
  const resources: PlannedResource[] = [];
  const valueOf = (r: Ref): unknown => {
    if (view === "new") return UNKNOWN;
    const out = r.output === "id" ? r.ref.id : (r.ref.outputs as Json)[r.output];
    return r.key === undefined ? out : (out as Json)[r.key];
  };
  /** `outputs`: what the provider computes beyond the mock's (an azuread id that is a known object id, say). */
  function add(type: string, name: string, inputs: Json, outputs: Json = {}): PlannedResource {
    const deps: Record<string, string[]> = {};
    const walk = (v: unknown, top: string): unknown => {
      if (isRef(v)) {
        deps[top] = [...new Set([...(deps[top] ?? []), v.ref.urn])];
        return valueOf(v);
      }
      if (Array.isArray(v)) return v.map((x) => walk(x, top));
      if (typeof v === "object" && v !== null)
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, top)]));
      return v;
    };
    const plain = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, walk(v, k)]));
    let r = handWritten(type, name, plain, deps);
    if (view === "deployed") {
      const d = deployed({ type, name, inputs: plain });
      r = { ...r, id: (outputs.id as string | undefined) ?? d.id, outputs: { ...d.outputs, ...outputs } };
    }
    resources.push(r);
    return r;
  }
  return { add, resources };
}

/** The served verdict on hand-written resources under a config, held to the in-process one. */
async function judged(resources: readonly PlannedResource[], config: PackConfig): Promise<Diagnostic[]> {
  await ctx.server.configure(config);
  const served = await ctx.server.analyzeAll(resources);
  expect(judgeInProcess(resources, config), "in-process verdict = served verdict").toEqual(served);
  return served;
}

/** The resources (by name) a policy blocks, in order; and every notice. */
async function verdict(resources: readonly PlannedResource[], rule: string, config?: PackConfig) {
  const found = config ? await judged(resources, config) : undefined;
  const plain = config ? undefined : await unconfigured(resources);
  const mandatory = found ? found.filter((d) => d.enforcementLevel === "mandatory") : plain!.mandatory;
  const notices = found
    ? found
        .filter((d) => d.policyName === "pack-notices")
        .map((d) => d.message)
        .join("\n")
    : plain!.notices;
  const hits = mandatory.filter((d) => d.policyName === rule);
  return {
    blocked: hits.map((d) => d.urn!.split("::").pop()!),
    messages: hits.map((d) => d.message),
    notices,
  };
}

const DIRECTORY_ROLE = "azuread:index/directoryRole:DirectoryRole";
const ROLE_ASSIGNMENT = "azuread:index/directoryRoleAssignment:DirectoryRoleAssignment";
const ROLE_ELIGIBILITY =
  "azuread:index/directoryRoleEligibilityScheduleRequest:DirectoryRoleEligibilityScheduleRequest";
const ROLE_MEMBER = "azuread:index/directoryRoleMember:DirectoryRoleMember";
const UNIT_ROLE_MEMBER = "azuread:index/administrativeUnitRoleMember:AdministrativeUnitRoleMember";
const CUSTOM_ROLE = "azuread:index/customDirectoryRole:CustomDirectoryRole";
const GROUP = "azuread:index/group:Group";
const GROUP_MEMBER = "azuread:index/groupMember:GroupMember";
const USER_TYPE = "azuread:index/user:User";
const PIM_GROUP_ASSIGNMENT =
  "azuread:index/privilegedAccessGroupAssignmentSchedule:PrivilegedAccessGroupAssignmentSchedule";
const PIM_GROUP_ELIGIBILITY =
  "azuread:index/privilegedAccessGroupEligibilitySchedule:PrivilegedAccessGroupEligibilitySchedule";
const APPLICATION = "azuread:index/application:Application";
const SERVICE_PRINCIPAL = "azuread:index/servicePrincipal:ServicePrincipal";
const APP_ROLE_ASSIGNMENT = "azuread:index/appRoleAssignment:AppRoleAssignment";
const DELEGATED = "azuread:index/servicePrincipalDelegatedPermissionGrant:ServicePrincipalDelegatedPermissionGrant";
const RA = "azure-native:authorization:RoleAssignment";
const RD = "azure-native:authorization:RoleDefinition";
const CLASSIC_RA = "azure:authorization/assignment:Assignment";
const AZURE_ELIGIBILITY = "azure-native:authorization:PimRoleEligibilitySchedule";
const RESOURCE_GROUP = "azure-native:resources:ResourceGroup";

describe.each(VIEWS)("in the %s view", (view) => {
  describe("privilege-no-permanent-global-admin: every role Microsoft marks privileged, and custom roles by their permissions", () => {
    const rule = "privilege-no-permanent-global-admin";
    const custom = (s: ReturnType<typeof stackIn>, name: string, actions: unknown) =>
      s.add(CUSTOM_ROLE, name, {
        displayName: name,
        enabled: true,
        version: "1.0",
        permissions: [{ allowedResourceActions: actions }],
      });
    const assign = (s: ReturnType<typeof stackIn>, name: string, roleId: unknown, type = ROLE_ASSIGNMENT) =>
      s.add(
        type,
        name,
        type === ROLE_ASSIGNMENT
          ? { roleId, principalObjectId: USER }
          : { roleDefinitionId: roleId, principalId: USER, directoryScopeId: "/", justification: "On call" },
      );

    it("blocks standing roles beyond SCuBA's eleven, however the role is named; passes roles Microsoft does not mark", async () => {
      const s = stackIn(view);
      const helpdesk = s.add(
        DIRECTORY_ROLE,
        "helpdesk",
        { displayName: "helpdesk administrator" },
        { templateId: "729827e3-9c14-49f7-bb1b-9608f156bbb8" },
      );
      const intune = s.add(DIRECTORY_ROLE, "intune", { templateId: "3A2C62DB-5318-420D-8D74-23AFFEE5D9D5" });
      const groupsAdmin = s.add(DIRECTORY_ROLE, "groups-admin", { displayName: "Groups Administrator" });
      const passwordAdmin = s.add(DIRECTORY_ROLE, "password-admin", { displayName: "Password Administrator" });
      assign(s, "authentication-admin", "c4e39bd9-1100-46d3-8c65-fb160da0071f");
      assign(s, "global-reader", "F2EF992C-3AFB-46B9-B7CF-A126EE74C451");
      assign(s, "helpdesk-by-name", ref(helpdesk, "templateId"));
      s.add(ROLE_MEMBER, "intune-member", { roleObjectId: ref(intune, "objectId"), memberObjectId: USER });
      s.add(UNIT_ROLE_MEMBER, "unit-password-admin", {
        roleObjectId: ref(passwordAdmin, "objectId"),
        memberObjectId: USER,
        administrativeUnitObjectId: OTHER,
      });
      s.add(ROLE_MEMBER, "groups-admin-member", { roleObjectId: ref(groupsAdmin, "objectId"), memberObjectId: USER });
      assign(s, "reports-reader", "4a5d8f65-41da-4de4-8968-e035b65339cf");
      assign(s, "eligible-authentication-admin", "c4e39bd9-1100-46d3-8c65-fb160da0071f", ROLE_ELIGIBILITY);
      const v = await verdict(s.resources, rule);
      expect(v.blocked).toEqual([
        "authentication-admin",
        "global-reader",
        "helpdesk-by-name",
        "intune-member",
        "unit-password-admin",
      ]);
      expect(v.messages[0]).toMatch(/makes principal:aaaaaaaa.* a permanent Authentication Administrator\./);
      expect(v.messages[1]).toMatch(
        /a permanent Global Reader, a role Microsoft marks privileged for the restricted data/,
      );
    });

    it("names one role alike however it is written: template id in any case, display name in any case, an activated role", async () => {
      const s = stackIn(view);
      const byName = s.add(
        DIRECTORY_ROLE,
        "auth-admin-by-name",
        { displayName: "AUTHENTICATION administrator" },
        { templateId: "c4e39bd9-1100-46d3-8c65-fb160da0071f" },
      );
      const byId = s.add(DIRECTORY_ROLE, "auth-admin-by-id", { templateId: "C4E39BD9-1100-46D3-8C65-FB160DA0071F" });
      assign(s, "lower-case-id", "c4e39bd9-1100-46d3-8c65-fb160da0071f");
      assign(s, "upper-case-id", "C4E39BD9-1100-46D3-8C65-FB160DA0071F");
      assign(s, "through-named-role", ref(byName, "templateId"));
      s.add(ROLE_MEMBER, "member-of-named-role", { roleObjectId: ref(byName, "objectId"), memberObjectId: USER });
      s.add(ROLE_MEMBER, "member-of-id-role", { roleObjectId: ref(byId, "objectId"), memberObjectId: USER });
      const v = await verdict(s.resources, rule);
      expect(v.blocked.sort()).toEqual([
        "lower-case-id",
        "member-of-id-role",
        "member-of-named-role",
        "through-named-role",
        "upper-case-id",
      ]);
      for (const m of v.messages) expect(m).toMatch(/a permanent Authentication Administrator\. Only break-glass/);
    });

    it("judges a custom directory role by the actions it allows, in any case and in their broad forms", async () => {
      const s = stackIn(view);
      const roles = {
        "app-credentials": ["microsoft.directory/applications/credentials/update"],
        "all-users": ["Microsoft.Directory/Users/AllProperties/AllTasks"],
        "role-assignments": ["microsoft.directory/roleAssignments/allProperties/allTasks"],
        "sp-owners": ["microsoft.directory/servicePrincipals/owners/update"],
        "group-joiner": ["microsoft.directory/groups/members/update"],
        "bitlocker-keys": ["microsoft.directory/bitlockerKeys/key/read"],
        unreadable: UNKNOWN,
        "app-basics": [
          "microsoft.directory/applications/basic/update",
          "microsoft.directory/applications/standard/read",
        ],
        "user-reads": ["microsoft.directory/users/standard/read", "microsoft.directory/roleAssignments/standard/read"],
      };
      for (const [name, actions] of Object.entries(roles)) {
        const role = custom(s, name, actions);
        assign(s, `assign-${name}`, ref(role, "objectId"));
      }
      const eligible = custom(s, "eligible-credentials", ["microsoft.directory/applications/credentials/update"]);
      assign(s, "assign-eligible-credentials", ref(eligible, "objectId"), ROLE_ELIGIBILITY);
      const v = await verdict(s.resources, rule);
      expect(v.blocked).toEqual([
        "assign-app-credentials",
        "assign-all-users",
        "assign-role-assignments",
        "assign-sp-owners",
        "assign-group-joiner",
        "assign-bitlocker-keys",
        "assign-unreadable",
      ]);
      expect(v.messages[0]).toMatch(
        /a permanent holder of custom role app-credentials \(microsoft\.directory\/applications\/credentials\/update\)\. Only break-glass/,
      );
      expect(v.messages[6]).toMatch(/custom role unreadable \(permissions not known\), which cannot be read/);
    });

    it("blocks a role id that is neither a built-in role nor one of the stack's", async () => {
      const s = stackIn(view);
      assign(s, "outside-custom", "11111111-2222-4333-8444-555555555555");
      const v = await verdict(s.resources, rule);
      expect(v.blocked).toEqual(["outside-custom"]);
      expect(v.messages[0]).toMatch(
        /neither a Microsoft built-in role .* nor a role of this stack, so it is judged privileged/,
      );
    });
  });

  describe("groups as a path to a role: members and owners hold what the group holds", () => {
    const rule = "privilege-no-permanent-global-admin";
    const roleGroup = (s: ReturnType<typeof stackIn>, name: string, extra: Json = {}) =>
      s.add(GROUP, name, { displayName: name, securityEnabled: true, assignableToRole: true, ...extra });

    it("a standalone member, a Group's own members and owners, PIM for Groups: the same grant, standing or not", async () => {
      const s = stackIn(view);
      const user = s.add(USER_TYPE, "dana", { displayName: "Dana", userPrincipalName: "dana@contoso.example" });
      const admins = roleGroup(s, "helpdesk-admins", { members: [ref(user, "objectId")], owners: [OTHER] });
      s.add(ROLE_ELIGIBILITY, "group-helpdesk-eligible", {
        roleDefinitionId: "c4e39bd9-1100-46d3-8c65-fb160da0071f",
        principalId: ref(admins, "objectId"),
        directoryScopeId: "/",
        justification: "Helpdesk escalations",
      });
      s.add(ROLE_ASSIGNMENT, "group-helpdesk", {
        roleId: "729827e3-9c14-49f7-bb1b-9608f156bbb8",
        principalObjectId: ref(admins, "objectId"),
      });
      s.add(GROUP_MEMBER, "erin-in-admins", { groupObjectId: ref(admins, "objectId"), memberObjectId: USER });
      s.add(PIM_GROUP_ASSIGNMENT, "frank-standing", {
        groupId: ref(admins, "objectId"),
        principalId: "dddddddd-bbbb-4ccc-8ddd-eeeeeeeeeeee",
        assignmentType: "Member",
        permanentAssignment: true,
      });
      s.add(PIM_GROUP_ASSIGNMENT, "gina-for-a-day", {
        groupId: ref(admins, "objectId"),
        principalId: "eeeeeeee-bbbb-4ccc-8ddd-eeeeeeeeeeee",
        assignmentType: "member",
        duration: "P1D",
      });
      s.add(PIM_GROUP_ELIGIBILITY, "hank-eligible", {
        groupId: ref(admins, "objectId"),
        principalId: "ffffffff-bbbb-4ccc-8ddd-eeeeeeeeeeee",
        assignmentType: "owner",
        permanentAssignment: true,
      });
      const v = await verdict(s.resources, rule);
      expect([...new Set(v.blocked)].sort()).toEqual([
        "erin-in-admins",
        "frank-standing",
        "group-helpdesk",
        "helpdesk-admins",
      ]);
      const byGroup = v.messages.filter((m) => m.includes("\nGroup 'helpdesk-admins'"));
      expect(byGroup).toEqual([
        expect.stringMatching(/makes principal:Dana a permanent Helpdesk Administrator, through membership of group/),
        expect.stringMatching(
          /makes principal:cccccccc.* a permanent Helpdesk Administrator, through ownership of group/,
        ),
      ]);
      expect(v.messages.join("\n")).toMatch(
        /GroupMember 'erin-in-admins' makes principal:aaaaaaaa.* through membership of group/,
      );
    });

    it("follows nested groups and Azure roles held by a group; passes groups that hold only an eligible or a non-privileged role", async () => {
      const s = stackIn(view);
      const outer = roleGroup(s, "tier0");
      const inner = s.add(GROUP, "tier0-oncall", { displayName: "tier0-oncall", securityEnabled: true });
      s.add(ROLE_ASSIGNMENT, "tier0-ga", {
        roleId: "62e90394-69f5-4237-9190-012177145e10",
        principalObjectId: ref(outer, "objectId"),
      });
      s.add(GROUP_MEMBER, "oncall-in-tier0", {
        groupObjectId: ref(outer, "objectId"),
        memberObjectId: ref(inner, "objectId"),
      });
      s.add(GROUP_MEMBER, "ivy-in-oncall", { groupObjectId: ref(inner, "objectId"), memberObjectId: USER });
      const readers = roleGroup(s, "readers");
      s.add(ROLE_ASSIGNMENT, "readers-role", {
        roleId: "88d8e3e3-8f55-4a1e-953a-9b9898b8876b",
        principalObjectId: ref(readers, "objectId"),
      });
      s.add(GROUP_MEMBER, "jo-in-readers", { groupObjectId: ref(readers, "objectId"), memberObjectId: USER });
      const v = await verdict(s.resources, rule);
      expect(v.blocked).toEqual(["tier0-ga", "oncall-in-tier0", "ivy-in-oncall"]);
      expect(v.messages[2]).toMatch(
        /GroupMember 'ivy-in-oncall' makes principal:aaaaaaaa.* a permanent Global Administrator, through membership of group .* \(in group .*\)/,
      );

      const ops = s.add(GROUP, "ops", { displayName: "ops", securityEnabled: true });
      s.add(RA, "ops-owner", {
        principalId: ref(ops, "objectId"),
        principalType: "Group",
        roleDefinitionId: `${SUB}/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635`,
        scope: SUB,
      });
      s.add(GROUP_MEMBER, "kim-in-ops", { groupObjectId: ref(ops, "objectId"), memberObjectId: USER });
      const azure = await verdict(s.resources, "privilege-no-broad-azure-roles");
      expect(azure.blocked).toEqual(["ops-owner", "kim-in-ops"]);
      expect(azure.messages[1]).toMatch(
        /gives principal:aaaaaaaa.* standing Owner on \/subscriptions\/.* through membership of group/,
      );
    });

    it("an app's owners hold what its service principal holds: Graph app roles, directory and Azure roles; not a harmless app's", async () => {
      const s = stackIn(view);
      const app = s.add(APPLICATION, "automation", { displayName: "automation", owners: [USER] });
      const sp = s.add(SERVICE_PRINCIPAL, "automation", { clientId: ref(app, "clientId"), owners: [OTHER] });
      s.add("azuread:index/applicationOwner:ApplicationOwner", "automation-second-owner", {
        applicationId: ref(app),
        ownerObjectId: "dddddddd-bbbb-4ccc-8ddd-eeeeeeeeeeee",
      });
      s.add(APP_ROLE_ASSIGNMENT, "automation-roles", {
        appRoleId: "9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8",
        principalObjectId: ref(sp, "objectId"),
        resourceObjectId: "bbbbbbbb-bbbb-4ccc-8ddd-eeeeeeeeeeee",
      });
      s.add(RA, "automation-owner", {
        principalId: ref(sp, "objectId"),
        principalType: "ServicePrincipal",
        roleDefinitionId: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
        scope: SUB,
      });
      const reporting = s.add(APPLICATION, "reporting", { displayName: "reporting", owners: [USER] });
      const reportingSp = s.add(SERVICE_PRINCIPAL, "reporting", { clientId: ref(reporting, "clientId") });
      s.add(APP_ROLE_ASSIGNMENT, "reporting-read-users", {
        appRoleId: "df021288-bdef-4463-88db-98f22de89214",
        principalObjectId: ref(reportingSp, "objectId"),
        resourceObjectId: "bbbbbbbb-bbbb-4ccc-8ddd-eeeeeeeeeeee",
      });
      const graph = await verdict(s.resources, "privilege-no-directory-control-for-apps");
      expect(graph.blocked.sort()).toEqual(["automation", "automation", "automation-roles", "automation-second-owner"]);
      expect(graph.messages.join("\n")).toMatch(
        /ApplicationOwner 'automation-second-owner' gives principal:dddddddd.* the Graph app role RoleManagement\.ReadWrite\.Directory, through ownership of application automation, whose owner adds credentials and signs in as it/,
      );
      const azure = await verdict(s.resources, "privilege-no-broad-azure-roles");
      expect(azure.blocked.sort()).toEqual(["automation", "automation", "automation-owner", "automation-second-owner"]);
    });

    it("a member of a group that cannot be read could be in any group: judged as holding a privileged role", async () => {
      const s = stackIn(view);
      s.add(GROUP_MEMBER, "somewhere", { groupObjectId: UNKNOWN, memberObjectId: USER });
      const v = await verdict(s.resources, rule);
      expect(v.blocked).toEqual(["somewhere"]);
      expect(v.messages[0]).toMatch(/through membership of a group that cannot be read/);
    });
  });

  describe("identity-no-break-glass-members-added: the break-glass group, and groups Conditional Access excludes", () => {
    const rule = "identity-no-break-glass-members-added";
    /** The example's break-glass group and accounts, and the kiosk group its profile declares excluded from one policy. */
    const config = (declared: string[] = []) => ({
      [rule]: {
        breakGlass: { groups: [BREAK_GLASS_GROUP], users: [BREAK_GLASS_ACCOUNT] },
        declaredExclusions: [
          { policy: "Require compliant device", ids: [KIOSK_GROUP, ...declared], reason: "Warehouse kiosks." },
        ],
      },
    });
    it("blocks an undeclared member or owner of an excluded group, in every shape; passes declared members and other groups", async () => {
      const s = stackIn(view);
      const user = s.add(USER_TYPE, "lee", { displayName: "Lee", userPrincipalName: "lee@contoso.example" });
      s.add(GROUP_MEMBER, "lee-in-kiosk", {
        groupObjectId: KIOSK_GROUP.toUpperCase(),
        memberObjectId: ref(user, "objectId"),
      });
      s.add(GROUP_MEMBER, "declared-in-kiosk", { groupObjectId: KIOSK_GROUP, memberObjectId: OTHER });
      s.add(PIM_GROUP_ELIGIBILITY, "owner-of-kiosk", {
        groupId: KIOSK_GROUP,
        principalId: USER,
        assignmentType: "owner",
        duration: "PT8H",
      });
      s.add(GROUP_MEMBER, "bg-account-in-bg", {
        groupObjectId: BREAK_GLASS_GROUP,
        memberObjectId: BREAK_GLASS_ACCOUNT,
      });
      s.add(GROUP_MEMBER, "user-in-bg", { groupObjectId: BREAK_GLASS_GROUP, memberObjectId: USER });
      s.add(GROUP_MEMBER, "elsewhere", { groupObjectId: "11111111-2222-4333-8444-555555555555", memberObjectId: USER });
      s.add(GROUP_MEMBER, "unreadable", { groupObjectId: UNKNOWN, memberObjectId: USER });
      const v = await verdict(s.resources, rule, config([OTHER]));
      const byName = new Map(v.blocked.map((name, i) => [name, v.messages[i]!]));
      expect([...byName.keys()].sort()).toEqual(["lee-in-kiosk", "owner-of-kiosk", "unreadable", "user-in-bg"]);
      expect(byName.get("lee-in-kiosk")).toMatch(
        /puts user:lee into group 5a8e3f1d.*, which Conditional Access policy 'Require compliant device' excludes: user:lee would skip it/,
      );
      expect(byName.get("owner-of-kiosk")).toMatch(
        /makes aaaaaaaa.* an owner \(eligible: once activated\) of group 5a8e3f1d.*, which Conditional Access policy 'Require compliant device' excludes: .* An owner can add anyone/,
      );
      expect(byName.get("user-in-bg")).toMatch(/puts aaaaaaaa.* into break-glass group 9e4c2a7b/);
      expect(byName.get("unreadable")).toMatch(
        /into a group that cannot be read \(its groupObjectId or groupId is not known until apply, or a secret\): it could be the break-glass group/,
      );
    });
    it("a Group that lists its own members and owners is judged like standalone memberships", async () => {
      const s = stackIn(view);
      // The stack manages the break-glass group itself: its object id is the configured one.
      s.add(
        GROUP,
        "emergency",
        {
          displayName: "Emergency access",
          members: [BREAK_GLASS_ACCOUNT],
          owners: [USER],
          objectId: BREAK_GLASS_GROUP,
        },
        { id: BREAK_GLASS_GROUP, objectId: BREAK_GLASS_GROUP },
      );
      const v = await verdict(s.resources, rule, config());
      expect(v.blocked).toEqual(["emergency"]);
      expect(v.messages[0]).toMatch(/makes aaaaaaaa.* an owner of break-glass group 9e4c2a7b.*An owner can add anyone/);
    });
  });

  describe("privilege-no-directory-control-for-apps: delegated consents and app roles by value", () => {
    const rule = "privilege-no-directory-control-for-apps";
    const apps = (s: ReturnType<typeof stackIn>) => {
      const app = s.add(
        APPLICATION,
        "automation",
        { displayName: "automation" },
        {
          clientId: "12121212-3434-4565-8787-909090909090",
          appRoleIds: { Admin: "31313131-3434-4565-8787-909090909090" },
        },
      );
      const sp = s.add(SERVICE_PRINCIPAL, "automation", { clientId: ref(app, "clientId") });
      // Microsoft Graph's service principal, as the provider reads it back: its app roles by name.
      const graph = s.add(
        SERVICE_PRINCIPAL,
        "msgraph",
        { clientId: GRAPH, useExisting: true },
        {
          appRoleIds: {
            "Policy.ReadWrite.CrossTenantAccess": "338163d7-f101-4c92-94ba-ca46fe52447c",
            "Policy.Read.All": "246dd0d5-5bd0-4def-940b-0421030a5b68",
          },
        },
      );
      return { app, sp, graph };
    };
    it("blocks admin consent to delegated directory permissions, in any case; advises on one user and on data; passes sign-in scopes and another API's", async () => {
      const s = stackIn(view);
      const { sp, graph } = apps(s);
      const consent = (
        name: string,
        claimValues: unknown,
        extra: Json = {},
        resource: unknown = ref(graph, "objectId"),
      ) =>
        s.add(DELEGATED, name, {
          servicePrincipalObjectId: ref(sp, "objectId"),
          resourceServicePrincipalObjectId: resource,
          claimValues,
          ...extra,
        });
      consent("directory-for-all", ["openid", "Directory.ReadWrite.All"]);
      consent("roles-lower-case", ["openid rolemanagement.readwrite.directory"]);
      consent("as-user", ["Directory.AccessAsUser.All"], {}, "99999999-2222-4333-8444-555555555555");
      consent("unreadable", UNKNOWN);
      consent("one-user", ["Directory.ReadWrite.All"], { userObjectId: USER });
      consent("mail-for-all", ["Mail.ReadWrite"]);
      consent("sign-in", ["openid", "profile", "User.Read"]);
      consent("own-api", ["Directory.ReadWrite.All"], {}, ref(sp, "objectId"));
      const v = await verdict(s.resources, rule);
      expect(v.blocked).toEqual(["directory-for-all", "roles-lower-case", "as-user", "unreadable"]);
      expect(v.messages[0]).toMatch(
        /grants principal:automation the delegated Graph permission Directory\.ReadWrite\.All for every user \(admin consent\)/,
      );
      expect(v.notices).toMatch(/'one-user' grants .* Directory\.ReadWrite\.All for user aaaaaaaa/);
      expect(v.notices).toMatch(/'mail-for-all' grants .* Mail\.ReadWrite for every user/);
      expect(v.notices).not.toMatch(/'sign-in'|'own-api'/);
    });
    it("judges a Graph app role the catalog has no id for by its name; blocks one it cannot read; passes another API's roles", async () => {
      const s = stackIn(view);
      const { app, sp, graph } = apps(s);
      s.add(APP_ROLE_ASSIGNMENT, "cross-tenant-policy", {
        appRoleId: ref(graph, "appRoleIds", "Policy.ReadWrite.CrossTenantAccess"),
        principalObjectId: ref(sp, "objectId"),
        resourceObjectId: ref(graph, "objectId"),
      });
      s.add(APP_ROLE_ASSIGNMENT, "group-writer", {
        appRoleId: "62A82D76-70EA-41E2-9197-370581804D09",
        principalObjectId: ref(sp, "objectId"),
        resourceObjectId: ref(graph, "objectId"),
      });
      s.add(APP_ROLE_ASSIGNMENT, "policy-reader", {
        appRoleId: ref(graph, "appRoleIds", "Policy.Read.All"),
        principalObjectId: ref(sp, "objectId"),
        resourceObjectId: ref(graph, "objectId"),
      });
      s.add(APP_ROLE_ASSIGNMENT, "own-api-role", {
        appRoleId: ref(app, "appRoleIds", "Admin"),
        principalObjectId: USER,
        resourceObjectId: ref(sp, "objectId"),
      });
      const v = await verdict(s.resources, rule);
      // Unknown until apply, an app role of Microsoft Graph cannot be read: judged as one that controls.
      expect(v.blocked).toEqual(
        view === "new"
          ? ["cross-tenant-policy", "group-writer", "policy-reader"]
          : ["cross-tenant-policy", "group-writer"],
      );
      const names = new Map(v.blocked.map((name, i) => [name, v.messages[i]!]));
      expect(names.get("group-writer")).toMatch(
        /the Graph app role Group\.ReadWrite\.All, with which an app makes itself/,
      );
      expect(names.get("cross-tenant-policy")).toMatch(
        view === "new"
          ? /an app role that cannot be read \(appRoleId not known until apply/
          : /Policy\.ReadWrite\.CrossTenantAccess/,
      );
    });
  });

  describe("privilege-no-broad-azure-roles: Azure roles by the permissions they carry", () => {
    const rule = "privilege-no-broad-azure-roles";
    const principal = { principalId: USER, principalType: "ServicePrincipal" };
    const definition = (s: ReturnType<typeof stackIn>, name: string, permissions: Json[], extra: Json = {}) =>
      s.add(RD, name, { roleName: name, scope: SUB, assignableScopes: [SUB], permissions, ...extra });
    const assignTo = (s: ReturnType<typeof stackIn>, name: string, roleDefinitionId: unknown, scope: unknown = SUB) =>
      s.add(RA, name, { ...principal, roleDefinitionId, scope });

    it("blocks custom roles that control access or write everything, however written; passes ones whose NotActions take it away", async () => {
      const s = stackIn(view);
      const cases: Record<string, Json[]> = {
        "contributor-like": [
          {
            actions: ["*"],
            notActions: [
              "Microsoft.Authorization/*/Write",
              "Microsoft.Authorization/*/Delete",
              "Microsoft.Authorization/elevateAccess/Action",
            ],
          },
        ],
        "authorization-writes": [{ actions: ["Microsoft.Authorization/*/Write"] }],
        "every-write": [{ actions: ["*/write"] }],
        "lower-case-grantor": [{ actions: ["microsoft.authorization/roleassignments/WRITE"] }],
        "role-glob": [{ actions: ["Microsoft.Authorization/role*"] }],
        "second-block": [{ actions: ["*/read"] }, { actions: ["Microsoft.Authorization/*"] }],
        "authorization-reader": [
          {
            actions: ["Microsoft.Authorization/*"],
            notActions: [
              "Microsoft.Authorization/*/write",
              "Microsoft.Authorization/*/delete",
              "Microsoft.Authorization/elevateAccess/action",
              "Microsoft.Authorization/*/action",
            ],
          },
        ],
        "reader-like": [{ actions: ["*/read"] }],
        "vm-operator": [{ actions: ["Microsoft.Compute/virtualMachines/*"] }],
        "all-data": [{ actions: [], dataActions: ["*"] }],
      };
      for (const [name, permissions] of Object.entries(cases))
        assignTo(s, `assign-${name}`, ref(definition(s, name, permissions)));
      const v = await verdict(s.resources, rule);
      expect(v.blocked).toEqual([
        "assign-contributor-like",
        "assign-authorization-writes",
        "assign-every-write",
        "assign-lower-case-grantor",
        "assign-role-glob",
        "assign-second-block",
      ]);
      expect(v.messages[0]).toMatch(
        /standing custom role contributor-like \(\*: every resource, but not access\) on \/subscriptions\//,
      );
      expect(v.notices).toMatch(
        /'assign-all-data' gives .* custom role all-data \(\*: every data plane\) .*the data of every resource/,
      );
    });

    it("names a custom role by its GUID or its name, and a built-in one by GUID (full id or bare, any case) or name", async () => {
      const s = stackIn(view);
      const guid = "0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";
      definition(s, "grantor", [{ actions: ["Microsoft.Authorization/roleAssignments/write"] }], {
        roleDefinitionId: guid,
      });
      assignTo(s, "custom-by-guid", `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${guid.toUpperCase()}`);
      s.add(CLASSIC_RA, "custom-by-name", { principalId: USER, roleDefinitionName: "GRANTOR", scope: SUB });
      assignTo(
        s,
        "reservations-admin",
        "/providers/Microsoft.Authorization/roleDefinitions/a8889054-8d42-49c9-bc1c-52486c10e7cd",
      );
      assignTo(s, "file-sync-admin", "92B92042-07D9-4307-87F7-36A593FC5850");
      assignTo(s, "owner-bare", "8E3AF657-A8FF-443C-A75C-2FE8C4BCB635");
      s.add(CLASSIC_RA, "owner-by-name", { principalId: USER, roleDefinitionName: "owner", scope: SUB });
      s.add(CLASSIC_RA, "reader-by-name", { principalId: USER, roleDefinitionName: "Reader", scope: SUB });
      const classic = s.add("azure:authorization/roleDefinition:RoleDefinition", "classic-deployer", {
        name: "classic-deployer",
        scope: SUB,
        permissions: [{ actions: ["*"], notActions: [] }],
        assignableScopes: [SUB],
      });
      s.add(CLASSIC_RA, "classic-custom", {
        principalId: USER,
        roleDefinitionId: ref(classic, "roleDefinitionResourceId"),
        scope: SUB,
      });
      s.add(AZURE_ELIGIBILITY, "owner-eligible", {
        principalId: USER,
        roleDefinitionId: `${SUB}/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635`,
        scope: SUB,
      });
      const v = await verdict(s.resources, rule);
      expect(v.blocked.sort()).toEqual([
        "classic-custom",
        "custom-by-guid",
        "custom-by-name",
        "file-sync-admin",
        "owner-bare",
        "owner-by-name",
        "reservations-admin",
      ]);
    });

    it("judges the scope a reference names: a resource group is narrow, a scope that cannot be read is the widest", async () => {
      const s = stackIn(view);
      const rg = s.add(RESOURCE_GROUP, "app", { resourceGroupName: "rg-app" });
      const contributor = `${SUB}/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c`;
      assignTo(s, "contributor-on-rg", contributor, ref(rg));
      assignTo(s, "contributor-on-sub", contributor, SUB.toUpperCase());
      const v = await verdict(s.resources, rule);
      expect(v.blocked).toEqual(["contributor-on-sub"]);
      const unreadable = stackIn(view);
      assignTo(unreadable, "owner-somewhere", "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", UNKNOWN);
      const u = await verdict(unreadable.resources, rule);
      expect(u.blocked).toEqual(["owner-somewhere"]);
      expect(u.messages[0]).toMatch(
        /standing Owner on a scope that cannot be read \(its scope is not known until apply, or a secret: judged as the root\)/,
      );
    });
  });

  describe("generated spellings: case and id form never change a verdict", () => {
    /** Flips the case of a string's letters where the seed's bits say: the same value to Azure and Entra. */
    const spell = (text: string, seed: number) =>
      [...text].map((c, i) => ((seed >>> (i % 31)) & 1 ? c.toUpperCase() : c.toLowerCase())).join("");
    const OWNER = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
    const READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
    /** A role definition id as Azure takes it: a bare GUID, the tenant-level id, the subscription's. */
    const idForms = [
      (g: string) => g,
      (g: string) => `/providers/Microsoft.Authorization/roleDefinitions/${g}`,
      (g: string) => `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${g}`,
    ];

    it("blocks the same widenings and passes the same look-alikes under every spelling", async () => {
      await fc.assert(
        fc.asyncProperty(fc.integer(), fc.constantFrom(0, 1, 2), async (seed, form) => {
          const s = stackIn(view);
          const sp = (text: string) => spell(text, seed);
          const principal = { principalId: USER, principalType: "ServicePrincipal" };
          s.add(RA, "owner", { ...principal, roleDefinitionId: idForms[form]!(sp(OWNER)), scope: sp(SUB) });
          s.add(RA, "reader", { ...principal, roleDefinitionId: idForms[form]!(sp(READER)), scope: sp(SUB) });
          const grantor = s.add(RD, "grantor", {
            roleName: "grantor",
            scope: SUB,
            permissions: [{ actions: [sp("Microsoft.Authorization/roleAssignments/write")] }],
          });
          s.add(RA, "grantor-at-sub", { ...principal, roleDefinitionId: ref(grantor), scope: SUB });
          const reviewer = s.add(RD, "reviewer", {
            roleName: "reviewer",
            scope: SUB,
            permissions: [
              {
                actions: [sp("Microsoft.Authorization/*")],
                notActions: [
                  sp("Microsoft.Authorization/*/write"),
                  sp("Microsoft.Authorization/*/delete"),
                  sp("Microsoft.Authorization/*/action"),
                ],
              },
            ],
          });
          s.add(RA, "reviewer-at-sub", { ...principal, roleDefinitionId: ref(reviewer), scope: SUB });
          s.add(ROLE_ASSIGNMENT, "auth-admin", {
            roleId: sp("c4e39bd9-1100-46d3-8c65-fb160da0071f"),
            principalObjectId: USER,
          });
          s.add(ROLE_ASSIGNMENT, "directory-readers", {
            roleId: sp("88d8e3e3-8f55-4a1e-953a-9b9898b8876b"),
            principalObjectId: USER,
          });
          const role = s.add(DIRECTORY_ROLE, "named", { displayName: sp("Privileged Role Administrator") });
          s.add(ROLE_MEMBER, "named-member", { roleObjectId: ref(role, "objectId"), memberObjectId: USER });
          const custom = s.add(CUSTOM_ROLE, "resetter", {
            displayName: "resetter",
            enabled: true,
            version: "1",
            permissions: [{ allowedResourceActions: [sp("microsoft.directory/users/password/update")] }],
          });
          s.add(ROLE_ASSIGNMENT, "resetter-assignment", { roleId: ref(custom, "objectId"), principalObjectId: USER });
          s.add(DELEGATED, "consent", {
            servicePrincipalObjectId: OTHER,
            resourceServicePrincipalObjectId: "99999999-2222-4333-8444-555555555555",
            claimValues: ["openid", sp("Directory.ReadWrite.All")],
          });
          s.add(DELEGATED, "sign-in", {
            servicePrincipalObjectId: OTHER,
            resourceServicePrincipalObjectId: "99999999-2222-4333-8444-555555555555",
            claimValues: [sp("User.Read"), "openid"],
          });
          const found = (await unconfigured(s.resources)).mandatory;
          const blocked = [...new Set(found.map((d) => d.urn!.split("::").pop()!))].sort();
          expect(blocked).toEqual([
            "auth-admin",
            "consent",
            "grantor-at-sub",
            "named-member",
            "owner",
            "resetter-assignment",
          ]);
        }),
        { numRuns: 12 },
      );
    });
  });
});
