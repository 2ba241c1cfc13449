import type { PrivilegeGrant } from "../../../../posture/model";
import { UNKNOWN_VALUE } from "../../../../posture/values";
import type { Finding, StackRule } from "../../rule";
import { resourceName } from "../support";

/** The root (`/`), a management group or a subscription: everything below it. */
const BROAD_SCOPE = /^\/((subscriptions\/[^/]+|providers\/Microsoft\.Management\/managementGroups\/[^/]+)\/?)?$/i;

/** A scope that cannot be read could be the root: judged as broad. */
const unreadable = (scope: string | undefined) => scope === undefined || scope === UNKNOWN_VALUE;

const through = (g: PrivilegeGrant) => (g.via ? ` through ${g.via}` : "");

/** A holder that is, or could be, a person (an object id the pack cannot type could name one). */
const person = (g: PrivilegeGrant) =>
  g.principalType === "user" || g.principalType === "group" || g.principalType === "unknown";

/**
 * Data-plane grants (a vault's access policy, a Cosmos DB, Data Explorer or Redis data role, a
 * database server's Entra administrator) reach one resource's data and no one's access elsewhere:
 * advised, as data roles at broad scope are, when they control that data plane (or cannot be read)
 * and a person holds them standing. Blocking would stop every stack that names a database
 * administrator, which Entra authentication requires.
 */
function dataPlane(g: PrivilegeGrant): Finding[] {
  if (!g.permanent || !person(g) || (g.reach !== "admin" && g.reach !== "unknown" && g.reach !== "unlisted")) return [];
  const what =
    g.reach === "admin"
      ? "control of its data plane"
      : g.reach === "unknown"
        ? "a grant that cannot be read (not known until apply), so it is judged control of its data plane"
        : "a permission this pack does not classify, so it is judged control of its data plane";
  const who =
    g.principalType === "unknown" ? `${g.principal} (an object id the pack cannot tell from a person's)` : g.principal;
  return [
    {
      urn: g.origin.urn,
      notice: true,
      message: `${resourceName(g.origin)} gives ${who} standing ${g.permission} on ${g.scope}: ${what}. Grant people only what they read, or hold the control through a group whose membership is eligible (PIM for Groups).`,
    },
  ];
}

export const privilegeNoBroadAzureRoles: StackRule = {
  // A stack rule: a custom role is judged by its definition, another resource of the stack.
  kind: "stack",
  name: "privilege-no-broad-azure-roles",
  layer: "privilege",
  description:
    "No standing role that controls access or writes every resource (Owner, Contributor, User Access Administrator, RBAC Administrator, or a custom role with such permissions, judged by what they carry) at root, management-group or subscription scope, directly or through a group; a role or scope that cannot be read counts as one. Standing control of a data plane (a vault's access policy with all or purge, a Cosmos DB data role with a wildcard, a Data Explorer Admin, a Redis Data Owner, a database's Entra administrator) held by a person is advised.",
  severity: "critical",
  enforcementLevel: "mandatory",
  frameworks: ["nis2-21-2-i", "ztmm-identity-access-management"],
  references: [
    "Microsoft: PIM for Azure resources",
    "Microsoft Learn: Azure built-in roles for Privileged; best practices for Azure RBAC (limit privileged administrator role assignments)",
  ],
  remediation: "Assign a narrower role at resource-group scope, or make the assignment eligible through PIM.",
  uses: [],
  judge: (posture) => [
    ...posture.privilege.grants.filter((g) => g.kind === "azure-data-plane").flatMap(dataPlane),
    ...posture.privilege.grants
      .filter((g) => g.kind === "azure-rbac" && g.permanent && (BROAD_SCOPE.test(g.scope ?? "") || unreadable(g.scope)))
      .flatMap((g): Finding[] => {
        const scope = unreadable(g.scope)
          ? "a scope that cannot be read (its scope is not known until apply, or a secret: judged as the root)"
          : g.scope;
        const where = `${resourceName(g.origin)} gives ${g.principal} standing ${g.permission} on ${scope}${through(g)}`;
        if (g.reach === "admin")
          return [
            {
              urn: g.origin.urn,
              message: `${where}. Use a narrower role and scope, or an eligible (PIM) assignment.`,
            },
          ];
        if (g.reach === "unknown")
          return [
            {
              urn: g.origin.urn,
              message: `${where}: the role cannot be read, so it is judged privileged (its roleDefinitionId or roleDefinitionName, or the definition's permissions, are not known until apply, or a secret). Name the role definition by its id, or assign it below the subscription.`,
            },
          ];
        if (g.reach === "unlisted")
          return [
            {
              urn: g.origin.urn,
              notice: true,
              message: `${where}, a role this pack does not classify: make sure it grants no control of access (Microsoft.Authorization/*) at that breadth.`,
            },
          ];
        if (g.reach === "data")
          return [
            {
              urn: g.origin.urn,
              notice: true,
              message: `${where}: it reads or writes the data of every resource there. Scope it to the resources that need it.`,
            },
          ];
        return [];
      }),
  ],
};
