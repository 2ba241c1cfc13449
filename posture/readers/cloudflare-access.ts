import type { AccessAppPosture, AccessPolicyPosture, AccessPosture, AccessRule, TunnelRoute } from "../model";
import { refNames, type ResourceIndex } from "../index-resources";
import type { PlannedResource } from "../resource";
import { arr, obj, plain, str, strs, UNKNOWN_VALUE } from "../values";
import { originOf } from "./origin";
import { goDurationMinutes } from "../durations";
import { MAX_SERVICE_TOKEN_HOURS } from "../../catalog/limits";
import type { ReaderDeclaration } from "./registry";

export const CLOUDFLARE = {
  application: "cloudflare:index/zeroTrustAccessApplication:ZeroTrustAccessApplication",
  policy: "cloudflare:index/zeroTrustAccessPolicy:ZeroTrustAccessPolicy",
  serviceToken: "cloudflare:index/zeroTrustAccessServiceToken:ZeroTrustAccessServiceToken",
  tunnel: "cloudflare:index/zeroTrustTunnelCloudflared:ZeroTrustTunnelCloudflared",
  tunnelConfig: "cloudflare:index/zeroTrustTunnelCloudflaredConfig:ZeroTrustTunnelCloudflaredConfig",
  legacyTunnelConfig: "cloudflare:index/tunnelConfig:TunnelConfig",
  legacyApplication: "cloudflare:index/accessApplication:AccessApplication",
  legacyPolicy: "cloudflare:index/accessPolicy:AccessPolicy",
  legacyServiceToken: "cloudflare:index/accessServiceToken:AccessServiceToken",
} as const;

/** Cloudflare's service token lifetime when none is given (a year). */
const DEFAULT_SERVICE_TOKEN_MINUTES = MAX_SERVICE_TOKEN_HOURS * 60;

