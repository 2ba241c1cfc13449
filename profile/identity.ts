import { z } from "zod";
import { CONTROL_IDS } from "../components/identity/controls";
import { PRIVILEGED_ROLE_IDS } from "../components/identity/privileged-roles";
import { CountryCode, Duration, Guid, Reason } from "./primitives";

export const ControlId = z.enum(CONTROL_IDS as [string, ...string[]], {
  message: `expected one of the catalog's controls: ${CONTROL_IDS.join(", ")}`,
});

/** A control the client does not want, and why (shown in every plan and report). */
export const OptOut = z.strictObject({ control: ControlId, reason: Reason });

/** Principals excluded from one control besides the break-glass accounts, and why. */
export const Exclusion = z.strictObject({
  control: ControlId,
  groups: z.array(Guid).default([]),
  users: z.array(Guid).default([]),
  reason: Reason,
});

export const IdentityProfile = z.strictObject({
  /** Entra ID tenant. */
  tenantId: Guid,
  /** Entra ID licence: risk-based controls are declared only with P2. */
  licence: z.enum(["P1", "P2"]).default("P1"),
  /** `reportOnly` deploys every policy as enabledForReportingButNotEnforced; `enforce` as enabled. */
  rollout: z.enum(["reportOnly", "enforce"]).default("reportOnly"),
  breakGlass: z.strictObject({
    /** Group holding the emergency-access accounts: excluded from every policy, never targeted. */
    groupId: Guid,
    /** The emergency-access accounts themselves, excluded by id too (survives group tampering). */
    accounts: z.array(Guid).default([]),
  }),
  /** Directory role template ids treated as privileged (default: CISA SCuBA's highly privileged roles). */
  adminRoles: z.array(Guid).min(1, { message: "at least one privileged role must be protected" }).default(PRIVILEGED_ROLE_IDS),
  /** Countries sign-ins may come from; empty leaves the country block undeclared. */
  allowedCountries: z.array(CountryCode).default([]),
  /** Corporate egress ranges, marked trusted (security-info registration is allowed from them). */
  trustedIpRanges: z.array(z.cidrv4({ message: 'expected an IPv4 CIDR like "203.0.113.0/24"' })).default([]),
  sessions: z
    .strictObject({
      /** Re-authentication interval on unmanaged devices (whole hours). */
      signInFrequency: Duration.default("12h"),
      /** Re-authentication interval for privileged roles (whole hours). */
      adminSignInFrequency: Duration.default("4h"),
    })
    .prefault({}),
  optOuts: z.array(OptOut).default([]),
  exclusions: z.array(Exclusion).default([]),
});
