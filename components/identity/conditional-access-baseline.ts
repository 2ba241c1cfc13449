import * as azuread from "@pulumi/azuread";
import * as pulumi from "@pulumi/pulumi";
import { durationMinutes } from "../../posture/durations";
import type { ClientProfile } from "../../profile/schema";
import type { MfaStrength } from "../../profile/mfa";
import { ADMIN_STRENGTH, AUTHENTICATION_STRENGTHS } from "../../catalog/authentication-strengths";
import type { ControlContext, ControlDefinition, Target } from "../../catalog/control";
import { CONTROLS } from "../../catalog/controls";
import { GUEST_TYPES } from "../../catalog/well-known-ids";
import { selectControls, type ControlDecision } from "../../profile/select-controls";
import { guidProblem, guidProblems, refuseInvalidArgs, type ArgProblem } from "../args";

/** Conditional Access baseline for one tenant. */
export interface ConditionalAccessBaselineArgs {
  /** The identity section of a validated profile: break-glass, rollout, licence, opt-outs, exclusions. */
  readonly identity: ClientProfile["identity"];
  /** Strength required of ordinary users; admins always need phishing-resistant MFA. */
  readonly mfaStrength: MfaStrength;
  /** The controls to consider (default: the whole catalog). */
  readonly catalog?: readonly ControlDefinition[];
}

/** What is wrong with the args on their own; empty when they are fine. */
export function conditionalAccessBaselineProblems(args: ConditionalAccessBaselineArgs): ArgProblem[] {
  // Every policy excludes the break-glass group: without a real one, a blocking policy locks everyone out.
  const { groupId, accounts } = args.identity.breakGlass;
  return [
    ...guidProblem("identity.breakGlass.groupId", groupId),
    ...guidProblems("identity.breakGlass.accounts", accounts),
    ...guidProblem("identity.tenantId", args.identity.tenantId),
    ...(args.catalog && args.catalog.length === 0
      ? [{ path: "catalog", message: "an empty catalog declares no control" }]
      : []),
  ];
}

export class ConditionalAccessBaseline extends pulumi.ComponentResource {
  /** Policy object ids by control id, for declared controls. */
  public readonly policyIds: pulumi.Output<Record<string, string>>;
  /** Authentication strength policy ids by strength name. */
  public readonly strengthIds: pulumi.Output<Record<string, string>>;
  /** Every control's decision (declared and in which state, or skipped and why). */
  public readonly decisions: readonly ControlDecision[];

  constructor(name: string, args: ConditionalAccessBaselineArgs, opts?: pulumi.ComponentResourceOptions) {
    refuseInvalidArgs("ConditionalAccessBaseline", name, conditionalAccessBaselineProblems(args));
    super("zt-baseline:identity:ConditionalAccessBaseline", name, {}, opts);
    const { identity } = args;

    const strengths = new Map<MfaStrength, azuread.AuthenticationStrengthPolicy>();
    for (const strength of new Set<MfaStrength>([args.mfaStrength, ADMIN_STRENGTH])) {
      const def = AUTHENTICATION_STRENGTHS[strength];
      strengths.set(
        strength,
        new azuread.AuthenticationStrengthPolicy(
          `${name}-strength-${strength}`,
          { displayName: `ZT-${strength}`, description: def.description, allowedCombinations: [...def.combinations] },
          { parent: this },
        ),
      );
    }

    const countries =
      identity.allowedCountries.length > 0
        ? new azuread.NamedLocation(
            `${name}-allowed-countries`,
            {
              displayName: "ZT-AllowedCountries",
              country: {
                countriesAndRegions: [...identity.allowedCountries],
                includeUnknownCountriesAndRegions: false,
              },
            },
            { parent: this },
          )
        : undefined;
    if (identity.trustedIpRanges.length > 0) {
      new azuread.NamedLocation(
        `${name}-trusted-networks`,
        { displayName: "ZT-TrustedNetworks", ip: { ipRanges: [...identity.trustedIpRanges], trusted: true } },
        { parent: this },
      );
    }

    const ctx: ControlContext = {
      preset: identity.preset,
      adminRoles: identity.adminRoles,
      userStrengthId: strengths.get(args.mfaStrength)!.id,
      adminStrengthId: strengths.get(ADMIN_STRENGTH)!.id,
      allowedCountriesLocationId: countries?.id,
      userSignInFrequencyHours: durationMinutes(identity.sessions.signInFrequency) / 60,
      adminSignInFrequencyHours: durationMinutes(identity.sessions.adminSignInFrequency) / 60,
    };

    this.decisions = selectControls(identity, args.catalog ?? CONTROLS);
    const policies: Record<string, pulumi.Output<string>> = {};
    for (const decision of this.decisions) {
      if (!decision.declared) continue;
      const { control } = decision;
      const spec = control.policy(ctx);
      const extra = identity.exclusions.filter((e) => e.control === control.id);
      const policy = new azuread.ConditionalAccessPolicy(
        `${name}-${control.id}`,
        {
          displayName: control.displayName,
          state: decision.state,
          conditions: {
            ...spec.conditions,
            users: {
              ...targetUsers(spec.target, identity.adminRoles),
              // Break-glass first, by group and by account: never lock the tenant out.
              excludedGroups: [identity.breakGlass.groupId, ...extra.flatMap((e) => e.groups)],
              excludedUsers: [...identity.breakGlass.accounts, ...extra.flatMap((e) => e.users)],
            },
          },
          grantControls: spec.grant,
          sessionControls: spec.session,
        },
        { parent: this },
      );
      policies[control.id] = policy.id;
    }

    this.policyIds = pulumi.output(policies);
    this.strengthIds = pulumi.output(Object.fromEntries([...strengths].map(([k, v]) => [k, v.id])));
    this.registerOutputs({ policyIds: this.policyIds, strengthIds: this.strengthIds });
  }
}

function targetUsers(target: Target, adminRoles: readonly string[]) {
  switch (target) {
    case "allUsers":
      return { includedUsers: ["All"] };
    case "members":
      return {
        includedUsers: ["All"],
        excludedGuestsOrExternalUsers: [
          { guestOrExternalUserTypes: [...GUEST_TYPES], externalTenants: [{ membershipKind: "all" }] },
        ],
      };
    case "guests":
      return { includedUsers: ["GuestsOrExternalUsers"] };
    case "adminRoles":
      return { includedRoles: [...adminRoles] };
  }
}