/** A Cloudflare duration (Go style: `8h`, `1h30m`, `1.5h`, `24h0m0s`, `300ms`) in minutes. */
export function durationToMinutes(v: unknown): number | undefined {
  const text = str(v);
  return text === undefined ? undefined : goDurationMinutes(text);
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

/** Access rules that name a service token by id: `{ serviceToken: { tokenId } }`. */
const tokenIdOf = (entry: Record<string, unknown>): unknown =>
  entry.serviceToken !== undefined && !Array.isArray(plain(entry.serviceToken))
    ? obj(entry.serviceToken).tokenId
    : undefined;

/**
 * A policy's rules under one key. A service token is named by its resource, whether its id is
 * known (deployed) or not (a new stack's preview), so a lock made offline holds once deployed.
 */
function rulesUnder(index: ResourceIndex, r: PlannedResource, value: unknown, dependency: string): AccessRule[] {
  const entries = arr(value).map(obj);
  const tokenIds = entries.map(tokenIdOf).filter((t) => t !== undefined);
  const rules = rulesOf(entries.filter((e) => tokenIdOf(e) === undefined));
  if (tokenIds.length === 0) return rules;
  const [tokens] = index.resolve(r, dependency, [tokenIds], CLOUDFLARE.serviceToken);
  return [...rules, ...refNames(tokens!, tokenName).map((n) => `serviceToken:${n}`)];
}

const tokenName = (t: PlannedResource) => str(t.inputs.name) ?? t.name;

function policyOf(
  index: ResourceIndex,
  r: PlannedResource,
  props: Record<string, unknown>,
  inline?: string,
): AccessPolicyPosture {
  const rules = (v6: string, v4: string) =>
    rulesUnder(index, r, props[v6] ?? props[v4], inline ?? (props[v6] !== undefined ? v6 : v4));
  return {
    decision: str(props.decision) ?? "allow",
    include: rules("includes", "include"),
    require: rules("requires", "require"),
    exclude: rules("excludes", "exclude"),
    sessionMinutes: durationToMinutes(props.sessionDuration),
    approvalRequired: props.approvalRequired === true,
    purposeJustificationRequired: props.purposeJustificationRequired === true,
    origin: originOf(r),
  };
}

/** Reads Access applications with their policies (reusable or inline), service tokens and tunnels. */
export function readCloudflareAccess(index: ResourceIndex): AccessPosture {
  const reusable = new Map(index.ofType(CLOUDFLARE.policy).map((p) => [p.urn, policyOf(index, p, p.inputs)]));
  const legacyPolicies = index.ofType(CLOUDFLARE.legacyPolicy);
  const policies: AccessPolicyPosture[] = [
    ...reusable.values(),
    ...legacyPolicies.map((p) => policyOf(index, p, p.inputs)),
  ];

  const apps = index.ofType(CLOUDFLARE.application, CLOUDFLARE.legacyApplication).map((app): AccessAppPosture => {
    const attached: AccessPolicyPosture[] = [];
    // Reusable policies are linked by id (unknown in a preview): by the id once known, else by dependency.
    const entries = arr(app.inputs.policies).map(obj);
    const isInline = (e: Record<string, unknown>) => e.decision !== undefined || e.includes !== undefined;
    const [linked] = index.resolve(
      app,
      "policies",
      [entries.filter((e) => !isInline(e)).map((e) => e.id)],
      CLOUDFLARE.policy,
    );
    for (const p of linked!.targets) attached.push(reusable.get(p.urn)!);
    for (const entry of entries) {
      if (isInline(entry)) {
        const inline = policyOf(index, app, entry, "policies");
        attached.push(inline);
        policies.push(inline);
      }
    }
    for (const p of legacyPolicies) {
      const [owner] = index.resolve(p, "applicationId", [[p.inputs.applicationId]], app.type);
      if (owner!.targets.includes(app)) attached.push(policyOf(index, p, p.inputs));
    }
    const domain = str(app.inputs.domain);
    // `destinations` supersede `selfHostedDomains` (Cloudflare ignores the latter when both are set).
    const destinations = arr(app.inputs.destinations).map((d) => str(obj(d).uri) ?? str(obj(d).hostname));
    const more = destinations.length ? destinations : strs(app.inputs.selfHostedDomains);
    return {
      name: str(app.inputs.name) ?? app.name,
      domain,
      domains: [...new Set([domain, ...more].filter((d): d is string => d !== undefined))],
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

  return {
    apps,
    policies,
    serviceTokens,
    tunnels: index.ofType(CLOUDFLARE.tunnel).map(originOf),
    routes: readTunnelRoutes(index),
  };
}

/** The ingress rules of tunnel configurations: which hostname reaches which origin service. */
function readTunnelRoutes(index: ResourceIndex): TunnelRoute[] {
  return index.ofType(CLOUDFLARE.tunnelConfig, CLOUDFLARE.legacyTunnelConfig).flatMap((r) => {
    const config = obj(r.inputs.config);
    // cloudflared checks the Access token itself when `access.required` is set, for every rule or one.
    const required = (o: unknown) => obj(obj(o).access).required === true;
    const everywhere = required(config.originRequest);
    return arr(config.ingresses ?? config.ingressRules).map((i): TunnelRoute => {
      const e = obj(i);
      return {
        hostname: str(e.hostname),
        path: str(e.path),
        service: str(e.service) ?? UNKNOWN_VALUE,
        accessRequired: everywhere || required(e.originRequest),
        origin: originOf(r),
      };
    });
  });
}

export const READER: ReaderDeclaration = {
  name: "cloudflare-access",
  feeds: {
    "access.apps": [CLOUDFLARE.application, CLOUDFLARE.legacyApplication],
    "access.policies": [
      CLOUDFLARE.policy,
      CLOUDFLARE.legacyPolicy,
      CLOUDFLARE.application,
      CLOUDFLARE.legacyApplication,
    ],
    "access.serviceTokens": [CLOUDFLARE.serviceToken, CLOUDFLARE.legacyServiceToken],
    "access.tunnels": [CLOUDFLARE.tunnel],
    "access.routes": [CLOUDFLARE.tunnelConfig, CLOUDFLARE.legacyTunnelConfig],
  },
};
