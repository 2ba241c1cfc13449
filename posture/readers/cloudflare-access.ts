import type { AccessAppPosture, AccessPolicyPosture, AccessPosture, AccessRule } from "../model";
import type { ResourceIndex } from "../index-resources";
import type { PlannedResource } from "../resource";
import { arr, obj, str, strs } from "../values";
import { originOf } from "./origin";

export const CLOUDFLARE = {
  application: "cloudflare:index/zeroTrustAccessApplication:ZeroTrustAccessApplication",
  policy: "cloudflare:index/zeroTrustAccessPolicy:ZeroTrustAccessPolicy",
  serviceToken: "cloudflare:index/zeroTrustAccessServiceToken:ZeroTrustAccessServiceToken",
  tunnel: "cloudflare:index/zeroTrustTunnelCloudflared:ZeroTrustTunnelCloudflared",
  legacyApplication: "cloudflare:index/accessApplication:AccessApplication",
  legacyPolicy: "cloudflare:index/accessPolicy:AccessPolicy",
  legacyServiceToken: "cloudflare:index/accessServiceToken:AccessServiceToken",
} as const;

/** Cloudflare's service token lifetime when none is given (8760h). */
const DEFAULT_SERVICE_TOKEN_MINUTES = 8760 * 60;

/** `8h`, `30m`, `1h30m`, `24h0m0s` to minutes; Cloudflare's Go-style durations. */
export function durationToMinutes(v: unknown): number | undefined {
  const text = str(v);
  if (!text) return undefined;
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
  if (!m || text === "") return undefined;
  return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) + Math.ceil(Number(m[3] ?? 0) / 60);
}

/**
 * v6 rules are one-key objects (`{ azureAd: { id, identityProviderId } }`, `{ everyone: {} }`);
 * the v4 provider used lists per kind (`{ emails: [...], everyone: true }`). Both become strings.
 */
export function rulesOf(v: unknown): AccessRule[] {
  const out: AccessRule[] = [];
  for (const entry of arr(v).map(obj)) {
    for (const [kind, value] of Object.entries(entry)) {
      if (value === undefined || value === null || value === false) continue;
      const o = obj(value);
      const detail =
        str(o.id) ??
        str(o.authMethod) ??
        str(o.domain) ??
        str(o.email) ??
        str(o.integrationUid) ??
        str(o.tokenId) ??
        str(o.ip) ??
        str(o.name);
      if (Array.isArray(value)) strs(value).forEach((x) => out.push(`${kind}:${x}`));
      else out.push(detail ? `${kind}:${detail}` : kind);
    }
  }
  return out;
}

function policyOf(r: PlannedResource, props: Record<string, unknown>): AccessPolicyPosture {
  return {
    decision: str(props.decision) ?? "allow",
    include: rulesOf(props.includes ?? props.include),
    require: rulesOf(props.requires ?? props.require),
    exclude: rulesOf(props.excludes ?? props.exclude),
    sessionMinutes: durationToMinutes(props.sessionDuration),
    approvalRequired: props.approvalRequired === true,
    purposeJustificationRequired: props.purposeJustificationRequired === true,
    origin: originOf(r),
  };
}

/** Reads Access applications with their policies (reusable or inline), service tokens and tunnels. */
export function readCloudflareAccess(index: ResourceIndex): AccessPosture {
  const reusable = new Map(index.ofType(CLOUDFLARE.policy).map((p) => [p.urn, policyOf(p, p.inputs)]));
  const legacyPolicies = index.ofType(CLOUDFLARE.legacyPolicy);
  const policies: AccessPolicyPosture[] = [...reusable.values(), ...legacyPolicies.map((p) => policyOf(p, p.inputs))];

  const apps = index.ofType(CLOUDFLARE.application, CLOUDFLARE.legacyApplication).map((app): AccessAppPosture => {
    const attached: AccessPolicyPosture[] = [];
    // Reusable policies are linked by id, unknown in a preview: follow the property dependencies.
    for (const p of index.referenced(app, "policies", CLOUDFLARE.policy)) attached.push(reusable.get(p.urn)!);
    for (const entry of arr(app.inputs.policies).map(obj)) {
      if (entry.decision !== undefined || entry.includes !== undefined) {
        const inline = policyOf(app, entry);
        attached.push(inline);
        policies.push(inline);
      }
    }
    for (const p of legacyPolicies) {
      if ((p.propertyDependencies.applicationId ?? []).includes(app.urn)) attached.push(policyOf(p, p.inputs));
    }
    return {
      name: str(app.inputs.name) ?? app.name,
      domain: str(app.inputs.domain),
      type: str(app.inputs.type),
      sessionMinutes: durationToMinutes(app.inputs.sessionDuration),
      allowedIdps: strs(app.inputs.allowedIdps),
      policies: attached,
      origin: originOf(app),
    };
  });

  const serviceTokens = index.ofType(CLOUDFLARE.serviceToken, CLOUDFLARE.legacyServiceToken).map((t) => {
    const d = str(t.inputs.duration);
    // Absent means Cloudflare's default of a year; an unknown value stays undefined.
    const duration =
      t.inputs.duration === undefined
        ? DEFAULT_SERVICE_TOKEN_MINUTES
        : d === "forever"
          ? ("forever" as const)
          : durationToMinutes(d);
    return {
      name: str(t.inputs.name) ?? t.name,
      duration,
      origin: originOf(t),
    };
  });

  return { apps, policies, serviceTokens, tunnels: index.ofType(CLOUDFLARE.tunnel).map(originOf) };
}
