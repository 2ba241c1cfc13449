import { z } from "zod";
import type { AccessRule, CaPolicyPosture, NetworkRule, Posture } from "./model";
import { isAnyPort } from "./ports";

/**
 * The approved posture of a stack, written down (`zt lock`): canonical, sorted JSON that is
 * reviewed in pull requests like a package lock. A change widens when the new posture grants
 * anything this does not. The schema is the one definition of the file: every entry (the CLI,
 * the pack's config, a git ref) validates with it, and the types are inferred from it.
 */
const Strings = z.array(z.string());
const PortRange = z
  .strictObject({ from: z.number().int().min(0).max(65535), to: z.number().int().min(0).max(65535) })
  .refine((p) => p.from <= p.to, "a port range runs from its lower port to its higher one");

/** One end of a flow, as the posture model names it (see model.ts Endpoint). */
export const LockedEndpoint = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("tier"), tier: z.string().min(1) }),
  z.strictObject({ kind: z.literal("internet") }),
  z.strictObject({ kind: z.literal("cidr"), cidr: z.string().min(1) }),
  z.strictObject({ kind: z.literal("vnet") }),
  z.strictObject({ kind: z.literal("any") }),
  z.strictObject({ kind: z.literal("untagged"), group: z.string() }),
  z.strictObject({ kind: z.literal("prefix-list"), id: z.string() }),
  z.strictObject({ kind: z.literal("service-tag"), tag: z.string() }),
  z.strictObject({ kind: z.literal("unknown"), ref: z.string() }),
]);

/** A flow a rule allows or denies. No `ports`: every port (or a protocol without ports). */
export const LockedFlow = z.strictObject({
  cloud: z.enum(["aws", "azure"]),
  direction: z.enum(["ingress", "egress"]),
  from: LockedEndpoint,
  to: LockedEndpoint,
  protocol: z.enum(["tcp", "udp", "icmp", "all"]),
  ports: PortRange.optional(),
});
export type LockedFlow = z.output<typeof LockedFlow>;

const Pair = z.strictObject({ include: Strings, exclude: Strings });

export const LockedCaPolicy = z.strictObject({
  state: z.string(),
  /** `user:<id>`, `group:<id>`, `role:<id>`; exclusions may also hold `guests`. */
  include: Strings,
  exclude: Strings,
  apps: Strings,
  excludedApps: Strings,
  clientAppTypes: Strings,
  /** Every other condition: any change to one is a change of scope. */
  conditions: z.strictObject({
    platforms: Pair.nullable(),
    locations: Pair.nullable(),
    userRisk: Strings,
    signInRisk: Strings,
    deviceFilter: z.string().nullable(),
    authenticationFlows: Strings,
  }),
  grant: z.strictObject({ operator: z.enum(["AND", "OR"]), builtIn: Strings, strength: Strings.nullable() }).nullable(),
  session: z
    .strictObject({
      signInFrequencyHours: z.number().nullable(),
      persistentBrowser: z.string().nullable(),
      everyTime: z.boolean(),
    })
    .nullable(),
});
export type LockedCaPolicy = z.output<typeof LockedCaPolicy>;

export const LockedLocation = z.strictObject({
  /** Trusted locations skip what policies exclude `AllTrusted` from. */
  trusted: z.boolean(),
  countries: Strings,
  ipRanges: Strings,
});
export type LockedLocation = z.output<typeof LockedLocation>;

export const LockedAccessPolicy = z.strictObject({
  decision: z.string(),
  include: Strings,
  require: Strings,
  exclude: Strings,
  approvalRequired: z.boolean(),
  sessionMinutes: z.number().nullable(),
});
export type LockedAccessPolicy = z.output<typeof LockedAccessPolicy>;

export const LockedApp = z.strictObject({
  domain: z.string().nullable(),
  sessionMinutes: z.number().nullable(),
  policies: z.array(LockedAccessPolicy),
});
export type LockedApp = z.output<typeof LockedApp>;

/** The current lockfile version; older ones are refused with the command that rewrites them. */
export const LOCK_VERSION = 2;

export const PostureLock = z.strictObject({
  version: z.literal(LOCK_VERSION),
  /** Allowed flows. */
  networkAllows: z.array(LockedFlow),
  /** Explicit denies: removing one widens. */
  networkDenies: z.array(LockedFlow),
  identity: z.record(z.string(), LockedCaPolicy),
  /** Named locations by display name: what policies that name them include or exclude. */
  namedLocations: z.record(z.string(), LockedLocation),
  access: z.record(z.string(), LockedApp),
  /** Service tokens by name: lifetime in minutes, `forever`, or null when unknown. */
  serviceTokens: z.record(z.string(), z.union([z.number(), z.literal("forever"), z.null()])),
  /** Standing grants: `<kind> <principal> <permission> <scope> <permanent|eligible>`. */
  privilege: Strings,
});
export type PostureLock = z.output<typeof PostureLock>;

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

/** A rule as the lock writes it: the flow, without where it came from. */
export function flowOf(r: NetworkRule): LockedFlow {
  return {
    cloud: r.cloud,
    direction: r.direction,
    from: r.from,
    to: r.to,
    protocol: r.protocol,
    ...(r.protocol !== "icmp" && !isAnyPort(r) ? { ports: { from: r.ports!.from, to: r.ports!.to } } : {}),
  };
}

/** Canonical text of a flow: for sorting, de-duplicating and comparing. */
export const flowKey = (f: LockedFlow) => JSON.stringify(f);

const sortedFlows = (flows: readonly LockedFlow[]): LockedFlow[] =>
  [...new Map(flows.map((f) => [flowKey(f), f])).entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, f]) => f);

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
    conditions: {
      platforms: p.platforms ? { include: sorted(p.platforms.include), exclude: sorted(p.platforms.exclude) } : null,
      locations: p.locations ? { include: sorted(p.locations.include), exclude: sorted(p.locations.exclude) } : null,
      userRisk: sorted(p.userRiskLevels),
      signInRisk: sorted(p.signInRiskLevels),
      deviceFilter: p.deviceFilter ?? null,
      authenticationFlows: sorted(p.authenticationFlows),
    },
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
    version: LOCK_VERSION,
    networkAllows: sortedFlows(posture.network.rules.filter((r) => r.access === "allow").map(flowOf)),
    networkDenies: sortedFlows(posture.network.rules.filter((r) => r.access === "deny").map(flowOf)),
    identity,
    namedLocations: Object.fromEntries(
      [...posture.identity.namedLocations]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((l) => [l.name, { trusted: l.trusted, countries: sorted(l.countries), ipRanges: sorted(l.ipRanges) }]),
    ),
    access,
    serviceTokens,
    privilege: sorted(
      posture.privilege.grants.map(
        (g) => `${g.kind} ${g.principal} ${g.permission} ${g.scope ?? "-"} ${g.permanent ? "permanent" : "eligible"}`,
      ),
    ),
  };
}

/** The lockfile text: two-space JSON with one flow per line (one line per reviewed change), and a trailing newline. */
export function serializeLock(lock: PostureLock): string {
  const flows = (fs: readonly LockedFlow[]) =>
    fs.length ? `[\n${fs.map((f) => `    ${JSON.stringify(f)}`).join(",\n")}\n  ]` : "[]";
  const text = JSON.stringify({ ...lock, networkAllows: "\u0000allows", networkDenies: "\u0000denies" }, null, 2);
  return (
    text
      .replace(`"\\u0000allows"`, () => flows(lock.networkAllows))
      .replace(`"\\u0000denies"`, () => flows(lock.networkDenies)) + "\n"
  );
}
