import { z } from "zod";
import { DEFAULT_SESSION_CEILING_HOURS } from "../catalog/limits";
import { Domain, Duration, Email, Guid, Slug } from "./primitives";

/** A key the profile must never carry, with the reason it is refused. */
const refused = (why: string) => z.never({ message: why }).optional();

export const Audience = z.strictObject({
  groups: z
    .array(Guid)
    .default([])
    .describe("Entra ID groups (object ids) admitted through the tenant's identity provider."),
  emailDomains: z
    .array(Domain)
    .default([])
    .describe("E-mail domains admitted (for partners without a group in the tenant)."),
  everyone: refused('"everyone" is never an allow audience: name the Entra groups or e-mail domains that need the app'),
});

/** A machine client's credential: always expires, never "forever". */
export const ServiceToken = z.strictObject({
  name: Slug.describe("Stable name of the token."),
  duration: z
    .string()
    .refine((v) => v.toLowerCase() !== "forever", {
      message: '"forever" is refused: a service token must expire (at most 365d) and be rotated',
      abort: true,
    })
    .pipe(Duration)
    .describe("How long the token is valid (whole hours, at most 365d)."),
});

export const AccessApp = z.strictObject({
  name: Slug.describe("Stable name: names the application and its policies."),
  kind: z
    .enum(["self_hosted", "ssh", "rdp"], { message: 'expected "self_hosted", "ssh" or "rdp"' })
    .default("self_hosted")
    .describe("`self_hosted` web app, or an `ssh`/`rdp` infrastructure app for the management tier."),
  domain: Domain.describe("Public hostname the app is published on."),
  tier: Slug.optional().describe("The tier the app's origin sits in."),
  audience: Audience.describe("Who may reach the app (always also: MFA at the profile's strength)."),
  sessionDuration: Duration.optional().describe(
    "Session length; defaults to access.defaultSessionDuration, never beyond access.sessionCeiling.",
  ),
  devicePosture: z.array(Guid).default([]).describe("Cloudflare device posture rule ids every session must satisfy."),
  approval: z
    .strictObject({ approvers: z.array(Email).min(1, { message: "name at least one approver" }) })
    .optional()
    .describe("Sensitive apps: a named approver must grant each access request."),
  purposeJustification: z.boolean().default(false).describe("Ask users why they need access before each session."),
  tunnel: z
    .strictObject({ originUrl: z.url({ message: 'expected an origin URL like "http://localhost:8080"' }) })
    .optional()
    .describe("Publish the origin through a Cloudflare Tunnel instead of a public ingress."),
  serviceTokens: z
    .array(ServiceToken)
    .default([])
    .describe("Machine clients admitted with a Cloudflare service token (non-identity), each with an expiry."),
  decision: refused('"bypass" and other decisions are never generated: every request is authenticated and checked'),
});

export const AccessProfile = z.strictObject({
  cloudflare: z.strictObject({
    accountId: z
      .string()
      .regex(/^[0-9a-f]{32}$/, { message: "expected a 32-character hexadecimal Cloudflare account id" })
      .describe("Cloudflare account the apps live in."),
    teamName: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, {
        message: 'expected the Zero Trust team name, like "contoso" for contoso.cloudflareaccess.com',
      })
      .describe("Zero Trust team name: origins behind a tunnel check Access tokens issued for it."),
    zoneId: z
      .string()
      .regex(/^[0-9a-f]{32}$/, { message: "expected a 32-character hexadecimal Cloudflare zone id" })
      .optional()
      .describe("Zone holding the apps' hostnames: needed to route tunnelled apps (CNAME to the tunnel)."),
    identityProviderId: Guid.describe(
      "The Entra ID identity provider configured in Cloudflare Access: the only one apps allow.",
    ),
  }),
  defaultSessionDuration: Duration.default("8h").describe("Session length of apps that do not set one."),
  sessionCeiling: Duration.default(`${DEFAULT_SESSION_CEILING_HOURS}h`).describe("No app's session may be longer."),
  apps: z.array(AccessApp).default([]).describe("Internal apps published through Cloudflare Access."),
});
