import { z } from "zod";
import { Domain, Duration, Email, Guid, Slug } from "./primitives";

/** A key the profile must never carry, with the reason it is refused. */
const refused = (why: string) => z.never({ message: why }).optional();

export const Audience = z.strictObject({
  /** Entra ID groups (object ids) admitted through the tenant's identity provider. */
  groups: z.array(Guid).default([]),
  /** E-mail domains admitted (for partners without a group in the tenant). */
  emailDomains: z.array(Domain).default([]),
  everyone: refused('"everyone" is never an allow audience: name the Entra groups or e-mail domains that need the app'),
});

export const AccessApp = z.strictObject({
  /** Stable name: names the application and its policies. */
  name: Slug,
  /** `self_hosted` web app, or an `ssh`/`rdp` infrastructure app for the management tier. */
  kind: z.enum(["self_hosted", "ssh", "rdp"], { message: 'expected "self_hosted", "ssh" or "rdp"' }).default("self_hosted"),
  domain: Domain,
  /** The tier the app's origin sits in. */
  tier: Slug.optional(),
  audience: Audience,
  /** Session length; defaults to access.defaultSessionDuration, never beyond access.sessionCeiling. */
  sessionDuration: Duration.optional(),
  /** Cloudflare device posture rule ids every session must satisfy. */
  devicePosture: z.array(Guid).default([]),
  /** Sensitive apps: a named approver must grant each access request. */
  approval: z.strictObject({ approvers: z.array(Email).min(1, { message: "name at least one approver" }) }).optional(),
  /** Ask users why they need access before each session. */
  purposeJustification: z.boolean().default(false),
  /** Publish the origin through a Cloudflare Tunnel instead of a public ingress. */
  tunnel: z.strictObject({ originUrl: z.url({ message: 'expected an origin URL like "http://localhost:8080"' }) }).optional(),
  decision: refused('"bypass" and other decisions are never generated: every request is authenticated and checked'),
});

export const AccessProfile = z.strictObject({
  cloudflare: z.strictObject({
    accountId: z.string().regex(/^[0-9a-f]{32}$/, { message: "expected a 32-character hexadecimal Cloudflare account id" }),
    /** The Entra ID identity provider configured in Cloudflare Access: the only one apps allow. */
    identityProviderId: Guid,
  }),
  defaultSessionDuration: Duration.default("8h"),
  /** No app's session may be longer. */
  sessionCeiling: Duration.default("24h"),
  apps: z.array(AccessApp).default([]),
});
