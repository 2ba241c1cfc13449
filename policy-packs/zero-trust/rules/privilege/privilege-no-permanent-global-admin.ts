import type { PrivilegeGrant } from "../../../../posture/model";
import { ENTRA_BUILT_IN_ROLES, ENTRA_ROLES_SOURCE } from "../../../../catalog/entra-roles";
import { PRIVILEGED_ROLES } from "../../../../catalog/privileged-roles";
import type { StackRule } from "../../rule";
import { resourceName } from "../support";

/** What a permanent holder is made, in a sentence: the role by name, and why it counts as privileged. */
function holds(g: PrivilegeGrant): string {
  const id = g.permission.toLowerCase();
  const name = ENTRA_BUILT_IN_ROLES[id]?.name ?? PRIVILEGED_ROLES[id];
  switch (g.reach) {
    case "unknown":
      return g.permission.startsWith("custom role ")
        ? `holder of ${g.permission}, which cannot be read, so it is judged privileged`
        : "member of a directory role that cannot be read, so it is judged privileged";
    case "unlisted":
      return `holder of directory role ${g.permission}, which is neither a Microsoft built-in role (${ENTRA_ROLES_SOURCE}) nor a role of this stack, so it is judged privileged`;
    case "data":
      return name
        ? `${name}, a role Microsoft marks privileged for the restricted data it reads`
        : `holder of ${g.permission}, which reads data Microsoft marks privileged`;
    default:
      return (
        name ??
        (g.permission.startsWith("custom role ")
          ? `holder of ${g.permission}`
          : `holder of privileged role ${g.permission}`)
      );
  }
}

export const privilegeNoPermanentGlobalAdmin: StackRule = {
  // A stack rule: a role may be named through a DirectoryRole, another resource of the stack.
  kind: "stack",
  name: "privilege-no-permanent-global-admin",
  layer: "privilege",
  description:
    "Global Administrator and every other privileged directory role is only ever eligible (PIM), except for the break-glass accounts; a role that cannot be read counts as privileged.",
  severity: "critical",
  enforcementLevel: "mandatory",
  frameworks: ["nis2-21-2-i", "ztmm-identity-access-management"],
  references: [
    "CISA SCuBA MS.AAD.7.4v1",
    "CIS Microsoft 365 v3 5.3.1",
    "Microsoft: PIM for Entra roles",
    "Microsoft Learn: privileged roles and permissions in Microsoft Entra ID",
  ],
  remediation: "Replace the assignment with an eligibility schedule (DirectoryRoleEligibilityScheduleRequest).",
  uses: ["breakGlass", "privilegedRoles"],
  judge: (posture, s) =>
    posture.privilege.grants
      .filter((g) => g.kind === "entra-role" && g.permanent)
      // Privileged by Microsoft's label or by its permissions, unreadable, or added by the client's setting.
      .filter((g) => g.reach !== "limited" || s.privilegedRoles.includes(g.permission.toLowerCase()))
      .filter((g) => !s.breakGlass.users.includes(g.principal.replace(/^principal:/, "").toLowerCase()))
      .map((g) => ({
        urn: g.origin.urn,
        message: g.via
          ? `${resourceName(g.origin)} makes ${g.principal} a permanent ${holds(g)}, through ${g.via}. Only break-glass accounts are; make the membership eligible (PIM for Groups) or the group's assignment eligible.`
          : g.reach === "unknown"
            ? `${resourceName(g.origin)} makes ${g.principal} a permanent ${holds(g)} (its roleId, roleDefinitionId or roleObjectId names no role the pack can read, or the custom role's permissions are not known until apply). Name the role by its template id, or make it an eligible (PIM) assignment.`
            : `${resourceName(g.origin)} makes ${g.principal} a permanent ${holds(g)}. Only break-glass accounts are; make it an eligible (PIM) assignment.`,
      })),
};
