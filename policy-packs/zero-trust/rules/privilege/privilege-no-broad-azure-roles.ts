import type { Finding, StackRule } from "../../rule";
import { resourceName } from "../support";

const BROAD_ROLES = new Set([
  "Owner",
  "Contributor",
  "User Access Administrator",
  "Role Based Access Control Administrator",
]);
/** The root (`/`), a management group or a subscription: everything below it. */
const BROAD_SCOPE = /^\/((subscriptions\/[^/]+|providers\/Microsoft\.Management\/managementGroups\/[^/]+)\/?)?$/i;

export const privilegeNoBroadAzureRoles: StackRule = {
  // A stack rule: a custom role is judged by its definition, another resource of the stack.
  kind: "stack",
  name: "privilege-no-broad-azure-roles",
  layer: "privilege",
  description:
    "No standing Owner, Contributor, User Access Administrator, RBAC Administrator or Owner-like custom role at root, management-group or subscription scope; a role that cannot be read counts as one.",
  severity: "critical",
  enforcementLevel: "mandatory",
  frameworks: ["nis2-21-2-i", "ztmm-identity-access-management"],
  references: ["Microsoft: PIM for Azure resources"],
  remediation: "Assign a narrower role at resource-group scope, or make the assignment eligible through PIM.",
  uses: [],
  judge: (posture) =>
    posture.privilege.grants
      .filter((g) => g.kind === "azure-rbac" && g.permanent && BROAD_SCOPE.test(g.scope ?? ""))
      .flatMap((g): Finding[] => {
        const where = `${resourceName(g.origin)} gives ${g.principal} standing ${g.permission} on ${g.scope}`;
        if (BROAD_ROLES.has(g.permission) || g.reach === "admin")
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
              message: `${where}: the role cannot be read, so it is judged privileged. Name the role definition by its id, or assign it below the subscription.`,
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
        return [];
      }),
};
