import type { AccessRule, CaPolicyPosture, Endpoint, NetworkRule, Posture } from "./model";
import { describeEndpoint, isAnyPort } from "./model";

/**
 * The approved posture of a stack, written down (`zt lock`): canonical, sorted JSON that is
 * reviewed in pull requests like a package lock. A change widens when the new posture grants
 * anything this does not.
 */
export interface PostureLock {
  readonly version: 1;
  /** Allowed flows: `<cloud> <direction> <from>><to> <protocol> <ports>`. */
  readonly networkAllows: readonly string[];
  /** Explicit denies: removing one widens. */
  readonly networkDenies: readonly string[];
  readonly identity: Readonly<Record<string, LockedCaPolicy>>;
  readonly access: Readonly<Record<string, LockedApp>>;
  /** Service tokens by name: lifetime in minutes, or `forever`. */
  readonly serviceTokens: Readonly<Record<string, number | "forever" | null>>;
  /** Standing grants: `<kind> <principal> <permission> <scope> <permanent|eligible>`. */
  readonly privilege: readonly string[];
}

export interface LockedCaPolicy {
  readonly state: string;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly apps: readonly string[];
  readonly excludedApps: readonly string[];
  readonly clientAppTypes: readonly string[];
  /** Every other condition, canonical: any change to it is a change of scope. */
  readonly conditions: string;
  readonly grant: {
    readonly operator: string;
    readonly builtIn: readonly string[];
    readonly strength: readonly string[] | null;
  } | null;
  readonly session: {
    readonly signInFrequencyHours: number | null;
    readonly persistentBrowser: string | null;
    readonly everyTime: boolean;
  } | null;
}

export interface LockedAccessPolicy {
  readonly decision: string;
  readonly include: readonly string[];
  readonly require: readonly string[];
  readonly exclude: readonly string[];
  readonly approvalRequired: boolean;
  readonly sessionMinutes: number | null;
}

export interface LockedApp {
  readonly domain: string | null;
  readonly sessionMinutes: number | null;
  readonly policies: readonly LockedAccessPolicy[];
}

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

/** An endpoint as the lock writes it: tier names, `internet`, CIDRs. */
export function endpointKey(e: Endpoint): string {
  return e.kind === "tier" ? e.tier : describeEndpoint(e).replace(/\s+/g, "_");
}

export function ruleKey(r: NetworkRule): string {
  const ports =
    r.protocol === "icmp"
      ? "-"
      : isAnyPort(r)
        ? "all"
        : r.ports!.from === r.ports!.to
          ? `${r.ports!.from}`
          : `${r.ports!.from}-${r.ports!.to}`;
  return `${r.cloud} ${r.direction} ${endpointKey(r.from)}>${endpointKey(r.to)} ${r.protocol} ${ports}`;
}

function lockCa(p: CaPolicyPosture): LockedCaPolicy {
  const u = p.users;
  return {
    state: p.state ?? "unknown",
    include: sorted([
      ...u.include.map((x) => `user:${x}`),
      ...u.includeGroups.map((x) => `group:${x}`),
      ...u.includeRoles.map((x) => `role:${x}`),
    ]),
    exclude: sorted([
      ...u.exclude.map((x) => `user:${x}`),
      ...u.excludeGroups.map((x) => `group:${x}`),
      ...u.excludeRoles.map((x) => `role:${x}`),
      ...(u.excludesGuests ? ["guests"] : []),
    ]),
    apps: sorted([...p.apps.include, ...p.apps.userActions.map((a) => `action:${a}`)]),
    excludedApps: sorted(p.apps.exclude),
    clientAppTypes: sorted(p.clientAppTypes),
    conditions: JSON.stringify({
      platforms: p.platforms ? { include: sorted(p.platforms.include), exclude: sorted(p.platforms.exclude) } : null,
      locations: p.locations ? { include: sorted(p.locations.include), exclude: sorted(p.locations.exclude) } : null,
      userRisk: sorted(p.userRiskLevels),
      signInRisk: sorted(p.signInRiskLevels),
      deviceFilter: p.deviceFilter ?? null,
      authenticationFlows: sorted(p.authenticationFlows),
    }),
    grant: p.grant
      ? {
          operator: p.grant.operator,
          builtIn: sorted(p.grant.builtIn),
          strength: p.grant.strength ? sorted(p.grant.strength.combinations ?? [p.grant.strength.name]) : null,
        }
      : null,
    session: p.session
      ? {
          signInFrequencyHours: p.session.signInFrequencyHours ?? null,
          persistentBrowser: p.session.persistentBrowser ?? null,
          everyTime: p.session.everyTime,
        }
      : null,
  };
}

const lockRules = (rules: readonly AccessRule[]) => sorted(rules);

/** The lock form of a posture. Keys are sorted so the file diffs cleanly. */
export function lockOf(posture: Posture): PostureLock {
  const identity: Record<string, LockedCaPolicy> = {};
  for (const p of [...posture.identity.policies].sort((a, b) => a.displayName.localeCompare(b.displayName)))
    identity[p.displayName] = lockCa(p);
  const access: Record<string, LockedApp> = {};
  for (const a of [...posture.access.apps].sort((x, y) => x.name.localeCompare(y.name))) {
    access[a.name] = {
      domain: a.domain ?? null,
      sessionMinutes: a.sessionMinutes ?? null,
      policies: a.policies
        .map((p) => ({
          decision: p.decision,
          include: lockRules(p.include),
          require: lockRules(p.require),
          exclude: lockRules(p.exclude),
          approvalRequired: p.approvalRequired,
          sessionMinutes: p.sessionMinutes ?? null,
        }))
        .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
    };
  }
  const serviceTokens: Record<string, number | "forever" | null> = {};
  for (const t of [...posture.access.serviceTokens].sort((a, b) => a.name.localeCompare(b.name)))
    serviceTokens[t.name] = t.duration ?? null;
  return {
    version: 1,
    networkAllows: sorted(posture.network.rules.filter((r) => r.access === "allow").map(ruleKey)),
    networkDenies: sorted(posture.network.rules.filter((r) => r.access === "deny").map(ruleKey)),
    identity,
    access,
    serviceTokens,
    privilege: sorted(
      posture.privilege.grants.map(
        (g) => `${g.kind} ${g.principal} ${g.permission} ${g.scope ?? "-"} ${g.permanent ? "permanent" : "eligible"}`,
      ),
    ),
  };
}

/** The lockfile text: two-space JSON with a trailing newline, stable for review. */
export function serializeLock(lock: PostureLock): string {
  return JSON.stringify(lock, null, 2) + "\n";
}
