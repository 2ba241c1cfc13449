import type * as pulumi from "@pulumi/pulumi";
import type { input } from "@pulumi/azuread/types";
import type { FrameworkItemId } from "./frameworks";

/** Entra ID licence tiers; risk-based conditions need P2. */
export type Licence = "P1" | "P2";

/**
 * How strict the baseline is. `smb` keeps guests and trusted offices workable; `strict` passes every
 * Conditional Access item of CISA SCuBA as ScubaGear decides it, at the cost those items carry
 * (guests need a compliant device too, everyone needs phishing-resistant MFA).
 */
export const PRESETS = ["smb", "strict"] as const;
export type Preset = (typeof PRESETS)[number];

/** Whom a control targets before the baseline adds its exclusions (members = all users but guests). */
export type Target = "allUsers" | "members" | "adminRoles" | "guests";

/** What a control's policy may refer to: resolved by the component, never hard-coded GUIDs. */
export interface ControlContext {
  /** The profile's preset (`identity.preset`): a control may target or bypass differently under `strict`. */
  readonly preset: Preset;
  /** Directory role template ids treated as privileged. */
  readonly adminRoles: readonly string[];
  /** Authentication strength the profile asks of everyone (`mfa.strength`). */
  readonly userStrengthId: pulumi.Input<string>;
  /** Phishing-resistant authentication strength, always required of admins. */
  readonly adminStrengthId: pulumi.Input<string>;
  /** Named location holding the allowed countries (present when the profile lists any). */
  readonly allowedCountriesLocationId?: pulumi.Input<string>;
  /** Sign-in frequency for unmanaged devices, in hours. */
  readonly userSignInFrequencyHours: number;
  /** Sign-in frequency for admins, in hours. */
  readonly adminSignInFrequencyHours: number;
}

/** The policy a control declares, in `azuread` input terms, minus targeting and state. */
export interface PolicySpec {
  readonly target: Target;
  readonly conditions: Omit<input.ConditionalAccessPolicyConditions, "users">;
  readonly grant?: input.ConditionalAccessPolicyGrantControls;
  readonly session?: input.ConditionalAccessPolicySessionControls;
}

/** One well-known Conditional Access control of the catalog. */
export interface ControlDefinition {
  /** Stable kebab-case id: the logical name suffix and the key opt-outs and exclusions use. */
  readonly id: string;
  /** Persona-based display name: CA<nnn>-<Persona>-<Type>-<Apps>-<Platform>-<Grant>. */
  readonly displayName: string;
  readonly description: string;
  /** Why the control exists: the attack it stops. */
  readonly rationale: string;
  /** The framework items it gives evidence for: the one place this control's mapping is kept. */
  readonly frameworks: readonly FrameworkItemId[];
  /** Other sources: Microsoft's Zero Trust CA framework, Maester tests, SCuBA items not tracked as items. */
  readonly references: readonly string[];
  readonly licence: Licence;
  /**
   * False where Entra cannot evaluate the policy in report-only mode (user-action scoped policies):
   * such a control is enforced even in a `reportOnly` rollout, because the alternative is no control.
   */
  readonly reportOnlyCapable: boolean;
  /** Presets that declare the control (default: every preset). */
  readonly presets?: readonly Preset[];
  /** A profile setting without which the control has nothing to enforce. */
  readonly needs?: "allowedCountries";
  readonly policy: (ctx: ControlContext) => PolicySpec;
}

/** Shorthand for the conditions every control shares: all apps, every client type. */
export const ALL_APPS: { includedApplications: string[] } = { includedApplications: ["All"] };
export const ALL_CLIENTS: string[] = ["all"];
