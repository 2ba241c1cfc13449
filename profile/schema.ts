import { z } from "zod";
import { MAX_SERVICE_TOKEN_HOURS } from "../catalog/limits";
import { AccessProfile } from "./access";
import { PolicyException } from "./exceptions";
import { MonitoringProfile } from "./monitoring";
import { PrivilegedAccessProfile } from "./privileged-access";
import { IdentityProfile } from "./identity";
import { MfaProfile } from "./mfa";
import { NetworkProfile } from "./network";
import { durationMinutes } from "../posture/durations";
import { Email, Slug, Text } from "./primitives";

const MAX_SERVICE_TOKEN_MINUTES = MAX_SERVICE_TOKEN_HOURS * 60;

export const ClientSection = z.strictObject({
  name: Slug.describe("Stable kebab-case client id: prefixes every logical resource name."),
  displayName: Text.min(1).optional().describe("Human-readable client name for plans and reports."),
  environment: z
    .enum(["production", "staging", "development"], {
      message: 'expected "production", "staging" or "development"',
    })
    .default("production")
    .describe("Shown in plans and reports; MSP fleets group by it."),
  contacts: z.array(Email).default([]).describe("Who is told about security events (alerts, expiring exceptions)."),
  mspManaged: z
    .boolean()
    .default(false)
    .describe(
      "The stack is one of an MSP's fleet: every resource must use this client's explicit providers, never default ones.",
    ),
});

/**
 * One client's zero-trust baseline. The single source of truth for configuration: every type in
 * the library is inferred from it. Unknown keys are errors: a typo must not drop a control.
 */
/** Marks what the cross-field checks find: a section with only such problems is still readable. */
const CROSS_FIELD = { crossField: true };

function crossFieldIssue(ctx: z.core.$RefinementCtx) {
  return (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: "custom", path, message, params: CROSS_FIELD });
}

/** A refinement's condition: the parts of the profile it reads (`identity.sessions`) parsed without a problem. */
function whenValid(...parts: string[]) {
  const within = (path: readonly PropertyKey[], part: string) =>
    part.split(".").every((key, i) => i >= path.length || String(path[i]) === key);
  return {
    when: (payload: z.core.ParsePayload) =>
      !payload.issues.some(
        (i) =>
          (i as { params?: unknown }).params !== CROSS_FIELD &&
          (!i.path?.length || parts.some((part) => within(i.path!, part))),
      ),
  };
}

