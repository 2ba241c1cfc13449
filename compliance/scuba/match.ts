import {
  SCUBA_ITEMS,
  SCUBA_MFA_COMBINATIONS,
  SCUBA_PHISHING_RESISTANT,
  SCUBA_PRIVILEGED_ROLE_IDS,
  type ScubaCaItemId,
} from "../../catalog/scuba";
import type { CaPolicyPosture, PrivilegeGrant } from "../../posture/model";

/** One principal, app or guest kind a policy excludes: ScubaGear counts it only if its config exempts it. */
export interface Excluded {
  readonly kind: "Users" | "Groups" | "Applications" | "GuestUserTypes";
  readonly id: string;
}

/** How one policy stands against one item, as ScubaGear's Rego reads it. */
export interface PolicyJudgement {
  readonly policy: CaPolicyPosture;
  /** Why the policy's shape does not count (empty: it counts, given its exclusions are exempt). */
  readonly misses: readonly string[];
  /** Whether its state is `enabled`; if not, `misses` says so first. */
  readonly enabled: boolean;
  /** What it excludes that ScubaGear checks against the config's CapExclusions. */
  readonly exclusions: readonly Excluded[];
  /** Conditions ScubaGear does not read but that narrow who or what the policy covers. */
  readonly narrowing: readonly string[];
}

const has = (list: readonly string[], value: string) => list.includes(value);

/** ScubaGear's `IsPhishingResistantMFA`: a strength of phishing-resistant methods only. */
function phishingResistant(p: CaPolicyPosture): boolean {
  const combos = p.grant?.strength?.combinations ?? [];
  return combos.length > 0 && combos.every((c) => SCUBA_PHISHING_RESISTANT.has(c));
}

/** ScubaGear's `IsGeneralMFA`: built-in `mfa`, or a strength of MFA only with one not phishing-resistant. */
function generalMfa(p: CaPolicyPosture): boolean {
  if (has(p.grant?.builtIn ?? [], "mfa")) return true;
  const combos = p.grant?.strength?.combinations ?? [];
  return (
    combos.some((c) => SCUBA_MFA_COMBINATIONS.has(c)) &&
    combos.every((c) => SCUBA_MFA_COMBINATIONS.has(c)) &&
    combos.some((c) => !SCUBA_PHISHING_RESISTANT.has(c))
  );
}

const strengthName = (p: CaPolicyPosture) =>
  p.grant?.strength ? `strength '${p.grant.strength.name}'` : "no authentication strength";

const notPhishingResistant = (p: CaPolicyPosture) =>
  p.grant?.strength
    ? `${strengthName(p)} allows methods that are not phishing-resistant`
    : "requires no phishing-resistant authentication strength";

/** What the item itself asks of the policy (AADConfig.rego's "checks specific to this policy"). */
function specificMisses(item: ScubaCaItemId, p: CaPolicyPosture): string[] {
  const builtIn = p.grant?.builtIn ?? [];
  const blocks = has(builtIn, "block") ? [] : ["does not block"];
  switch (item) {
    case "scuba-aad-1.1":
      return [
        ...(has(p.clientAppTypes, "other") && has(p.clientAppTypes, "exchangeActiveSync")
          ? []
          : ["client app types do not list both `other` and `exchangeActiveSync` (`all` does not count)"]),
        ...blocks,
      ];
    case "scuba-aad-2.1":
      return [...(has(p.userRiskLevels, "high") ? [] : ["user risk `high` not in its conditions"]), ...blocks];
    case "scuba-aad-2.3":
      return [...(has(p.signInRiskLevels, "high") ? [] : ["sign-in risk `high` not in its conditions"]), ...blocks];
    case "scuba-aad-3.1":
      return phishingResistant(p) ? [] : [notPhishingResistant(p)];
    case "scuba-aad-3.2":
      if (generalMfa(p)) return [];
      return phishingResistant(p)
        ? [
            `${strengthName(p)} is phishing-resistant only: ScubaGear counts it for 3.1, and wants grant \`mfa\` or a wider MFA strength here`,
          ]
        : [`neither grant \`mfa\` nor an MFA strength ScubaGear knows (${strengthName(p)})`];
    case "scuba-aad-3.6": {
      const included = new Set(p.users.includeRoles.map((r) => r.toLowerCase()));
      const missing = SCUBA_PRIVILEGED_ROLE_IDS.filter((r) => !included.has(r));
      return [
        ...(missing.length
          ? [`does not include ${missing.length} highly privileged role(s): ${missing.join(", ")}`]
          : []),
        ...(phishingResistant(p) ? [] : [notPhishingResistant(p)]),
      ];
    }
    case "scuba-aad-3.7":
      return has(builtIn, "compliantDevice") &&
        has(builtIn, "domainJoinedDevice") &&
        builtIn.length === 2 &&
        p.grant?.operator === "OR"
        ? []
        : ["grant is not exactly `compliantDevice` OR `domainJoinedDevice`"];
    case "scuba-aad-3.8":
      return [
        ...(has(p.apps.userActions, "urn:user:registersecurityinfo")
          ? []
          : ["not scoped to registering security info"]),
        ...(has(builtIn, "compliantDevice") || has(builtIn, "domainJoinedDevice")
          ? []
          : ["grant requires no compliant or domain-joined device"]),
      ];
    case "scuba-aad-3.9":
      return [
        ...(p.authenticationFlows.length === 1 && p.authenticationFlows[0] === "deviceCodeFlow"
          ? []
          : [
              `transfer methods are ${p.authenticationFlows.length ? p.authenticationFlows.join(", ") : "not set"}, not exactly deviceCodeFlow`,
            ]),
        ...blocks,
      ];
  }
}

