import type { CaPolicyPosture, CaState, IdentityPosture } from "../model";
import type { PlannedResource } from "../resource";
import { BUILT_IN_STRENGTHS } from "../../catalog/authentication-strengths";
import { GUID_PATTERN } from "../../catalog/well-known-ids";
import { refNames, type ResourceIndex } from "../index-resources";
import { arr, num, obj, str, strs } from "../values";
import { originOf } from "./origin";
import { readGroupMemberships } from "./group-members";
import type { ReaderDeclaration } from "./registry";

export const ENTRA = {
  policy: "azuread:index/conditionalAccessPolicy:ConditionalAccessPolicy",
  namedLocation: "azuread:index/namedLocation:NamedLocation",
  strength: "azuread:index/authenticationStrengthPolicy:AuthenticationStrengthPolicy",
  roleAssignment: "azuread:index/directoryRoleAssignment:DirectoryRoleAssignment",
  roleEligibility: "azuread:index/directoryRoleEligibilityScheduleRequest:DirectoryRoleEligibilityScheduleRequest",
} as const;

/** Object ids as Entra compares them, case-insensitively (kept in lower case); keywords as they are. */
const ids = (v: unknown) => strs(v).map((x) => (GUID_PATTERN.test(x) ? x.toLowerCase() : x));

/** Guest kinds of an `excludedGuestsOrExternalUsers` block (a list of one, or the object itself). */
const guestTypes = (v: unknown) => {
  const blocks = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return [...new Set(blocks.flatMap((b) => strs(obj(b).guestOrExternalUserTypes)))];
};

const STATES = new Set<CaState>(["enabled", "disabled", "enabledForReportingButNotEnforced"]);

/** Reads Conditional Access policies and the authentication strengths they require. */
export function readConditionalAccess(index: ResourceIndex): IdentityPosture {
  const strengths = index.ofType(ENTRA.strength).map((s) => ({
    name: str(s.inputs.displayName) ?? s.name,
    combinations: strs(s.inputs.allowedCombinations),
    origin: originOf(s),
  }));
  const byUrn = new Map(index.ofType(ENTRA.strength).map((s, i) => [s.urn, strengths[i]!]));
  const namedLocations = index.ofType(ENTRA.namedLocation).map((l) => ({
    name: str(l.inputs.displayName) ?? l.name,
    countries: strs(obj(l.inputs.country).countriesAndRegions),
    ipRanges: strs(obj(l.inputs.ip).ipRanges),
    trusted: obj(l.inputs.ip).trusted === true,
    origin: originOf(l),
  }));
  const locationName = (l: PlannedResource) => `location:${str(l.inputs.displayName) ?? l.name}`;
  const policies = index.ofType(ENTRA.policy).map((p): CaPolicyPosture => {
    const c = obj(p.inputs.conditions);
    const users = obj(c.users);
    const apps = obj(c.applications);
    const grant = obj(p.inputs.grantControls);
    const session = obj(p.inputs.sessionControls);
    const platforms = obj(c.platforms);
    const locations = obj(c.locations);
    const [includedLocations, excludedLocations] = index
      .resolve(
        p,
        "conditions",
        [arr(locations.includedLocations), arr(locations.excludedLocations)],
        ENTRA.namedLocation,
      )
      .map((refs) => refNames(refs, locationName));
    const strengthRef = grant.authenticationStrengthPolicyId;
    // A strength declared in the stack is named the same whether its id is known or not.
    const [strengthRefs] = index.resolve(
      p,
      "grantControls",
      [strengthRef === undefined ? [] : [strengthRef]],
      ENTRA.strength,
    );
    const declared = strengthRefs!.targets.map((s) => byUrn.get(s.urn)!)[0];
    const builtIn = BUILT_IN_STRENGTHS[str(strengthRef) ?? ""];
    const strength =
      strengthRef === undefined
        ? undefined
        : (declared ?? builtIn ?? { name: str(strengthRef) ?? "(unknown strength)" });
    const frequency = num(session.signInFrequency);
    const state = str(p.inputs.state) as CaState | undefined;
    return {
      displayName: str(p.inputs.displayName) ?? p.name,
      state: state && STATES.has(state) ? state : undefined,
      users: {
        include: ids(users.includedUsers),
        includeGroups: ids(users.includedGroups),
        includeRoles: ids(users.includedRoles),
        exclude: ids(users.excludedUsers),
        excludeGroups: ids(users.excludedGroups),
        excludeRoles: ids(users.excludedRoles),
        excludesGuests: users.excludedGuestsOrExternalUsers !== undefined,
        excludedGuestTypes: guestTypes(users.excludedGuestsOrExternalUsers),
      },
      apps: {
        include: ids(apps.includedApplications),
        exclude: ids(apps.excludedApplications),
        userActions: strs(apps.includedUserActions),
      },
      clientAppTypes: strs(c.clientAppTypes),
      ...(c.platforms
        ? { platforms: { include: strs(platforms.includedPlatforms), exclude: strs(platforms.excludedPlatforms) } }
        : {}),
      ...(c.locations
        ? {
            locations: {
              include: includedLocations!,
              exclude: excludedLocations!,
            },
          }
        : {}),
      userRiskLevels: strs(c.userRiskLevels),
      signInRiskLevels: strs(c.signInRiskLevels),
      ...(obj(obj(c.devices).filter).rule ? { deviceFilter: str(obj(obj(c.devices).filter).rule) } : {}),
      authenticationFlows: strs(c.authenticationFlowTransferMethods),
      ...(p.inputs.grantControls
        ? {
            grant: {
              operator: str(grant.operator) === "AND" ? "AND" : "OR",
              builtIn: strs(grant.builtInControls),
              ...(strength ? { strength } : {}),
            },
          }
        : {}),
      ...(p.inputs.sessionControls
        ? {
            session: {
              ...(frequency !== undefined
                ? { signInFrequencyHours: str(session.signInFrequencyPeriod) === "days" ? frequency * 24 : frequency }
                : {}),
              everyTime: str(session.signInFrequencyInterval) === "everyTime",
              ...(str(session.persistentBrowserMode) ? { persistentBrowser: str(session.persistentBrowserMode) } : {}),
            },
          }
        : {}),
      origin: originOf(p),
    };
  });
  return { policies, strengths, namedLocations, memberships: readGroupMemberships(index) };
}

export const READER: ReaderDeclaration = {
  name: "entra-conditional-access",
  feeds: { "identity.policies": [ENTRA.policy] },
  consults: [ENTRA.namedLocation, ENTRA.strength],
};
