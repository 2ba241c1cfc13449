import type {
  AccessAppPosture,
  AccessOrganizationPosture,
  AccessPolicyPosture,
  AccessPosture,
  TunnelRoute,
} from "../model";
import type { ResourceIndex } from "../index-resources";
import type { PlannedResource } from "../resource";
import { arr, isUnknown, listEntries, obj, OPAQUE_SECRET, str, strs, UNKNOWN_VALUE } from "../values";
import { HOSTNAME_APP_TYPES } from "../../catalog/access";
import { termsUnder } from "./cloudflare-access-rules";
import {
  ACCOUNT_OTHERS,
  audienceOf,
  declaredMethod,
  enforcesMfa,
  outsideMethod,
  UNREADABLE_METHOD,
  type AccessRules,
  type AudienceContext,
  type LoginMethod,
} from "./cloudflare-access-audience";
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
  group: "cloudflare:index/zeroTrustAccessGroup:ZeroTrustAccessGroup",
  legacyGroup: "cloudflare:index/accessGroup:AccessGroup",
  identityProvider: "cloudflare:index/zeroTrustAccessIdentityProvider:ZeroTrustAccessIdentityProvider",
  legacyIdentityProvider: "cloudflare:index/accessIdentityProvider:AccessIdentityProvider",
  organization: "cloudflare:index/zeroTrustOrganization:ZeroTrustOrganization",
  legacyOrganization: "cloudflare:index/accessOrganization:AccessOrganization",
  list: "cloudflare:index/zeroTrustList:ZeroTrustList",
  legacyList: "cloudflare:index/teamsList:TeamsList",
  zone: "cloudflare:index/zone:Zone",
} as const;

/** Cloudflare's service token lifetime when none is given (a year). */
const DEFAULT_SERVICE_TOKEN_MINUTES = MAX_SERVICE_TOKEN_HOURS * 60;

/** A Cloudflare duration (Go style: `8h`, `1h30m`, `1.5h`, `24h0m0s`, `300ms`) in minutes. */
export function durationToMinutes(v: unknown): number | undefined {
  const text = str(v);
  return text === undefined ? undefined : goDurationMinutes(text);
}

/** Decisions compare as the API's: without case, `_` or `-` (`nonIdentity`, the SDK's docs' spelling, is `non_identity`). */
function decisionOf(v: unknown): string {
  const d = str(v);
  if (d === undefined) return "allow";
  const key = d.toLowerCase().replace(/[_-]/g, "");
  return key === "nonidentity" ? "non_identity" : key;
}

/** A session duration as minutes, and whether it is set but cannot be read (posture/unknown.ts "session"). */
function sessionOf(v: unknown): { minutes?: number; unreadable?: boolean } {
  if (v === undefined || v === null) return {};
  const minutes = durationToMinutes(v);
  return minutes === undefined ? { unreadable: true } : { minutes };
}

interface RawPolicy {
  readonly decision: string;
  readonly rules: AccessRules;
  readonly session: { minutes?: number; unreadable?: boolean };
  readonly approvalRequired: boolean;
  readonly purposeJustificationRequired: boolean;
  readonly origin: ReturnType<typeof originOf>;
}

/** Rules under a v6 key or its legacy twin (`includes` or `include`), with the property they came from. */
function rulesOfProps(index: ResourceIndex, r: PlannedResource, props: Record<string, unknown>, inline?: string) {
  const under = (v6: string, v4: string) =>
    termsUnder(index, r, props[v6] ?? props[v4], inline ?? (props[v6] !== undefined ? v6 : v4));
  return {
    include: under("includes", "include"),
    require: under("requires", "require"),
    exclude: under("excludes", "exclude"),
  };
}

function rawPolicyOf(
  index: ResourceIndex,
  r: PlannedResource,
  props: Record<string, unknown>,
  inline?: string,
): RawPolicy {
  return {
    decision: decisionOf(props.decision),
    rules: rulesOfProps(index, r, props, inline),
    session: sessionOf(props.sessionDuration),
    approvalRequired: props.approvalRequired === true,
    purposeJustificationRequired: props.purposeJustificationRequired === true,
    origin: originOf(r),
  };
}

const normalType = (t: string | undefined) => t?.toLowerCase().replace(/[_*-]/g, "");

