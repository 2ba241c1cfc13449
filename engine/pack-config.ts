import { CONTROLS } from "../catalog/controls";
import type { PackConfig } from "./pack-server";
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
