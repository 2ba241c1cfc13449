import type { Feature } from "../catalog/features";
import type { Posture } from "../posture/model";
import type { PlannedResource } from "../posture/resource";
import { conditionValues, iamStatements } from "../posture/readers/iam-document";
import { arr, obj } from "../posture/values";

/** What the evidence readers need besides the resources: whom the break-glass alert must watch. */
export interface EvidenceContext {
  readonly breakGlassAccounts: readonly string[];
}

const TYPES = {
  iamPolicy: "aws:iam/policy:Policy",
  trail: "aws:cloudtrail/trail:Trail",
  detector: "aws:guardduty/detector:Detector",
  entraDiagnostics: "azure-native:aadiam:DiagnosticSetting",
  queryRule: "azure-native:monitor:ScheduledQueryRule",
  logpush: "cloudflare:index/logpushJob:LogpushJob",
} as const;

const ofType = (posture: Posture, type: string) => posture.resources.filter((r) => r.type === type);
const names = (rs: readonly PlannedResource[]) => rs.map((r) => r.name);
/** A flag that is off only when it says so (the providers' defaults for these are on). */
const notOff = (v: unknown) => v !== false && v !== "false";
const on = (v: unknown) => v === true || v === "true";

/** Whether an IAM policy document denies requests made without MFA. */
const deniesWithoutMfa = (document: unknown): boolean =>
  (iamStatements(document) ?? []).some(
    (s) =>
      s.Effect === "Deny" &&
      Object.entries(conditionValues(s)).some(
        ([key, values]) => key.toLowerCase() === "aws:multifactorauthpresent" && values.includes("false"),
      ),
  );

/**
 * Per feature, the planned resources that prove the program declares it (empty: it does not,
 * whatever the profile asks for). Read from resources and the posture, never from the profile.
 */
export const FEATURE_EVIDENCE: Readonly<Record<Feature, (posture: Posture, ctx: EvidenceContext) => string[]>> = {
  "aws-mfa": (p) => names(ofType(p, TYPES.iamPolicy).filter((r) => deniesWithoutMfa(r.inputs.policy))),
  "aws-segmentation": (p) => p.network.groups.filter((g) => g.cloud === "aws" && g.tier).map((g) => g.origin.name),
  "azure-segmentation": (p) => p.network.groups.filter((g) => g.cloud === "azure" && g.tier).map((g) => g.origin.name),
  "privileged-access": (p) =>
    p.privilege.grants.filter((g) => g.kind === "entra-role" && !g.permanent).map((g) => g.origin.name),
  "entra-log-export": (p) =>
    names(ofType(p, TYPES.entraDiagnostics).filter((r) => arr(r.inputs.logs).some((l) => on(obj(l).enabled)))),
  "break-glass-alert": (p, ctx) =>
    names(
      ofType(p, TYPES.queryRule).filter(
        (r) =>
          notOff(r.inputs.enabled) &&
          ctx.breakGlassAccounts.length > 0 &&
          ctx.breakGlassAccounts.some((id) => JSON.stringify(r.inputs.criteria ?? "").includes(id)),
      ),
    ),
  cloudtrail: (p) => names(ofType(p, TYPES.trail).filter((r) => on(r.inputs.isMultiRegionTrail))),
  "cloudtrail-log-validation": (p) => names(ofType(p, TYPES.trail).filter((r) => on(r.inputs.enableLogFileValidation))),
  guardduty: (p) => names(ofType(p, TYPES.detector).filter((r) => notOff(r.inputs.enable))),
  "cloudflare-logpush": (p) => names(ofType(p, TYPES.logpush).filter((r) => notOff(r.inputs.enabled))),
  ztna: (p) => p.access.apps.filter((a) => a.policies.some((x) => x.decision === "allow")).map((a) => a.origin.name),
};
