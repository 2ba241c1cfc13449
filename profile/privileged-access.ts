import { z } from "zod";
import { Duration, Guid, Reason, Slug } from "./primitives";

/** A role someone may activate just in time, instead of holding it. */
export const EligibleAssignment = z.strictObject({
  role: Guid.describe("Directory role template id (e.g. Global Administrator 62e90394-69f5-4237-9190-012177145e10)."),
  principal: Guid.describe("User or group object id that may activate the role."),
  justification: Reason.describe("Why this principal may activate this role: shown in the request and the audit log."),
});

export const PrivilegedAccessProfile = z.strictObject({
  eligible: z
    .array(EligibleAssignment)
    .default([])
    .describe("Eligible (PIM) role assignments: nobody holds these roles standing."),
  maxGlobalAdmins: z
    .number()
    .int()
    .min(2)
    .max(8, { message: "CISA SCuBA MS.AAD.7.1 allows at most 8 Global Administrators" })
    .default(4)
    .describe("At most this many permanent Global Administrators: the break-glass accounts, nobody else."),
  aws: z
    .strictObject({
      roleName: Slug.default("zt-admin").describe("IAM role people assume, with MFA, for admin work."),
      maxSession: Duration.default("1h").describe("Longest admin session (whole hours, 1h-12h)."),
    })
    .prefault({})
    .describe("Admin access on AWS through a role assumed with MFA, never long-lived admin users."),
});
