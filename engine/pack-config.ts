import { CONTROLS } from "../catalog/controls";
import type { EnforcementLevel, PackConfig } from "../sources/policy-pack-config";
import type { SettingName } from "../policy-packs/zero-trust/config";
import { RULES } from "../policy-packs/zero-trust/rules";
import { edgePorts } from "../profile/tier-model";
import { durationMinutes } from "../posture/durations";
import type { ClientProfile } from "../profile/schema";
import type { PostureLock } from "../posture/lock";

/** The pack's view of a profile's intent: every setting a rule may read. */
export function packSettings(profile: ClientProfile, lock?: PostureLock): { [K in SettingName]?: unknown } {
  const { identity, network, access } = profile;
  const displayName = (id: string) => CONTROLS.find((c) => c.id === id)?.displayName ?? id;
  return {
    breakGlass: { groups: [identity.breakGlass.groupId], users: [...identity.breakGlass.accounts] },
    rollout: identity.rollout,
    privilegedRoles: [...identity.adminRoles],
    declaredExclusions: identity.exclusions.map((e) => ({
      policy: displayName(e.control),
      ids: [...e.groups, ...e.users],
      reason: e.reason,
    })),
    maxSignInFrequencyHours: durationMinutes(identity.sessions.signInFrequency) / 60,
    maxAdminSignInFrequencyHours: durationMinutes(identity.sessions.adminSignInFrequency) / 60,
    tiers: [...network.tiers],
    edgeTier: network.edgeTier,
    managementTier: network.managementTier,
    webPorts: edgePorts(network),
    allowedFlows: network.flows.map((f) => ({
      from: f.from,
      to: f.to,
      protocol: f.protocol,
      ports: f.ports.map((p) => ({ ...p })),
      ...(f.cidrs ? { cidrs: [...f.cidrs] } : {}),
    })),
    sessionCeilingHours: access ? durationMinutes(access.sessionCeiling) / 60 : undefined,
    requireMfa: true,
    exceptions: [],
    mspManaged: profile.client.mspManaged,
    // The baseline always declares Conditional Access: losing every policy must still block.
    ownedLayers: ["identity", ...(network.aws || network.azure ? ["network"] : []), ...(access ? ["access"] : [])],
    lock,
  };
}

/**
 * `--policy-pack-config` for a stack: each policy gets the settings its rule reads, and the
 * exceptions recorded for it in the profile.
 */
export function packConfigFor(profile: ClientProfile, lock?: PostureLock): PackConfig {
  const settings = packSettings(profile, lock);
  const config: PackConfig = {};
  for (const rule of RULES) {
    const own: Record<string, unknown> = {};
    for (const key of rule.uses) if (settings[key] !== undefined) own[key] = settings[key];
    own.exceptions = profile.exceptions
      .filter((e) => e.policy === rule.name)
      .map(({ resource, reason, approvedBy, expires }) => ({ resource, reason, approvedBy, expires }));
    config[rule.name] = { enforcementLevel: rule.enforcementLevel, ...own };
  }
  return config;
}

/** The config as the engine sends it: every policy with its level. */
export type ReconciledPackConfig = Record<string, { enforcementLevel: EnforcementLevel } & Record<string, unknown>>;

/** What the engine knows of a policy before configuring it (GetAnalyzerInfo). */
export interface PublishedPolicy {
  readonly name: string;
  readonly enforcementLevel: EnforcementLevel;
  /** The config schema's properties, each possibly with a `default`. */
  readonly configSchema?: Record<string, unknown>;
}

/**
 * The config the engine sends the pack (ReconcilePolicyPackConfig): each policy's own level and
 * schema defaults, then the level given for `all`, then each policy's given level and
 * properties. A policy given properties but no level keeps its own level.
 */
export function reconcilePackConfig(policies: readonly PublishedPolicy[], given: PackConfig): ReconciledPackConfig {
  const all = given.all?.enforcementLevel;
  const result: ReconciledPackConfig = {};
  for (const p of policies) {
    const defaults = Object.entries(p.configSchema ?? {}).flatMap(([key, schema]) =>
      typeof schema === "object" && schema !== null && "default" in schema ? [[key, schema.default]] : [],
    );
    result[p.name] = { ...Object.fromEntries(defaults), enforcementLevel: all ?? p.enforcementLevel };
  }
  for (const [name, { enforcementLevel, ...properties }] of Object.entries(given)) {
    if (name === "all") continue;
    const base = result[name];
    // A name the pack does not publish is passed on as given (the pack has no policy to apply it to).
    result[name] = {
      ...base,
      ...properties,
      enforcementLevel: enforcementLevel ?? base?.enforcementLevel ?? "advisory",
    };
  }
  return result;
}
