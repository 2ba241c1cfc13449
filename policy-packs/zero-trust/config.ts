import { z } from "zod";
import { PRIVILEGED_ROLE_IDS } from "../../catalog/privileged-roles";
import { PostureLock } from "../../posture/lock";
import { ExceptionRecord } from "../../profile/exceptions";
import { DEFAULT_SESSION_CEILING_HOURS, MAX_SERVICE_TOKEN_HOURS } from "../../catalog/limits";

/**
 * What the pack knows of a stack's intent, beyond the resources: given per policy through
 * `--policy-pack-config` (`zt policy-config` writes it from a profile; hand-written stacks write
 * it themselves). Every field has a fail-closed default.
 */
/** An object id: GUIDs compare case-insensitively, so the pack keeps them in lower case. */
const Id = z.string().transform((id) => id.toLowerCase());

const Port = z.strictObject({ from: z.number().int().min(0).max(65535), to: z.number().int().min(0).max(65535) });

export const AllowedFlow = z.strictObject({
  from: z.string(),
  to: z.string(),
  protocol: z.enum(["tcp", "udp", "icmp"]),
  ports: z.array(Port).default([]),
  /** Internet-side addresses the flow is limited to (absent: anywhere). */
  cidrs: z.array(z.string()).optional(),
});
export type AllowedFlow = z.output<typeof AllowedFlow>;

/** A recorded exception, as the profile records it (without the policy: each policy has its own list). */
export const Exception = ExceptionRecord;
export type Exception = z.output<typeof Exception>;

export const PackSettings = {
  breakGlass: z
    .strictObject({ groups: z.array(Id).default([]), users: z.array(Id).default([]) })
    .prefault({})
    .describe("Break-glass group and account object ids: excluded from every blocking policy, never targeted."),
  rollout: z
    .enum(["reportOnly", "enforce"])
    .default("enforce")
    .describe("reportOnly counts report-only policies towards coverage; enforce counts only enabled ones."),
  privilegedRoles: z
    .array(Id)
    .default(PRIVILEGED_ROLE_IDS)
    .describe("Directory role template ids treated as privileged."),
  declaredExclusions: z
    .array(z.strictObject({ policy: z.string(), ids: z.array(Id), reason: z.string() }))
    .default([])
    .describe("Exclusions besides break-glass that the client declared, by policy display name."),
  maxSignInFrequencyHours: z.number().positive().default(24).describe("Longest sign-in frequency any policy may set."),
  maxAdminSignInFrequencyHours: z
    .number()
    .positive()
    .default(12)
    .describe("Longest sign-in frequency for privileged roles."),
  tiers: z
    .array(z.string())
    .default(["edge", "web", "app", "data", "mgmt"])
    .describe("Tier names, from the internet inwards."),
  edgeTier: z.string().default("edge"),
  managementTier: z.string().default("mgmt"),
  webPorts: z.array(z.number().int()).default([443]).describe("Ports the edge may accept from the internet."),
  allowedFlows: z
    .array(AllowedFlow)
    .optional()
    .describe("Flows the tier model allows (tier or 'internet' ends); default: each tier to the next one in."),
  sessionCeilingHours: z.number().positive().default(DEFAULT_SESSION_CEILING_HOURS).describe("Longest Access session."),
  requireMfa: z.boolean().default(true).describe("Every Access allow policy must require MFA."),
  maxServiceTokenHours: z
    .number()
    .positive()
    .default(MAX_SERVICE_TOKEN_HOURS)
    .describe("Longest service token lifetime."),
  exceptions: z.array(Exception).default([]).describe("Recorded exceptions to this policy."),
  mspManaged: z
    .boolean()
    .default(false)
    .describe("The stack is MSP-managed: default providers (ambient credentials) are refused."),
  ownedLayers: z
    .array(z.enum(["identity", "network", "access", "privilege"]))
    .default([])
    .describe(
      "Layers the stack owns: their coverage rules apply even when none of their resources is left. A stack that declares a layer's resources is judged on it anyway; one that declares none (a plain AWS or Azure program) is not held to another layer's baseline.",
    ),
  lock: PostureLock.optional().describe("The approved posture (zt lock): anything granted beyond it is a widening."),
} as const;

export type SettingName = keyof typeof PackSettings;
export type Settings = { [K in SettingName]: z.output<(typeof PackSettings)[K]> };

/** The schema of one policy's config: the settings its rule reads. */
export function settingsSchema(uses: readonly SettingName[]) {
  const shape = Object.fromEntries(uses.map((k) => [k, PackSettings[k]]));
  return z.object(shape).passthrough();
}
