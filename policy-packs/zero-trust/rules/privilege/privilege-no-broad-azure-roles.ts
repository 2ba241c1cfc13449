import type { ResourceRule } from "../../rule";
import { resourceName } from "../support";

const BROAD_ROLES = new Set([
  "Owner",
  "Contributor",
  "User Access Administrator",
  "Role Based Access Control Administrator",
]);
/** The root (`/`), a management group or a subscription: everything below it. */
const BROAD_SCOPE = /^\/((subscriptions\/[^/]+|providers\/Microsoft\.Management\/managementGroups\/[^/]+)\/?)?$/i;

export const privilegeNoBroadAzureRoles: ResourceRule = {
  kind: "resource",
  name: "privilege-no-broad-azure-roles",
  layer: "privilege",
  description:
    "No standing Owner, Contributor, User Access Administrator or RBAC Administrator at root, management-group or subscription scope.",
  severity: "critical",
  enforcementLevel: "mandatory",
  frameworks: ["nis2-21-2-i", "ztmm-identity-access-management"],
  references: ["Microsoft: PIM for Azure resources"],
  remediation: "Assign a narrower role at resource-group scope, or make the assignment eligible through PIM.",
  uses: [],
  reads: ["privilege.grants"],
  judge: (posture) =>
    posture.privilege.grants
      .filter(
        (g) =>
          g.kind === "azure-rbac" && g.permanent && BROAD_ROLES.has(g.permission) && BROAD_SCOPE.test(g.scope ?? ""),
      )
      .map((g) => ({
        urn: g.origin.urn,
        message: `${resourceName(g.origin)} gives ${g.principal} standing ${g.permission} on ${g.scope}. Use a narrower role and scope, or an eligible (PIM) assignment.`,
      })),
};
