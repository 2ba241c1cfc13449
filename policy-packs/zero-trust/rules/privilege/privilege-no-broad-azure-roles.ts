import type { PrivilegeGrant } from "../../../../posture/model";
import { UNKNOWN_VALUE } from "../../../../posture/values";
import type { Finding, StackRule } from "../../rule";
import { resourceName } from "../support";

/** The root (`/`), a management group or a subscription: everything below it. */
const BROAD_SCOPE = /^\/((subscriptions\/[^/]+|providers\/Microsoft\.Management\/managementGroups\/[^/]+)\/?)?$/i;

/** A scope that cannot be read could be the root: judged as broad. */
const unreadable = (scope: string | undefined) => scope === undefined || scope === UNKNOWN_VALUE;

const through = (g: PrivilegeGrant) => (g.via ? ` through ${g.via}` : "");

export const privilegeNoBroadAzureRoles: StackRule = {
  // A stack rule: a custom role is judged by its definition, another resource of the stack.
  kind: "stack",
  name: "privilege-no-broad-azure-roles",
  layer: "privilege",
  description:
    "No standing role that controls access or writes every resource (Owner, Contributor, User Access Administrator, RBAC Administrator, or a custom role with such permissions, judged by what they carry) at root, management-group or subscription scope, directly or through a group; a role or scope that cannot be read counts as one.",
  severity: "critical",
  enforcementLevel: "mandatory",
  frameworks: ["nis2-21-2-i", "ztmm-identity-access-management"],
  references: [
    "Microsoft: PIM for Azure resources",
    "Microsoft Learn: Azure built-in roles for Privileged; best practices for Azure RBAC (limit privileged administrator role assignments)",
  ],
  remediation: "Assign a narrower role at resource-group scope, or make the assignment eligible through PIM.",
  uses: [],
  judge: (posture) =>
    posture.privilege.grants
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
};
