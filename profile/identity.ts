import { z } from "zod";
import { CONTROL_IDS } from "../catalog/controls";
import { PRESETS } from "../catalog/control";
import { PRIVILEGED_ROLE_IDS } from "../catalog/privileged-roles";
import { CountryCode, Duration, Guid, Reason, TrustedRange } from "./primitives";

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
  tenantId: Guid.describe("Entra ID tenant."),
  licence: z
    .enum(["P1", "P2"])
    .default("P1")
    .describe("Entra ID licence: risk-based controls are declared only with P2."),
  preset: z
    .enum(PRESETS)
    .default("smb")
    .describe(
      "`smb`: guests spared the device requirement, trusted offices may register security info. `strict`: every Conditional Access item of CISA SCuBA passes as ScubaGear decides it (guests need a compliant device, everyone phishing-resistant MFA).",
    ),
  rollout: z
    .enum(["reportOnly", "enforce"])
    .default("reportOnly")
    .describe("`reportOnly` deploys every policy as enabledForReportingButNotEnforced; `enforce` as enabled."),
  breakGlass: z.strictObject({
    groupId: Guid.describe("Group holding the emergency-access accounts: excluded from every policy, never targeted."),
    accounts: z
      .array(Guid)
      .default([])
      .describe("The emergency-access accounts themselves, excluded by id too (survives group tampering)."),
  }),
  adminRoles: z
    .array(Guid)
    .min(1, { message: "at least one privileged role must be protected" })
    .default(PRIVILEGED_ROLE_IDS)
    .describe("Directory role template ids treated as privileged (default: CISA SCuBA's highly privileged roles)."),
  allowedCountries: z
    .array(CountryCode)
    .default([])
    .describe("Countries sign-ins may come from; empty leaves the country block undeclared."),
  trustedIpRanges: z
    .array(TrustedRange)
    .default([])
    .describe(
      "Corporate egress ranges, marked trusted (security-info registration is allowed from them): public IPv4 or IPv6 CIDRs, network addresses, at most a /16 (IPv4) or /48 (IPv6).",
    ),
  sessions: z
    .strictObject({
      signInFrequency: Duration.default("12h").describe(
        "Re-authentication interval on unmanaged devices (whole hours).",
      ),
      adminSignInFrequency: Duration.default("4h").describe(
        "Re-authentication interval for privileged roles (whole hours).",
      ),
    })
    .prefault({}),
  optOuts: z
    .array(OptOut)
    .default([])
    .describe("Controls this client does not get, each with a reason (shown in every plan)."),
  exclusions: z
    .array(Exclusion)
    .default([])
    .describe("Principals excluded from one control besides break-glass, each with a reason."),
});
