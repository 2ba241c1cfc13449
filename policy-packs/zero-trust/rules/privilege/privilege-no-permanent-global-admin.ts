import type { ResourceRule } from "../../rule";
import { resourceName } from "../support";

const GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";

export const privilegeNoPermanentGlobalAdmin: ResourceRule = {
  kind: "resource",
  name: "privilege-no-permanent-global-admin",
  layer: "privilege",
  description: "Global Administrator is only ever eligible (PIM), except for the break-glass accounts.",
  severity: "critical",
  enforcementLevel: "mandatory",
  frameworks: ["nis2-21-2-i", "ztmm-identity-access-management"],
  references: ["CISA SCuBA MS.AAD.7.4v1", "CIS Microsoft 365 v3 5.3.1", "Microsoft: PIM for Entra roles"],
  remediation: "Replace the assignment with an eligibility schedule (DirectoryRoleEligibilityScheduleRequest).",
  uses: ["breakGlass"],
  reads: ["privilege.grants"],
  judge: (posture, s) =>
    posture.privilege.grants
      .filter((g) => g.kind === "entra-role" && g.permanent && g.permission === GLOBAL_ADMINISTRATOR)
      .filter((g) => !s.breakGlass.users.includes(g.principal.replace(/^principal:/, "")))
      .map((g) => ({
        urn: g.origin.urn,
        message: `${resourceName(g.origin)} makes ${g.principal} a permanent Global Administrator. Only break-glass accounts are; make it an eligible (PIM) assignment.`,
      })),
};