/** Judges one policy for one Conditional Access item, following ScubaGear's common and specific checks. */
export function judgePolicy(item: ScubaCaItemId, p: CaPolicyPosture): PolicyJudgement {
  const def = SCUBA_ITEMS[item];
  const misses: string[] = [];
  if (p.state !== "enabled")
    misses.push(
      p.state === "enabledForReportingButNotEnforced"
        ? "report-only: ScubaGear counts enabled policies only"
        : `state is ${p.state ?? "unknown"}, not enabled`,
    );
  if (def.allUsers && !has(p.users.include, "All")) misses.push("does not include All users");
  if (def.allApps && !has(p.apps.include, "All")) misses.push("does not include All cloud apps");
  if (p.users.excludeRoles.length) misses.push(`excludes roles (${p.users.excludeRoles.join(", ")})`);
  misses.push(...specificMisses(item, p));

  const exclusions: Excluded[] = [
    ...p.users.exclude.map((id) => ({ kind: "Users" as const, id })),
    ...p.users.excludeGroups.map((id) => ({ kind: "Groups" as const, id })),
    ...(def.readsAppExclusions ? p.apps.exclude.map((id) => ({ kind: "Applications" as const, id })) : []),
    ...p.users.excludedGuestTypes.map((id) => ({ kind: "GuestUserTypes" as const, id })),
  ];
  // A guest exclusion whose kinds are unknown is still an exclusion: never read it as none.
  if (p.users.excludesGuests && p.users.excludedGuestTypes.length === 0)
    exclusions.push({ kind: "GuestUserTypes", id: "(unknown guest kinds)" });

  const narrowing: string[] = [];
  if (p.locations && (!has(p.locations.include, "All") || p.locations.exclude.length))
    narrowing.push(
      `locations: ${p.locations.exclude.length ? `excludes ${p.locations.exclude.join(", ")}` : `only ${p.locations.include.join(", ")}`}`,
    );
  if (p.platforms && (!has(p.platforms.include, "all") || p.platforms.exclude.length))
    narrowing.push(
      `platforms: only ${p.platforms.include.join(", ") || "none"}${p.platforms.exclude.length ? ` except ${p.platforms.exclude.join(", ")}` : ""}`,
    );
  if (p.deviceFilter) narrowing.push(`device filter ${p.deviceFilter}`);
  if (item !== "scuba-aad-2.1" && p.userRiskLevels.length)
    narrowing.push(`only at user risk ${p.userRiskLevels.join(", ")}`);
  if (item !== "scuba-aad-2.3" && p.signInRiskLevels.length)
    narrowing.push(`only at sign-in risk ${p.signInRiskLevels.join(", ")}`);
  if (item !== "scuba-aad-1.1" && p.clientAppTypes.length && !has(p.clientAppTypes, "all"))
    narrowing.push(`client app types: only ${p.clientAppTypes.join(", ")}`);
  return { policy: p, misses, enabled: p.state === "enabled", exclusions, narrowing };
}

/** The CapExclusions a ScubaGear config holds for one item. */
export type CapExclusions = Readonly<Record<Excluded["kind"], readonly string[]>>;

/** Whether the config exempts every exclusion (ScubaGear's `*ExclusionsFullyExempt`). */
export function exempted(exclusions: readonly Excluded[], config: CapExclusions | undefined): boolean {
  return exclusions.every((e) => config?.[e.kind]?.includes(e.id) ?? false);
}

/** Whether ScubaGear passes the item on these policies with this config (`tests` in AADConfig.rego). */
export function scubaGearPasses(
  item: ScubaCaItemId,
  policies: readonly CaPolicyPosture[],
  config: CapExclusions | undefined,
  licence: "P1" | "P2",
): boolean {
  if (SCUBA_ITEMS[item].needsP2 && licence !== "P2") return false;
  return policies.some((p) => {
    const j = judgePolicy(item, p);
    return j.misses.length === 0 && exempted(j.exclusions, config);
  });
}

/**
 * MS.AAD.7.4v1 (`PrivilegedRoleExclusions`): permanent active assignments of a highly privileged
 * role, to principals the config's RoleExclusions do not name. Empty: ScubaGear passes it on these grants.
 */
export function permanentAssignmentsNotExempt(
  grants: readonly PrivilegeGrant[],
  exemptUsers: readonly string[],
): PrivilegeGrant[] {
  const privileged = new Set(SCUBA_PRIVILEGED_ROLE_IDS);
  const exempt = new Set(exemptUsers.map((u) => `principal:${u.toLowerCase()}`));
  return grants.filter(
    (g) =>
      g.kind === "entra-role" &&
      g.permanent &&
      privileged.has(g.permission.toLowerCase()) &&
      !exempt.has(g.principal.toLowerCase()),
  );
}
