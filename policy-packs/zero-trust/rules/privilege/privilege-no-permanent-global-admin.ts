import { PRIVILEGED_ROLES } from "../../../../catalog/privileged-roles";
import type { StackRule } from "../../rule";
import { resourceName } from "../support";

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
  references: ["CISA SCuBA MS.AAD.7.4v1", "CIS Microsoft 365 v3 5.3.1", "Microsoft: PIM for Entra roles"],
  remediation: "Replace the assignment with an eligibility schedule (DirectoryRoleEligibilityScheduleRequest).",
  uses: ["breakGlass", "privilegedRoles"],
  judge: (posture, s) =>
    posture.privilege.grants
      .filter((g) => g.kind === "entra-role" && g.permanent)
      .filter((g) => g.reach === "unknown" || s.privilegedRoles.includes(g.permission.toLowerCase()))
      .filter((g) => !s.breakGlass.users.includes(g.principal.replace(/^principal:/, "").toLowerCase()))
      .map((g) => ({
        urn: g.origin.urn,
        message:
          g.reach === "unknown"
            ? `${resourceName(g.origin)} makes ${g.principal} a permanent member of a directory role that cannot be read, so it is judged privileged. Name the role by its template id, or make it an eligible (PIM) assignment.`
            : `${resourceName(g.origin)} makes ${g.principal} a permanent ${PRIVILEGED_ROLES[g.permission.toLowerCase()] ?? `holder of privileged role ${g.permission}`}. Only break-glass accounts are; make it an eligible (PIM) assignment.`,
      })),
};