export const ClientProfile = z
  .strictObject({
    client: ClientSection.describe("Who the baseline is for."),
    identity: IdentityProfile.describe("Entra ID tenant and its Conditional Access baseline."),
    mfa: MfaProfile.describe("One MFA strength that every sign-in path follows."),
    network: NetworkProfile.describe("Tier model and allowed flows, declared on each cloud listed."),
    access: AccessProfile.optional().describe("Cloudflare Access (ZTNA) for internal apps."),
    privilegedAccess: PrivilegedAccessProfile.optional().describe(
      "No standing admin access: eligible (PIM) roles, break-glass as the only permanent Global Administrators, AWS admin through a role with MFA.",
    ),
    monitoring: MonitoringProfile.describe(
      "Continuous monitoring: Entra logs to Log Analytics with a break-glass alert, CloudTrail and GuardDuty, Cloudflare Logpush.",
    ),
    exceptions: z
      .array(PolicyException)
      .default([])
      .describe(
        "Recorded exceptions to the zero-trust pack's policies: each names the policy, the resource, why, who, until when.",
      ),
  })
  // Cross-field checks run as soon as the sections they read are valid, whatever is wrong
  // elsewhere: every problem of a profile arrives in one round.
  .superRefine((p, ctx) => {
    const add = crossFieldIssue(ctx);
    const { identity } = p;

    for (const [key, value] of Object.entries(identity.sessions)) {
      if (durationMinutes(value) % 60 > 0)
        add(["identity", "sessions", key], "Conditional Access sign-in frequency takes whole hours");
    }
  }, whenValid("identity.sessions"))
  .superRefine(
    (p, ctx) => {
      const add = crossFieldIssue(ctx);
      const { identity } = p;
      const optedOut = new Set<string>();
      identity.optOuts.forEach((o, i) => {
        if (optedOut.has(o.control))
          add(["identity", "optOuts", i, "control"], `control "${o.control}" is opted out twice`);
        optedOut.add(o.control);
      });
      const breakGlass = new Set([identity.breakGlass.groupId, ...identity.breakGlass.accounts]);
      identity.exclusions.forEach((e, i) => {
        if (e.groups.length + e.users.length === 0)
          add(["identity", "exclusions", i], "an exclusion must name at least one group or user");
        if (optedOut.has(e.control))
          add(
            ["identity", "exclusions", i, "control"],
            `control "${e.control}" is opted out; an exclusion from it means nothing`,
          );
        [...e.groups, ...e.users].forEach((id) => {
          if (breakGlass.has(id))
            add(["identity", "exclusions", i], `${id} is a break-glass principal, already excluded everywhere`);
        });
      });
    },
    whenValid("identity.optOuts", "identity.exclusions", "identity.breakGlass"),
  )
  .superRefine(
    (p, ctx) => {
      const add = crossFieldIssue(ctx);
      const { identity } = p;
      const breakGlass = new Set([identity.breakGlass.groupId, ...identity.breakGlass.accounts]);
      const pa = p.privilegedAccess;
      if (pa) {
        const accounts = identity.breakGlass.accounts.length;
        if (accounts < 2)
          add(
            ["identity", "breakGlass", "accounts"],
            "name at least 2 break-glass accounts: they are the permanent Global Administrators",
          );
        if (accounts > pa.maxGlobalAdmins)
          add(
            ["identity", "breakGlass", "accounts"],
            `${accounts} break-glass accounts exceed privilegedAccess.maxGlobalAdmins (${pa.maxGlobalAdmins})`,
          );
        pa.eligible.forEach((e, i) => {
          if (breakGlass.has(e.principal))
            add(
              ["privilegedAccess", "eligible", i, "principal"],
              "break-glass principals hold Global Administrator permanently; they need no eligibility",
            );
        });
        const hours = durationMinutes(pa.aws.maxSession) / 60;
        if (!(Number.isInteger(hours) && hours >= 1 && hours <= 12))
          add(["privilegedAccess", "aws", "maxSession"], "an AWS role session lasts whole hours, from 1h to 12h");
      }
    },
    whenValid("identity.breakGlass", "privilegedAccess"),
  )
  .superRefine(
    (p, ctx) => {
      const add = crossFieldIssue(ctx);
      const { access, network } = p;
      if (!access) return;
      const ceiling = durationMinutes(access.sessionCeiling);
      if (durationMinutes(access.defaultSessionDuration) > ceiling) {
        add(["access", "defaultSessionDuration"], `longer than the session ceiling (${access.sessionCeiling})`);
      }
      const names = new Set<string>();
      const domains = new Set<string>();
      access.apps.forEach((app, i) => {
        const at = (...rest: (string | number)[]) => ["access", "apps", i, ...rest];
        if (names.has(app.name)) add(at("name"), `app "${app.name}" is declared twice`);
        if (domains.has(app.domain)) add(at("domain"), `domain ${app.domain} is already published by another app`);
        names.add(app.name);
        domains.add(app.domain);
        if (app.audience.groups.length + app.audience.emailDomains.length === 0) {
          add(at("audience"), "name who may reach the app: at least one Entra group or e-mail domain");
        }
        if (app.sessionDuration && durationMinutes(app.sessionDuration) > ceiling) {
          add(
            at("sessionDuration"),
            `${app.sessionDuration} is longer than the session ceiling (access.sessionCeiling = ${access.sessionCeiling})`,
          );
        }
        if (app.tunnel && !access.cloudflare.zoneId) {
          add(at("tunnel"), "a tunnelled app needs access.cloudflare.zoneId to route its hostname to the tunnel");
        }
        app.serviceTokens.forEach((t, k) => {
          const minutes = durationMinutes(t.duration);
          if (minutes % 60 > 0) add(at("serviceTokens", k, "duration"), "service token durations take whole hours");
          if (minutes > MAX_SERVICE_TOKEN_MINUTES)
            add(at("serviceTokens", k, "duration"), "a service token must expire within 365d; rotate it instead");
        });
        if (app.tier && !network.tiers.includes(app.tier)) {
          add(at("tier"), `"${app.tier}" is not a declared tier (${network.tiers.join(", ")})`);
        }
      });
    },
    whenValid("access", "network.tiers"),
  );

/** What a stack's config holds (defaults may be left out). */
export type ClientProfileInput = z.input<typeof ClientProfile>;
/** A validated profile with every default filled in: what components receive. */
export type ClientProfile = z.output<typeof ClientProfile>;