/** A hostname as Access and tunnels write it, lower case, without scheme, path, port or wildcard. */
const hostOf = (d: string) =>
  d
    .replace(/^[a-z]+:\/\//i, "")
    .split("/")[0]!
    .replace(/:\d+$/, "")
    .replace(/^\*\./, "")
    .replace(/\.$/, "")
    .toLowerCase();

/** Reads Access applications with their policies (reusable or inline), groups, login methods, organisations, service tokens and tunnels. */
export function readCloudflareAccess(index: ResourceIndex): AccessPosture {
  const IDPS = [CLOUDFLARE.identityProvider, CLOUDFLARE.legacyIdentityProvider];
  const APPS = [CLOUDFLARE.application, CLOUDFLARE.legacyApplication];

  const groupRules = new Map<string, AccessRules>();
  const lists = new Map<string, readonly string[]>();
  const routes = readTunnelRoutes(index);

  const appDomains = (app: PlannedResource) => {
    const domain = str(app.inputs.domain);
    // `destinations` supersede `selfHostedDomains` (Cloudflare ignores the latter when both are set);
    // only public destinations are hostnames on the internet (private ones are reached through WARP).
    const all = arr(app.inputs.destinations).map(obj);
    const destinations = all
      .filter((d) => d.type === undefined || str(d.type)?.toLowerCase() === "public")
      .map((d) => str(d.uri) ?? str(d.hostname));
    const more = all.length ? destinations : strs(app.inputs.selfHostedDomains);
    return [...new Set([domain, ...more].filter((d): d is string => d !== undefined && d !== UNKNOWN_VALUE))];
  };
  const guards = (app: PlannedResource) => {
    const type = normalType(str(app.inputs.type));
    // No type is Cloudflare's default, self-hosted; an unreadable one guards nothing we can count on.
    return app.inputs.type === undefined || (type !== undefined && HOSTNAME_APP_TYPES.includes(type));
  };

  // The domains the client holds: its zones, its Access apps' hostnames, its tunnels' routes.
  const held = [
    ...index.ofType(CLOUDFLARE.zone).map((z) => str(z.inputs.name)),
    ...index
      .ofType(...APPS)
      .filter(guards)
      .flatMap(appDomains),
    ...routes.map((r) => r.hostname),
  ]
    .filter((d): d is string => d !== undefined)
    .map(hostOf);
  const holds = (domain: string) => domain.includes(".") && held.some((h) => h === domain || h.endsWith(`.${domain}`));

  const ctx: AudienceContext = {
    groupRules: (g) => {
      let rules = groupRules.get(g.urn);
      if (!rules) groupRules.set(g.urn, (rules = rulesOfProps(index, g, g.inputs)));
      return rules;
    },
    listItems: (l) => {
      let items = lists.get(l.urn);
      if (!items) {
        const raw = l.inputs.items;
        items = isUnknown(raw)
          ? [UNKNOWN_VALUE]
          : listEntries(raw).map((e) =>
              isUnknown(e) ? UNKNOWN_VALUE : (str(e) ?? str(obj(e).value) ?? UNKNOWN_VALUE),
            );
        lists.set(l.urn, items);
      }
      return items;
    },
    holds,
  };

  // Login methods: the identity providers the stack declares, and the account's others.
  const declared = new Map(
    index.ofType(...IDPS).map((p) => [p.urn, declaredMethod(p, str(p.inputs.name) ?? p.name, str(p.inputs.type))]),
  );
  const accountMethods = [...declared.values(), ACCOUNT_OTHERS];
  const methodsOf = (app: PlannedResource): LoginMethod[] => {
    const entries = listEntries(app.inputs.allowedIdps);
    if (entries.length === 0) return accountMethods;
    const [res] = index.resolve(app, "allowedIdps", [entries], IDPS);
    return [
      ...res!.targets.map((t) => declared.get(t.urn)!),
      ...res!.anyOf.flat().map((t) => declared.get(t.urn)!),
      ...res!.others.map((o) => (o === UNKNOWN_VALUE || o === OPAQUE_SECRET ? UNREADABLE_METHOD : outsideMethod(o))),
    ];
  };

  // Reusable policies (v6, and the legacy type, which v6 keeps as a reusable twin); v4's attach by applicationId.
  const reusable = new Map(
    index.ofType(CLOUDFLARE.policy, CLOUDFLARE.legacyPolicy).map((p) => [p.urn, rawPolicyOf(index, p, p.inputs)]),
  );
  const byApplicationId = index.ofType(CLOUDFLARE.legacyPolicy).filter((p) => p.inputs.applicationId !== undefined);
  const inlinePolicies: RawPolicy[] = [];
  const methodsFor = new Map<RawPolicy, LoginMethod[]>();
  const attach = (p: RawPolicy, methods: readonly LoginMethod[]) =>
    methodsFor.set(p, [...new Set([...(methodsFor.get(p) ?? []), ...methods])]);

  const rawApps = index.ofType(...APPS).map((app) => {
    const methods = methodsOf(app);
    const attached: RawPolicy[] = [];
    // Reusable policies are linked by id (unknown in a preview): by the id once known, else by
    // dependency. An entry without an id is inline; one whose id names no policy of the stack but
    // that carries its rules (a deployed app's outputs repeat them) is read from those.
    const entries = listEntries(app.inputs.policies);
    const hasRules = (e: unknown) => {
      const o = obj(e);
      return o.decision !== undefined || o.includes !== undefined || o.include !== undefined;
    };
    const links = entries.filter((e) => isUnknown(e) || obj(e).id !== undefined);
    const [linked] = index.resolve(
      app,
      "policies",
      [links.map((e) => (isUnknown(e) ? e : obj(e).id))],
      [CLOUDFLARE.policy, CLOUDFLARE.legacyPolicy],
    );
    for (const p of [...linked!.targets, ...linked!.anyOf.flat()]) attached.push(reusable.get(p.urn)!);
    const outside: string[] = [];
    const inlineEntries = entries.filter((e) => !links.includes(e) && hasRules(e));
    for (const id of linked!.others) {
      const carried = links.find((e) => !isUnknown(e) && str(obj(e).id) === id && hasRules(e));
      if (carried) inlineEntries.push(carried);
      else outside.push(id);
    }
    for (const entry of inlineEntries) {
      const inline = rawPolicyOf(index, app, obj(entry), "policies");
      attached.push(inline);
      inlinePolicies.push(inline);
    }
    for (const p of byApplicationId) {
      const [owner] = index.resolve(p, "applicationId", [[p.inputs.applicationId]], APPS);
      if (owner!.targets.includes(app)) attached.push(reusable.get(p.urn)!);
    }
    for (const p of attached) attach(p, methods);
    return { app, methods, attached: [...new Set(attached)], outside };
  });

  const finals = new Map<RawPolicy, AccessPolicyPosture>();
  const final = (p: RawPolicy): AccessPolicyPosture => {
    let out = finals.get(p);
    if (!out) {
      const strings = (ts: readonly { rule: string }[]) => ts.map((t) => t.rule);
      out = {
        decision: p.decision,
        include: strings(p.rules.include),
        require: strings(p.rules.require),
        exclude: strings(p.rules.exclude),
        sessionMinutes: p.session.minutes,
        ...(p.session.unreadable ? { sessionUnreadable: true } : {}),
        approvalRequired: p.approvalRequired,
        purposeJustificationRequired: p.purposeJustificationRequired,
        // A policy no app of the stack names guards whatever it is attached to elsewhere: every login method.
        audience: audienceOf(p.rules, p.decision, methodsFor.get(p) ?? accountMethods, ctx),
        mfaEnforced: enforcesMfa(p.rules, ctx),
        origin: p.origin,
      };
      finals.set(p, out);
    }
    return out;
  };

  const apps = rawApps.map(({ app, methods, attached, outside }): AccessAppPosture => {
    const domain = str(app.inputs.domain);
    const session = sessionOf(app.inputs.sessionDuration);
    return {
      name: str(app.inputs.name) ?? app.name,
      domain,
      domains: appDomains(app),
      type: str(app.inputs.type),
      sessionMinutes: session.minutes,
      ...(session.unreadable ? { sessionUnreadable: true } : {}),
      allowedIdps: strs(app.inputs.allowedIdps),
      loginMethods: methods.map((m) => m.posture),
      guardsHostnames: guards(app),
      policies: attached.map(final),
      policiesOutside: outside,
      origin: originOf(app),
    };
  });
  const policies = [...reusable.values(), ...inlinePolicies].map(final);

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

  const organizations = index
    .ofType(CLOUDFLARE.organization, CLOUDFLARE.legacyOrganization)
    .map((o): AccessOrganizationPosture => {
      const session = sessionOf(o.inputs.sessionDuration);
      const warp = sessionOf(o.inputs.warpAuthSessionDuration);
      const seats = sessionOf(o.inputs.userSeatExpirationInactiveTime);
      return {
        name: str(o.inputs.name) ?? o.name,
        sessionMinutes: session.minutes,
        warpSessionMinutes: warp.minutes,
        seatExpiryMinutes: seats.minutes,
        unreadable: [
          ...(session.unreadable ? ["sessionDuration"] : []),
          ...(warp.unreadable ? ["warpAuthSessionDuration"] : []),
        ],
        origin: originOf(o),
      };
    });

  return {
    apps,
    policies,
    serviceTokens,
    tunnels: index.ofType(CLOUDFLARE.tunnel).map(originOf),
    routes,
    organizations,
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
    "access.organizations": [CLOUDFLARE.organization, CLOUDFLARE.legacyOrganization],
  },
  // Who can pass a policy depends on these: the Access groups it names (expanded), the lists, the
  // login methods its apps allow, and the zones that show which mail domains the client holds.
  consults: [
    CLOUDFLARE.group,
    CLOUDFLARE.legacyGroup,
    CLOUDFLARE.identityProvider,
    CLOUDFLARE.legacyIdentityProvider,
    CLOUDFLARE.list,
    CLOUDFLARE.legacyList,
    CLOUDFLARE.zone,
  ],
};
